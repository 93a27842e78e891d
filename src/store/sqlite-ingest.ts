/**
 * Ingestion on SQLite: one BEGIN IMMEDIATE transaction per batch on a dedicated writer connection,
 * prepared statements executed in-process (no round trips), so a batch runs at SQLite's speed.
 */
import type Database from 'better-sqlite3';
import type { IngestStore, IngestTx, StoredCustomer } from '../app/ports.js';
import { parseState, summaryOf } from './customer-row.js';

export const sqliteIngestStore = (conn: Database.Database): IngestStore => {
  const s = {
    byId: conn.prepare('SELECT customer_id FROM identities WHERE workspace_id = ? AND kind = ? AND external_id = ?').pluck(),
    byHandle: conn.prepare('SELECT customer_id FROM identities WHERE workspace_id = ? AND kind = ? AND handle_key = ? ORDER BY id LIMIT 1').pluck(),
    maxCustomer: conn.prepare('SELECT coalesce(max(id), 0) FROM customers').pluck(),
    insertEvent: conn.prepare(`INSERT INTO events (workspace_id, customer_id, source, source_id, kind, channel, direction,
        occurred_at, text, lang, amount, currency, amount_ws, order_id, thread_id, in_reply_to, meta, raw, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (workspace_id, source, source_id) DO NOTHING`),
    customer: conn.prepare('SELECT id, merged_into, display_name, email, phone, state FROM customers WHERE id = ? AND workspace_id = ?'),
    insertCustomer: conn.prepare(`INSERT INTO customers (id, workspace_id, display_name, email, phone, merged_into, first_seen_at,
        last_seen_at, events_count, interactions, purchases, spend_total, state, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateCustomer: conn.prepare(`UPDATE customers SET display_name = ?, email = ?, phone = ?, first_seen_at = ?, last_seen_at = ?,
        events_count = ?, interactions = ?, purchases = ?, spend_total = ?, state = ?, updated_at = ? WHERE id = ?`),
    insertIdentity: conn.prepare(`INSERT INTO identities (workspace_id, customer_id, kind, external_id, handle, handle_key, verified,
        link_source, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (workspace_id, kind, external_id) DO NOTHING`),
  };

  const txFor = (ws: number): IngestTx => ({
    async findIdentities(lookups) {
      const found = new Map<string, number>();
      for (const l of lookups) {
        const id = (l.externalId !== null ? s.byId.get(ws, l.kind, l.externalId) : s.byHandle.get(ws, l.kind, l.handleKey)) as number | undefined;
        if (id !== undefined) found.set(l.key, id);
      }
      return found;
    },
    async allocateCustomerIds(count) {
      const max = s.maxCustomer.get() as number;
      return Array.from({ length: count }, (_, i) => max + 1 + i);
    },
    async insertEvents(rows) {
      return rows.map((r) => s.insertEvent.run(ws, r.customerId, r.source, r.sourceId, r.kind, r.channel, r.direction,
        r.occurredAt, r.text, r.lang, r.amount, r.currency, r.amountWs, r.orderId, r.threadId, r.inReplyTo, r.meta, r.raw,
        r.ingestedAt).changes === 1);
    },
    async loadCustomers(ids) {
      const out = new Map<number, StoredCustomer>();
      for (const id of ids) {
        const row = s.customer.get(id, ws) as
          | { id: number; merged_into: number | null; display_name: string | null; email: string | null; phone: string | null; state: string }
          | undefined;
        if (row === undefined) continue;
        out.set(id, { id: row.id, mergedInto: row.merged_into, displayName: row.display_name, email: row.email, phone: row.phone, state: parseState(row.state, row.id) });
      }
      return out;
    },
    async insertCustomers(rows) {
      for (const w of rows) {
        const m = summaryOf(w);
        s.insertCustomer.run(w.id, ws, w.displayName, w.email, w.phone, m.first_seen_at, m.last_seen_at, m.events_count,
          m.interactions, m.purchases, m.spend_total, JSON.stringify(w.state), w.now, w.now);
      }
    },
    async updateCustomers(rows) {
      for (const w of rows) {
        const m = summaryOf(w);
        s.updateCustomer.run(w.displayName, w.email, w.phone, m.first_seen_at, m.last_seen_at, m.events_count, m.interactions,
          m.purchases, m.spend_total, JSON.stringify(w.state), w.now, w.id);
      }
    },
    async insertIdentities(rows) {
      for (const r of rows) {
        s.insertIdentity.run(ws, r.customerId, r.kind, r.externalId, r.handle, r.handleKey, r.verified ? 1 : 0, r.linkSource, r.confidence, r.createdAt);
      }
    },
  });

  // One transaction at a time on the writer connection.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    ingestTransaction(workspaceId, fn) {
      const run = async () => {
        conn.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(txFor(workspaceId));
          conn.exec('COMMIT');
          return result;
        } catch (err) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw err;
        }
      };
      const next = tail.then(run, run);
      tail = next.catch(() => undefined);
      return next;
    },
  };
};
