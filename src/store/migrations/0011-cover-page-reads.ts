/**
 * The rest of a customer page's reads in one place each, on SQLite: where the customer stands on
 * each route (customer_stages) is clustered by customer (WITHOUT ROWID: its key is the table), and
 * the indexes a page reads identities and stage history by carry the columns the page shows, so each
 * is one look-up instead of one per row. On a 10-million-event store these rows were the page's
 * largest remaining random reads. PostgreSQL plans these reads its own way; this is SQLite's alone.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

const stagesTable = async (db: Kysely<any>, clustered: boolean): Promise<void> => {
  await sql`CREATE TABLE customer_stages_new (customer_id integer NOT NULL, route_id integer NOT NULL, stage integer,
    reached integer NOT NULL, since integer NOT NULL, CONSTRAINT customer_stages_pk PRIMARY KEY (customer_id, route_id))
    ${clustered ? sql`WITHOUT ROWID` : sql``}`.execute(db);
  await sql`INSERT INTO customer_stages_new SELECT customer_id, route_id, stage, reached, since FROM customer_stages ORDER BY customer_id, route_id`.execute(db);
  await sql`DROP TABLE customer_stages`.execute(db);
  await sql`ALTER TABLE customer_stages_new RENAME TO customer_stages`.execute(db);
  await sql`CREATE INDEX customer_stages_route_stage ON customer_stages (route_id, stage)`.execute(db);
};

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await stagesTable(db, true);
  await sql`DROP INDEX identities_customer`.execute(db);
  await sql`CREATE INDEX identities_customer ON identities (customer_id, id, workspace_id, kind, external_id, handle, handle_key,
    verified, link_source, confidence, created_at)`.execute(db);
  await sql`DROP INDEX stage_transitions_customer`.execute(db);
  await sql`CREATE INDEX stage_transitions_customer ON stage_transitions (customer_id, at, id, route_id, from_stage, to_stage, cause, event_id, rule)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`DROP INDEX stage_transitions_customer`.execute(db);
  await sql`CREATE INDEX stage_transitions_customer ON stage_transitions (customer_id, at)`.execute(db);
  await sql`DROP INDEX identities_customer`.execute(db);
  await sql`CREATE INDEX identities_customer ON identities (customer_id)`.execute(db);
  await stagesTable(db, false);
}
