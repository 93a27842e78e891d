/**
 * Webhook use cases for admins: subscribe a URL to events, change, pause or delete it, rotate its
 * secret, read its delivery log, retry a delivery and send a test `ping`. Every one asks for the
 * `manageWebhooks` permission first.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../domain/errors.js';
import { pingPayload } from '../domain/webhooks.js';
import { actorLabel, requirePermission, type Access } from './access.js';
import { sendDueDeliveries, type DeliverDeps } from './deliver-webhooks.js';
import { recordAudit } from './audit.js';
import type { AttemptView, AuditStore, DeliveryStatus, DeliveryView, StoredWebhook, WebhookStore } from './ports.js';

/** The stores the admin use cases need: webhooks, and the audit log for what changes them. */
export interface WebhookAdminDeps {
  webhooks: WebhookStore;
  audit: AuditStore;
}
import { webhookUrlProblem, WebhookCreateSchema, WebhookUpdateSchema } from './webhook-input.js';

export interface WebhookOptions {
  now: number;
  /** PULSE_WEBHOOKS_ALLOW_PRIVATE: allow loopback and private addresses (tests, closed networks). */
  allowPrivate: boolean;
}

/** A new signing secret: 32 random bytes. The whole string is the HMAC key. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

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
export const createWebhook = async (deps: WebhookAdminDeps, access: Access, input: unknown, opts: WebhookOptions): Promise<{ webhook: StoredWebhook; secret: string }> => {
  requirePermission(access, 'manageWebhooks');
  const data = parse(WebhookCreateSchema.safeParse(input));
  checkUrl(data.url, opts.allowPrivate);
  const secret = newWebhookSecret();
  const webhook = await deps.webhooks.create({
    workspaceId: access.workspace.id, url: data.url, secret, events: data.events, description: data.description ?? null,
    createdBy: actorLabel(access.actor), now: opts.now,
  });
  await recordAudit(deps.audit, access, { action: 'webhook.created', target: `webhook:${webhook.id}`, details: { url: webhook.url, events: webhook.events } }, opts.now);
  return { webhook, secret };
};

export const listWebhooks = async (deps: Pick<WebhookAdminDeps, 'webhooks'>, access: Access): Promise<StoredWebhook[]> => {
  requirePermission(access, 'manageWebhooks');
  return deps.webhooks.list(access.workspace.id);
};

export const getWebhook = async (deps: Pick<WebhookAdminDeps, 'webhooks'>, access: Access, id: number): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  return found(deps.webhooks, access, id);
};

/** Changes the URL, events, description, or pauses/resumes (events while paused are not sent later). */
export const updateWebhook = async (deps: WebhookAdminDeps, access: Access, id: number, input: unknown, opts: WebhookOptions): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  const data = parse(WebhookUpdateSchema.safeParse(input));
  if (data.url !== undefined) checkUrl(data.url, opts.allowPrivate);
  const updated = await deps.webhooks.update(access.workspace.id, id, { url: data.url, events: data.events, active: data.active, description: data.description }, opts.now);
  if (updated === null) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  await recordAudit(deps.audit, access, { action: 'webhook.updated', target: `webhook:${id}`, details: { ...data } }, opts.now);
  return updated;
};

export const deleteWebhook = async (deps: WebhookAdminDeps, access: Access, id: number, now: number): Promise<StoredWebhook> => {
  requirePermission(access, 'manageWebhooks');
  const hook = await found(deps.webhooks, access, id);
  if (!(await deps.webhooks.remove(access.workspace.id, id))) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  await recordAudit(deps.audit, access, { action: 'webhook.deleted', target: `webhook:${id}`, details: { url: hook.url } }, now);
  return hook;
};

/** A new secret, at once: deliveries from now on (retries too) are signed with it. */
export const rotateWebhookSecret = async (deps: WebhookAdminDeps, access: Access, id: number, now: number): Promise<{ webhook: StoredWebhook; secret: string }> => {
  requirePermission(access, 'manageWebhooks');
  const secret = newWebhookSecret();
  const webhook = await deps.webhooks.update(access.workspace.id, id, { secret }, now);
  if (webhook === null) throw new AppError('not_found', `no webhook ${id} in this workspace`);
  await recordAudit(deps.audit, access, { action: 'webhook.secret_rotated', target: `webhook:${id}` }, now);
  return { webhook, secret };
};

export interface DeliveryLogEntry extends DeliveryView {
  attemptLog: AttemptView[];
}

/** The delivery log, newest first, a page at a time (`next` continues it). */
export const listDeliveries = async (
  deps: Pick<WebhookAdminDeps, 'webhooks'>,
  access: Access,
  id: number,
  page: { status?: DeliveryStatus; before?: number; limit: number },
): Promise<{ items: DeliveryLogEntry[]; next: number | null }> => {
  requirePermission(access, 'manageWebhooks');
  const store = deps.webhooks;
  await found(store, access, id);
  const items = await store.deliveries(access.workspace.id, id, { status: page.status ?? null, beforeId: page.before ?? null, limit: page.limit });
  const attempts = await store.attempts(items.map((d) => d.id));
  return {
    items: items.map((d) => ({ ...d, attemptLog: attempts.get(d.id) ?? [] })),
    next: items.length === page.limit ? items[items.length - 1]!.id : null,
  };
};

/** Sends a delivery again now (a failed one gets one more attempt; a failure is retried as usual). */
export const retryDelivery = async (deps: DeliverDeps, access: Access, id: number, deliveryId: number): Promise<DeliveryLogEntry> => {
  requirePermission(access, 'manageWebhooks');
  const hook = await found(deps.webhooks, access, id);
  const delivery = await deps.webhooks.retry(access.workspace.id, id, deliveryId, deps.now());
  if (delivery === null) throw new AppError('not_found', `no delivery ${deliveryId} of webhook ${id}`);
  if (hook.active) await sendDueDeliveries(deps, { deliveryId });
  return logEntry(deps.webhooks, access, id, delivery);
};

const logEntry = async (store: WebhookStore, access: Access, id: number, delivery: DeliveryView): Promise<DeliveryLogEntry> => {
  const after = (await store.getDelivery(access.workspace.id, id, delivery.id)) ?? delivery;
  return { ...after, attemptLog: (await store.attempts([after.id])).get(after.id) ?? [] };
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
  return logEntry(deps.webhooks, access, hook.id, delivery);
};
