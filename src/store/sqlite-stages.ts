/**
 * The stage part of an ingestion transaction on SQLite (the writer connection). Positions are
 * cached between batches like customer states (the ingest store clears both together).
 */
import type Database from 'better-sqlite3';
import type { IngestTx, StageRow } from '../app/ports.js';
import { parseStoredRoute } from '../app/route-input.js';

type StageTx = Pick<IngestTx, 'routes' | 'loadStages' | 'saveStages' | 'insertTransitions'>;

export const sqliteStageTx = (conn: Database.Database) => {
  const s = {
    routes: conn.prepare('SELECT id, name, definition, version, updated_at FROM routes WHERE workspace_id = ? ORDER BY id'),
    stages: conn.prepare('SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id = ?'),
    upsert: conn.prepare(`INSERT INTO customer_stages (customer_id, route_id, stage, reached, since) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (customer_id, route_id) DO UPDATE SET stage = excluded.stage, reached = excluded.reached, since = excluded.since`),
    transition: conn.prepare(`INSERT INTO stage_transitions (workspace_id, customer_id, route_id, from_stage, to_stage, at, cause, event_id, rule, recorded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
  const cache = new Map<number, StageRow[]>();
  const forWorkspace = (ws: number): StageTx => ({
    async routes() {
      return (s.routes.all(ws) as { id: number; name: string; definition: string; version: number; updated_at: number }[])
        .map((r) => ({ id: r.id, name: r.name, definition: parseStoredRoute(r.definition), version: r.version, updatedAt: r.updated_at }));
    },
    async loadStages(customerIds) {
      const out: StageRow[] = [];
      for (const id of customerIds) {
        let rows = cache.get(id);
        if (rows === undefined) {
          rows = (s.stages.all(id) as { customer_id: number; route_id: number; stage: number | null; reached: number; since: number }[])
            .map((r) => ({ customerId: r.customer_id, routeId: r.route_id, stage: r.stage, reached: r.reached, since: r.since }));
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

