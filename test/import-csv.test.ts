/**
 * Importing the public sample CSVs end to end on both stores, checked against an independent
 * computation from the raw file.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { findCustomer, viewCustomer } from '../src/app/get-customer.js';
import { csvSource } from '../src/ingest/csv-source.js';
import { importEvents } from '../src/ingest/import-events.js';
import { resolveMapping } from '../src/ingest/mappings/index.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const DATA = new URL('../../shared/fixtures/data/', import.meta.url);
const RETAIL = new URL('online_retail_uci_2010-12-01_head200.csv', DATA).pathname;
const TWCS = new URL('twcs_head121_excel_mangled.csv', DATA).pathname;

const run = async (ctx: TestContext, file: string, mapping: string) =>
  importEvents(ctx.repos, ctx.workspace, csvSource(await resolveMapping(mapping))(createReadStream(file)), {
    file, rejectsPath: join(ctx.dir, `${mapping}.rejects.jsonl`), batchSize: 50, now: ctx.now,
  });

/** Purchases (distinct non-C invoices) and net spend per customer, straight from the rows. */
const expectedRetail = () => {
  const rows = parse(readFileSync(RETAIL), { columns: true }) as Record<string, string>[];
  const byCustomer = new Map<string, { invoices: Set<string>; refunds: Set<string>; spend: number }>();
  for (const r of rows) {
    if (!r.CustomerID) continue;
    const id = String(Number(r.CustomerID));
    const c = byCustomer.get(id) ?? { invoices: new Set(), refunds: new Set(), spend: 0 };
    (r.InvoiceNo!.startsWith('C') ? c.refunds : c.invoices).add(r.InvoiceNo!);
    c.spend += Number(r.Quantity) * Number(r.UnitPrice); // cancellations have negative quantities
    byCustomer.set(id, c);
  }
  return byCustomer;
};

describe.each(DIALECTS)('CSV import on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('Online Retail: one customer per CustomerID, purchases and net spend as the raw rows say', async () => {
    ctx = await openTestContext(dialect, { currency: 'GBP' });
    const summary = await run(ctx, RETAIL, 'online-retail');
    const expected = expectedRetail();
    expect(summary).toMatchObject({ accepted: 25, rejected: 0, newCustomers: expected.size });
    for (const [customerId, want] of expected) {
      const id = await findCustomer(ctx.repos.customers, ctx.workspace.id, customerId);
      const got = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf: Date.parse('2011-11-30T23:00:00Z'), events: 0 });
      const later = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf: Date.parse('2011-12-01T00:00:00Z'), events: 0 });
      expect(got.facts, `customer ${customerId}`).toMatchObject({ purchases: want.invoices.size, refunds: want.refunds.size });
      expect(got.facts.spend_total).toBeCloseTo(want.spend, 2);
      expect(got.facts.spend_365d).toBeCloseTo(want.spend, 2); // 2010-12-01 is the first of the 365 days ending 2011-11-30
      expect(later.facts.spend_365d).toBe(0);
    }
    expect(await run(ctx, RETAIL, 'online-retail')).toMatchObject({ accepted: 0, duplicates: 25 });
  });

  it('Customer Support on Twitter, damaged by a spreadsheet: every tweet kept, bad links reported per row', async () => {
    ctx = await openTestContext(dialect);
    const summary = await run(ctx, TWCS, 'twcs');
    expect(summary).toMatchObject({ accepted: 120, rejected: 1 });
    const reports = readFileSync(summary.rejectsFile as string, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const warnedLines = [...new Set(reports.filter((r) => r.type === 'warning').map((r) => r.line))];
    expect(warnedLines).toEqual([95, 110, 117, 121, 123, 131]);
    expect(reports.find((r) => r.type === 'warning')).toMatchObject({ file: TWCS, field: 'response_tweet_id', reason: expect.stringContaining('does not reply to tweet 156') });

    // Customer 115712 wrote tweets 2 and 3; sprintcare's replies 1 and 4 count as outbound events of theirs.
    const id = await findCustomer(ctx.repos.customers, ctx.workspace.id, '115712');
    const c = await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id, { asOf: Date.parse('2017-11-01T00:00:00Z'), events: 50 });
    const byTweet = new Map(c.events.map((e) => [e.sourceId, e]));
    expect(byTweet.get('2')).toMatchObject({ kind: 'mention', direction: 'in', inReplyTo: '1' });
    expect(byTweet.get('1')).toMatchObject({ kind: 'comment', direction: 'out', inReplyTo: '3' });
    expect(c.facts.mentions).toBeGreaterThanOrEqual(2);
  });
});
