/** Finds stored events by their idempotency key (workspace, source, source id), in one statement. */
import { sql, type Kysely } from 'kysely';
import type { EventKeyStore } from '../app/ports.js';
import { isPostgres } from './dialect.js';
import type { Tables } from './tables.js';

const CHUNK = 500;

export const eventKeyRepo = (db: Kysely<Tables>): EventKeyStore => ({
  async idsBySource(ws, keys) {
    const found = new Map<string, { eventId: number; customerId: number }>();
    if (keys.length === 0) return found;
    const { rows } = isPostgres(db)
      ? await sql<{ id: number; customer_id: number; source: string; source_id: string }>`
          SELECT e.id, e.customer_id, e.source, e.source_id FROM events e
          JOIN unnest(${keys.map((k) => k.source)}::text[], ${keys.map((k) => k.sourceId)}::text[]) AS u(source, source_id)
            ON e.workspace_id = ${ws} AND e.source = u.source AND e.source_id = u.source_id`.execute(db)
      : await sql<{ id: number; customer_id: number; source: string; source_id: string }>`
          SELECT e.id, e.customer_id, e.source, e.source_id FROM json_each(${JSON.stringify(keys.map((k) => [k.source, k.sourceId]))}) AS u
          JOIN events e ON e.workspace_id = ${ws} AND e.source = u.value ->> 0 AND e.source_id = u.value ->> 1`.execute(db);

    // Follow merges to the customer each event belongs to now.
    const rootOf = new Map<number, number | null>();
    let pending = [...new Set(rows.map((r) => Number(r.customer_id)))];
    while (pending.length > 0) {
      const next: number[] = [];
      for (let i = 0; i < pending.length; i += CHUNK) {
        const got = await db.selectFrom('customers').select(['id', 'merged_into']).where('workspace_id', '=', ws).where('id', 'in', pending.slice(i, i + CHUNK)).execute();
        for (const c of got) {
          rootOf.set(c.id, c.merged_into);
          if (c.merged_into !== null && !rootOf.has(c.merged_into)) next.push(c.merged_into);
        }
      }
      pending = [...new Set(next)];
    }
    const root = (id: number): number => {
      let at = id;
      for (let hops = 0; hops < 1000; hops += 1) {
        const up = rootOf.get(at);
        if (up === undefined || up === null) return at;
        at = up;
      }
      return at;
    };
    for (const r of rows) found.set(`${r.source}\u0000${r.source_id}`, { eventId: Number(r.id), customerId: root(Number(r.customer_id)) });
    return found;
  },
});
