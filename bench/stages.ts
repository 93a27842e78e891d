/**
 * `npm run bench:stages`: the KPI route's figures (issue "The KPI route"). Builds a store with N
 * customers (default 1,000,000; one purchase-or-comment history each, through the real pipeline),
 * then times a sweep (every customer re-evaluated as of a later time) and a rule change (save a
 * route, every customer re-evaluated and the moves recorded), on SQLite.
 * Options: --customers N.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
const dir = mkdtempSync(join(tmpdir(), 'pulse-bench-stages-'));
const ctx = await openContext({ ...loadConfig({}), DATABASE_URL: `sqlite:${join(dir, 'pulse.db')}` });
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
    await ingestEvents(ctx.repos, ws, batch, Date.now());
  }
  console.log(`built ${customers.toLocaleString('en-US')} customers in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  t = performance.now();
  const sweep = await reevaluateStages(ctx.repos.ingest, ws.id, Date.parse('2026-09-01T00:00:00Z'), 'sweep', Date.now());
  const sweepS = (performance.now() - t) / 1000;
  console.log(`sweep: ${sweep.customers.toLocaleString('en-US')} customers re-evaluated, ${sweep.transitions.toLocaleString('en-US')} moved, in ${sweepS.toFixed(2)} s (target ≤ 5 s for 1,000,000)`);

  t = performance.now();
  const saved = await saveRoute(ctx.repos, systemAccess(ws, 'bench'), defaultRoute(1200), Date.now());
  const changeS = (performance.now() - t) / 1000;
  console.log(`rule change: ${saved.recompute.customers.toLocaleString('en-US')} customers re-evaluated, ${saved.recompute.transitions.toLocaleString('en-US')} moved, in ${changeS.toFixed(2)} s (target ≤ 5 s for 1,000,000)`);
  console.log(JSON.stringify({ customers, sweepSeconds: sweepS, ruleChangeSeconds: changeS }));
} finally {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
}
