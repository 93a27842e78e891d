/**
 * Ingestion on PostgreSQL: one transaction per batch, each step one statement over arrays
 * (`unnest`), so a batch costs a handful of round trips whatever its size.
 */
import type pg from 'pg';
import type { CustomerWrite, IngestStore, IngestTx, StoredCustomer } from '../app/ports.js';
import { handleKey, idKey } from '../domain/identity.js';
import { encodeSummary, type StoredDay } from '../domain/customer-state.js';
import { daysToWrite, parseState, summaryOf } from './customer-row.js';

const EVENT_COLUMNS = `workspace_id, customer_id, source, source_id, kind, channel, direction, occurred_at, text, lang,
  amount, currency, amount_ws, order_id, thread_id, in_reply_to, meta, raw, ingested_at`;

/** Writes the day rows of customers (replacing all of them where a write says 'all'). */
const writeDays = async (client: pg.PoolClient, writes: CustomerWrite[]): Promise<void> => {
  const replace = writes.filter((w) => w.replaceDays).map((w) => w.id);
  if (replace.length > 0) await client.query('DELETE FROM customer_days WHERE customer_id = ANY($1::bigint[])', [replace]);
  const ids: number[] = [];
  const days: number[] = [];
  const buckets: string[] = [];
  const customs: (string | null)[] = [];
  const events: string[] = [];
  for (const w of writes) {
    for (const d of daysToWrite(w)) {
      ids.push(w.id);
      days.push(d.day);
      buckets.push(d.bucket);
      customs.push(d.custom);
      events.push(d.events);
    }
  }
  if (ids.length === 0) return;
  await client.query(
    `INSERT INTO customer_days (customer_id, day, bucket, custom, events)
     SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (customer_id, day) DO UPDATE SET bucket = excluded.bucket, custom = excluded.custom,
       events = customer_days.events || ',' || excluded.events`,
    [ids, days, buckets, customs, events],
  );
};

export const postgresIngestStore = (pool: pg.Pool): IngestStore => {
  const txFor = (client: pg.PoolClient, ws: number): IngestTx => ({
    async findIdentities(lookups) {
      const found = new Map<string, number>();
      const byId = lookups.filter((l) => l.externalId !== null);
      const byHandle = lookups.filter((l) => l.externalId === null);
      if (byId.length > 0) {
        const { rows } = await client.query<{ kind: string; external_id: string; customer_id: number }>(
          `SELECT i.kind, i.external_id, i.customer_id FROM identities i
           JOIN unnest($2::text[], $3::text[]) AS u(kind, external_id) ON i.kind = u.kind AND i.external_id = u.external_id
           WHERE i.workspace_id = $1`,
          [ws, byId.map((l) => l.kind), byId.map((l) => l.externalId)],
        );
        for (const r of rows) found.set(idKey(r.kind, r.external_id), r.customer_id);
      }
      if (byHandle.length > 0) {
        const { rows } = await client.query<{ kind: string; handle_key: string; customer_id: number }>(
          `SELECT DISTINCT ON (i.kind, i.handle_key) i.kind, i.handle_key, i.customer_id FROM identities i
           JOIN unnest($2::text[], $3::text[]) AS u(kind, handle_key) ON i.kind = u.kind AND i.handle_key = u.handle_key
           WHERE i.workspace_id = $1 ORDER BY i.kind, i.handle_key, i.id`,
          [ws, byHandle.map((l) => l.kind), byHandle.map((l) => l.handleKey)],
        );
        for (const r of rows) found.set(handleKey(r.kind, r.handle_key), r.customer_id);
      }
      return found;
    },
    async allocateCustomerIds(count) {
      if (count === 0) return [];
      const { rows } = await client.query<{ id: number }>(
        `SELECT nextval(pg_get_serial_sequence('customers', 'id')) AS id FROM generate_series(1, $1::int)`, [count]);
      return rows.map((r) => r.id);
    },
    async insertEvents(rows) {
      if (rows.length === 0) return [];
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
      const result = await client.query<{ id: number; source: string; source_id: string }>(
        `INSERT INTO events (${EVENT_COLUMNS})
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[],
           $9::text[], $10::text[], $11::float8[], $12::text[], $13::float8[], $14::text[], $15::text[], $16::text[],
           $17::text[], $18::text[], $19::bigint[])
         ON CONFLICT (workspace_id, source, source_id) DO NOTHING RETURNING id, source, source_id`,
        [ws, col('customerId'), col('source'), col('sourceId'), col('kind'), col('channel'), col('direction'), col('occurredAt'),
          col('text'), col('lang'), col('amount'), col('currency'), col('amountWs'), col('orderId'), col('threadId'),
          col('inReplyTo'), col('meta'), col('raw'), col('ingestedAt')],
      );
      const stored = new Map(result.rows.map((r) => [`${r.source}\u0000${r.source_id}`, r.id]));
      return rows.map((r) => stored.get(`${r.source}\u0000${r.sourceId}`) ?? null);
    },
    async loadCustomers(ids) {
      const out = new Map<number, StoredCustomer>();
      if (ids.length === 0) return out;
      const { rows } = await client.query<{ id: number; merged_into: number | null; display_name: string | null; email: string | null; phone: string | null; state: string }>(
        'SELECT id, merged_into, display_name, email, phone, state FROM customers WHERE workspace_id = $1 AND id = ANY($2::bigint[])',
        [ws, ids],
      );
      const days = await client.query<StoredDay & { customer_id: number }>(
        'SELECT customer_id, day, bucket, custom FROM customer_days WHERE customer_id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      const daysOf = new Map<number, StoredDay[]>();
      for (const d of days.rows) daysOf.set(d.customer_id, [...(daysOf.get(d.customer_id) ?? []), d]);
      for (const row of rows) {
        out.set(row.id, { id: row.id, mergedInto: row.merged_into, displayName: row.display_name, email: row.email, phone: row.phone, state: parseState(row.state, daysOf.get(row.id) ?? [], row.id) });
      }
      return out;
    },
    async insertCustomers(rows) {
      if (rows.length === 0) return;
      const m = rows.map(summaryOf);
      await client.query(
        `INSERT INTO customers (id, workspace_id, display_name, email, phone, first_seen_at, last_seen_at, events_count,
           interactions, purchases, spend_total, state, created_at, updated_at)
         SELECT u.id, $1, u.dn, u.em, u.ph, u.fs, u.ls, u.ec, u.ic, u.pc, u.st, u.state, u.now, u.now
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
           $10::bigint[], $11::float8[], $12::text[], $13::bigint[]) AS u(id, dn, em, ph, fs, ls, ec, ic, pc, st, state, now)`,
        [ws, rows.map((r) => r.id), rows.map((r) => r.displayName), rows.map((r) => r.email), rows.map((r) => r.phone),
          m.map((x) => x.first_seen_at), m.map((x) => x.last_seen_at), m.map((x) => x.events_count), m.map((x) => x.interactions),
          m.map((x) => x.purchases), m.map((x) => x.spend_total), rows.map((r) => encodeSummary(r.state)), rows.map((r) => r.now)],
      );
      await writeDays(client, rows);
    },
    async updateCustomers(rows) {
      if (rows.length === 0) return;
      const m = rows.map(summaryOf);
      await client.query(
        `UPDATE customers c SET display_name = u.dn, email = u.em, phone = u.ph, first_seen_at = u.fs, last_seen_at = u.ls,
           events_count = u.ec, interactions = u.ic, purchases = u.pc, spend_total = u.st, state = u.state, updated_at = u.now
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[],
           $10::bigint[], $11::float8[], $12::text[], $13::bigint[]) AS u(id, dn, em, ph, fs, ls, ec, ic, pc, st, state, now)
         WHERE c.id = u.id AND c.workspace_id = $1`,
        [ws, rows.map((r) => r.id), rows.map((r) => r.displayName), rows.map((r) => r.email), rows.map((r) => r.phone),
          m.map((x) => x.first_seen_at), m.map((x) => x.last_seen_at), m.map((x) => x.events_count), m.map((x) => x.interactions),
          m.map((x) => x.purchases), m.map((x) => x.spend_total), rows.map((r) => encodeSummary(r.state)), rows.map((r) => r.now)],
      );
      await writeDays(client, rows);
    },
    async insertIdentities(rows) {
      if (rows.length === 0) return;
      await client.query(
        `INSERT INTO identities (workspace_id, customer_id, kind, external_id, handle, handle_key, verified, link_source, confidence, created_at)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::float8[], $10::bigint[])
         ON CONFLICT (workspace_id, kind, external_id) DO NOTHING`,
        [ws, rows.map((r) => r.customerId), rows.map((r) => r.kind), rows.map((r) => r.externalId), rows.map((r) => r.handle),
          rows.map((r) => r.handleKey), rows.map((r) => (r.verified ? 1 : 0)), rows.map((r) => r.linkSource),
          rows.map((r) => r.confidence), rows.map((r) => r.createdAt)],
      );
    },
  });

  return {
    async ingestTransaction(workspaceId, fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(txFor(client, workspaceId));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
};
