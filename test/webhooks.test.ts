/**
 * Outbound webhooks over both stores: deliveries signed as docs/webhooks.md says (checked with the
 * documented Node and Python recipes themselves), retried with backoff from the durable outbox, never
 * lost or doubled across a restart, never sent to another workspace's webhooks, and never sent by two
 * dispatchers at once. Time is the injected clock; nothing sleeps.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemAccess, type Access } from '../src/app/access.js';
import { deliverWebhooks, enqueueWebhookEvents, sendDueDeliveries, type DeliverDeps } from '../src/app/deliver-webhooks.js';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { createWebhook, listDeliveries, listWebhooks, retryDelivery } from '../src/app/manage-webhooks.js';
import { submitEvents } from '../src/app/submit-events.js';
import type { Workspace } from '../src/app/ports.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { openContext, type Context } from '../src/context.js';
import { httpWebhookSender } from '../src/webhooks/http-sender.js';
import { down, up } from '../src/store/migrations/0004-create-webhooks.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

const T0 = Date.parse('2026-06-01T12:00:00Z');
const S = 1000;

const visit = (who: string, iso = '2026-05-30T10:00:00Z'): EventLineInput => ({
  source: 'web', source_id: `visit-${who}`, kind: 'visit', channel: 'web', occurred_at: iso, customer: { email: `${who}@example.com` },
});

/** Stores the events; each first visit of a customer moves them to "First contact". */
const ingest = async (ctx: Context, ws: Workspace, lines: EventLineInput[], now: number) =>
  ingestEvents({ ...ctx.repos, scorer: null }, ws, lines.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), now);

/** The recipe's code blocks, exactly as docs/webhooks.md prints them. */
const recipe = (lang: 'js' | 'python'): string => {
  const doc = readFileSync(new URL('../docs/webhooks.md', import.meta.url), 'utf8');
  const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(doc);
  if (match === null) throw new Error(`docs/webhooks.md has no ${lang} block`);
  return match[1]!;
};

const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let ctx: TestContext;
  let receiver: Receiver;
  let access: Access;
  let extra: Context[];
  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    ctx.setNow(T0);
    receiver = await startReceiver();
    access = systemAccess(ctx.workspace);
    extra = [];
  });
  afterEach(async () => {
    for (const c of extra) await c.close();
    await receiver.close();
    await ctx.close();
  });

  const depsOf = (c: Context): DeliverDeps => ({ ...c.repos, sender: httpWebhookSender({ allowPrivate: true, timeoutMs: 5_000 }), now: () => ctx.now(), random: () => 0.5 });
  /**
   * Another process on the same store: its own connections, the test's clock. (Already migrated: the
   * migrator lists every schema, and another test file dropping its own meanwhile would fail it.)
   */
  const reopen = async (): Promise<Context> => {
    const c = await openContext(ctx.config, { migrate: false });
    extra.push(c);
    return c;
  };
  const subscribe = async (url = receiver.url, a: Access = access) =>
    createWebhook(ctx.repos, a, { url, description: 'test receiver' }, { now: ctx.now(), allowPrivate: true });

  it('signs each delivery so that the documented Node and Python recipes verify it', async () => {
    const { webhook, secret } = await subscribe();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
    expect(await deliverWebhooks(depsOf(ctx))).toMatchObject({ enqueued: 1, attempted: 1, delivered: 1 });

    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['pulse-event']).toBe('customer.stage_changed');
    expect(got.json).toMatchObject({
      type: 'customer.stage_changed', workspace: 'test', createdAt: new Date(T0).toISOString(),
      data: { route: { name: 'Customer journey' }, from: null, to: { index: 0, key: 'first_contact', name: 'First contact' }, at: '2026-05-30T10:00:00.000Z', cause: 'event', rule: 'events >= 1' },
    });
    expect(got.json.id).toMatch(/^stage_changed_\d+$/);
    const [delivery] = (await listDeliveries(ctx.repos, access, webhook.id, { limit: 10 })).items;
    expect(got.headers['pulse-delivery']).toBe(String(delivery!.id));
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 1, eventKey: got.json.id, deliveredAt: T0 });

    const header = got.headers['pulse-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const nowSeconds = Math.floor(T0 / 1000);
    const file = join(ctx.dir, 'verify.mjs');
    writeFileSync(file, recipe('js'));
    const { verifyPulseSignature } = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as {
      verifyPulseSignature: (secret: string, header: string, raw: Buffer | string, now?: number) => boolean;
    };
    expect(verifyPulseSignature(secret, header, got.raw, nowSeconds)).toBe(true);
    expect(verifyPulseSignature(secret, header, got.raw, nowSeconds + 299)).toBe(true);
    expect(verifyPulseSignature(secret, header, got.raw, nowSeconds + 301)).toBe(false); // replayed too late
    expect(verifyPulseSignature(secret, header, Buffer.concat([got.raw, Buffer.from(' ')]), nowSeconds)).toBe(false);
    expect(verifyPulseSignature(`${secret}x`, header, got.raw, nowSeconds)).toBe(false);
    expect(verifyPulseSignature(secret, header.replace(/t=\d+/, `t=${nowSeconds + 1}`), got.raw, nowSeconds)).toBe(false);

    if (hasPython) {
      const py = join(ctx.dir, 'verify.py');
      writeFileSync(py, `${recipe('python')}\nimport base64, json, sys\nargs = json.load(sys.stdin)\nprint(json.dumps([verify_pulse_signature(args["secret"], args["header"], base64.b64decode(args["body"]), n) for n in args["nows"]]))\n`);
      const out = execFileSync('python3', [py], { input: JSON.stringify({ secret, header, body: got.raw.toString('base64'), nows: [nowSeconds, nowSeconds + 301] }) });
      expect(JSON.parse(out.toString())).toEqual([true, false]);
    }
  });

  it('retries a failing receiver with backoff until it answers 2xx, recording every attempt', async () => {
    const { webhook } = await subscribe();
    receiver.answer = (_req, nth) => (nth <= 2 ? 500 : 200);
    await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
    const deps = depsOf(ctx);

    expect(await deliverWebhooks(deps)).toMatchObject({ enqueued: 1, attempted: 1, delivered: 0, retrying: 1 });
    ctx.setNow(T0 + 9 * S); // not due yet (10 s after the first failure)
    expect(await deliverWebhooks(deps)).toMatchObject({ attempted: 0 });
    ctx.setNow(T0 + 10 * S);
    expect(await deliverWebhooks(deps)).toMatchObject({ attempted: 1, retrying: 1 });
    ctx.setNow(T0 + 39 * S); // 30 s after the second
    expect(await deliverWebhooks(deps)).toMatchObject({ attempted: 0 });
    ctx.setNow(T0 + 40 * S);
    expect(await deliverWebhooks(deps)).toMatchObject({ attempted: 1, delivered: 1 });
    ctx.setNow(T0 + 3_600 * S);
    expect(await deliverWebhooks(deps)).toMatchObject({ enqueued: 0, attempted: 0 });

    const { items } = await listDeliveries(ctx.repos, access, webhook.id, { limit: 10 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'delivered', attempts: 3, lastStatus: 200, lastError: null, nextAttemptAt: null, deliveredAt: T0 + 40 * S });
    expect(items[0]!.attemptLog.map((a) => ({ attempt: a.attempt, at: a.at, status: a.responseStatus, next: a.nextAttemptAt, error: a.error }))).toEqual([
      { attempt: 1, at: T0, status: 500, next: T0 + 10 * S, error: 'HTTP 500: answer 500' },
      { attempt: 2, at: T0 + 10 * S, status: 500, next: T0 + 40 * S, error: 'HTTP 500: answer 500' },
      { attempt: 3, at: T0 + 40 * S, status: 200, next: null, error: null },
    ]);
    // The same delivery and body each time; a fresh signature time on each attempt.
    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.headers['pulse-delivery'])).size).toBe(1);
    expect(new Set(receiver.received.map((r) => r.raw.toString())).size).toBe(1);
    expect(receiver.received.map((r) => /t=(\d+)/.exec(r.headers['pulse-signature'] as string)![1])).toEqual([T0, T0 + 10 * S, T0 + 40 * S].map((t) => String(t / 1000)));
  });

  it('loses and doubles nothing across a restart, even a crash before anything was published', async () => {
    const { webhook } = await subscribe();
    receiver.answer = (_req, nth) => (nth === 1 ? 503 : 200);

    // Process A stores two stage changes; no dispatcher, no bus (as if it died right after the commit).
    const a = await reopen();
    await ingest(a, ctx.workspace, [visit('ann'), visit('bo')], ctx.now());
    await a.close();
    extra.splice(extra.indexOf(a), 1);

    // Process B derives the deliveries from the store; the receiver fails; B stops.
    const b = await reopen();
    expect(await deliverWebhooks(depsOf(b))).toMatchObject({ enqueued: 2, attempted: 2, retrying: 2 });
    await ingest(b, ctx.workspace, [visit('cy')], ctx.now()); // stored, never enqueued by B
    await b.close();
    extra.splice(extra.indexOf(b), 1);

    // Process C picks everything up where B left it.
    const c = await reopen();
    ctx.setNow(T0 + 5 * S);
    expect(await deliverWebhooks(depsOf(c))).toMatchObject({ enqueued: 1, attempted: 1, retrying: 1 }); // cy's, new; ann's and bo's retries are not due
    ctx.setNow(T0 + 10 * S);
    expect(await deliverWebhooks(depsOf(c))).toMatchObject({ enqueued: 0, attempted: 2, delivered: 2 });
    ctx.setNow(T0 + 15 * S);
    expect(await deliverWebhooks(depsOf(c))).toMatchObject({ enqueued: 0, attempted: 1, delivered: 1 });
    ctx.setNow(T0 + 86_400 * S);
    expect(await deliverWebhooks(depsOf(c))).toMatchObject({ enqueued: 0, attempted: 0 });

    const { items } = await listDeliveries(c.repos, access, webhook.id, { limit: 10 });
    expect(items.map((d) => [d.status, d.attempts])).toEqual([['delivered', 2], ['delivered', 2], ['delivered', 2]]);
    // Each delivery: one 503, then one 200 — delivered exactly once.
    const perDelivery = new Map<string, number>();
    for (const r of receiver.received) perDelivery.set(r.headers['pulse-delivery'] as string, (perDelivery.get(r.headers['pulse-delivery'] as string) ?? 0) + 1);
    expect([...perDelivery.values()]).toEqual([2, 2, 2]);
    expect(new Set(receiver.received.map((r) => r.json.data.customerId)).size).toBe(3);
  });

  it('gives up after ten attempts over about a day; an admin can then retry it once more', async () => {
    const { webhook } = await subscribe();
    let up = false;
    receiver.answer = () => (up ? 200 : 500);
    await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
    const deps = depsOf(ctx);
    const rounds = [await deliverWebhooks(deps)];
    for (;;) {
      const [d] = (await listDeliveries(ctx.repos, access, webhook.id, { limit: 1 })).items;
      if (d!.nextAttemptAt === null) break;
      ctx.setNow(d!.nextAttemptAt);
      rounds.push(await deliverWebhooks(deps));
    }
    expect(rounds.map((r) => r.attempted)).toEqual(Array(10).fill(1));
    expect(rounds[9]).toMatchObject({ failed: 1, retrying: 0 });
    const [dead] = (await listDeliveries(ctx.repos, access, webhook.id, { limit: 1 })).items;
    expect(dead).toMatchObject({ status: 'failed', attempts: 10, nextAttemptAt: null });
    expect((ctx.now() - T0) / 3_600_000).toBeCloseTo(23.2, 1); // 10 s + 30 s + 2 min + 10 min + 1 h + 2 h + 4 h + 8 h + 8 h
    ctx.setNow(ctx.now() + 86_400 * S);
    expect(await deliverWebhooks(deps)).toMatchObject({ attempted: 0 });

    up = true;
    const retried = await retryDelivery(deps, access, webhook.id, dead!.id);
    expect(retried).toMatchObject({ status: 'delivered', attempts: 11 });
    expect(retried.attemptLog).toHaveLength(11);
    await expect(retryDelivery(deps, access, webhook.id, dead!.id + 1000)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('asks for the permission: admins and admin tokens manage webhooks, others may not; the ingest scope sends events', async () => {
    const person = (role: 'admin' | 'analyst'): Access => ({ workspace: ctx.workspace, actor: { kind: 'person', personId: 1, email: `${role}@example.com`, role, trainee: false }, ip: null });
    const token = (scope: 'read' | 'write' | 'ingest' | 'admin'): Access => ({ workspace: ctx.workspace, actor: { kind: 'token', tokenId: 1, name: scope, scopes: [scope] }, ip: null });
    const opts = { now: ctx.now(), allowPrivate: true };
    for (const who of [person('analyst'), token('read'), token('write'), token('ingest')]) {
      await expect(createWebhook(ctx.repos, who, { url: receiver.url }, opts)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listWebhooks(ctx.repos, who)).rejects.toMatchObject({ code: 'forbidden' });
    }
    const { webhook } = await createWebhook(ctx.repos, person('admin'), { url: receiver.url }, opts);
    expect(webhook.createdBy).toBe('admin@example.com');
    expect((await createWebhook(ctx.repos, token('admin'), { url: receiver.url }, opts)).webhook.createdBy).toBe('token:admin');
    await expect(listDeliveries(ctx.repos, token('read'), webhook.id, { limit: 5 })).rejects.toMatchObject({ code: 'forbidden' });

    const item = { ok: true as const, value: visit('zoe'), raw: JSON.stringify(visit('zoe')) };
    await expect(submitEvents({ ...ctx.repos, scorer: null }, token('read'), [item], ctx.now())).rejects.toMatchObject({ code: 'forbidden' });
    expect(await submitEvents({ ...ctx.repos, scorer: null }, token('ingest'), [item], ctx.now())).toMatchObject({ accepted: 1, items: [{ status: 'created' }] });
  });

  it("never sends one workspace's events to another workspace's webhooks", async () => {
    const other = await ensureWorkspace(ctx.repos, { slug: 'other', currency: 'EUR' }, ctx.now());
    const otherReceiver = await startReceiver();
    try {
      const { webhook: mine } = await subscribe();
      const { webhook: theirs } = await subscribe(otherReceiver.url, systemAccess(other));
      await ingest(ctx, ctx.workspace, [visit('ann'), visit('bo')], ctx.now());
      await ingest(ctx, other, [visit('zed')], ctx.now());
      expect(await deliverWebhooks(depsOf(ctx))).toMatchObject({ enqueued: 3, delivered: 3 });

      expect(receiver.received.map((r) => r.json.workspace)).toEqual(['test', 'test']);
      expect(otherReceiver.received.map((r) => r.json.workspace)).toEqual(['other']);
      expect((await listDeliveries(ctx.repos, access, mine.id, { limit: 10 })).items).toHaveLength(2);
      expect((await listDeliveries(ctx.repos, systemAccess(other), theirs.id, { limit: 10 })).items).toHaveLength(1);
      await expect(listDeliveries(ctx.repos, access, theirs.id, { limit: 10 })).rejects.toMatchObject({ code: 'not_found' });
    } finally {
      await otherReceiver.close();
    }
  });

  it('hands each delivery to one dispatcher at a time: a claim holds until recorded or its lease ends', async () => {
    const { webhook } = await subscribe();
    await ingest(ctx, ctx.workspace, ['a', 'b', 'c', 'd', 'e', 'f'].map((w) => visit(w)), ctx.now());
    const other = await reopen(); // a second process: its own connections
    expect(await enqueueWebhookEvents(depsOf(ctx))).toBe(6);
    expect(await enqueueWebhookEvents(depsOf(other))).toBe(0); // the cursor has moved

    const held = await ctx.repos.webhooks.claim(ctx.now(), 2, 60_000);
    expect(held).toHaveLength(2);
    expect(await sendDueDeliveries(depsOf(other))).toMatchObject({ attempted: 4, delivered: 4 }); // not the two held
    expect(receiver.received.map((r) => Number(r.headers['pulse-delivery']))).not.toContain(held[0]!.delivery.id);
    // The holder dies without recording: nobody sends them until the lease ends, then someone does.
    ctx.setNow(T0 + 59 * S);
    expect(await sendDueDeliveries(depsOf(other))).toMatchObject({ attempted: 0 });
    ctx.setNow(T0 + 61 * S);
    expect(await sendDueDeliveries(depsOf(other))).toMatchObject({ attempted: 2, delivered: 2 });
    // The late holder's record is refused.
    expect(await ctx.repos.webhooks.recordAttempt(held[0]!, { at: ctx.now(), durationMs: 1, responseStatus: 500, error: 'late', status: 'pending', nextAttemptAt: ctx.now() })).toBe(false);

    expect(receiver.received).toHaveLength(6);
    expect(new Set(receiver.received.map((r) => r.headers['pulse-delivery'])).size).toBe(6);
    expect((await listDeliveries(ctx.repos, access, webhook.id, { limit: 10 })).items.map((d) => [d.status, d.attempts])).toEqual(Array(6).fill(['delivered', 1]));
  });

  // On SQLite two dispatchers are two processes (one writer at a time); here, two pools really race.
  // PostgreSQL only: SQLite has one writer, so these races cannot happen there.
  if (dialect === 'postgres') {
    it('lets two dispatchers race without sending or enqueuing anything twice', async () => {
      await subscribe();
      await ingest(ctx, ctx.workspace, Array.from({ length: 12 }, (_, i) => visit(`p${i}`)), ctx.now());
      const other = await reopen();
      const [x, y] = await Promise.all([enqueueWebhookEvents(depsOf(ctx)), enqueueWebhookEvents(depsOf(other))]);
      expect(x + y).toBe(12);
      const rounds = await Promise.all([sendDueDeliveries(depsOf(ctx), { batch: 2 }), sendDueDeliveries(depsOf(other), { batch: 2 })]);
      expect(rounds[0].attempted + rounds[1].attempted).toBe(12);
      expect(receiver.received).toHaveLength(12);
      expect(new Set(receiver.received.map((r) => r.headers['pulse-delivery'])).size).toBe(12);
    });
  }

  it('starts at the present: a new webhook is not sent what happened before it', async () => {
    await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
    await subscribe();
    await ingest(ctx, ctx.workspace, [visit('bo')], ctx.now());
    expect(await deliverWebhooks(depsOf(ctx))).toMatchObject({ enqueued: 1, delivered: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  // PostgreSQL only: SQLite has one writer, so these races cannot happen there.
  if (dialect === 'postgres') {
    it('waits for a transaction still writing transitions instead of skipping its rows (ids commit out of order)', async () => {
      await subscribe();
      const url = ctx.config.DATABASE_URL;
      const slow = new pg.Client({ connectionString: url });
      await slow.connect();
      try {
        // A long transaction takes a lower id and commits after a later, faster one.
        await slow.query('BEGIN');
        await slow.query(`INSERT INTO stage_transitions (workspace_id, customer_id, route_id, from_stage, to_stage, at, cause, event_id, rule, recorded_at)
          VALUES ($1, 999999, (SELECT id FROM routes WHERE workspace_id = $1 LIMIT 1), NULL, 0, $2, 'event', NULL, 'events >= 1', $2)`, [ctx.workspace.id, T0]);
        await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
        expect(await enqueueWebhookEvents(depsOf(ctx))).toBe(0); // not while a writer may still commit a lower id
        await slow.query('COMMIT');
        expect(await enqueueWebhookEvents(depsOf(ctx))).toBe(2);
        await sendDueDeliveries(depsOf(ctx));
        expect(receiver.received.map((r) => r.json.data.customerId).sort()).toContain(999999);
        expect(receiver.received).toHaveLength(2);
      } finally {
        await slow.end();
      }
    });
  }

  it('migration 0004 goes down and up again', async () => {
    await subscribe();
    await down(ctx.store.db);
    await expect(ctx.store.db.selectFrom('webhooks').selectAll().execute()).rejects.toThrow();
    await up(ctx.store.db);
    expect(await ctx.store.db.selectFrom('webhooks').selectAll().execute()).toEqual([]);
    await subscribe();
    await ingest(ctx, ctx.workspace, [visit('ann')], ctx.now());
    expect(await deliverWebhooks(depsOf(ctx))).toMatchObject({ enqueued: 1, delivered: 1 });
  });
});
