/** Importing Pulse JSONL end to end, on both stores: customers, identities, facts, rejects, reruns. */
import { readFileSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { findCustomer, viewCustomer } from '../src/app/get-customer.js';
import { importEvents, type ImportSummary } from '../src/ingest/import-events.js';
import { jsonlSource } from '../src/ingest/jsonl-source.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const FILE = new URL('./fixtures/events.jsonl', import.meta.url).pathname;

const runImport = (ctx: TestContext, rejects = join(ctx.dir, 'rejects.jsonl')): Promise<ImportSummary> =>
  importEvents(ctx.repos, ctx.workspace, jsonlSource(createReadStream(FILE)), {
    file: 'events.jsonl', rejectsPath: rejects, batchSize: 3, now: ctx.now,
  });

describe.each(DIALECTS)('JSONL import on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('stores good lines, reports every bad line with its line, field and reason', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    const summary = await runImport(ctx);
    expect(summary).toMatchObject({ accepted: 5, duplicates: 1, rejected: 4, warnings: 0 });
    const rejects = readFileSync(summary.rejectsFile as string, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.map((r) => [r.line, r.field])).toEqual([
      [6, 'occurred_at'], [7, '(line)'], [8, 'amount'], [10, 'customer'],
    ]);
    expect(rejects[0]).toMatchObject({ type: 'reject', file: 'events.jsonl', reason: 'expected an ISO-8601 date-time' });
    expect(rejects[3].reason).toMatch(/no customer identity/);
  });

  it('links identities by verified email and by handle, and derives facts', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    await runImport(ctx);
    const { total } = await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10, offset: 0 });
    expect(total).toBe(2);

    const mette = await findCustomer(ctx.repos.customers, ctx.workspace.id, 'mette.holm@example.dk');
    expect(await findCustomer(ctx.repos.customers, ctx.workspace.id, '@mette.holm')).toBe(mette);
    const m = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), mette, { asOf: Date.parse('2026-05-31T00:00:00Z'), events: 10 });
    expect(m.displayName).toBe('Mette Holm');
    expect(m.identities.map((i) => [i.kind, i.linkSource])).toEqual([
      ['shop', 'event'], ['email', 'event'], ['facebook', 'email_match'],
    ]);
    expect(m.facts).toMatchObject({ events: 3, interactions: 2, purchases: 1, refunds: 1, spend_total: 6499, spend_gross: 7499, comments: 1, spend_30d: 6499, days_since_last_interaction: 27 });
    expect(m.facts.spend_7d).toBe(0);

    const giulia = await findCustomer(ctx.repos.customers, ctx.workspace.id, 'giulia_r');
    const g = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), giulia, { asOf: Date.parse('2026-05-05T12:00:00Z'), events: 10 });
    expect(g.facts).toMatchObject({ mentions: 2, interactions: 2, active_weeks: 1, mentions_7d: 2 });
    expect(g.events.map((e) => e.text)).toEqual(['still waiting', '@cykel la mia bici non funziona 😡']);
  });

  it('stores nothing twice when the same file is imported again', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    await runImport(ctx);
    const again = await runImport(ctx, join(ctx.dir, 'again.jsonl'));
    expect(again).toMatchObject({ accepted: 0, duplicates: 6, rejected: 4, newCustomers: 0 });
    expect(await ctx.repos.customers.count(ctx.workspace.id)).toEqual({ customers: 2, events: 5 });
    const mette = await findCustomer(ctx.repos.customers, ctx.workspace.id, 'S-1');
    const m = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), mette, { asOf: ctx.now(), events: 0 });
    expect(m.facts.events).toBe(3);
  });
});

describe.each(DIALECTS)('customer names on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('replaces a label made up from an id with the name a later event gives, but never a given name', async () => {
    ctx = await openTestContext(dialect);
    const { EventLineSchema, toPulseEvent } = await import('../src/app/event-input.js');
    const { ingestEvents } = await import('../src/app/ingest-events.js');
    const ingest = (line: Record<string, unknown>) => ingestEvents(ctx.repos, ctx.workspace, [toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line))], ctx.now());
    await ingest({ source: 'web', source_id: '1', kind: 'visit', channel: 'web', occurred_at: '2026-05-01T00:00:00Z', customer: { identities: [{ channel: 'web', id: 'v-1' }] } });
    const id = await findCustomer(ctx.repos.customers, ctx.workspace.id, 'v-1');
    expect((await ctx.repos.customers.get(ctx.workspace.id, id))?.displayName).toBe('web v-1');
    await ingest({ source: 'shop', source_id: 'o1', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T00:00:00Z', customer: { identities: [{ channel: 'web', id: 'v-1' }], email: 'lis@example.dk', name: 'Lis Jakobsen' }, amount: 10, currency: 'EUR' });
    expect(await ctx.repos.customers.get(ctx.workspace.id, id)).toMatchObject({ displayName: 'Lis Jakobsen', email: 'lis@example.dk' });
    await ingest({ source: 'ig', source_id: 'c1', kind: 'comment', channel: 'instagram', occurred_at: '2026-05-03T00:00:00Z', customer: { email: 'lis@example.dk', name: 'lissy 🌸' } });
    expect((await ctx.repos.customers.get(ctx.workspace.id, id))?.displayName).toBe('Lis Jakobsen');
  });
});

describe.each(DIALECTS)('amounts in other currencies on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('converts with the workspace rates, and warns (once) when there is no rate', async () => {
    ctx = await openTestContext(dialect, { currency: 'DKK' });
    const { EventLineSchema, toPulseEvent } = await import('../src/app/event-input.js');
    const { ingestEvents } = await import('../src/app/ingest-events.js');
    const lines = [
      { source: 'shop', source_id: 'eur', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-01T00:00:00Z', customer: { email: 'g@example.it' }, amount: 100, currency: 'EUR', order_id: 'A' },
      { source: 'shop', source_id: 'xyz', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T00:00:00Z', customer: { email: 'g@example.it' }, amount: 50, currency: 'XYZ', order_id: 'B' },
    ];
    const events = lines.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l)));
    const first = await ingestEvents(ctx.repos, ctx.workspace, events, ctx.now());
    expect(first.warnings).toEqual([{ index: 1, field: 'currency', reason: expect.stringContaining('no exchange rate from XYZ to DKK') }]);
    const id = await findCustomer(ctx.repos.customers, ctx.workspace.id, 'g@example.it');
    const c = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf: ctx.now(), events: 5 });
    expect(c.facts.purchases).toBe(2);
    expect(c.facts.spend_total).toBeCloseTo(100 * ctx.workspace.rates.EUR!, 2);
    expect((await ingestEvents(ctx.repos, ctx.workspace, events, ctx.now())).warnings).toEqual([]);
  });
});
