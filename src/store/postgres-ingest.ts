/**
 * Ingestion on PostgreSQL: one transaction per batch, each step one statement over arrays
 * (`unnest`), so a batch costs a handful of round trips whatever its size.
 */
import type pg from 'pg';
import type { CustomerWrite, IngestStore, IngestTx, StageRow, StoredCustomer } from '../app/ports.js';
import { handleKey, idKey } from '../domain/identity.js';
import { encodeSummary, type StoredDay } from '../domain/customer-state.js';
import { daysToWrite, parseState, summaryOf } from './customer-row.js';
import { encodeEventView } from './event-views.js';
import { copyInto, stagingFor } from './postgres-copy.js';
import { postgresStageTx } from './postgres-stages.js';

const DEADLOCK = '40P01';
const SERIALIZATION_FAILURE = '40001';
const MAX_ATTEMPTS = 3;

const EVENT_COLUMNS = ['workspace_id', 'customer_id', 'source', 'source_id', 'kind', 'channel', 'direction', 'occurred_at', 'text',
  'lang', 'sentiment', 'sentiment_score', 'emotion', 'amount', 'currency', 'amount_ws', 'order_id', 'thread_id', 'in_reply_to', 'meta', 'ingested_at'];
const CUSTOMER_COLUMNS = ['id', 'workspace_id', 'display_name', 'name_given', 'email', 'phone', 'first_seen_at', 'last_seen_at', 'events_count',
  'interactions', 'purchases', 'spend_total', 'state', 'created_at', 'updated_at'];
const DAY_COLUMNS = ['customer_id', 'day', 'bucket', 'extra', 'events', 'views'];
const IDENTITY_COLUMNS = ['workspace_id', 'customer_id', 'kind', 'external_id', 'handle', 'handle_key', 'verified', 'link_source', 'confidence', 'created_at'];

/**
 * Re-evaluating everyone pages through customers in id order; right after a bulk load PostgreSQL's
 * statistics still say the tables are empty, and it plans each page as a scan of the whole workspace
 * (quadratic over a million customers). Tables never analyzed, or changed by more than a tenth
 * since, are analyzed first (a sample: well under a second).
 */
const STAGE_TABLES = ['customers', 'customer_days', 'customer_stages'] as const;
const analyzeIfStale = async (client: pg.PoolClient, tables: readonly string[]): Promise<void> => {
  const { rows } = await client.query<{ relname: string }>(
    `SELECT relname FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ANY($1::text[])
     AND ((last_analyze IS NULL AND last_autoanalyze IS NULL) OR n_mod_since_analyze > n_live_tup / 10)`, [tables]);
  // Names come from the fixed list above, never from input.
  for (const r of rows) if (tables.includes(r.relname)) await client.query(`ANALYZE ${r.relname}`);
};

const customerRow = (ws: number, w: CustomerWrite) => {
  const m = summaryOf(w);
  return [w.id, ws, w.displayName, w.nameGiven ? 1 : 0, w.email, w.phone, m.first_seen_at, m.last_seen_at, m.events_count, m.interactions, m.purchases,
    m.spend_total, encodeSummary(w.state), w.now, w.now];
};

/**
 * Writes the day rows of customers: appends the new event ids and their views (`views`: those of the
 * events the transaction inserted).
 */
const writeDays = async (client: pg.PoolClient, writes: CustomerWrite[], views: ReadonlyMap<number, string>): Promise<void> => {
  const rows = writes.flatMap((w) => daysToWrite(w, views).map((d) => [w.id, d.day, d.bucket, d.extra, d.events, d.views]));
  if (rows.length === 0) return;
  const stage = await stagingFor(client, 'customer_days');
  await copyInto(client, stage, DAY_COLUMNS, rows);
  await client.query(
    `INSERT INTO customer_days (${DAY_COLUMNS.join(', ')}) SELECT ${DAY_COLUMNS.join(', ')} FROM ${stage}
     ON CONFLICT (customer_id, day) DO UPDATE SET bucket = excluded.bucket, extra = excluded.extra,
       events = customer_days.events || ',' || excluded.events, views = customer_days.views || ',' || excluded.views`,
  );
  await client.query(`TRUNCATE ${stage}`);
};

export const postgresIngestStore = (pool: pg.Pool): IngestStore => {
  const txFor = (client: pg.PoolClient, ws: number): IngestTx => {
    // The views of the events this transaction inserted, for the day rows it writes (event-views.ts).
    const views = new Map<number, string>();
    const tx: IngestTx = {
    ...postgresStageTx(client, ws),
    async stagePage(afterId, limit, sinceDay) {
      if (afterId === 0) await analyzeIfStale(client, STAGE_TABLES);
      // Locked like a batch's customers, so a stage never comes from a state a batch is changing.
      const { rows } = await client.query<{ id: number; state: string }>(
        'SELECT id, state FROM customers WHERE workspace_id = $1 AND merged_into IS NULL AND id > $2 ORDER BY id LIMIT $3 FOR UPDATE', [ws, afterId, limit]);
      if (rows.length === 0) return [];
      const positions = new Map<number, StageRow[]>();
      for (const p of await postgresStageTx(client, ws).loadStages(rows.map((r) => r.id))) {
        const list = positions.get(p.customerId);
        if (list === undefined) positions.set(p.customerId, [p]);
        else list.push(p);
      }
      const days = await client.query<StoredDay & { customer_id: number }>(
        'SELECT customer_id, day, bucket, extra FROM customer_days WHERE customer_id BETWEEN $1 AND $2 AND day >= $3', [rows[0]!.id, rows[rows.length - 1]!.id, sinceDay]);
      const daysOf = new Map<number, StoredDay[]>();
      for (const d of days.rows) {
        const list = daysOf.get(d.customer_id);
        if (list === undefined) daysOf.set(d.customer_id, [d]);
        else list.push(d);
      }
      return rows.map((r) => ({ id: r.id, state: parseState(r.state, daysOf.get(r.id) ?? [], r.id, { orders: false }), positions: positions.get(r.id) ?? [] }));
    },
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
      const stage = await stagingFor(client, 'events', 'raw text');
      await copyInto(client, stage, [...EVENT_COLUMNS, 'raw'], rows.map((r) => [ws, r.customerId, r.source, r.sourceId, r.kind, r.channel,
        r.direction, r.occurredAt, r.text, r.lang, r.sentiment, r.sentimentScore, r.emotion, r.amount, r.currency, r.amountWs, r.orderId, r.threadId, r.inReplyTo, r.meta, r.ingestedAt, r.raw]));
      // The events, then the payloads of those stored (a key already in the log stores neither).
      const result = await client.query<{ id: number; source: string; source_id: string }>(
        `WITH stored AS (
           INSERT INTO events (${EVENT_COLUMNS.join(', ')}) SELECT ${EVENT_COLUMNS.join(', ')} FROM ${stage}
           ON CONFLICT (workspace_id, source, source_id) DO NOTHING RETURNING id, source, source_id),
         payloads AS (
           INSERT INTO event_payloads (event_id, workspace_id, raw)
           SELECT DISTINCT ON (stored.id) stored.id, $1::bigint, s.raw FROM stored JOIN ${stage} s ON s.source = stored.source AND s.source_id = stored.source_id)
         SELECT id, source, source_id FROM stored`,
        [ws],
      );
      await client.query(`TRUNCATE ${stage}`);
      const stored = new Map(result.rows.map((r) => [`${r.source}\u0000${r.source_id}`, r.id]));
      return rows.map((r) => {
        const id = stored.get(`${r.source}\u0000${r.sourceId}`) ?? null;
        if (id !== null) views.set(id, encodeEventView(id, r));
        return id;
      });
    },
    async loadCustomers(ids) {
      const out = new Map<number, StoredCustomer>();
      if (ids.length === 0) return out;
      const { rows } = await client.query<{ id: number; merged_into: number | null; display_name: string | null; name_given: number; email: string | null; phone: string | null; state: string }>(
        'SELECT id, merged_into, display_name, name_given, email, phone, state FROM customers WHERE workspace_id = $1 AND id = ANY($2::bigint[]) ORDER BY id FOR UPDATE',
        [ws, ids],
      );
      const days = await client.query<StoredDay & { customer_id: number }>(
        'SELECT customer_id, day, bucket, extra FROM customer_days WHERE customer_id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      const daysOf = new Map<number, StoredDay[]>();
      for (const d of days.rows) daysOf.set(d.customer_id, [...(daysOf.get(d.customer_id) ?? []), d]);
      for (const row of rows) {
        out.set(row.id, { id: row.id, mergedInto: row.merged_into, displayName: row.display_name, nameGiven: row.name_given === 1, email: row.email, phone: row.phone, state: parseState(row.state, daysOf.get(row.id) ?? [], row.id) });
      }
      return out;
    },
    async insertCustomers(rows) {
      await copyInto(client, 'customers', CUSTOMER_COLUMNS, rows.map((w) => customerRow(ws, w)));
      await writeDays(client, rows, views);
    },
    async updateCustomers(rows) {
      if (rows.length === 0) return;
      const stage = await stagingFor(client, 'customers');
      await copyInto(client, stage, CUSTOMER_COLUMNS, rows.map((w) => customerRow(ws, w)));
      await client.query(
        `UPDATE customers c SET display_name = u.display_name, name_given = u.name_given, email = u.email, phone = u.phone, first_seen_at = u.first_seen_at,
           last_seen_at = u.last_seen_at, events_count = u.events_count, interactions = u.interactions, purchases = u.purchases,
           spend_total = u.spend_total, state = u.state, updated_at = u.updated_at
         FROM ${stage} u WHERE c.id = u.id AND c.workspace_id = $1`, [ws]);
      await client.query(`TRUNCATE ${stage}`);
      await writeDays(client, rows, views);
    },
    async insertIdentities(rows) {
      if (rows.length === 0) return;
      const stage = await stagingFor(client, 'identities');
      await copyInto(client, stage, IDENTITY_COLUMNS, rows.map((r) => [ws, r.customerId, r.kind, r.externalId, r.handle, r.handleKey,
        r.verified ? 1 : 0, r.linkSource, r.confidence, r.createdAt]));
      await client.query(`INSERT INTO identities (${IDENTITY_COLUMNS.join(', ')}) SELECT ${IDENTITY_COLUMNS.join(', ')} FROM ${stage}
        ON CONFLICT (workspace_id, kind, external_id) DO NOTHING`);
      await client.query(`TRUNCATE ${stage}`);
    },
    };
    return tx;
  };

  return {
    async ingestTransaction(workspaceId, fn) {
      // Batches lock the customers they update (as merges do); two batches that lock the same
      // customers in another order deadlock, and PostgreSQL aborts one: run it again.
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(txFor(client, workspaceId));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          const code = (err as { code?: string }).code;
          if (attempt >= MAX_ATTEMPTS || (code !== DEADLOCK && code !== SERIALIZATION_FAILURE)) throw err;
        } finally {
          client.release();
        }
      }
    },
  };
};
