/** Merging customers by hand and undoing it exactly, on both stores. */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { findCustomer, getCustomer } from '../src/app/get-customer.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { mergeCustomers, unmergeCustomers } from '../src/app/merge-customers.js';
import { importEvents } from '../src/ingest/import-events.js';
import { jsonlSource } from '../src/ingest/jsonl-source.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const FILE = new URL('./fixtures/events.jsonl', import.meta.url).pathname;
const AS_OF = Date.parse('2026-06-01T00:00:00Z');

const snapshot = async (ctx: TestContext, id: number) => {
  const c = await getCustomer(ctx.repos.customers, ctx.workspace.id, id, { asOf: AS_OF, events: 100 });
  return { facts: c.facts, events: c.events.map((e) => e.id), identities: c.identities.map((i) => i.id).sort(), mergedInto: c.mergedInto };
};

const ingestLine = (ctx: TestContext, line: EventLineInput) =>
  ingestEvents(ctx.repos.ingest, ctx.workspace, [toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line))], ctx.now());

describe.each(DIALECTS)('merge and unmerge on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('joins two customers and restores both exactly, including events that arrived meanwhile', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    await importEvents(ctx.repos.ingest, ctx.workspace, jsonlSource(createReadStream(FILE)), { file: 'events.jsonl', rejectsPath: join(ctx.dir, 'r.jsonl'), batchSize: 100, now: ctx.now });
    const deps = { customers: ctx.repos.customers, merges: ctx.repos.merges };
    const mette = await findCustomer(deps.customers, ctx.workspace.id, 'S-1');
    const giulia = await findCustomer(deps.customers, ctx.workspace.id, '@giulia_r');
    const before = { mette: await snapshot(ctx, mette), giulia: await snapshot(ctx, giulia) };

    const merge = await mergeCustomers(deps, ctx.workspace.id, { targetId: mette, mergedId: giulia, reason: 'same person', actor: 'test' }, ctx.now());
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
    await expect(mergeCustomers(deps, ctx.workspace.id, { targetId: giulia, mergedId: mette, actor: 'test' }, ctx.now())).rejects.toMatchObject({ code: 'already_merged' });
    const undone = await unmergeCustomers(deps, ctx.workspace.id, { customerId: giulia, actor: 'test' }, ctx.now());
    expect(undone.undoneBy).toBe('test');
    expect(await snapshot(ctx, mette)).toEqual(before.mette);
    const g = await snapshot(ctx, giulia);
    expect(before.giulia.facts).toMatchObject({ events: 2, mentions: 2, active_weeks_90d: 1, days_since_last_activity: 26 });
    expect(g.facts).toMatchObject({ events: 3, interactions: 3, mentions: 3, mentions_7d: 1, mentions_30d: 3, active_weeks_90d: 2, days_since_last_activity: 1 });
    expect(g.events).toHaveLength(3);
    await expect(unmergeCustomers(deps, ctx.workspace.id, { mergeId: merge.id, actor: 'test' }, ctx.now())).rejects.toMatchObject({ code: 'not_merged' });
  });

  it('refuses to merge a customer into itself or a customer of another workspace', async () => {
    ctx = await openTestContext(dialect);
    await ingestLine(ctx, { source: 's', source_id: '1', kind: 'like', channel: 'instagram', occurred_at: '2026-05-01T00:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'a' }] } });
    const deps = { customers: ctx.repos.customers, merges: ctx.repos.merges };
    const a = await findCustomer(deps.customers, ctx.workspace.id, 'a');
    await expect(mergeCustomers(deps, ctx.workspace.id, { targetId: a, mergedId: a, actor: 't' }, ctx.now())).rejects.toMatchObject({ code: 'merge_conflict' });
    const other = await ctx.repos.workspaces.create({ slug: 'other', name: 'Other', currency: 'EUR', rates: {}, createdAt: ctx.now() });
    await expect(mergeCustomers(deps, other.id, { targetId: a, mergedId: a + 1, actor: 't' }, ctx.now())).rejects.toMatchObject({ code: 'customer_not_found' });
  });
});
