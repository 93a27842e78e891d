/** Stages on both stores: moved on every event, re-evaluated on rule changes and sweeps, explained. */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { systemAccess } from '../src/app/access.js';
import { findCustomer, viewCustomer } from '../src/app/get-customer.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { reevaluateStages, saveRoute } from '../src/app/routes.js';
import { defaultRoute } from '../src/domain/stages/route.js';
import { csvSource } from '../src/ingest/csv-source.js';
import { importEvents } from '../src/ingest/import-events.js';
import { resolveMapping } from '../src/ingest/mappings/index.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const RETAIL = new URL('../../shared/fixtures/data/online_retail_uci_2010-12-01_head200.csv', import.meta.url).pathname;
const at = (iso: string) => Date.parse(iso);
const KEYS = defaultRoute().stages.map((s) => s.key);

const ingest = (ctx: TestContext, lines: EventLineInput[]) =>
  ingestEvents({ ...ctx.repos, bus: ctx.bus }, ctx.workspace, lines.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), ctx.now());
const comment = (who: string, iso: string, n: number): EventLineInput => ({ source: 'ig', source_id: `${who}-${n}`, kind: 'comment', channel: 'instagram', occurred_at: iso, customer: { identities: [{ channel: 'instagram', id: who }] } });
const stageOf = async (ctx: TestContext, term: string, asOf = ctx.now()) => {
  const id = await findCustomer(ctx.repos.customers, ctx.workspace.id, term);
  const { stages: [route] } = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf, events: 0 });
  return route!;
};

describe.each(DIALECTS)('stages on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('moves a customer on every event, records why, and lapses a live stage in a sweep', async () => {
    ctx = await openTestContext(dialect);
    const published: unknown[] = [];
    ctx.bus.subscribe((e) => published.push(e));
    await ingest(ctx, [comment('anna', '2026-01-05T10:00:00Z', 1), comment('anna', '2026-01-12T10:00:00Z', 2)]);
    expect((await stageOf(ctx, 'anna', at('2026-01-12T12:00:00Z'))).current?.key).toBe('first_interaction');
    const third = await ingest(ctx, [comment('anna', '2026-01-19T10:00:00Z', 3)]);
    expect(third.transitions).toEqual([expect.objectContaining({ from: 1, to: 2, cause: 'event', at: at('2026-01-19T10:00:00Z'), rule: 'active_weeks_90d >= 3' })]);
    expect(published).toEqual([
      expect.objectContaining({ type: 'customer.stage_changed', workspaceId: ctx.workspace.id, from: null, to: 1, cause: 'event' }),
      expect.objectContaining({ type: 'customer.stage_changed', from: 1, to: 2, eventId: third.transitions[0]!.eventId }),
    ]);

    const regular = await stageOf(ctx, 'anna', at('2026-01-20T00:00:00Z'));
    expect(regular).toMatchObject({ routeName: 'Customer journey', since: at('2026-01-19T10:00:00Z'), current: { key: 'regular', mode: 'live' }, next: { key: 'buyer', explanation: { conditions: [{ text: 'purchases >= 1', holds: false, missing: 1 }] } } });
    expect(regular.history.map((h) => [h.from, h.to, h.cause])).toEqual([[null, 1, 'event'], [1, 2, 'event']]);

    // 90 quiet days later a sweep takes the live stage away; the sticky ones stay.
    expect(await reevaluateStages(ctx.repos.ingest, ctx.workspace.id, at('2026-04-20T00:00:00Z'), 'sweep', ctx.now())).toEqual({ customers: 1, transitions: 1 });
    const lapsed = await stageOf(ctx, 'anna');
    expect(lapsed.current?.key).toBe('first_interaction');
    expect(lapsed.history.at(-1)).toMatchObject({ from: 2, to: 1, cause: 'sweep', at: at('2026-04-20T00:00:00Z') });
  });

  it('keeps every move of a batch holding days of history, at the event that caused it', async () => {
    ctx = await openTestContext(dialect);
    const visit: EventLineInput = { source: 'web', source_id: 'v1', kind: 'visit', channel: 'web', occurred_at: '2026-03-01T09:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'cy' }] } };
    const buy: EventLineInput = { source: 'shop', source_id: 'p1', kind: 'purchase', channel: 'shop', occurred_at: '2026-03-09T09:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'cy' }] }, amount: 5, currency: 'EUR', order_id: 'p1' };
    const result = await ingest(ctx, [buy, comment('cy', '2026-03-02T09:00:00Z', 1), visit]); // out of order on purpose
    expect(result.transitions.map((t) => [t.from, t.to, new Date(t.at).toISOString().slice(0, 10)])).toEqual([
      [null, 0, '2026-03-01'], [0, 1, '2026-03-02'], [1, 3, '2026-03-09'],
    ]);
    // A late event from before what we knew is folded in without rewriting history.
    const late = await ingest(ctx, [comment('cy', '2026-02-01T09:00:00Z', 2)]);
    expect(late.transitions).toEqual([]);
    expect((await stageOf(ctx, 'cy')).current?.key).toBe('buyer');
  });

  it('re-evaluates every customer when a rule changes, and refuses a bad rule saving nothing', async () => {
    ctx = await openTestContext(dialect);
    await ingest(ctx, [comment('bo', '2026-05-01T10:00:00Z', 1), { source: 'shop', source_id: 'o1', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T10:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'bo' }] }, amount: 300, currency: 'EUR', order_id: 'o1' }]);
    expect((await stageOf(ctx, 'bo')).current?.key).toBe('buyer');
    const route = defaultRoute(250);
    const saved = await saveRoute(ctx.repos, systemAccess(ctx.workspace), route, ctx.now());
    expect(saved).toMatchObject({ route: { version: 2 }, recompute: { customers: 1 } });
    // Saved as of now (June 2026): a 300 EUR purchase in May is within 365 days, over the new threshold.
    const after = await stageOf(ctx, 'bo');
    expect(after.current?.key).toBe('high_value');
    expect(after.history.at(-1)).toMatchObject({ cause: 'rule_change', rule: 'spend_365d >= 250', eventId: null });

    const bad = { ...route, stages: route.stages.map((s, i) => (i === 4 ? { ...s, rule: 'purchase >= 2' } : s)) };
    await expect(saveRoute(ctx.repos, systemAccess(ctx.workspace), bad, ctx.now())).rejects.toMatchObject({ code: 'validation_failed', details: [{ stage: 4, field: 'rule', position: 0 }] });
    expect((await ctx.repos.routes.list(ctx.workspace.id))[0]).toMatchObject({ version: 2 });
  });

  it('re-evaluates both customers when they are merged and when the merge is undone', async () => {
    ctx = await openTestContext(dialect);
    const { mergeCustomers, unmergeCustomers } = await import('../src/app/merge-customers.js');
    const buy = (who: string, order: string, iso: string): EventLineInput => ({ source: 'shop', source_id: order, kind: 'purchase', channel: 'shop', occurred_at: iso, customer: { identities: [{ channel: 'instagram', id: who }] }, amount: 10, currency: 'EUR', order_id: order });
    await ingest(ctx, [buy('ann', 'o1', '2026-05-01T10:00:00Z'), buy('bo', 'o2', '2026-05-02T10:00:00Z')]);
    const [ann, bo] = [await findCustomer(ctx.repos.customers, ctx.workspace.id, 'ann'), await findCustomer(ctx.repos.customers, ctx.workspace.id, 'bo')];
    const merge = await mergeCustomers({ ...ctx.repos, bus: ctx.bus }, systemAccess(ctx.workspace, 't'), { targetId: ann, mergedId: bo }, ctx.now());
    const merged = await stageOf(ctx, 'ann');
    expect(merged.current?.key).toBe('multiple_buyer');
    expect(merged.history.at(-1)).toMatchObject({ from: 3, to: 4, cause: 'merge', rule: 'purchases >= 2' });
    await unmergeCustomers({ ...ctx.repos, bus: ctx.bus }, systemAccess(ctx.workspace, 't'), { mergeId: merge.id }, ctx.now());
    // The undo restores what each one's own facts say, milestones included.
    const undone = await stageOf(ctx, 'ann');
    expect(undone.current?.key).toBe('buyer');
    expect(undone.history.at(-1)).toMatchObject({ from: 4, to: 3, cause: 'merge' });
    expect((await stageOf(ctx, 'bo')).current?.key).toBe('buyer');
  });

  it('puts every Online Retail customer where the default rules say, as of any time', async () => {
    ctx = await openTestContext(dialect, { currency: 'GBP' });
    await importEvents(ctx.repos, ctx.workspace, csvSource(await resolveMapping('online-retail'))(createReadStream(RETAIL)), { file: RETAIL, rejectsPath: join(ctx.dir, 'r.jsonl'), batchSize: 7, now: ctx.now });

    // Independently, from the raw rows: purchases are distinct non-C invoices; spend nets cancellations.
    const rows = parse(readFileSync(RETAIL), { columns: true }) as Record<string, string>[];
    const people = new Map<string, { invoices: Set<string>; spend: number }>();
    for (const r of rows) {
      if (!r.CustomerID) continue;
      const p = people.get(String(Number(r.CustomerID))) ?? { invoices: new Set(), spend: 0 };
      if (!r.InvoiceNo!.startsWith('C')) p.invoices.add(r.InvoiceNo!);
      p.spend += Number(r.Quantity) * Number(r.UnitPrice);
      people.set(String(Number(r.CustomerID)), p);
    }
    const expected = (p: { invoices: Set<string>; spend: number }, withinYear: boolean) =>
      withinYear && p.spend >= 1000 ? 'high_value' : p.invoices.size >= 2 ? 'multiple_buyer' : p.invoices.size >= 1 ? 'buyer' : 'first_contact';

    for (const [asOf, withinYear] of [['2010-12-02T00:00:00Z', true], ['2011-12-10T00:00:00Z', false]] as const) {
      await reevaluateStages(ctx.repos.ingest, ctx.workspace.id, at(asOf), 'sweep', ctx.now());
      const want = new Map<string, number>();
      for (const [id, p] of people) {
        const key = expected(p, withinYear);
        want.set(key, (want.get(key) ?? 0) + 1);
        expect((await stageOf(ctx, id, at(asOf))).current?.key, `customer ${id} as of ${asOf}`).toBe(key);
      }
      const route = (await ctx.repos.routes.list(ctx.workspace.id))[0]!;
      const counts = await ctx.repos.stages.counts(ctx.workspace.id, route.id);
      expect(Object.fromEntries(counts.filter((c) => c.customers > 0).map((c) => [KEYS[c.stage!], c.customers]))).toEqual(Object.fromEntries(want));
    }
  });
});
