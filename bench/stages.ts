/**
 * `npm run bench:stages`: the KPI route's figures (issue "The KPI route"). Builds a store with N
 * customers (default 1,000,000; one purchase or comment each, through the real pipeline), then
 * times a sweep (every customer re-evaluated as of a later time) and a rule change (save a route:
 * every customer re-evaluated and the moves recorded), on SQLite and then on PostgreSQL.
 * Options: --customers N, --no-postgres. PULSE_STAGE_WORKERS sets SQLite's worker threads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemAccess } from '../src/app/access.js';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { reevaluateStages, saveRoute } from '../src/app/routes.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { defaultRoute } from '../src/domain/stages/route.js';

const i = process.argv.indexOf('--customers');
const customers = i >= 0 ? Number(process.argv[i + 1]) : 1_000_000;
const withPostgres = !process.argv.includes('--no-postgres');
const PG = process.env.PULSE_BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const fmt = (n: number) => n.toLocaleString('en-US');
const config = loadConfig();

const run = async (label: string, url: string) => {
  const ctx = await openContext({ ...config, DATABASE_URL: url, LOG_LEVEL: 'silent' });
  try {
    const ws = await ensureWorkspace(ctx.repos, { slug: 'bench', currency: 'EUR' }, Date.now());
    const start = Date.parse('2025-06-01T00:00:00Z');
    let t = performance.now();
    for (let from = 0; from < customers; from += 20_000) {
      const batch = [];
      for (let c = from; c < Math.min(customers, from + 20_000); c++) {
        const buyer = c % 3 === 0;
        const line = {
          source: 'bench', source_id: `c${c}`, kind: buyer ? 'purchase' : 'comment', channel: buyer ? 'shop' : 'instagram',
          occurred_at: new Date(start + (c % 300) * 86_400_000).toISOString(), customer: { identities: [{ channel: 'instagram', id: `u${c}` }] },
          ...(buyer ? { amount: 500 + (c % 1000), currency: 'EUR', order_id: `o${c}` } : {}),
        };
        batch.push(toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line)));
      }
      await ingestEvents({ ...ctx.repos, scorer: null }, ws, batch, Date.now());
    }
    console.log(`${label}: built ${fmt(customers)} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const sweep = await reevaluateStages(ctx.repos.ingest, ws.id, Date.parse('2026-09-01T00:00:00Z'), 'sweep', Date.now());
    const sweepS = (performance.now() - t) / 1000;
    console.log(`${label} sweep: ${fmt(sweep.customers)} customers re-evaluated, ${fmt(sweep.transitions)} moved, in ${sweepS.toFixed(2)} s (target ≤ 5 s for 1,000,000)`);

    t = performance.now();
    const saved = await saveRoute(ctx.repos, systemAccess(ws, 'bench'), defaultRoute(1200), Date.now());
    const changeS = (performance.now() - t) / 1000;
    console.log(`${label} rule change: ${fmt(saved.recompute.customers)} customers re-evaluated, ${fmt(saved.recompute.transitions)} moved, in ${changeS.toFixed(2)} s (target ≤ 5 s for 1,000,000)`);
    return { sweepSeconds: sweepS, ruleChangeSeconds: changeS };
  } finally {
    await ctx.close();
  }
};

const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-stages-'));
const results: Record<string, unknown> = { customers, sqliteWorkers: config.PULSE_STAGE_WORKERS };
try {
  console.log(`SQLite re-evaluates on ${config.PULSE_STAGE_WORKERS} worker thread(s) from ${fmt(config.PULSE_STAGE_PARALLEL_FROM)} customers (PULSE_STAGE_WORKERS=0: on one thread)`);
  results.sqlite = await run('SQLite', `sqlite:${join(dir, 'pulse.db')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (withPostgres) {
  const schema = `bench_stages_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  try {
    results.postgres = await run('PostgreSQL', `${PG}?options=${encodeURIComponent(`-c search_path=${schema}`)}`);
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
}
console.log(JSON.stringify(results));
