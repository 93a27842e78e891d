/** Route, stage and funnel API over both stores. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { defaultRoute } from '../src/domain/stages/route.js';
import { buildApp } from '../src/http/app.js';
import { signedIn, tokenHeaders } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const purchase = (who: string, order: string, iso: string, amount: number): EventLineInput => ({
  source: 'shop', source_id: order, kind: 'purchase', channel: 'shop', occurred_at: iso, customer: { email: `${who}@example.com` }, amount, currency: 'EUR', order_id: order,
});

describe.each(DIALECTS)('route API on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let auth: { authorization: string };
  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    const lines = [purchase('ann', 'o1', '2026-05-01T10:00:00Z', 100), purchase('ann', 'o2', '2026-05-10T10:00:00Z', 100), purchase('bo', 'o3', '2026-05-20T10:00:00Z', 50)];
    await ingestEvents(ctx.repos, ctx.workspace, lines.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), ctx.now());
    app = await buildApp(ctx, { logger: false, webDist: null });
    auth = await tokenHeaders(ctx, ctx.workspace, ['write']);
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as object, headers: auth });
    return { status: res.statusCode, body: res.json() };
  };

  it('lists the default route, counts customers per stage and shows why on the customer', async () => {
    const routes = await call('GET', '/api/v1/workspaces/test/routes');
    expect(routes.body.items).toHaveLength(1);
    expect(routes.body.items[0]).toMatchObject({ name: 'Customer journey', version: 1, stages: defaultRoute().stages });
    const counts = await call('GET', '/api/v1/workspaces/test/stages');
    expect(counts.body.counts.filter((c: { customers: number }) => c.customers > 0)).toEqual([
      { stage: 3, key: 'buyer', name: 'Buyer', customers: 1 },
      { stage: 4, key: 'multiple_buyer', name: 'Multiple buyer', customers: 1 },
    ]);
    const ann = (await call('GET', '/api/v1/workspaces/test/customers?q=ann@example.com')).body.items[0].id;
    const detail = await call('GET', `/api/v1/workspaces/test/customers/${ann}`);
    expect(detail.body.stages[0]).toMatchObject({ routeName: 'Customer journey', current: { key: 'multiple_buyer' }, since: '2026-05-10T10:00:00.000Z', next: { key: 'spokesperson' } });
  });

  it('checks a route live, refuses a bad one and re-evaluates everyone on save', async () => {
    const bad = { ...defaultRoute(), stages: defaultRoute().stages.map((s, i) => (i === 6 ? { ...s, rule: 'spend_365 >= 150' } : s)) };
    const check = await call('POST', '/api/v1/workspaces/test/routes/check', bad);
    expect(check).toMatchObject({ status: 200, body: { ok: false, problems: [{ stage: 6, field: 'rule', position: 0, message: expect.stringContaining('did you mean') }] } });
    expect(await call('PUT', '/api/v1/workspaces/test/routes', bad)).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: [{ stage: 6 }] } } });
    expect((await call('POST', '/api/v1/workspaces/test/routes/check', { name: '', stages: [] })).body.ok).toBe(false);

    const saved = await call('PUT', '/api/v1/workspaces/test/routes', defaultRoute(150));
    expect(saved).toMatchObject({ status: 200, body: { route: { version: 2 }, recompute: { customers: 2, transitions: 1 } } });
    const counts = (await call('GET', '/api/v1/workspaces/test/stages')).body.counts;
    expect(counts.find((c: { key: string }) => c.key === 'high_value').customers).toBe(1);
  });

  it('prints the funnel of a period', async () => {
    const f = await call('GET', '/api/v1/workspaces/test/funnel?from=2026-04-01T00:00:00Z&to=2026-06-01T00:00:00Z');
    expect(f.status).toBe(200);
    expect(f.body.stages.slice(0, 5).map((s: { key: string; entered: number }) => [s.key, s.entered])).toEqual([
      ['first_contact', 2], ['first_interaction', 2], ['regular', 2], ['buyer', 2], ['multiple_buyer', 1],
    ]);
    expect(f.body.stages[3]).toMatchObject({ conversionToNext: 0.5, medianDaysToReach: 0 });
    expect((await call('GET', '/api/v1/workspaces/test/funnel?route=999999')).status).toBe(404);
    const byName = await call('GET', `/api/v1/workspaces/test/funnel?route=${encodeURIComponent('Customer journey')}&from=2026-04-01T00:00:00Z&to=2026-06-01T00:00:00Z`);
    expect(byName.body).toMatchObject({ route: { name: 'Customer journey' }, stages: f.body.stages });
  });

  it('exports the funnel to those who may export, and writes it in the audit log', async () => {
    const period = { from: '2026-04-01T00:00:00Z', to: '2026-06-01T00:00:00Z' };
    const analyst = await signedIn(ctx, 'ana@example.com', [{ workspace: ctx.workspace, role: 'analyst' }]);
    const res = await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/funnel/exports', payload: period, headers: analyst.headers });
    expect(res.statusCode).toBe(201);
    const shown = await call('GET', `/api/v1/workspaces/test/funnel?from=${period.from}&to=${period.to}`);
    expect(res.json()).toEqual(shown.body);

    // A care agent reads the funnel but may not take it away; nothing is logged for a refusal.
    const agent = await signedIn(ctx, 'carl@example.com', [{ workspace: ctx.workspace, role: 'care_agent' }]);
    expect((await app.inject({ method: 'GET', url: `/api/v1/workspaces/test/funnel?from=${period.from}`, headers: agent.headers })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/funnel/exports', payload: period, headers: agent.headers });
    expect(refused.statusCode).toBe(403);
    // A period that is not one, or a route that is not there.
    const bad = await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/funnel/exports', payload: { from: 'yesterday', to: period.to }, headers: analyst.headers });
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'from' }] } });
    expect((await app.inject({ method: 'POST', url: '/api/v1/workspaces/test/funnel/exports', payload: { ...period, route: 999999 }, headers: analyst.headers })).statusCode).toBe(404);

    const admin = await tokenHeaders(ctx, ctx.workspace, ['admin']);
    const log = (await app.inject({ method: 'GET', url: '/api/v1/workspaces/test/audit?action=data.exported', headers: admin })).json();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      action: 'data.exported', actor: { kind: 'person', label: expect.stringContaining('ana@example.com') }, target: `route:${shown.body.route.id}`,
      details: { what: 'funnel', route: 'Customer journey', from: '2026-04-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z', rows: shown.body.stages.length },
    });
  });
});
