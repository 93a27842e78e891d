/**
 * The webhook dispatcher's work, one round at a time: turn new stage transitions into deliveries
 * (the durable outbox: the facts are rows of stage_transitions, written with the stage change, so a
 * crash after the commit loses nothing), then send the deliveries that are due, each signed, and
 * record every attempt with the next one's time (exponential backoff with jitter) or the outcome.
 * Safe to run in several processes at once: the store hands each delivery to one dispatcher at a time.
 */
import { isDelivered, MAX_ATTEMPTS, nextAttemptAfterFailure, signatureHeader, stageChangedPayload } from '../domain/webhooks.js';
import type { ClaimedDelivery, DeliveryStatus, NewDelivery, RouteStore, StoredRoute, StoredWebhook, WebhookSender, WebhookStore, WorkspaceStore } from './ports.js';

export interface DeliverDeps {
  webhooks: WebhookStore;
  workspaces: WorkspaceStore;
  routes: RouteStore;
  sender: WebhookSender;
  now: () => number;
  /** For the backoff's jitter; tests pass a constant. */
  random?: () => number;
}

export interface DeliveryRound {
  /** Deliveries created from new events. */
  enqueued: number;
  attempted: number;
  delivered: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  /** Deliveries given up after the last attempt. */
  failed: number;
}

const PAGE = 500;
/** Longer than a send can take (the sender's timeout), so a claim never lapses mid-send. */
export const CLAIM_LEASE_MS = 60_000;

/** Creates the deliveries of every subscribed webhook for the stage changes after its cursor. */
export const enqueueWebhookEvents = async (deps: Pick<DeliverDeps, 'webhooks' | 'workspaces' | 'routes' | 'now'>): Promise<number> => {
  const hooks = await deps.webhooks.subscribed('customer.stage_changed');
  if (hooks.length === 0) return 0;
  const slugs = new Map((await deps.workspaces.list()).map((w) => [w.id, w.slug]));
  const routesOf = new Map<number, Map<number, StoredRoute>>();
  const routeOf = async (ws: number, id: number): Promise<StoredRoute | null> => {
    let routes = routesOf.get(ws);
    if (routes === undefined || !routes.has(id)) {
      routes = new Map((await deps.routes.list(ws)).map((r) => [r.id, r]));
      routesOf.set(ws, routes);
    }
    return routes.get(id) ?? null;
  };

  let enqueued = 0;
  for (const start of hooks) {
    let hook: StoredWebhook = start;
    for (;;) {
      const { rows, next } = await deps.webhooks.transitionsAfter(hook, PAGE);
      if (rows.length === 0) break;
      const now = deps.now();
      const deliveries: NewDelivery[] = [];
      for (const t of rows) {
        const route = await routeOf(hook.workspaceId, t.routeId);
        const payload = stageChangedPayload({
          transitionId: t.id, recordedAt: t.recordedAt, workspace: slugs.get(hook.workspaceId) ?? String(hook.workspaceId), customerId: t.customerId,
          route: route === null ? null : { name: route.name, stages: route.definition.stages }, routeId: t.routeId,
          from: t.from, to: t.to, at: t.at, cause: t.cause, eventId: t.eventId, rule: t.rule,
        });
        deliveries.push({ eventType: payload.type, eventKey: payload.id, payload: JSON.stringify(payload), nextAttemptAt: now });
      }
      // Another dispatcher moved this cursor first: it enqueues these, not us.
      if (!(await deps.webhooks.enqueue(hook, { from: hook.cursor, to: next }, deliveries, now))) break;
      enqueued += deliveries.length;
      hook = { ...hook, cursor: next };
      if (rows.length < PAGE) break;
    }
  }
  return enqueued;
};

/** The headers of one attempt; `t` is the attempt's time, so a retry carries a fresh signature. */
export const deliveryHeaders = (claim: ClaimedDelivery, now: number): Record<string, string> => ({
  'content-type': 'application/json',
  'user-agent': 'Pulse-Webhooks/1',
  'pulse-event': claim.delivery.eventType,
  'pulse-delivery': String(claim.delivery.id),
  'pulse-signature': signatureHeader(claim.webhook.secret, Math.floor(now / 1000), claim.delivery.payload),
});

const attempt = async (deps: DeliverDeps, claim: ClaimedDelivery): Promise<'delivered' | 'failed' | 'retrying' | null> => {
  const at = deps.now();
  const res = await deps.sender.send({ url: claim.webhook.url, headers: deliveryHeaders(claim, at), body: claim.delivery.payload });
  const end = deps.now();
  const attempts = claim.delivery.attempts + 1;
  const delivered = isDelivered(res.status);
  const next = delivered ? null : nextAttemptAfterFailure(Math.min(attempts, MAX_ATTEMPTS), end, (deps.random ?? Math.random)());
  const status: DeliveryStatus = delivered ? 'delivered' : next === null ? 'failed' : 'pending';
  const error = delivered ? null : (res.error ?? `HTTP ${res.status}`);
  const recorded = await deps.webhooks.recordAttempt(claim, { at, durationMs: res.durationMs, responseStatus: res.status, error, status, nextAttemptAt: next });
  if (!recorded) return null;
  return status === 'pending' ? 'retrying' : status;
};

/**
 * Sends the deliveries that are due, `concurrency` at a time, until none is left (or only the one
 * delivery asked for).
 */
export const sendDueDeliveries = async (
  deps: DeliverDeps,
  opts: { deliveryId?: number; batch?: number; concurrency?: number; maxRounds?: number; signal?: AbortSignal } = {},
): Promise<Omit<DeliveryRound, 'enqueued'>> => {
  const batch = opts.batch ?? 20;
  const concurrency = opts.concurrency ?? 8;
  const out = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
  for (let round = 0; round < (opts.maxRounds ?? 50) && opts.signal?.aborted !== true; round += 1) {
    const claims = await deps.webhooks.claim(deps.now(), opts.deliveryId === undefined ? batch : 1, CLAIM_LEASE_MS, opts.deliveryId);
    let i = 0;
    const worker = async () => {
      while (i < claims.length) {
        const claim = claims[i++]!;
        const result = await attempt(deps, claim);
        if (result === null) continue;
        out.attempted += 1;
        out[result] += 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, claims.length) }, worker));
    if (claims.length < batch || opts.deliveryId !== undefined) break;
  }
  return out;
};

/** One round of the dispatcher: enqueue what happened, send what is due (stopping early when aborted). */
export const deliverWebhooks = async (deps: DeliverDeps, opts: { signal?: AbortSignal } = {}): Promise<DeliveryRound> => {
  const enqueued = await enqueueWebhookEvents(deps);
  return { enqueued, ...(await sendDueDeliveries(deps, { signal: opts.signal })) };
};
