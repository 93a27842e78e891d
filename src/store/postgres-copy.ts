/**
 * Bulk writes to PostgreSQL with COPY: rows are sent in COPY's text format, which costs far less to
 * build and for the server to parse than array parameters. Writes that must skip or merge conflicts
 * COPY into a session-scoped staging table first and then run one INSERT … SELECT.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | null;

/** One field in COPY's text format: \N for null, backslash escapes for the special characters. */
const copyField = (v: CopyValue): string => {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\n\r\t]/.test(v) ? v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t') : v;
};

/** COPYs rows into a table (or a staging table). */
export const copyInto = async (client: pg.PoolClient, table: string, columns: readonly string[], rows: readonly CopyValue[][]): Promise<void> => {
  if (rows.length === 0) return;
  const text = rows.map((r) => r.map(copyField).join('\t')).join('\n');
  await pipeline(Readable.from([`${text}\n`]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
};

const staged = new WeakMap<pg.PoolClient, Set<string>>();

/**
 * A staging table shaped like `table` (plus `extra` columns, e.g. "raw text"), private to this
 * connection and emptied at every commit. Returns its name.
 */
export const stagingFor = async (client: pg.PoolClient, table: string, extra?: string): Promise<string> => {
  const name = `${table}_stage`;
  let known = staged.get(client);
  if (known === undefined) staged.set(client, (known = new Set()));
  if (!known.has(name)) {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${name} (LIKE ${table} INCLUDING DEFAULTS${extra === undefined ? '' : `, ${extra}`}) ON COMMIT DELETE ROWS`);
    known.add(name);
  }
  return name;
};
