/**
 * Outbound webhooks: the subscriptions, the outbox of deliveries (one per webhook and event, with its
 * retry state) and the log of every attempt.
 *
 * The outbox reads customer.stage_changed facts from stage_transitions, whose ids a webhook's cursor
 * follows. On SQLite writers take turns, so ids are committed in order. On PostgreSQL they are not
 * (a long batch can commit id 10 after another committed id 11), so each transition also records the
 * transaction that wrote it (`tx`, filled by a column default: the writers need not know) and the
 * cursor follows (tx, id) up to the oldest transaction still running.
 */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'bigserial' : 'integer';
  const big = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('webhooks')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .addColumn('cursor_tx', big, (c) => c.notNull().defaultTo(0))
    .addColumn('cursor_id', big, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('webhooks_workspace').on('webhooks').columns(['workspace_id', 'id']).execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('webhook_id', big, (c) => c.notNull())
    .addColumn('event_type', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', big)
    .addColumn('locked_until', big)
    .addColumn('lock_token', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('delivered_at', big)
    .execute();
  await db.schema.createIndex('webhook_deliveries_event').unique().on('webhook_deliveries').columns(['webhook_id', 'event_key']).execute();
  await db.schema.createIndex('webhook_deliveries_webhook').on('webhook_deliveries').columns(['webhook_id', 'id']).execute();
  // Only pending deliveries are ever looked for by time.
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['next_attempt_at', 'id'])
    .where(sql.ref('status'), '=', 'pending').execute();

  await db.schema
    .createTable('webhook_attempts')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('delivery_id', big, (c) => c.notNull())
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', big, (c) => c.notNull())
    .addColumn('duration_ms', 'integer', (c) => c.notNull())
    .addColumn('response_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('next_attempt_at', big)
    .execute();
  await db.schema.createIndex('webhook_attempts_delivery').on('webhook_attempts').columns(['delivery_id', 'attempt']).execute();

  if (pg) {
    // Existing rows keep a null tx (no table rewrite): they happened before any webhook existed.
    await sql`ALTER TABLE stage_transitions ADD COLUMN tx xid8`.execute(db);
    await sql`ALTER TABLE stage_transitions ALTER COLUMN tx SET DEFAULT pg_current_xact_id()`.execute(db);
    await sql`CREATE INDEX stage_transitions_outbox ON stage_transitions (workspace_id, tx, id)`.execute(db);
  } else {
    await db.schema.createIndex('stage_transitions_outbox').on('stage_transitions').columns(['workspace_id', 'id']).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('stage_transitions_outbox').execute();
  if (isPostgres(db)) await sql`ALTER TABLE stage_transitions DROP COLUMN tx`.execute(db);
  for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhooks']) await db.schema.dropTable(table).execute();
}
