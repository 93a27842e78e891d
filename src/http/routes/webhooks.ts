/**
 * Webhook management for admins: subscribe, change, pause, delete, rotate the secret, read the
 * delivery log, retry a delivery, send a test. Each handler finds the actor's access and calls one
 * use case, which checks `manageWebhooks` and audits.
 */
import type { FastifyInstance } from 'fastify';
import { createWebhook, deleteWebhook, getWebhook, listDeliveries, listWebhooks, pingWebhook, retryDelivery, rotateWebhookSecret, updateWebhook, type DeliveryLogEntry } from '../../app/manage-webhooks.js';
import type { DeliveryView, StoredWebhook } from '../../app/ports.js';
import type { Context } from '../../context.js';
import { httpWebhookSender } from '../../webhooks/http-sender.js';
import { workspaceAccess } from '../auth.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';
import { SMALL_BODY } from './session.schema.js';
import { DeliveryListQuerySchema, DeliveryParamsSchema, WebhookParamsSchema } from './webhooks.schema.js';

/** A webhook as listed: never its secret, nor the outbox's cursor. */
const webhookJson = (w: StoredWebhook) => ({
  id: w.id, url: w.url, events: w.events, active: w.active, description: w.description, createdBy: w.createdBy,
  createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt),
});

const payloadOf = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

const deliveryJson = (d: DeliveryView) => ({
  id: d.id, webhookId: d.webhookId, eventType: d.eventType, eventId: d.eventKey, status: d.status, attempts: d.attempts,
  nextAttemptAt: iso(d.nextAttemptAt), lastResponseStatus: d.lastStatus, lastError: d.lastError, createdAt: iso(d.createdAt),
  deliveredAt: iso(d.deliveredAt), payload: payloadOf(d.payload),
});

const logEntryJson = (d: DeliveryLogEntry) => ({
  ...deliveryJson(d),
  attemptLog: d.attemptLog.map((a) => ({ ...a, at: iso(a.at), nextAttemptAt: iso(a.nextAttemptAt) })),
});

export const webhookRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  // Read at each request, so the setting follows the context's config (tests turn it on).
  const opts = () => ({ now: ctx.now(), allowPrivate: ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE });
  const deliverDeps = () => ({ ...ctx.repos, sender: httpWebhookSender({ allowPrivate: ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE }), now: ctx.now });

  app.get('/api/v1/workspaces/:ws/webhooks', async (req) => {
    const access = await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws);
    return { items: (await listWebhooks(ctx.repos, access)).map(webhookJson) };
  });

  app.post('/api/v1/workspaces/:ws/webhooks', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    const access = await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws);
    const { webhook, secret } = await createWebhook(ctx.repos, access, req.body, opts());
    return reply.status(201).send({ ...webhookJson(webhook), secret });
  });

  app.get('/api/v1/workspaces/:ws/webhooks/:id', async (req) => {
    const p = WebhookParamsSchema.parse(req.params);
    return webhookJson(await getWebhook(ctx.repos, await workspaceAccess(req, p.ws), p.id));
  });

  app.patch('/api/v1/workspaces/:ws/webhooks/:id', { bodyLimit: SMALL_BODY }, async (req) => {
    const p = WebhookParamsSchema.parse(req.params);
    return webhookJson(await updateWebhook(ctx.repos, await workspaceAccess(req, p.ws), p.id, req.body, opts()));
  });

  app.delete('/api/v1/workspaces/:ws/webhooks/:id', async (req, reply) => {
    const p = WebhookParamsSchema.parse(req.params);
    await deleteWebhook(ctx.repos, await workspaceAccess(req, p.ws), p.id, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/v1/workspaces/:ws/webhooks/:id/rotate-secret', async (req) => {
    const p = WebhookParamsSchema.parse(req.params);
    const { webhook, secret } = await rotateWebhookSecret(ctx.repos, await workspaceAccess(req, p.ws), p.id, ctx.now());
    return { ...webhookJson(webhook), secret };
  });

  app.get('/api/v1/workspaces/:ws/webhooks/:id/deliveries', async (req) => {
    const p = WebhookParamsSchema.parse(req.params);
    const q = DeliveryListQuerySchema.parse(req.query);
    const page = await listDeliveries(ctx.repos, await workspaceAccess(req, p.ws), p.id, q);
    return { items: page.items.map(logEntryJson), next: page.next };
  });

  app.post('/api/v1/workspaces/:ws/webhooks/:id/deliveries/:deliveryId/retry', async (req) => {
    const p = DeliveryParamsSchema.parse(req.params);
    return logEntryJson(await retryDelivery(deliverDeps(), await workspaceAccess(req, p.ws), p.id, p.deliveryId));
  });

  app.post('/api/v1/workspaces/:ws/webhooks/:id/test', async (req) => {
    const p = WebhookParamsSchema.parse(req.params);
    return logEntryJson(await pingWebhook(deliverDeps(), await workspaceAccess(req, p.ws), p.id));
  });
};
