/** The customer API, in-process (app.inject) over real stores: shapes, errors, workspace isolation. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import type { Workspace } from '../src/app/ports.js';
import { buildApp } from '../src/http/app.js';
import { tokenHeaders } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const lines = (prefix: string): EventLineInput[] => [
  { source: 'shop', source_id: `${prefix}-o1`, kind: 'purchase', channel: 'shop', occurred_at: '2026-05-10T10:00:00Z', customer: { email: `${prefix}@example.com`, name: `${prefix} Buyer` }, amount: 120, currency: 'EUR', order_id: `${prefix}-1` },
  { source: 'ig', source_id: `${prefix}-c1`, kind: 'comment', channel: 'instagram', occurred_at: '2026-05-12T10:00:00Z', customer: { identities: [{ channel: 'instagram', id: `${prefix}-ig`, handle: `${prefix}_gram` }], email: `${prefix}@example.com` }, text: '<b>love</b> it' },
  { source: 'x', source_id: `${prefix}-m1`, kind: 'mention', channel: 'x', occurred_at: '2026-05-20T10:00:00Z', customer: { identities: [{ channel: 'x', id: `${prefix}-x` }], name: `${prefix} Other` } },
];

describe.each(DIALECTS)('customer API on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let other: Workspace;
  let auth: { authorization: string };

  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    other = await ctx.repos.workspaces.create({ slug: 'other', name: 'Other brand', currency: 'EUR', rates: {}, createdAt: ctx.now() });
    for (const [ws, prefix] of [[ctx.workspace, 'anna'], [other, 'bo']] as const) {
      await ingestEvents(ctx.repos, ws, lines(prefix).map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), ctx.now());
    }
    app = await buildApp(ctx, { logger: false, webDist: null });
    auth = await tokenHeaders(ctx, ctx.workspace, ['write'], 'tester');
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: auth });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists and searches customers, most recently active first', async () => {
    const all = await get('/api/v1/workspaces/test/customers');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, currency: 'EUR' });
    expect(all.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['anna Other', 'anna Buyer']);
    expect(all.body.items[1]).toMatchObject({ email: 'anna@example.com', channels: ['email', 'instagram'], purchases: 1, spendTotal: 120, lastSeenAt: '2026-05-12T10:00:00.000Z' });
    for (const q of ['anna_gram', '@ANNA_GRAM', 'anna@example', 'anna-x']) {
      expect((await get(`/api/v1/workspaces/test/customers?q=${encodeURIComponent(q)}`)).body.total, q).toBe(1);
    }
    const page = await get('/api/v1/workspaces/test/customers?limit=1&offset=1');
    expect(page.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['anna Buyer']);

    // Asked again after a write, the same page shows it (nothing is kept past a write).
    expect((await get('/api/v1/workspaces/test/customers')).body).toEqual(all.body);
    const later: EventLineInput = { source: 'ig', source_id: 'cleo-c1', kind: 'comment', channel: 'instagram', occurred_at: '2026-05-25T10:00:00Z', customer: { identities: [{ channel: 'instagram', id: 'cleo-ig' }], name: 'Cleo' } };
    await ingestEvents(ctx.repos, ctx.workspace, [toPulseEvent(EventLineSchema.parse(later), JSON.stringify(later))], ctx.now());
    const after = await get('/api/v1/workspaces/test/customers');
    expect(after.body.total).toBe(3);
    expect(after.body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Cleo', 'anna Other', 'anna Buyer']);
  });

  it('shows one customer with identities, facts as of a time and the timeline', async () => {
    const list = await get('/api/v1/workspaces/test/customers?q=anna@example.com');
    const id = list.body.items[0].id as number;
    const c = await get(`/api/v1/workspaces/test/customers/${id}?asOf=2026-05-31T00:00:00Z`);
    expect(c.status).toBe(200);
    expect(c.body.identities.map((i: { kind: string; linkSource: string }) => `${i.kind}:${i.linkSource}`)).toEqual(['email:event', 'instagram:email_match']);
    expect(c.body.facts).toMatchObject({ purchases: 1, comments: 1, spend_total: 120, interactions_30d: 2, days_since_last_interaction: 18 });
    expect(c.body.events.map((e: { kind: string; text: string | null }) => [e.kind, e.text])).toEqual([['comment', '<b>love</b> it'], ['purchase', null]]);
    const older = await get(`/api/v1/workspaces/test/customers/${id}/events?before=${encodeURIComponent(c.body.events[0].occurredAt)}`);
    expect(older.body.items.map((e: { kind: string }) => e.kind)).toEqual(['purchase']);
  });

  it('pages the timeline without skipping events that share a timestamp', async () => {
    const same = [1, 2, 3].map((n): EventLineInput => ({ source: 'web', source_id: `v${n}`, kind: 'visit', channel: 'web', occurred_at: '2026-05-25T10:00:00Z', customer: { identities: [{ channel: 'web', id: 'visitor-1' }] } }));
    await ingestEvents(ctx.repos, ctx.workspace, same.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), ctx.now());
    const id = (await get('/api/v1/workspaces/test/customers?q=visitor-1')).body.items[0].id as number;
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 4; page++) {
      const { items } = (await get(`/api/v1/workspaces/test/customers/${id}/events?limit=1${cursor}`)).body as { items: { id: number; occurredAt: string; sourceId: string }[] };
      if (items.length === 0) break;
      seen.push(items[0]!.sourceId);
      cursor = `&before=${encodeURIComponent(items[0]!.occurredAt)}&beforeId=${items[0]!.id}`;
    }
    expect(seen.sort()).toEqual(['v1', 'v2', 'v3']);
  });

  it('answers errors in one shape: 404 for what is not there, 400 with the failing field', async () => {
    expect(await get('/api/v1/workspaces/nope/customers')).toMatchObject({ status: 404, body: { error: { code: 'workspace_not_found' } } });
    expect(await get('/api/v1/workspaces/test/customers/999999')).toMatchObject({ status: 404, body: { error: { code: 'customer_not_found' } } });
    const bad = await get('/api/v1/workspaces/test/customers?limit=100000');
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: [{ path: 'limit' }] } } });
    expect((await get('/api/v1/nothing')).status).toBe(404);
  });

  it('never shows a customer of one workspace through another', async () => {
    const theirAuth = await tokenHeaders(ctx, other, ['read']);
    const theirs = (await app.inject({ method: 'GET', url: '/api/v1/workspaces/other/customers', headers: theirAuth })).json().items as { id: number }[];
    expect((await get('/api/v1/workspaces/other/customers')).body.error.code).toBe('workspace_not_found');
    expect(theirs).toHaveLength(2);
    for (const { id } of theirs) {
      expect((await get(`/api/v1/workspaces/test/customers/${id}`)).status).toBe(404);
      expect((await get(`/api/v1/workspaces/test/customers/${id}/events`)).status).toBe(404);
      const merge = await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/merges', payload: { targetId: id, mergedId: theirs.find((t) => t.id !== id)!.id }, headers: auth });
      expect(merge.statusCode).toBe(404);
    }
    expect((await get('/api/v1/workspaces/test/customers?q=bo@example.com')).body.total).toBe(0);
  });

  it('merges two customers and undoes it', async () => {
    const items = (await get('/api/v1/workspaces/test/customers')).body.items as { id: number }[];
    const [a, b] = items.map((c) => c.id) as [number, number];
    const merged = await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/merges', payload: { targetId: a, mergedId: b, reason: 'same' }, headers: auth });
    expect(merged.statusCode).toBe(201);
    expect((await get('/api/v1/workspaces/test/customers')).body.total).toBe(1);
    expect((await get(`/api/v1/workspaces/test/customers/${a}`)).body.facts.events).toBe(3);
    // The dashboard's counts: one customer fewer, every event still counted once.
    expect((await get('/api/v1/workspaces/test')).body).toMatchObject({ customers: 1, events: 3 });
    const undo = await app.inject({ method: 'POST', url: `/api/v1/workspaces/test/merges/${merged.json().id}/undo`, headers: auth });
    expect(undo.json()).toMatchObject({ undoneBy: 'token:tester' });
    expect((await get('/api/v1/workspaces/test/customers')).body.total).toBe(2);
    expect((await get('/api/v1/workspaces/test')).body).toMatchObject({ customers: 2, events: 3 });
  });
});
