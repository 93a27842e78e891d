/** The core: workspaces, customers, identities, the event log and merges. */
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'bigserial' : 'integer';
  const big = pg ? 'bigint' : 'integer';
  const real = pg ? 'double precision' : 'real';

  await db.schema
    .createTable('workspaces')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull().references('workspaces.id'))
    .addColumn('display_name', 'text')
    .addColumn('name_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('merged_into', big)
    .addColumn('first_seen_at', big)
    .addColumn('last_seen_at', big)
    .addColumn('events_count', big, (c) => c.notNull().defaultTo(0))
    .addColumn('interactions', big, (c) => c.notNull().defaultTo(0))
    .addColumn('purchases', big, (c) => c.notNull().defaultTo(0))
    .addColumn('spend_total', real, (c) => c.notNull().defaultTo(0))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_workspace_last_seen').on('customers').columns(['workspace_id', 'last_seen_at']).execute();
  await db.schema.createIndex('customers_merged_into').on('customers').column('merged_into').execute();

  // A customer's activity per UTC day (see domain/customer-state.ts): the part of the state that
  // grows with history, kept apart so a batch rewrites only the days it touched. Each row also lists
  // the ids of that day's events: the customer's timeline index, clustered by customer and day.
  await db.schema
    .createTable('customer_days')
    .addColumn('customer_id', big, (c) => c.notNull())
    .addColumn('day', 'integer', (c) => c.notNull())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('extra', 'text')
    .addColumn('events', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_days_pk', ['customer_id', 'day'])
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute();

  await db.schema
    .createTable('identities')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('customer_id', big, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('external_id', 'text')
    .addColumn('handle', 'text')
    .addColumn('handle_key', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('link_source', 'text', (c) => c.notNull())
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('identities_external').unique().on('identities').columns(['workspace_id', 'kind', 'external_id']).execute();
  await db.schema.createIndex('identities_handle').on('identities').columns(['workspace_id', 'kind', 'handle_key']).execute();
  await db.schema.createIndex('identities_customer').on('identities').column('customer_id').execute();

  // The event log. Its indexes decide the ingestion rate, so it has one: the idempotency key.
  // Timelines go through customer_days (a per-customer index on this table halved the rate).
  await db.schema
    .createTable('events')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('customer_id', big, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('occurred_at', big, (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('lang', 'text')
    .addColumn('amount', real)
    .addColumn('currency', 'text')
    .addColumn('amount_ws', real)
    .addColumn('order_id', 'text')
    .addColumn('thread_id', 'text')
    .addColumn('in_reply_to', 'text')
    .addColumn('meta', 'text')
    .addColumn('raw', 'text', (c) => c.notNull())
    .addColumn('ingested_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_idempotency').unique().on('events').columns(['workspace_id', 'source', 'source_id']).execute();

  await db.schema
    .createTable('merges')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('target_id', big, (c) => c.notNull())
    .addColumn('merged_id', big, (c) => c.notNull())
    .addColumn('link_source', 'text', (c) => c.notNull())
    .addColumn('confidence', real, (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('undone_at', big)
    .addColumn('undone_by', 'text')
    .execute();
  await db.schema.createIndex('merges_workspace').on('merges').columns(['workspace_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['merges', 'events', 'identities', 'customer_days', 'customers', 'workspaces']) await db.schema.dropTable(table).execute();
}
