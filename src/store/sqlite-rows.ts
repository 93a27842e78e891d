/**
 * The hot read paths on SQLite: rows as plain objects built cheaply, and what a read-only
 * connection keeps between requests until another connection commits.
 *
 * Rows: better-sqlite3 builds each row object key by key (V8's slow path: a property lookup, a map
 * transition and a string internalization per column); in raw mode it returns an array of values,
 * and a mapper compiled once per statement (`fixedShape`) turns that into an object of a fixed
 * shape (V8's fast path). A customer page reads ~20 rows.
 */
import type Database from 'better-sqlite3';
import { fixedShape } from '../domain/shapes.js';

export interface Rows<R> {
  get(...params: unknown[]): R | undefined;
  all(...params: unknown[]): R[];
}

/** A statement read through a compiled row mapper. */
export const rows = <R>(statement: Database.Statement): Rows<R> => {
  const map = fixedShape<R>(statement.columns().map((c) => c.name));
  const raw = statement.raw(true);
  return {
    get: (...params) => {
      const values = raw.get(...params) as unknown[] | undefined;
      return values === undefined ? undefined : map(values);
    },
    all: (...params) => (raw.all(...params) as unknown[][]).map(map),
  };
};

/**
 * A map emptied whenever another connection commits (SQLite's data_version moves): for what a
 * read-only connection may keep between requests. Call it, and use the map it gives, inside the
 * read transaction that reads what is kept, or before it (what is read then is no older than the
 * version seen).
 */
export const keptUntilCommit = <K, V>(conn: Database.Database): (() => Map<K, V>) => {
  const version = conn.prepare('PRAGMA data_version').pluck();
  const kept = new Map<K, V>();
  let seen: unknown = null;
  return () => {
    const now = version.get();
    if (now !== seen) {
      seen = now;
      kept.clear();
    }
    return kept;
  };
};
