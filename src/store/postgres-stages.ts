/** The stage part of an ingestion transaction on PostgreSQL: one statement per batch step. */
import type pg from 'pg';
import type { IngestTx, StageRow } from '../app/ports.js';
import { toRoute, type RouteRow } from './route-repo.js';

type StageTx = Pick<IngestTx, 'routes' | 'loadStages' | 'saveStages' | 'insertTransitions'>;

export const postgresStageTx = (client: pg.PoolClient, ws: number): StageTx => ({
  async routes() {
    const { rows } = await client.query<RouteRow>(
      'SELECT id, name, definition, version, updated_at FROM routes WHERE workspace_id = $1 ORDER BY id', [ws]);
    return rows.map(toRoute);
  },
  async loadStages(customerIds) {
    if (customerIds.length === 0) return [];
    const { rows } = await client.query<{ customer_id: number; route_id: number; stage: number | null; reached: number; since: number }>(
      'SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id = ANY($1::bigint[])', [customerIds]);
    return rows.map((r): StageRow => ({ customerId: r.customer_id, routeId: r.route_id, stage: r.stage, reached: r.reached, since: r.since }));
  },
  async saveStages(rows) {
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO customer_stages (customer_id, route_id, stage, reached, since)
       SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::bigint[])
       ON CONFLICT (customer_id, route_id) DO UPDATE SET stage = excluded.stage, reached = excluded.reached, since = excluded.since`,
      [rows.map((r) => r.customerId), rows.map((r) => r.routeId), rows.map((r) => r.stage), rows.map((r) => r.reached), rows.map((r) => r.since)]);
  },
  async insertTransitions(rows, now) {
    if (rows.length === 0) return;
    await client.query(
      `INSERT INTO stage_transitions (workspace_id, customer_id, route_id, from_stage, to_stage, at, cause, event_id, rule, recorded_at)
       SELECT $1, u.*, $2 FROM unnest($3::bigint[], $4::bigint[], $5::int[], $6::int[], $7::bigint[], $8::text[], $9::bigint[], $10::text[]) AS u`,
      [ws, now, rows.map((t) => t.customerId), rows.map((t) => t.routeId), rows.map((t) => t.from), rows.map((t) => t.to), rows.map((t) => t.at),
        rows.map((t) => t.cause), rows.map((t) => t.eventId), rows.map((t) => t.rule)]);
  },
});
