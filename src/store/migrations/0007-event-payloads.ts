/**
 * The raw payload of each event (the input line as received, kept for audit and reprocessing, read
 * by nothing on a page) moves out of `events` into `event_payloads`. It was three quarters of an
 * event row's bytes: a customer's page reads its recent events from anywhere in the log, and the
 * log without the payloads is a third of the pages to keep cached.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const big = isPostgres(db) ? 'bigint' : 'integer';
  await db.schema
    .createTable('event_payloads')
    .addColumn('event_id', big, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO event_payloads (event_id, workspace_id, raw) SELECT id, workspace_id, raw FROM events ORDER BY id`.execute(db);
  await db.schema.alterTable('events').dropColumn('raw').execute();
  await db.schema.createIndex('event_payloads_workspace').on('event_payloads').column('workspace_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').addColumn('raw', 'text', (c) => c.notNull().defaultTo('')).execute();
  await sql`UPDATE events SET raw = (SELECT p.raw FROM event_payloads p WHERE p.event_id = events.id)
    WHERE EXISTS (SELECT 1 FROM event_payloads p WHERE p.event_id = events.id)`.execute(db);
  await db.schema.dropTable('event_payloads').execute();
}
