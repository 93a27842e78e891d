/**
 * The stage part of an ingestion transaction on SQLite (the writer connection). Positions are
 * cached between batches like customer states (the ingest store clears both together).
 */
import type Database from 'better-sqlite3';
import type { IngestTx, StageRow } from '../app/ports.js';
import { toRoute, toStageRow, type RouteRow, type StageColumns } from './route-repo.js';

type StageTx = Pick<IngestTx, 'routes' | 'loadStages' | 'saveStages' | 'insertTransitions'>;

export const sqliteStageTx = (conn: Database.Database) => {
  const s = {
    routes: conn.prepare('SELECT id, name, definition, version, updated_at FROM routes WHERE workspace_id = ? ORDER BY id'),
    stages: conn.prepare('SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id = ?'),
    stageRange: conn.prepare('SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id BETWEEN ? AND ?').raw(),
    upsert: conn.prepare(`INSERT INTO customer_stages (customer_id, route_id, stage, reached, since) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (customer_id, route_id) DO UPDATE SET stage = excluded.stage, reached = excluded.reached, since = excluded.since`),
    transition: conn.prepare(`INSERT INTO stage_transitions (workspace_id, customer_id, route_id, from_stage, to_stage, at, cause, event_id, rule, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
  const cache = new Map<number, StageRow[]>();
  const forWorkspace = (ws: number): StageTx => ({
    async routes() {
      return (s.routes.all(ws) as RouteRow[]).map(toRoute);
    },
    async loadStages(customerIds) {
      if (isDenseRange(customerIds)) {
        // A page of consecutive customers (re-evaluating everyone): one range scan, cache untouched.
        const wanted = new Set(customerIds);
        const out: StageRow[] = [];
        for (const [customerId, routeId, stage, reached, since] of s.stageRange.iterate(customerIds[0], customerIds[customerIds.length - 1]) as Iterable<[number, number, number | null, number, number]>) {
          if (wanted.has(customerId)) out.push({ customerId, routeId, stage, reached, since });
        }
        return out;
      }
      const out: StageRow[] = [];
      for (const id of customerIds) {
        let rows = cache.get(id);
        if (rows === undefined) {
          rows = (s.stages.all(id) as StageColumns[]).map(toStageRow);
          if (cache.size < CACHE_LIMIT) cache.set(id, rows);
        }
        out.push(...rows);
      }
      return out;
    },
    async saveStages(rows) {
      for (const r of rows) {
        s.upsert.run(r.customerId, r.routeId, r.stage, r.reached, r.since);
        const cached = cache.get(r.customerId);
        if (cached !== undefined) cache.set(r.customerId, [...cached.filter((c) => c.routeId !== r.routeId), r]);
      }
    },
    async insertTransitions(rows, now) {
      for (const t of rows) s.transition.run(ws, t.customerId, t.routeId, t.from, t.to, t.at, t.cause, t.eventId, t.rule, now);
    },
  });
  return { forWorkspace, clear: () => cache.clear() };
};

const CACHE_LIMIT = 50_000;

/** Many ids in ascending order packed in a narrow range: cheaper as one range scan. */
const isDenseRange = (ids: number[]): boolean => {
  if (ids.length < 256) return false;
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return ids[ids.length - 1]! - ids[0]! < ids.length * 4;
};

