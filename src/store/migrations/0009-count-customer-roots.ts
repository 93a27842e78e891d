/**
 * The list's total on SQLite: the root customers (not merged into another) of each workspace,
 * counted by triggers in the transaction of every write that adds, removes or merges a customer.
 * Counting the partial index (0008) took 50–140 ms at a million customers, paid again by every HTTP
 * process after every write — under live ingestion, a stall of every list request queued behind it.
 * PostgreSQL counts the index as it always did (it keeps no total between requests), so this is
 * SQLite's alone. A deleted workspace leaves its row at 0.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

const TRIGGERS = ['customer_roots_insert', 'customer_roots_delete', 'customer_roots_merge'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  await sql`CREATE TABLE customer_roots (workspace_id integer PRIMARY KEY, roots integer NOT NULL)`.execute(db);
  await sql`INSERT INTO customer_roots (workspace_id, roots)
    SELECT workspace_id, count(*) FROM customers WHERE merged_into IS NULL GROUP BY workspace_id`.execute(db);
  await sql`CREATE TRIGGER customer_roots_insert AFTER INSERT ON customers WHEN NEW.merged_into IS NULL BEGIN
    INSERT INTO customer_roots (workspace_id, roots) VALUES (NEW.workspace_id, 1)
      ON CONFLICT (workspace_id) DO UPDATE SET roots = roots + 1;
  END`.execute(db);
  await sql`CREATE TRIGGER customer_roots_delete AFTER DELETE ON customers WHEN OLD.merged_into IS NULL BEGIN
    UPDATE customer_roots SET roots = roots - 1 WHERE workspace_id = OLD.workspace_id;
  END`.execute(db);
  await sql`CREATE TRIGGER customer_roots_merge AFTER UPDATE OF merged_into ON customers
    WHEN (OLD.merged_into IS NULL) <> (NEW.merged_into IS NULL) BEGIN
    UPDATE customer_roots SET roots = roots + (CASE WHEN NEW.merged_into IS NULL THEN 1 ELSE -1 END) WHERE workspace_id = NEW.workspace_id;
  END`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) return;
  for (const trigger of TRIGGERS) await sql`DROP TRIGGER ${sql.id(trigger)}`.execute(db);
  await sql`DROP TABLE customer_roots`.execute(db);
}
