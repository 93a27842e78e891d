/** Routes and stage positions read through Kysely (ingestion writes them in its own transaction). */
import type { Kysely } from 'kysely';
import type { RouteStore, StageReadStore, StageRow, StoredRoute, TransitionCause, TransitionView } from '../app/ports.js';
import { parseStoredRoute } from '../app/route-input.js';
import type { CustomerStageTable, RouteTable, StageTransitionTable, Tables } from './tables.js';
import type { WriteLock } from './write-lock.js';

/** A routes row (id, name, definition, version, updated_at) as the port gives it. */
export type RouteRow = Pick<RouteTable, 'name' | 'definition' | 'version' | 'updated_at'> & { id: number };

export const toRoute = (r: RouteRow): StoredRoute => ({
  id: r.id, name: r.name, definition: parseStoredRoute(r.definition), version: r.version, updatedAt: r.updated_at,
});

export const routeRepo = (db: Kysely<Tables>, writeLock: WriteLock): RouteStore => ({
  async list(ws) {
    return (await db.selectFrom('routes').selectAll().where('workspace_id', '=', ws).orderBy('id').execute()).map(toRoute);
  },
  async save(ws, definition, now) {
    return writeLock(() => db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('routes').select(['id', 'version']).where('workspace_id', '=', ws).where('name', '=', definition.name).executeTakeFirst();
      if (existing === undefined) {
        await trx.insertInto('routes').values({ workspace_id: ws, name: definition.name, definition: JSON.stringify(definition), version: 1, created_at: now, updated_at: now }).execute();
      } else {
        await trx.updateTable('routes').set({ definition: JSON.stringify(definition), version: existing.version + 1, updated_at: now }).where('id', '=', existing.id).execute();
      }
      return toRoute(await trx.selectFrom('routes').selectAll().where('workspace_id', '=', ws).where('name', '=', definition.name).executeTakeFirstOrThrow());
    }));
  },
});

/** A customer_stages row as the ports give it. */
export type StageColumns = Pick<CustomerStageTable, 'customer_id' | 'route_id' | 'stage' | 'reached' | 'since'>;
export const toStageRow = (r: StageColumns): StageRow => ({ customerId: r.customer_id, routeId: r.route_id, stage: r.stage, reached: r.reached, since: r.since });

/** A stage_transitions row as a customer's history shows it. */
export type TransitionColumns = Pick<StageTransitionTable, 'route_id' | 'from_stage' | 'to_stage' | 'at' | 'cause' | 'event_id' | 'rule'>;
export const toTransitionView = (r: TransitionColumns): TransitionView => ({
  routeId: r.route_id, from: r.from_stage, to: r.to_stage, at: r.at, cause: r.cause as TransitionCause, eventId: r.event_id, rule: r.rule,
});

export const stageReadRepo = (db: Kysely<Tables>): StageReadStore => ({
  async positions(ws, customerId) {
    const rows = await db.selectFrom('customer_stages').innerJoin('routes', 'routes.id', 'customer_stages.route_id')
      .select(['customer_id', 'route_id', 'stage', 'reached', 'since']).where('routes.workspace_id', '=', ws).where('customer_id', '=', customerId).orderBy('route_id').execute();
    return rows.map(toStageRow);
  },
  async transitions(ws, customerId) {
    const rows = await db.selectFrom('stage_transitions').selectAll().where('workspace_id', '=', ws).where('customer_id', '=', customerId).orderBy('at').orderBy('id').execute();
    return rows.map(toTransitionView);
  },
  async counts(ws, routeId) {
    const rows = await db.selectFrom('customer_stages').innerJoin('customers', 'customers.id', 'customer_stages.customer_id')
      .select(['stage', (eb) => eb.fn.countAll<number>().as('n')]).where('customers.workspace_id', '=', ws).where('customers.merged_into', 'is', null)
      .where('route_id', '=', routeId).groupBy('stage').execute();
    return rows.map((r) => ({ stage: r.stage, customers: Number(r.n) }));
  },
  async arrivals(ws, routeId, until) {
    const rows = await db.selectFrom('stage_transitions').innerJoin('customers', 'customers.id', 'stage_transitions.customer_id')
      .select(['customer_id', 'to_stage', 'at']).where('stage_transitions.workspace_id', '=', ws).where('route_id', '=', routeId)
      .where('customers.merged_into', 'is', null).where('at', '<=', until).execute();
    return rows.map((r) => ({ customerId: r.customer_id, to: r.to_stage, at: r.at }));
  },
});
