/**
 * Ingestion on SQLite: one BEGIN IMMEDIATE transaction per batch on a dedicated writer connection,
 * prepared statements executed in-process (no round trips), so a batch runs at SQLite's speed.
 *
 * Customers' parsed states and known identities are cached between batches (the busiest customers
 * are in every batch; parsing their state and finding their identities again each time was a fifth
 * of the import). The caches are dropped whenever another connection has committed
 * (PRAGMA data_version) and on rollback, so they never serve stale data.
 */
import type Database from 'better-sqlite3';
import type { CustomerWrite, IngestStore, IngestTx, StoredCustomer } from '../app/ports.js';
import { encodeSummary, type StoredDay } from '../domain/customer-state.js';
import { handleKey, idKey } from '../domain/identity.js';
import { daysToWrite, parseState, summaryOf } from './customer-row.js';
import { encodeEventView } from './event-views.js';
import { sqliteStagePages } from './sqlite-stage-pages.js';
import { sqliteStageTx } from './sqlite-stages.js';
import type { WriteLock } from './write-lock.js';

const CACHE_LIMIT = 50_000;
const IDENTITY_CACHE_LIMIT = 500_000;

export const sqliteIngestStore = (conn: Database.Database, writeLock: WriteLock): IngestStore => {
  const cache = new Map<number, StoredCustomer & { ws: number }>();
  const identities = new Map<string, number>();
  let seenVersion = -1;
  const stageTx = sqliteStageTx(conn);
  const stagePages = sqliteStagePages(conn);
  const clearCaches = () => {
    cache.clear();
    identities.clear();
    stageTx.clear();
  };
  const remember = (ws: number, c: StoredCustomer) => {
    cache.delete(c.id);
    cache.set(c.id, { ...c, ws });
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as number);
  };

  const s = {
    byId: conn.prepare('SELECT customer_id FROM identities WHERE workspace_id = ? AND kind = ? AND external_id = ?').pluck(),
    byHandle: conn.prepare('SELECT customer_id FROM identities WHERE workspace_id = ? AND kind = ? AND handle_key = ? ORDER BY id LIMIT 1').pluck(),
    maxCustomer: conn.prepare('SELECT coalesce(max(id), 0) FROM customers').pluck(),
    insertEvent: conn.prepare(`INSERT INTO events (workspace_id, customer_id, source, source_id, kind, channel, direction,
        occurred_at, text, lang, sentiment, sentiment_score, emotion, amount, currency, amount_ws, order_id, thread_id, in_reply_to, meta, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (workspace_id, source, source_id) DO NOTHING`),
    insertPayload: conn.prepare('INSERT INTO event_payloads (event_id, workspace_id, raw) VALUES (?, ?, ?)'),
    customer: conn.prepare('SELECT id, merged_into, display_name, name_given, email, phone, state FROM customers WHERE id = ? AND workspace_id = ?'),
    insertCustomer: conn.prepare(`INSERT INTO customers (id, workspace_id, display_name, name_given, email, phone, merged_into, first_seen_at,
        last_seen_at, events_count, interactions, purchases, spend_total, state, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateCustomer: conn.prepare(`UPDATE customers SET display_name = ?, name_given = ?, email = ?, phone = ?, first_seen_at = ?, last_seen_at = ?,
        events_count = ?, interactions = ?, purchases = ?, spend_total = ?, state = ?, updated_at = ? WHERE id = ?`),
    days: conn.prepare('SELECT day, bucket, extra FROM customer_days WHERE customer_id = ?'),
    upsertDay: conn.prepare(`INSERT INTO customer_days (customer_id, day, bucket, extra, events, views) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (customer_id, day) DO UPDATE SET bucket = excluded.bucket, extra = excluded.extra,
        events = customer_days.events || ',' || excluded.events, views = customer_days.views || ',' || excluded.views`),
    insertIdentity: conn.prepare(`INSERT INTO identities (workspace_id, customer_id, kind, external_id, handle, handle_key, verified,
        link_source, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (workspace_id, kind, external_id) DO NOTHING`),
  };

  const txFor = (ws: number): IngestTx => {
    // The views of the events this transaction inserted, for the day rows it writes (event-views.ts).
    const views = new Map<number, string>();
    const writeDays = (w: CustomerWrite) => {
      for (const d of daysToWrite(w, views)) s.upsertDay.run(w.id, d.day, d.bucket, d.extra, d.events, d.views);
    };
    const tx: IngestTx = {
    ...stageTx.forWorkspace(ws),
    async stagePage(afterId, limit, sinceDay) {
      return stagePages(ws, afterId, limit, sinceDay);
    },
    async findIdentities(lookups) {
      const found = new Map<string, number>();
      for (const l of lookups) {
        const known = identities.get(l.key);
        if (known !== undefined) {
          found.set(l.key, known);
          continue;
        }
        const id = (l.externalId !== null ? s.byId.get(ws, l.kind, l.externalId) : s.byHandle.get(ws, l.kind, l.handleKey)) as number | undefined;
        if (id !== undefined) {
          found.set(l.key, id);
          if (identities.size < IDENTITY_CACHE_LIMIT) identities.set(l.key, id);
        }
      }
      return found;
    },
    async allocateCustomerIds(count) {
      const max = s.maxCustomer.get() as number;
      return Array.from({ length: count }, (_, i) => max + 1 + i);
    },
    async insertEvents(rows) {
      return rows.map((r) => {
        const result = s.insertEvent.run(ws, r.customerId, r.source, r.sourceId, r.kind, r.channel, r.direction,
          r.occurredAt, r.text, r.lang, r.sentiment, r.sentimentScore, r.emotion, r.amount, r.currency, r.amountWs, r.orderId, r.threadId, r.inReplyTo, r.meta, r.ingestedAt);
        if (result.changes !== 1) return null;
        const id = Number(result.lastInsertRowid);
        s.insertPayload.run(id, ws, r.raw);
        views.set(id, encodeEventView(id, r));
        return id;
      });
    },
    async loadCustomers(ids) {
      const out = new Map<number, StoredCustomer>();
      for (const id of ids) {
        const hit = cache.get(id);
        if (hit !== undefined && hit.ws === ws) {
          out.set(id, hit);
          continue;
        }
        const row = s.customer.get(id, ws) as
          | { id: number; merged_into: number | null; display_name: string | null; name_given: number; email: string | null; phone: string | null; state: string }
          | undefined;
        if (row === undefined) continue;
        const c = { id: row.id, mergedInto: row.merged_into, displayName: row.display_name, nameGiven: row.name_given === 1, email: row.email, phone: row.phone, state: parseState(row.state, s.days.all(row.id) as StoredDay[], row.id) };
        remember(ws, c);
        out.set(id, c);
      }
      return out;
    },
    async insertCustomers(rows) {
      for (const w of rows) {
        const m = summaryOf(w);
        s.insertCustomer.run(w.id, ws, w.displayName, w.nameGiven ? 1 : 0, w.email, w.phone, m.first_seen_at, m.last_seen_at, m.events_count,
          m.interactions, m.purchases, m.spend_total, encodeSummary(w.state), w.now, w.now);
        writeDays(w);
        remember(ws, { id: w.id, mergedInto: null, displayName: w.displayName, nameGiven: w.nameGiven, email: w.email, phone: w.phone, state: w.state });
      }
    },
    async updateCustomers(rows) {
      for (const w of rows) {
        const m = summaryOf(w);
        s.updateCustomer.run(w.displayName, w.nameGiven ? 1 : 0, w.email, w.phone, m.first_seen_at, m.last_seen_at, m.events_count, m.interactions,
          m.purchases, m.spend_total, encodeSummary(w.state), w.now, w.id);
        writeDays(w);
        const cached = cache.get(w.id);
        if (cached !== undefined) remember(ws, { ...cached, displayName: w.displayName, nameGiven: w.nameGiven, email: w.email, phone: w.phone, state: w.state });
      }
    },
    async insertIdentities(rows) {
      for (const r of rows) {
        const inserted = s.insertIdentity.run(ws, r.customerId, r.kind, r.externalId, r.handle, r.handleKey, r.verified ? 1 : 0, r.linkSource, r.confidence, r.createdAt);
        if (inserted.changes === 1 && identities.size < IDENTITY_CACHE_LIMIT) {
          if (r.externalId !== null) identities.set(idKey(r.kind, r.externalId), r.customerId);
          else if (r.handleKey !== null) identities.set(handleKey(r.kind, r.handleKey), r.customerId);
        }
      }
    },
    };
    return tx;
  };

  return {
    ingestTransaction(workspaceId, fn) {
      const run = async () => {
        conn.exec('BEGIN IMMEDIATE');
        const version = conn.pragma('data_version', { simple: true }) as number;
        if (version !== seenVersion) clearCaches();
        seenVersion = version;
        try {
          const result = await fn(txFor(workspaceId));
          conn.exec('COMMIT');
          return result;
        } catch (err) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          clearCaches(); // the batch folded events into cached states in place
          throw err;
        }
      };
      return writeLock(run);
    },
  };
};
