/**
 * The store's limit, in its own process: the workload's rows built in memory first (not timed), then
 * inserted straight into SQLite, into the same event table with the same index, 10k rows per
 * transaction — once with 50-row multi-row INSERTs and once with a one-row prepared INSERT.
 * Usage: tsx bench/raw-child.ts FILE DIR → prints {rows, multiRowMs, singleRowMs}.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { rawSqliteInsert, toRawRows } from './raw-sqlite.js';

const [file, dir] = process.argv.slice(2) as [string, string];
const rows = toRawRows(readFileSync(file, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>));
const run = async (name: string, perStatement: number) => {
  const path = join(dir, `raw-${name}.db`);
  const ms = await rawSqliteInsert(path, rows, perStatement);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return ms;
};
const multiRowMs = await run('multi', 50);
const singleRowMs = await run('single', 1);
process.stdout.write(`${JSON.stringify({ rows: rows.length, multiRowMs, singleRowMs })}\n`);
