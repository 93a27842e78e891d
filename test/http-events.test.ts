/** The ingest API over both stores: JSON array and NDJSON, per-item results, idempotency, limits, access. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventLineInput } from '../src/app/event-input.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { buildApp } from '../src/http/app.js';
import { signedIn, tokenHeaders } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const line = (id: string, who: string, extra: Partial<EventLineInput> = {}): EventLineInput => ({
  source: 'api-test', source_id: id, kind: 'comment', channel: 'instagram', occurred_at: '2026-05-30T10:00:00Z',
  customer: { identities: [{ channel: 'instagram', id: `ig-${who}`, handle: who }] }, text: 'hello', ...extra,
});

interface Item { index: number; line?: number; status: string; eventId?: number; customerId?: number; error?: { field: string; message: string } }

describe.each(DIALECTS)('ingest API on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let ingest: { authorization: string };
  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    app = await buildApp(ctx, { logger: false, webDist: null });
    ingest = await tokenHeaders(ctx, ctx.workspace, ['ingest']);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const post = async (url: string, payload: string | object, headers: Record<string, string> = ingest, type = 'application/json') => {
    const res = await app.inject({ method: 'POST', url, payload: typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { ...headers, 'content-type': type } });
    return { status: res.statusCode, body: res.json() };
  };

  it('stores a JSON array with a result per item, and stores nothing twice when it is sent again', async () => {
    const batch = [line('1', 'ann'), line('2', 'bo', { customer: { email: 'not-an-email' } }), line('3', 'ann', { kind: 'share' }), line('1', 'ann')];
    const first = await post('/api/v1/events', batch);
    expect(first.status).toBe(207);
    expect(first.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 1 });
    const items = first.body.items as Item[];
    expect(items.map((i) => [i.index, i.status])).toEqual([[0, 'created'], [1, 'rejected'], [2, 'created'], [3, 'duplicate']]);
    expect(items[1]!.error).toEqual({ field: 'customer.email', message: 'not an email address' });
    expect(items[0]!.customerId).toBe(items[2]!.customerId);
    expect(items[3]!.eventId).toBe(items[0]!.eventId);
    expect(items[0]!.eventId).not.toBe(items[2]!.eventId);

    const again = await post('/api/v1/workspaces/test/events', [batch[0], batch[2]]);
    expect(again).toMatchObject({ status: 200, body: { accepted: 0, duplicates: 2, rejected: 0 } });
    expect((again.body.items as Item[]).map((i) => [i.status, i.eventId, i.customerId])).toEqual([
      ['duplicate', items[0]!.eventId, items[0]!.customerId], ['duplicate', items[2]!.eventId, items[2]!.customerId],
    ]);
    expect(await ctx.repos.customers.count(ctx.workspace.id)).toEqual({ customers: 1, events: 2 });
  });

  it('reads NDJSON, skipping blank lines and naming the line of each problem', async () => {
    const body = [JSON.stringify(line('a', 'cy')), '', '{"source": "api-test", oops', JSON.stringify(line('b', 'cy', { occurred_at: 'yesterday' })), JSON.stringify(line('c', 'di')), ''].join('\r\n');
    const res = await post('/api/v1/workspaces/test/events', body, ingest, 'application/x-ndjson');
    expect(res.status).toBe(207);
    expect((res.body.items as Item[]).map((i) => [i.index, i.line, i.status, i.error?.field])).toEqual([
      [0, 1, 'created', undefined], [1, 3, 'rejected', '(line)'], [2, 4, 'rejected', 'occurred_at'], [3, 5, 'created', undefined],
    ]);
    expect((res.body.items as Item[])[1]!.error!.message).toMatch(/^not JSON/);
    const events = await ctx.repos.customers.count(ctx.workspace.id);
    expect(events.events).toBe(2);
  });

  it('refuses more than 10,000 events or 5 MB, saying so, and stores none of them', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => line(String(i), 'ann'));
    const tooMany = await post('/api/v1/events', many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.error).toMatchObject({ code: 'payload_too_large', message: expect.stringContaining('10,000 events') });
    const big = await post('/api/v1/events', [line('x', 'ann', { text: 'x'.repeat(20_000) }), ...Array.from({ length: 300 }, (_, i) => line(`big${i}`, 'ann', { text: 'y'.repeat(20_000) }))]);
    expect(big.status).toBe(413);
    expect(big.body.error.message).toContain('5 MB');
    const ndjson = await post('/api/v1/events', Array.from({ length: 10_001 }, (_, i) => JSON.stringify(line(String(i), 'ann'))).join('\n'), ingest, 'application/x-ndjson');
    expect(ndjson.status).toBe(413);
    expect(await ctx.repos.customers.count(ctx.workspace.id)).toEqual({ customers: 0, events: 0 });
  });

  it('needs the ingest permission in the workspace named, or the token’s own', async () => {
    expect((await post('/api/v1/events', [line('1', 'ann')], {})).status).toBe(401);
    const read = await tokenHeaders(ctx, ctx.workspace, ['read']);
    expect(await post('/api/v1/events', [line('1', 'ann')], read)).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const other = await ensureWorkspace(ctx.repos, { slug: 'other', currency: 'EUR' }, ctx.now());
    const otherToken = await tokenHeaders(ctx, other, ['ingest']);
    expect((await post('/api/v1/workspaces/test/events', [line('1', 'ann')], otherToken)).status).toBe(404);
    expect((await post('/api/v1/events', [line('1', 'ann')], otherToken)).status).toBe(200);
    expect(await ctx.repos.customers.count(other.id)).toEqual({ customers: 1, events: 1 });
    expect(await ctx.repos.customers.count(ctx.workspace.id)).toEqual({ customers: 0, events: 0 });

    const admin = await signedIn(ctx, 'admin@example.com', [{ workspace: ctx.workspace, role: 'admin' }]);
    expect((await post('/api/v1/workspaces/test/events', [line('2', 'bo')], admin.headers)).status).toBe(200);
    expect((await post('/api/v1/events', [line('3', 'bo')], admin.headers)).status).toBe(400);
    const analyst = await signedIn(ctx, 'analyst@example.com', [{ workspace: ctx.workspace, role: 'analyst' }]);
    expect((await post('/api/v1/workspaces/test/events', [line('4', 'bo')], analyst.headers)).status).toBe(403);
    expect((await post('/api/v1/events', { source: 'x' })).body.error.code).toBe('validation_failed');
  });
});
