/** Merging customers by hand and undoing it exactly, on both stores. */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { systemAccess } from '../src/app/access.js';
import { findCustomer, viewCustomer } from '../src/app/get-customer.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { mergeCustomers, unmergeCustomers } from '../src/app/merge-customers.js';
import { importEvents } from '../src/ingest/import-events.js';
import { jsonlSource } from '../src/ingest/jsonl-source.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const FILE = new URL('./fixtures/events.jsonl', import.meta.url).pathname;
const AS_OF = Date.parse('2026-06-01T00:00:00Z');

const snapshot = async (ctx: TestContext, id: number) => {
  const c = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf: AS_OF, events: 100 });
  return { facts: c.facts, events: c.events.map((e) => e.id), identities: c.identities.map((i) => i.id).sort(), mergedInto: c.mergedInto };
};

const ingestLine = (ctx: TestContext, line: EventLineInput) =>
  ingestEvents(ctx.repos, ctx.workspace, [toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line))], ctx.now());

describe.each(DIALECTS)('merge and unmerge on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('joins two customers and restores both exactly, including events that arrived meanwhile', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    await importEvents(ctx.repos, ctx.workspace, jsonlSource(createReadStream(FILE)), { file: 'events.jsonl', rejectsPath: join(ctx.dir, 'r.jsonl'), batchSize: 100, now: ctx.now });
    const deps = { ...ctx.repos, bus: ctx.bus };
    const mette = await findCustomer(deps.customers, ctx.workspace.id, 'S-1');
    const giulia = await findCustomer(deps.customers, ctx.workspace.id, '@giulia_r');
    const before = { mette: await snapshot(ctx, mette), giulia: await snapshot(ctx, giulia) };

    const merge = await mergeCustomers(deps, systemAccess(ctx.workspace, 'test'), { targetId: mette, mergedId: giulia, reason: 'same person' }, ctx.now());
    expect(merge).toMatchObject({ targetId: mette, mergedId: giulia, linkSource: 'manual', undoneAt: null });
    const merged = await snapshot(ctx, mette);
    expect(merged.facts).toMatchObject({ events: 5, interactions: 4, mentions: 2, purchases: 1, spend_total: 6499 });
    expect(merged.events).toHaveLength(5);
    expect(merged.identities).toEqual([...before.mette.identities, ...before.giulia.identities].sort());
    expect((await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10, offset: 0 })).total).toBe(1);
    // Any of Giulia's identities now names the merged customer.
    expect(await findCustomer(deps.customers, ctx.workspace.id, '@giulia_r')).toBe(mette);

    // A new event for Giulia while merged counts for the merged customer…
    await ingestLine(ctx, { source: 'x', source_id: 't.99', kind: 'mention', channel: 'x', occurred_at: '2026-05-30T10:00:00Z', customer: { identities: [{ channel: 'x', id: '42' }] }, text: 'grazie!' });
    expect((await snapshot(ctx, mette)).facts.mentions).toBe(3);

    // …and goes back with her when the merge is undone; everything else is as it was.
    await expect(mergeCustomers(deps, systemAccess(ctx.workspace, 'test'), { targetId: giulia, mergedId: mette }, ctx.now())).rejects.toMatchObject({ code: 'already_merged' });
    const undone = await unmergeCustomers(deps, systemAccess(ctx.workspace, 'test'), { customerId: giulia }, ctx.now());
    expect(undone.undoneBy).toBe('test');
    expect(await snapshot(ctx, mette)).toEqual(before.mette);
    const g = await snapshot(ctx, giulia);
    expect(before.giulia.facts).toMatchObject({ events: 2, mentions: 2, active_weeks_90d: 1, days_since_last_activity: 26 });
    expect(g.facts).toMatchObject({ events: 3, interactions: 3, mentions: 3, mentions_7d: 1, mentions_30d: 3, active_weeks_90d: 2, days_since_last_activity: 1 });
    expect(g.events).toHaveLength(3);
    await expect(unmergeCustomers(deps, systemAccess(ctx.workspace, 'test'), { mergeId: merge.id }, ctx.now())).rejects.toMatchObject({ code: 'not_merged' });
  });

  it('merges customers stored apart when an event links them by a verified email, and the merge can be undone', async () => {
    ctx = await openTestContext(dialect);
    const deps = { ...ctx.repos, bus: ctx.bus };
    await ingestLine(ctx, { source: 'ig', source_id: '1', kind: 'comment', channel: 'instagram', occurred_at: '2026-05-01T10:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'ig-anna', handle: 'anna.j' }] } });
    await ingestLine(ctx, { source: 'shop', source_id: 'o1', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T10:00:00Z', customer: { email: 'anna@example.com' }, amount: 50, currency: 'EUR', order_id: 'o1' });
    await ingestLine(ctx, { source: 'ig', source_id: '2', kind: 'newsletter_signup', channel: 'newsletter', occurred_at: '2026-05-03T10:00:00Z', customer: { email: 'nobody@example.com', email_verified: false, identities: [{ channel: 'instagram', id: 'ig-anna' }] } });
    expect((await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10, offset: 0 })).total).toBe(2); // an unverified email links no one

    const result = await ingestLine(ctx, { source: 'ig', source_id: '3', kind: 'message', channel: 'instagram', occurred_at: '2026-05-04T10:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'ig-anna' }], email: 'anna@example.com' }, text: 'my order email is anna@example.com' });
    expect(result.merges).toHaveLength(1);
    expect(result.merges[0]).toMatchObject({ linkSource: 'email_match', confidence: 0.9, actor: 'pulse', reason: expect.stringContaining('ig/3') });
    const anna = await findCustomer(deps.customers, ctx.workspace.id, 'anna@example.com');
    expect(await findCustomer(deps.customers, ctx.workspace.id, '@anna.j')).toBe(anna);
    const merged = await snapshot(ctx, anna);
    expect(merged.facts).toMatchObject({ events: 4, purchases: 1, messages: 1, comments: 1 });

    await unmergeCustomers(deps, systemAccess(ctx.workspace, 'test'), { mergeId: result.merges[0]!.id }, ctx.now());
    expect((await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10, offset: 0 })).total).toBe(2);
  });

  it('keeps facts equal to the log when merges and undos race with ingestion', async () => {
    ctx = await openTestContext(dialect);
    const deps = { ...ctx.repos, bus: ctx.bus };
    const line = (who: string, n: number): EventLineInput => ({ source: 'race', source_id: `${who}-${n}`, kind: 'comment', channel: 'instagram', occurred_at: new Date(Date.UTC(2026, 4, 1) + n * 3_600_000).toISOString(), customer: { identities: [{ channel: 'instagram', id: who }] } });
    const batch = (n: number) => ['a', 'b'].map((who) => toPulseEvent(EventLineSchema.parse(line(who, n)), JSON.stringify(line(who, n))));
    await ingestEvents(ctx.repos, ctx.workspace, batch(0), ctx.now());
    const a = await findCustomer(deps.customers, ctx.workspace.id, 'a');
    const b = await findCustomer(deps.customers, ctx.workspace.id, 'b');
    const ingesting = (async () => {
      for (let n = 1; n <= 40; n++) await ingestEvents(ctx.repos, ctx.workspace, batch(n), ctx.now());
    })();
    const merging = (async () => {
      for (let k = 0; k < 6; k++) {
        const m = await mergeCustomers(deps, systemAccess(ctx.workspace, 'race'), { targetId: a, mergedId: b }, ctx.now());
        await unmergeCustomers(deps, systemAccess(ctx.workspace, 'race'), { mergeId: m.id }, ctx.now());
      }
    })();
    await Promise.all([ingesting, merging]);
    for (const id of [a, b]) expect((await snapshot(ctx, id)).facts.events, `customer ${id}`).toBe(41);
  });

  it('refuses to merge a customer into itself or a customer of another workspace', async () => {
    ctx = await openTestContext(dialect);
    await ingestLine(ctx, { source: 's', source_id: '1', kind: 'like', channel: 'instagram', occurred_at: '2026-05-01T00:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'a' }] } });
    const deps = { ...ctx.repos, bus: ctx.bus };
    const a = await findCustomer(deps.customers, ctx.workspace.id, 'a');
    await expect(mergeCustomers(deps, systemAccess(ctx.workspace, 't'), { targetId: a, mergedId: a }, ctx.now())).rejects.toMatchObject({ code: 'merge_conflict' });
    const other = await ctx.repos.workspaces.create({ slug: 'other', name: 'Other', currency: 'EUR', rates: {}, createdAt: ctx.now() });
    await expect(mergeCustomers(deps, systemAccess(other, 't'), { targetId: a, mergedId: a + 1 }, ctx.now())).rejects.toMatchObject({ code: 'customer_not_found' });
  });
});
