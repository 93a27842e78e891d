/**
 * One measured import, in its own process so its peak RSS is its own: the full pipeline (read and
 * parse JSONL, validate, resolve identities, fold facts, persist in batch transactions).
 * Usage: tsx bench/import-child.ts FILE DATABASE_URL [--no-routes] → prints {events, ms, cpuMs, maxRssMb}.
 * cpuMs (this process's user + system time) is what to compare between two runs on a busy machine.
 * --no-routes deletes the workspace's KPI routes first, to measure what stage evaluation costs.
 */
import { createReadStream } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { importEvents } from '../src/ingest/import-events.js';
import { jsonlSource } from '../src/ingest/jsonl-source.js';

const [file, url] = process.argv.slice(2) as [string, string];
const config = { ...loadConfig({}), DATABASE_URL: url };
const ctx = await openContext(config);
const ws = await ensureWorkspace(ctx.repos, { slug: 'bench', currency: 'EUR' }, Date.now());
if (process.argv.includes('--no-routes')) await ctx.store.db.deleteFrom('routes').where('workspace_id', '=', ws.id).execute();
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const summary = await importEvents(ctx.repos, ws, jsonlSource(createReadStream(file)), {
  file, rejectsPath: '/tmp/pulse-bench-rejects.jsonl', batchSize: config.PULSE_BATCH_SIZE, now: () => Date.now(),
});
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
await ctx.close();
process.stdout.write(`${JSON.stringify({ events: summary.accepted, rejected: summary.rejected, customers: summary.newCustomers, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
