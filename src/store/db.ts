/**
 * Opens the store named by DATABASE_URL: SQLite (better-sqlite3, WAL) embedded by default, or
 * PostgreSQL (pg pool). Kysely serves every query but the ingestion hot path, which gets the raw
 * driver (a dedicated SQLite writer connection, or the pg pool) to write batches at the store's speed.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.js';
import type { Tables } from './tables.js';

export type Store =
  | {
    dialect: 'sqlite'; db: Kysely<Tables>; path: string; writer: Database.Database;
    /** A read-only connection for pages read in one synchronous snapshot (null in memory: one connection only). */
    snapshots: Database.Database | null;
    close(): Promise<void>;
  }
  | { dialect: 'postgres'; db: Kysely<Tables>; pool: pg.Pool; close(): Promise<void> };

// bigint columns hold epoch milliseconds and counters, well within Number's exact range.
pg.types.setTypeParser(20, (v) => Number(v));

/**
 * The connection of customer pages and lists: random look-ups over the whole file (a page's recent
 * events lie anywhere in the log). It reads with pread into its own page cache, no memory map: on a
 * store larger than memory keeps cached, a map's page faults read ahead and wait on the disk (a
 * customer page took twice as long on a 5 GB store), while the connection's cache keeps what it read.
 */
const openSnapshotReader = (path: string, cacheMb: number): Database.Database => {
  const conn = new Database(path, { readonly: true });
  conn.pragma('busy_timeout = 10000');
  conn.pragma(`cache_size = ${-1024 * Math.trunc(cacheMb)}`);
  conn.pragma('mmap_size = 0');
  return conn;
};

const openSqlite = (path: string): Database.Database => {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  // WAL + NORMAL: a committed batch survives a crash of Pulse; only an OS crash may lose the last ones.
  conn.pragma('synchronous = NORMAL');
  conn.pragma('busy_timeout = 10000');
  conn.pragma('cache_size = -65536'); // 64 MiB per connection
  // Checkpoint every ~64 MB of WAL rather than 4 MB: pages rewritten by consecutive batches (indexes,
  // busy customers) are copied back once, not once per batch.
  conn.pragma('wal_autocheckpoint = 16384');
  conn.pragma('temp_store = MEMORY');
  // Reads through a memory map (SQLite caps it at 2 GiB) skip a system call and a copy per page.
  conn.pragma('mmap_size = 2147418112');
  conn.pragma('foreign_keys = ON');
  return conn;
};

/**
 * Kysely prepares every query it runs; preparing costs as much as running a small query. Its SQLite
 * driver uses one connection at a time (a mutex), so a prepared statement can be kept and reused
 * for the same SQL text.
 */
const withStatementCache = (conn: Database.Database, limit = 1_000): Database.Database => {
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = statements.get(sql);
    if (s === undefined) {
      s = conn.prepare(sql);
      if (statements.size >= limit) statements.delete(statements.keys().next().value as string);
      statements.set(sql, s);
    }
    return s;
  };
  return new Proxy(conn, {
    get: (target, prop) => {
      if (prop === 'prepare') return prepare;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
};

export const dialectOf = (url: string): DialectName => (url.startsWith('sqlite:') ? 'sqlite' : 'postgres');

export const openStore = (databaseUrl: string, opts: { readCacheMb?: number } = {}): Store => {
  if (dialectOf(databaseUrl) === 'sqlite') {
    const raw = databaseUrl.slice('sqlite:'.length);
    const path = raw === ':memory:' ? raw : resolve(raw);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const reader = openSqlite(path);
    const writer = path === ':memory:' ? reader : openSqlite(path);
    const snapshots = path === ':memory:' ? null : openSnapshotReader(path, opts.readCacheMb ?? 1024);
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: withStatementCache(reader) }) });
    return {
      dialect: 'sqlite', db, path, writer, snapshots,
      close: async () => {
        await db.destroy();
        if (writer.open) writer.close();
        if (snapshots?.open) snapshots.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return { dialect: 'postgres', db, pool, close: () => db.destroy() };
};
