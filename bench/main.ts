/**
 * `npm run bench`: the ingestion benchmark of PRODUCT.md §10 / issue "Foundation". Generates a seeded
 * workload (mixed kinds and channels, 30 % with text in en/da/it, Zipf-distributed customers) and
 * prints, in one run: SQLite's raw insert rate of the same rows (the store's limit), Pulse's rate
 * through the full pipeline (parse, validate, resolve identities, update facts, persist), their
 * ratio, the pipeline's peak RSS, and the same import into PostgreSQL.
 *
 * Options: --events N (default 1,000,000), --customers N (50,000), --no-postgres.
 * Each measured step runs in a child process so its memory is its own.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { writeWorkload } from './workload.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const events = arg('events', 1_000_000);
const customers = arg('customers', 50_000);
const withPostgres = !process.argv.includes('--no-postgres');
const PG = process.env.PULSE_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-'));
const child = (script: string, ...args: string[]): Record<string, number> =>
  JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop() as string);
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);
const fmt = (n: number) => n.toLocaleString('en-US');

try {
  const file = join(dir, 'workload.jsonl');
  const end = Date.parse('2026-06-01T00:00:00Z');
  await writeWorkload(file, { events, customers, seed: 42, start: end - 365 * 86_400_000, end });
  console.log(`workload: ${fmt(events)} events, ${fmt(customers)} Zipf customers, ${(statSync(file).size / events).toFixed(0)} B/event (JSONL)`);

  const raw = child('raw-child.ts', file, dir);
  const rawMulti = rate(raw.rows as number, raw.multiRowMs as number);
  const rawSingle = rate(raw.rows as number, raw.singleRowMs as number);
  const rawBest = Math.max(rawMulti, rawSingle);
  console.log(`SQLite raw insert (same rows, same table and index): ${fmt(rawMulti)} rows/s multi-row (50/statement), ${fmt(rawSingle)} rows/s one-row prepared`);

  const sqlite = child('import-child.ts', file, `sqlite:${join(dir, 'pulse.db')}`);
  const sqliteRate = rate(sqlite.events as number, sqlite.ms as number);
  console.log(`Pulse import into SQLite (full pipeline): ${fmt(sqlite.events as number)} events in ${((sqlite.ms as number) / 1000).toFixed(1)} s = ${fmt(sqliteRate)} events/s, ${fmt(sqlite.customers as number)} customers, peak RSS ${(sqlite.maxRssMb as number).toFixed(0)} MiB`);
  console.log(`ratio to the store's limit: ${((100 * sqliteRate) / rawBest).toFixed(1)} % of ${fmt(rawBest)} rows/s (${((100 * sqliteRate) / rawMulti).toFixed(1)} % of the multi-row rate)`);

  rmSync(join(dir, 'pulse.db'), { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(join(dir, `pulse.db${suffix}`), { force: true });
  const bare = child('import-child.ts', file, `sqlite:${join(dir, 'pulse.db')}`, '--no-routes');
  const bareRate = rate(bare.events as number, bare.ms as number);
  const stageShare = ((sqlite.cpuMs as number) - (bare.cpuMs as number)) / (sqlite.cpuMs as number);
  console.log(`the same import without KPI routes: ${fmt(bareRate)} events/s — stage evaluation costs ${(100 * stageShare).toFixed(1)} % of the import's CPU time (${fmt(Math.round(sqlite.cpuMs as number))} vs ${fmt(Math.round(bare.cpuMs as number))} ms; target < 10 %)`);

  let postgresRate: number | null = null;
  if (withPostgres) {
    const schema = `bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    try {
      const pgRun = child('import-child.ts', file, `${PG}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
      postgresRate = rate(pgRun.events as number, pgRun.ms as number);
      console.log(`Pulse import into PostgreSQL (full pipeline): ${fmt(pgRun.events as number)} events in ${((pgRun.ms as number) / 1000).toFixed(1)} s = ${fmt(postgresRate)} events/s, peak RSS ${(pgRun.maxRssMb as number).toFixed(0)} MiB`);
    } finally {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
  console.log(JSON.stringify({ events, customers, rawMultiRowPerSec: rawMulti, rawOneRowPerSec: rawSingle, sqlitePerSec: sqliteRate, sqliteWithoutRoutesPerSec: bareRate, stageCpuShare: stageShare, ratioToRaw: sqliteRate / rawBest, sqliteMaxRssMb: Math.round(sqlite.maxRssMb as number), postgresPerSec: postgresRate }));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ── Sentiment (issue 4) ───────────────────────────────────────────────────────────────────────────
// Language + sentiment + emotion documents/s on one core, beside the `sentiment` npm package on the
// same texts (bench/sentiment.ts, also `npm run bench:sentiment`), in a child process of its own.
execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'sentiment.ts')], { stdio: 'inherit' });
