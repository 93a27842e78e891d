/**
 * Webhook use cases for admins: subscribe a URL to events, change, pause or delete it, rotate its
 * secret, read its delivery log, retry a delivery and send a test `ping`. Every one asks for the
 * `manageWebhooks` permission first.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { pingPayload } from '../domain/webhooks.js';
import { requirePermission, type Access, type Actor } from './access.js';
import { sendDueDeliveries, type DeliverDeps } from './deliver-webhooks.js';
import type { AttemptView, DeliveryStatus, DeliveryView, StoredWebhook, WebhookStore } from './ports.js';
import { webhookUrlProblem, WebhookCreateSchema, WebhookUpdateSchema } from './webhook-input.js';

export interface WebhookOptions {
  now: number;
  /** PULSE_WEBHOOKS_ALLOW_PRIVATE: allow loopback and private addresses (tests, closed networks). */
  allowPrivate: boolean;
}

/** A new signing secret: 32 random bytes. The whole string is the HMAC key. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** Who did it, as the webhook's `created_by` records it. */
export const actorLabel = (actor: Actor): string => {
  switch (actor.kind) {
    case 'person': return actor.email;
    case 'token': return `token:${actor.tokenId}`;
    case 'system': return `system:${actor.name}`;
  }
};

const parse = <T>(result: { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): T => {
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(body)', message: i.message }));
  throw new AppError('validation_failed', details.map((d) => `${d.field}: ${d.message}`).join('; '), { details });
};

const checkUrl = (url: string, allowPrivate: boolean): void => {
  const problem = webhookUrlProblem(url, allowPrivate);
  if (problem !== null) throw new AppError('validation_failed', `url: ${problem}`, { details: [{ field: 'url', message: problem }] });
};

const found = async (store: WebhookStore, access: Access, id: number): Promise<StoredWebhook> => {
  const hook = await store.get(access.workspace.id, id);
  if (hook === null) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  return hook;
};

/** Subscribes a URL; answers the webhook and its secret (shown this once). */
export const createWebhook = async (store: WebhookStore, access: Access, input: unknown, opts: WebhookOptions): Promise<{ webhook: StoredWebhook; secret: string }> => {
  requirePermission(access, 'manageWebhooks');
  const data = parse(WebhookCreateSchema.safeParse(input));
  checkUrl(data.url, opts.allowPrivate);
  const secret = newWebhookSecret();
  const webhook = await store.create({
    workspaceId: access.workspace.id, url: data.url, secret, events: data.events, description: data.description ?? null,
    createdBy: actorLabel(access.actor), now: opts.now,
  });
  return { webhook, secret };
};

export const listWebhooks = async (store: WebhookStore, access: Access): Promise<StoredWebhook[]> => {
  requirePermission(access, 'manageWebhooks');
  return store.list(access.workspace.id);
};

export const getWebhook = async (store: WebhookStore, access: Access, id: number): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  return found(store, access, id);
};

/** Changes the URL, events, description, or pauses/resumes (events while paused are not sent later). */
export const updateWebhook = async (store: WebhookStore, access: Access, id: number, input: unknown, opts: WebhookOptions): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  const data = parse(WebhookUpdateSchema.safeParse(input));
  if (data.url !== undefined) checkUrl(data.url, opts.allowPrivate);
  const updated = await store.update(access.workspace.id, id, { url: data.url, events: data.events, active: data.active, description: data.description }, opts.now);
  if (updated === null) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  return updated;
};

export const deleteWebhook = async (store: WebhookStore, access: Access, id: number): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  const hook = await found(store, access, id);
  if (!(await store.remove(access.workspace.id, id))) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  return hook;
};

/** A new secret, at once: deliveries from now on (retries too) are signed with it. */
export const rotateWebhookSecret = async (store: WebhookStore, access: Access, id: number, now: number): Promise<{ webhook: StoredWebhook; secret: string }> => {
  requirePermission(access, 'manageWebhooks');
  const secret = newWebhookSecret();
  const webhook = await store.update(access.workspace.id, id, { secret }, now);
  if (webhook === null) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  return { webhook, secret };
};

export interface DeliveryLogEntry extends DeliveryView {
  attemptLog: AttemptView[];
}

/** The delivery log, newest first, a page at a time (`next` continues it). */
export const listDeliveries = async (
  store: WebhookStore,
  access: Access,
  id: number,
  page: { status?: DeliveryStatus; before?: number; limit: number },
): Promise<{ items: DeliveryLogEntry[]; next: number | null }> => {
  requirePermission(access, 'manageWebhooks');
  await found(store, access, id);
  const items = await store.deliveries(access.workspace.id, id, { status: page.status ?? null, beforeId: page.before ?? null, limit: page.limit });
  const attempts = await store.attempts(items.map((d) => d.id));
  return {
    items: items.map((d) => ({ ...d, attemptLog: attempts.get(d.id) ?? [] })),
    next: items.length === page.limit ? items[items.length - 1]!.id : null,
  };
};

/** Sends a delivery again at the next dispatch (a failed one gets one more attempt). */
export const retryDelivery = async (store: WebhookStore, access: Access, id: number, deliveryId: number, now: number): Promise<DeliveryView> => {
  requirePermission(access, 'manageWebhooks');
  await found(store, access, id);
  const delivery = await store.retry(access.workspace.id, id, deliveryId, now);
  if (delivery === null) throw new AppError('not_found', `no delivery ${deliveryId} of webhook ${id}`);
  return delivery;
};

/**
 * Sends a `ping` to the webhook now, through the outbox (so it is signed, logged and retried like
 * any delivery), and answers the delivery after its first attempt.
 */
export const pingWebhook = async (deps: DeliverDeps, access: Access, id: number): Promise<DeliveryLogEntry> => {
  requirePermission(access, 'manageWebhooks');
  const hook = await found(deps.webhooks, access, id);
  if (!hook.active) throw new AppError('conflict', `webhook ${id} is paused: resume it to send a test`);
  const now = deps.now();
  const key = `ping_${randomBytes(12).toString('hex')}`;
  const payload = JSON.stringify(pingPayload(key, access.workspace.slug, hook.id, now));
  await deps.webhooks.enqueue(hook, null, [{ eventType: 'ping', eventKey: key, payload, nextAttemptAt: now }], now);
  const delivery = await deps.webhooks.deliveryByKey(hook.id, key);
  if (delivery === null) throw new AppError('not_found', `webhook ${id} was deleted meanwhile`);
  await sendDueDeliveries(deps, { deliveryId: delivery.id });
  const after = (await deps.webhooks.getDelivery(access.workspace.id, hook.id, delivery.id)) ?? delivery;
  return { ...after, attemptLog: (await deps.webhooks.attempts([after.id])).get(after.id) ?? [] };
};
