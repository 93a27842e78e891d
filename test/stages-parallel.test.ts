/**
 * Re-evaluating everyone on worker threads (SQLite) gives exactly what one thread gives: the same
 * positions and the same transitions, for a sweep and a rule change, over many chunks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import type { IngestStore } from '../src/app/ports.js';
import { reevaluateStages } from '../src/app/routes.js';
import { sqliteParallelStages } from '../src/store/sqlite-parallel-stages.js';
import { openTestContext, type TestContext } from './stores.js';

const DAY = 86_400_000;
const start = Date.parse('2025-06-01T00:00:00Z');

/** 3,000 customers with a few events each: comments, purchases, refunds, over a year. */
const history = () => {
  const events = [];
  for (let c = 0; c < 3_000; c++) {
    const n = 1 + (c % 5);
    for (let k = 0; k < n; k++) {
      const kind = (c + k) % 7 === 0 ? 'refund' : (c + k) % 3 === 0 ? 'purchase' : 'comment';
      const line = {
        source: 't', source_id: `${c}-${k}`, kind, channel: kind === 'comment' ? 'instagram' : 'shop',
        occurred_at: new Date(start + ((c * 7 + k * 31) % 360) * DAY).toISOString(), customer: { identities: [{ channel: 'instagram', id: `u${c}` }] },
        ...(kind === 'comment' ? {} : { amount: 200 + ((c * 13) % 900), currency: 'EUR', order_id: `o${c}-${k}` }),
      };
      events.push(toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line)));
    }
  }
  return events;
};

const snapshot = async (ctx: TestContext) => ({
  positions: await ctx.store.db.selectFrom('customer_stages').select(['customer_id', 'route_id', 'stage', 'reached', 'since']).orderBy('customer_id').orderBy('route_id').execute(),
  transitions: await ctx.store.db.selectFrom('stage_transitions').select(['customer_id', 'route_id', 'from_stage', 'to_stage', 'at', 'cause', 'rule'])
    .orderBy('customer_id').orderBy('route_id').orderBy('at').orderBy('from_stage').execute(),
});

describe('stage re-evaluation on worker threads (sqlite)', () => {
  const open: TestContext[] = [];
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });

  it('moves every customer exactly as one thread does, in a sweep and after a rule change', async () => {
    const [one, many] = [await openTestContext('sqlite'), await openTestContext('sqlite')];
    open.push(one, many);
    for (const ctx of [one, many]) {
      const events = history();
      for (let i = 0; i < events.length; i += 2_000) await ingestEvents(ctx.repos, ctx.workspace, events.slice(i, i + 2_000), ctx.now());
    }
    if (many.store.dialect !== 'sqlite') throw new Error('sqlite only');
    const workers = sqliteParallelStages(many.store.path, many.store.writer, { workers: 2, minCustomers: 0, chunk: 250 });
    let fellBack = false;
    const threaded: IngestStore = {
      ...many.repos.ingest,
      parallelStages: {
        evaluateAll: async (job, write) => {
          const n = await workers.evaluateAll(job, write);
          if (n === null) fellBack = true;
          return n;
        },
      },
    };
    const sequential: IngestStore = { ingestTransaction: one.repos.ingest.ingestTransaction };

    const asOf = Date.parse('2026-09-01T00:00:00Z');
    const a = await reevaluateStages(sequential, one.workspace.id, asOf, 'sweep', asOf);
    const b = await reevaluateStages(threaded, many.workspace.id, asOf, 'sweep', asOf);
    expect(b).toEqual(a);
    expect(a.transitions).toBeGreaterThan(100);
    expect(await snapshot(many)).toEqual(await snapshot(one));

    // A rule change: a lower high-value threshold moves others again.
    for (const ctx of [one, many]) {
      const route = (await ctx.repos.routes.list(ctx.workspace.id))[0]!;
      await ctx.repos.routes.save(ctx.workspace.id, { ...route.definition, stages: route.definition.stages.map((s) => (s.key === 'high_value' ? { ...s, rule: 'spend_365d >= 600' } : s)) }, asOf);
    }
    const c = await reevaluateStages(sequential, one.workspace.id, asOf, 'rule_change', asOf);
    const d = await reevaluateStages(threaded, many.workspace.id, asOf, 'rule_change', asOf);
    expect(d).toEqual(c);
    expect(c.transitions).toBeGreaterThan(0);
    expect(await snapshot(many)).toEqual(await snapshot(one));
    expect(fellBack).toBe(false);
  });
});
