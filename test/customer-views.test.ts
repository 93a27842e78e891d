/**
 * A customer's page on a SQLite file is read in one snapshot with prepared statements; it must say
 * exactly what the same page composed from the ordinary store reads says, for every customer.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { mergeCustomers } from '../src/app/merge-customers.js';
import type { CustomerViewRows } from '../src/app/ports.js';
import { factsAsOf } from '../src/domain/facts.js';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { customerRepo } from '../src/store/customer-repo.js';
import { seedDemo } from '../src/ingest/seed-demo.js';
import { composedCustomerViews } from '../src/store/customer-views.js';
import { sqliteCustomerList, sqliteCustomerViews } from '../src/store/sqlite-customer-views.js';
import { openTestContext, type TestContext } from './stores.js';

/** The page with the customer's state as the facts it gives (the page reads only those). */
const comparable = (rows: CustomerViewRows | null) => {
  expect(rows).not.toBeNull();
  const { state, ...customer } = rows!.customer;
  return { ...rows, customer: { ...customer, facts: factsAsOf(state, AS_OF) } };
};
const AS_OF = Date.parse('2026-06-01T12:00:00Z');
const newcomer = { source: 'test', source_id: 'new-1', kind: 'comment', channel: 'instagram', occurred_at: '2026-06-01T11:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'newcomer' }] } };

describe('customer pages on SQLite', () => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('read in one snapshot equal the pages and lists read through the store, merges and stages included', async () => {
    ctx = await openTestContext('sqlite');
    const seeded = await seedDemo(ctx.repos, { seed: 3, customers: 150, now: ctx.now(), batchSize: 500, clock: ctx.now });
    const demo = (await ctx.repos.workspaces.findBySlug(seeded.workspace))!;
    const { items } = await ctx.repos.customers.list(demo.id, { q: null, limit: 1000, offset: 0 });
    const [a, b, c] = items.map((i) => i.id);
    // A chain: c into b, then b into a (a's page shows all three).
    const deps = { ...ctx.repos, bus: ctx.bus };
    await mergeCustomers(deps, systemAccess(demo, 'test'), { targetId: b!, mergedId: c!, reason: null }, ctx.now());
    await mergeCustomers(deps, systemAccess(demo, 'test'), { targetId: a!, mergedId: b!, reason: null }, ctx.now());

    const snapshot = sqliteCustomerViews(ctx.store.dialect === 'sqlite' ? ctx.store.snapshots! : (null as never));
    const composed = composedCustomerViews(ctx.repos);
    for (const { id } of items) {
      for (const events of [50, 3]) {
        expect(comparable(await snapshot.read(demo.id, id, { events }))).toEqual(comparable(await composed.read(demo.id, id, { events })));
      }
    }
    const page = (await snapshot.read(demo.id, a!, { events: 500 }))!;
    expect(page.group.sort()).toEqual([a, b, c].sort());
    expect(page.merges.map((m) => m.mergedId)).toEqual([b, c]);
    expect(page.routes.length).toBeGreaterThan(0);
    expect(page.positions.length).toBe(page.routes.length);
    // A merged customer's page is still theirs (their own events, their own group).
    expect((await snapshot.read(demo.id, c!, { events: 50 }))!.customer.mergedInto).toBe(b);
    // Another workspace's customer is not found, exactly as a missing one.
    expect(await snapshot.read(ctx.workspace.id, a!, { events: 50 })).toBeNull();
    expect(await snapshot.read(demo.id, 10_000_000, { events: 50 })).toBeNull();

    // The list as the customers page opens, every page, against the list read through Kysely.
    const kysely = customerRepo(ctx.store.db);
    const list = sqliteCustomerList(ctx.store.dialect === 'sqlite' ? ctx.store.snapshots! : (null as never), kysely.list);
    for (const page of [{ limit: 50, offset: 0 }, { limit: 50, offset: 50 }, { limit: 7, offset: 140 }, { limit: 50, offset: 1000 }]) {
      expect(await list(demo.id, { q: null, ...page })).toEqual(await kysely.list(demo.id, { q: null, ...page }));
    }
    expect((await list(demo.id, { q: null, limit: 1000, offset: 0 })).total).toBe(items.length - 2);
    const first = await list(demo.id, { q: null, limit: 1, offset: 0 });
    expect(await list(demo.id, { q: null, limit: 1, offset: 0 })).toEqual(first);
    // Pages and the total follow a write made on another connection (a new customer, active last).
    const latest = { ...newcomer, occurred_at: new Date(ctx.now()).toISOString() };
    await ingestEvents(ctx.repos, demo, [toPulseEvent(EventLineSchema.parse(latest), JSON.stringify(latest))], ctx.now());
    const after = await list(demo.id, { q: null, limit: 1, offset: 0 });
    expect(after.total).toBe(items.length - 1);
    expect(after.items[0]!.lastSeenAt).toBe(ctx.now());
    expect(after.items[0]!.id).not.toBe(first.items[0]!.id);
    expect(after).toEqual(await kysely.list(demo.id, { q: null, limit: 1, offset: 0 }));
    expect(await list(ctx.workspace.id, { q: null, limit: 50, offset: 0 })).toEqual({ items: [], total: 0 });
  });
});
