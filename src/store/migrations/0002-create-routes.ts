/** KPI routes, each customer's position on them, and the log of stage transitions. */
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'bigserial' : 'integer';
  const big = pg ? 'bigint' : 'integer';

  await db.schema
    .createTable('routes')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('definition', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('updated_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('routes_workspace_name').unique().on('routes').columns(['workspace_id', 'name']).execute();

  // Written only when a position changes, so ingestion rarely touches it.
  await db.schema
    .createTable('customer_stages')
    .addColumn('customer_id', big, (c) => c.notNull())
    .addColumn('route_id', big, (c) => c.notNull())
    .addColumn('stage', 'integer')
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('since', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_stages_pk', ['customer_id', 'route_id'])
    .execute();
  await db.schema.createIndex('customer_stages_route_stage').on('customer_stages').columns(['route_id', 'stage']).execute();

  await db.schema
    .createTable('stage_transitions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('customer_id', big, (c) => c.notNull())
    .addColumn('route_id', big, (c) => c.notNull())
    .addColumn('from_stage', 'integer')
    .addColumn('to_stage', 'integer')
    .addColumn('at', big, (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('event_id', big)
    .addColumn('rule', 'text')
    .addColumn('recorded_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stage_transitions_customer').on('stage_transitions').columns(['customer_id', 'at']).execute();
  await db.schema.createIndex('stage_transitions_route').on('stage_transitions').columns(['route_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['stage_transitions', 'customer_stages', 'routes']) await db.schema.dropTable(table).execute();
}
