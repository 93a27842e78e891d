/**
 * The store's limit: the same event rows inserted straight into SQLite with prepared INSERTs
 * (`perStatement` rows each), into the same tables with the same indexes (the log and the payloads),
 * in 10k-row transactions — no parsing, no identities, no facts.
 */
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../src/store/migrate.js';

const COLUMNS = ['workspace_id', 'customer_id', 'source', 'source_id', 'kind', 'channel', 'direction', 'occurred_at', 'text', 'lang', 'amount', 'currency', 'amount_ws', 'order_id', 'thread_id', 'in_reply_to', 'meta', 'ingested_at'] as const;
/** The event's columns, then its raw payload. */
export type RawRow = unknown[];

/** Turns workload lines into event rows as Pulse would store them (customer ids precomputed). */
export const toRawRows = (lines: Iterable<Record<string, unknown>>): RawRow[] => {
  const customers = new Map<string, number>();
  const rows: RawRow[] = [];
  const now = Date.now();
  for (const l of lines) {
    const key = JSON.stringify(l.customer);
    let cid = customers.get(key);
    if (cid === undefined) customers.set(key, (cid = customers.size + 1));
    rows.push([1, cid, l.source, l.source_id, l.kind, l.channel, l.direction, Date.parse(l.occurred_at as string), l.text ?? null, l.lang ?? null,
      l.amount ?? null, l.currency ?? null, l.amount ?? null, l.order_id ?? null, null, null, null, now, JSON.stringify(l)]);
  }
  return rows;
};

export const rawSqliteInsert = async (path: string, rows: RawRow[], perStatement = 50, perTransaction = 10_000): Promise<number> => {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  conn.pragma('cache_size = -262144');
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: conn }) });
  await migrateToLatest(db);
  conn.prepare("INSERT INTO workspaces (id, slug, name, currency, settings, created_at) VALUES (1, 'raw', 'raw', 'EUR', '{}', 0)").run();
  const values = `(${COLUMNS.map(() => '?').join(', ')})`;
  const multi = conn.prepare(`INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${Array(perStatement).fill(values).join(', ')}`);
  const single = perStatement === 1 ? multi : conn.prepare(`INSERT INTO events (${COLUMNS.join(', ')}) VALUES ${values}`);
  const payloads = conn.prepare(`INSERT INTO event_payloads (event_id, workspace_id, raw) VALUES ${Array(perStatement).fill('(?, 1, ?)').join(', ')}`);
  const payload = perStatement === 1 ? payloads : conn.prepare('INSERT INTO event_payloads (event_id, workspace_id, raw) VALUES (?, 1, ?)');
  // A fresh log: the n-th row inserted gets id n.
  const eventOf = (row: RawRow) => row.slice(0, COLUMNS.length);
  const payloadOf = (row: RawRow, index: number) => [index + 1, row[COLUMNS.length]];
  const t0 = performance.now();
  for (let start = 0; start < rows.length; start += perTransaction) {
    const chunk = rows.slice(start, start + perTransaction);
    conn.transaction(() => {
      let i = 0;
      if (perStatement > 1) {
        for (; i + perStatement <= chunk.length; i += perStatement) {
          const part = chunk.slice(i, i + perStatement);
          multi.run(part.flatMap(eventOf));
          payloads.run(part.flatMap((row, k) => payloadOf(row, start + i + k)));
        }
      }
      for (; i < chunk.length; i++) {
        single.run(eventOf(chunk[i]!));
        payload.run(payloadOf(chunk[i]!, start + i));
      }
    })();
  }
  const ms = performance.now() - t0;
  await db.destroy();
  return ms;
};
