/**
 * The webhook API over both stores: an admin subscribes a URL, sees the secret once, tests it, reads
 * the delivery log, retries, rotates, pauses and deletes; others may not; private addresses are
 * refused unless allowed; and an event sent to the ingest API ends as a signed delivery.
 */
import { createHmac } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverWebhooks } from '../src/app/deliver-webhooks.js';
import { buildApp } from '../src/http/app.js';
import { httpWebhookSender, publicLookup } from '../src/webhooks/http-sender.js';
import { signedIn, tokenHeaders } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');

const signs = (secret: string, header: string, raw: Buffer): boolean => {
  const t = /t=(\d+)/.exec(header)![1]!;
  return header.endsWith(`v1=${createHmac('sha256', secret).update(`${t}.`).update(raw).digest('hex')}`);
};

describe.each(DIALECTS)('webhook API on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let receiver: Receiver;
  let admin: Record<string, string>;
  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    ctx.setNow(T0);
    ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE = true;
    app = await buildApp(ctx, { logger: false, webDist: null });
    receiver = await startReceiver();
    admin = await tokenHeaders(ctx, ctx.workspace, ['admin']);
  });
  afterEach(async () => {
    await app.close();
    await receiver.close();
    await ctx.close();
  });
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = admin) => {
    const res = await app.inject({ method, url, payload: payload as object, headers });
    return { status: res.statusCode, body: res.body === '' ? null : res.json() };
  };
  const hooks = '/api/v1/workspaces/test/webhooks';

  it('lets an admin subscribe, test, read the log, retry, rotate, pause and delete — audited', async () => {
    const created = await call('POST', hooks, { url: receiver.url, description: 'CRM sync' });
    expect(created).toMatchObject({ status: 201, body: { url: receiver.url, events: ['customer.stage_changed'], active: true, description: 'CRM sync', createdBy: 'token:test' } });
    const { id, secret } = created.body as { id: number; secret: string };
    expect(secret).toMatch(/^whsec_/);
    const listed = await call('GET', hooks);
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain('cursor');

    // A test delivery: answered at once, with its attempt.
    receiver.answer = (_req, nth) => (nth === 1 ? 500 : 204);
    const ping = await call('POST', `${hooks}/${id}/test`);
    expect(ping).toMatchObject({ status: 200, body: { eventType: 'ping', status: 'pending', attempts: 1, lastResponseStatus: 500, payload: { type: 'ping', workspace: 'test' } } });
    expect(ping.body.attemptLog).toEqual([{ attempt: 1, at: '2026-06-01T12:00:00.000Z', durationMs: expect.any(Number), responseStatus: 500, error: 'HTTP 500: answer 500', nextAttemptAt: ping.body.nextAttemptAt }]);
    const wait = Date.parse(ping.body.nextAttemptAt) - T0; // 10 s ± 20 % jitter
    expect(wait).toBeGreaterThanOrEqual(8_000);
    expect(wait).toBeLessThanOrEqual(12_000);
    expect(signs(secret, receiver.received[0]!.headers['pulse-signature'] as string, receiver.received[0]!.raw)).toBe(true);
    const retried = await call('POST', `${hooks}/${id}/deliveries/${ping.body.id}/retry`);
    expect(retried).toMatchObject({ status: 200, body: { status: 'delivered', attempts: 2, lastResponseStatus: 204 } });

    await call('POST', `${hooks}/${id}/test`);
    const page1 = await call('GET', `${hooks}/${id}/deliveries?limit=1`);
    expect(page1.body.items).toHaveLength(1);
    const page2 = await call('GET', `${hooks}/${id}/deliveries?limit=1&before=${page1.body.next}`);
    expect(page2.body.items[0].id).toBe(ping.body.id);
    expect((await call('GET', `${hooks}/${id}/deliveries?status=failed`)).body.items).toEqual([]);

    const rotated = await call('POST', `${hooks}/${id}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(secret);
    await call('POST', `${hooks}/${id}/test`);
    const last = receiver.received[receiver.received.length - 1]!;
    expect(signs(rotated.body.secret, last.headers['pulse-signature'] as string, last.raw)).toBe(true);
    expect(signs(secret, last.headers['pulse-signature'] as string, last.raw)).toBe(false);

    expect((await call('PATCH', `${hooks}/${id}`, { active: false })).body.active).toBe(false);
    expect(await call('POST', `${hooks}/${id}/test`)).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await call('PATCH', `${hooks}/${id}`, { url: 'ftp://example.com/x' })).status).toBe(400);
    expect((await call('PATCH', `${hooks}/${id}`, {})).status).toBe(400);
    expect((await call('DELETE', `${hooks}/${id}`)).status).toBe(204);
    expect((await call('GET', hooks)).body.items).toEqual([]);
    expect((await call('GET', `${hooks}/${id}/deliveries`)).status).toBe(404);

    const audit = await ctx.repos.audit.list(ctx.workspace.id, { before: null, limit: 50, action: null });
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('webhook.')).sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.updated']);
  });

  it('is for admins only', async () => {
    const { body } = await call('POST', hooks, { url: receiver.url });
    for (const scopes of [['read'], ['write'], ['ingest']] as const) {
      const headers = await tokenHeaders(ctx, ctx.workspace, [...scopes], scopes[0]);
      expect((await call('GET', hooks, undefined, headers)).status).toBe(403);
      expect((await call('POST', hooks, { url: receiver.url }, headers)).status).toBe(403);
      expect((await call('GET', `${hooks}/${body.id}/deliveries`, undefined, headers)).status).toBe(403);
    }
    const analyst = await signedIn(ctx, 'analyst@example.com', [{ workspace: ctx.workspace, role: 'analyst' }]);
    expect((await call('DELETE', `${hooks}/${body.id}`, undefined, analyst.headers)).status).toBe(403);
    const person = await signedIn(ctx, 'admin@example.com', [{ workspace: ctx.workspace, role: 'admin' }]);
    expect(await call('POST', hooks, { url: receiver.url }, person.headers)).toMatchObject({ status: 201, body: { createdBy: 'admin@example.com' } });
  });

  it('refuses private and local addresses unless the operator allows them', async () => {
    ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE = false;
    const strict = await buildApp(ctx, { logger: false, webDist: null });
    try {
      for (const url of ['http://127.0.0.1:8080/x', 'http://169.254.169.254/latest', 'http://[::1]/', 'http://10.1.2.3/', 'http://localhost:3000/', 'http://intranet/hook', 'http://[::ffff:192.168.0.1]/', 'http://0x7f000001/']) {
        const res = await strict.inject({ method: 'POST', url: hooks, payload: { url }, headers: admin });
        expect([url, res.statusCode, res.json().error.message]).toEqual([url, 400, expect.stringContaining('private or local address')]);
      }
      for (const url of ['ftp://example.com/', 'https://user:pw@example.com/', 'not a url']) {
        expect((await strict.inject({ method: 'POST', url: hooks, payload: { url }, headers: admin })).statusCode).toBe(400);
      }
      expect((await strict.inject({ method: 'POST', url: hooks, payload: { url: 'https://hooks.example.com/pulse' }, headers: admin })).statusCode).toBe(201);
      // When sending, the address a name resolves to is checked too (here from /etc/hosts).
      const refused = await new Promise<Error | null>((resolve) => publicLookup('localhost', {}, (err) => resolve(err)));
      expect(refused?.message).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1), a private address$/);
      const res = await httpWebhookSender({ allowPrivate: false }).send({ url: receiver.url, headers: {}, body: '{}' });
      expect(res).toMatchObject({ status: null, error: expect.stringContaining('refused: 127.0.0.1 is a private or local address') });
      expect(receiver.received).toHaveLength(0);
    } finally {
      await strict.close();
    }
  });

  it('turns an event sent to the ingest API into a signed customer.stage_changed delivery', async () => {
    const { body: hook } = await call('POST', hooks, { url: receiver.url });
    const ingest = await tokenHeaders(ctx, ctx.workspace, ['ingest'], 'shop');
    const posted = await call('POST', '/api/v1/events', [{
      source: 'shop', source_id: 'o-1', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-31T09:00:00Z', customer: { email: 'ann@example.com' }, amount: 120, currency: 'EUR', order_id: 'o-1',
    }], ingest);
    expect(posted.body.items[0]).toMatchObject({ status: 'created' });
    await deliverWebhooks({ ...ctx.repos, sender: httpWebhookSender({ allowPrivate: true }), now: ctx.now, random: () => 0.5 });
    const changes = receiver.received.map((r) => r.json.data as { customerId: number; to: { key: string }; eventId: number });
    expect(changes.map((c) => c.to.key)).toEqual(['buyer']);
    expect(changes.every((c) => c.customerId === posted.body.items[0].customerId && c.eventId === posted.body.items[0].eventId)).toBe(true);
    expect(receiver.received.every((r) => signs(hook.secret, r.headers['pulse-signature'] as string, r.raw))).toBe(true);
    const log = await call('GET', `${hooks}/${hook.id}/deliveries`);
    expect(log.body.items.map((d: { status: string; eventType: string }) => [d.eventType, d.status])).toEqual([['customer.stage_changed', 'delivered']]);
  });
});
