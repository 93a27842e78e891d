/** Migrations go down and up again cleanly on both stores, keeping the data. */
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { systemAccess } from '../src/app/access.js';
import { viewCustomer } from '../src/app/get-customer.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { KNOWN_EVENT_KINDS, type KnownEventKind } from '../src/domain/event.js';
import { migrateDown, migrateToLatest } from '../src/store/migrate.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const event = (line: Record<string, unknown>) => toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line));

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('reverts the latest migrations and reapplies them, and the customers\' facts come through unchanged', async () => {
    ctx = await openTestContext(dialect);
    const who = { identities: [{ channel: 'instagram', id: 'u1' }] };
    const { touchedCustomers: [id] } = await ingestEvents(ctx.repos, ctx.workspace, [
      event({ source: 't', source_id: '1', kind: 'comment', channel: 'instagram', occurred_at: '2026-05-01T10:00:00Z', customer: who }),
      event({ source: 't', source_id: '2', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T10:00:00Z', amount: 120, currency: 'EUR', order_id: 'o1', customer: who }),
    ], ctx.now());
    const view = () => viewCustomer(ctx.repos, systemAccess(ctx.workspace), id!, { asOf: ctx.now(), events: 0 });
    const { facts: before, stages } = await view();
    expect(stages.flatMap((s) => s.history).length).toBeGreaterThan(0);

    const payloads = async () => (await sql<{ id: number; raw: string }>`SELECT event_id AS id, raw FROM event_payloads ORDER BY event_id`.execute(ctx.store.db)).rows;
    const stored = await payloads();
    // Each event's input is kept as received, beside the log.
    expect(stored.map((p) => JSON.parse(p.raw).source_id)).toEqual(['1', '2']);

    const down: string[] = [];
    for (let i = 0; i < 7; i++) down.push(...await migrateDown(ctx.store.db));
    expect(down).toEqual(['0011-cover-page-reads', '0010-day-event-views', '0009-count-customer-roots', '0008-index-customer-roots', '0007-event-payloads', '0006-index-merges', '0005-score-sentiment']);
    // The payloads went back into the log…
    expect((await sql<{ id: number; raw: string }>`SELECT id, raw FROM events ORDER BY id`.execute(ctx.store.db)).rows).toEqual(stored);
    // The day buckets are back in the layout before sentiment: the kind counts right after spend.
    const buckets = await ctx.store.db.selectFrom('customer_days').select('bucket').where('customer_id', '=', id!).orderBy('day').execute();
    const oldLength = (kind: KnownEventKind) => 4 + KNOWN_EVENT_KINDS.indexOf(kind) + 1;
    expect(buckets.map((b) => JSON.parse(b.bucket).length)).toEqual([oldLength('comment'), oldLength('purchase')]);

    expect(await migrateToLatest(ctx.store.db)).toEqual([...down].reverse());
    // …and out again.
    expect(await payloads()).toEqual(stored);
    // Facts, where the customer stands and how they got there (tables and indexes rebuilt by 0011).
    expect(await view()).toMatchObject({ facts: before, stages });
    expect((await ctx.repos.workspaces.list()).map((w) => w.slug)).toEqual(['test']);
    // The list's total (on SQLite a count kept by triggers, filled in by the migration).
    expect((await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10, offset: 0 })).total).toBe(1);
    expect(await migrateToLatest(ctx.store.db)).toEqual([]);
  });

  it('fills the day rows\' event views from the log exactly as ingestion writes them', async () => {
    ctx = await openTestContext(dialect);
    const who = { identities: [{ channel: 'instagram', id: 'u1' }] };
    const { touchedCustomers: [id] } = await ingestEvents(ctx.repos, ctx.workspace, [
      event({ source: 't', source_id: '1', kind: 'comment', channel: 'instagram', occurred_at: '2026-05-01T10:00:00Z', customer: who }),
      event({ source: 't', source_id: '2', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T10:00:00Z', amount: 120.35, currency: 'EUR', order_id: 'o1', customer: who }),
      event({ source: 't', source_id: '3', kind: 'mention', channel: 'instagram', occurred_at: '2026-05-02T12:30:00Z', customer: who,
        text: 'Love the new bike, but the bell broke 😕 "again"', thread_id: 'th1', in_reply_to: 'p9', meta: { followers: 1234, tags: ['a', 'b'], nested: { x: 0.1 } } }),
    ], ctx.now());
    const page = async () => (await viewCustomer(ctx.repos, systemAccess(ctx.workspace), id!, { asOf: ctx.now(), events: 50 })).events;
    const views = async () => (await ctx.store.db.selectFrom('customer_days').select('views').orderBy('customer_id').orderBy('day').execute())
      .map((d) => JSON.parse(`[${d.views}]`));
    const before = await page();
    expect(before.map((e) => [e.sourceId, e.text, e.amount, e.meta])).toEqual([
      ['3', 'Love the new bike, but the bell broke 😕 "again"', null, { followers: 1234, tags: ['a', 'b'], nested: { x: 0.1 } }],
      ['2', null, 120.35, null],
      ['1', null, null, null],
    ]);
    expect(before[0]!.sentimentScore).toEqual(expect.any(Number));
    const written = await views();
    // Stored without trailing nulls: the comment has no text, the purchase no thread.
    expect(written.flat().map((e: unknown[]) => e.length)).toEqual(expect.arrayContaining([8, 16, 19]));
    for (const e of written.flat()) expect(e.at(-1)).not.toBeNull();

    const down = [...await migrateDown(ctx.store.db), ...await migrateDown(ctx.store.db)];
    expect(down).toEqual(['0011-cover-page-reads', '0010-day-event-views']);
    expect(await migrateToLatest(ctx.store.db)).toEqual([...down].reverse());
    expect(await views()).toEqual(written);
    expect(await page()).toEqual(before);
  });
});
