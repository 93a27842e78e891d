/**
 * Pages of customers for re-evaluating everyone's stages on SQLite: each root customer with its
 * positions (one row per route) in one query, then one range scan for their days — only the days
 * on or after `sinceDay`, which is all the rules' windows read. Used by the ingestion transaction and
 * by the stage workers (sqlite-stage-worker.ts) on their own read connections.
 */
import type Database from 'better-sqlite3';
import type { StageRow, StageSubject } from '../app/ports.js';
import type { StoredDay } from '../domain/customer-state.js';
import { parseState } from './customer-row.js';

export type StagePageReader = (ws: number, afterId: number, limit: number, sinceDay: number, lastId?: number) => StageSubject[];

export const sqliteStagePages = (conn: Database.Database): StagePageReader => {
  const customers = conn.prepare(`SELECT c.id, c.state, s.route_id, s.stage, s.reached, s.since
    FROM (SELECT id, state FROM customers WHERE workspace_id = ? AND merged_into IS NULL AND id > ? AND id <= ? ORDER BY id LIMIT ?) AS c
    LEFT JOIN customer_stages s ON s.customer_id = c.id ORDER BY c.id`).raw();
  const days = conn.prepare('SELECT customer_id, day, bucket, extra FROM customer_days WHERE customer_id BETWEEN ? AND ? AND day >= ?').raw();
  return (ws, afterId, limit, sinceDay, lastId = Number.MAX_SAFE_INTEGER) => {
    const page: { id: number; summary: string; positions: StageRow[] }[] = [];
    for (const [id, summary, routeId, stage, reached, since] of customers.iterate(ws, afterId, lastId, limit) as Iterable<[number, string, number | null, number | null, number, number]>) {
      let c = page[page.length - 1];
      if (c === undefined || c.id !== id) page.push((c = { id, summary, positions: [] }));
      if (routeId !== null) c.positions.push({ customerId: id, routeId, stage, reached, since });
    }
    if (page.length === 0) return [];
    const daysOf = new Map<number, StoredDay[]>();
    for (const [id, day, bucket, extra] of days.iterate(page[0]!.id, page[page.length - 1]!.id, sinceDay) as Iterable<[number, number, string, string | null]>) {
      const list = daysOf.get(id);
      if (list === undefined) daysOf.set(id, [{ day, bucket, extra }]);
      else list.push({ day, bucket, extra });
    }
    return page.map((c) => ({ id: c.id, state: parseState(c.summary, daysOf.get(c.id) ?? [], c.id, { orders: false }), positions: c.positions }));
  };
};
