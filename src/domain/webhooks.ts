/**
 * Outbound webhooks, the rules: which events a URL can subscribe to, the retry schedule, what a
 * `customer.stage_changed` delivery says, and how it is signed (docs/webhooks.md is the recipient's
 * side of the same recipe).
 */
import { createHmac } from 'node:crypto';

/** Events a webhook can subscribe to (more will come: conversation.sla_breached…). */
export const WEBHOOK_EVENT_TYPES = ['customer.stage_changed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** What a delivery carries: a subscribed event, or the `ping` a person sends to try a URL. */
export type DeliveryEventType = WebhookEventType | 'ping';

/**
 * Waits after the 1st, 2nd… failed attempt. After the last one fails the delivery is given up
 * (`failed`): ten attempts over about 23 hours.
 */
export const RETRY_DELAYS_MS = [10e3, 30e3, 120e3, 600e3, 3_600e3, 7_200e3, 14_400e3, 28_800e3, 28_800e3] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after the `attempts`-th attempt failed, or null to give up. The delay is spread
 * by ±20 % (`random` in [0, 1); 0.5 gives the plain delay) so receivers coming back from an outage
 * are not hit by every delivery at the same instant.
 */
export const nextAttemptAfterFailure = (attempts: number, at: number, random: number): number | null => {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (delay === undefined) return null;
  return at + Math.round(delay * (0.8 + 0.4 * random));
};

/** A 2xx answer is a delivery; anything else (3xx included: redirects are not followed) is a failure. */
export const isDelivered = (status: number | null): boolean => status !== null && status >= 200 && status < 300;

/** `Pulse-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`. */
export const signatureHeader = (secret: string, unixSeconds: number, body: string): string =>
  `t=${unixSeconds},v1=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;

export interface StagePoint {
  index: number;
  key: string;
  name: string;
}

/** The body of every delivery. */
export interface WebhookPayload<T extends DeliveryEventType = DeliveryEventType, D = unknown> {
  id: string;
  type: T;
  createdAt: string;
  workspace: string;
  data: D;
}

export interface StageChangedData {
  customerId: number;
  route: { id: number; name: string };
  from: StagePoint | null;
  to: StagePoint | null;
  at: string;
  cause: string;
  eventId: number | null;
  rule: string | null;
}

/** The stored fact a `customer.stage_changed` delivery is made from. */
export interface StageChangeFact {
  transitionId: number;
  recordedAt: number;
  workspace: string;
  customerId: number;
  route: { name: string; stages: readonly { key: string; name: string }[] } | null;
  routeId: number;
  from: number | null;
  to: number | null;
  at: number;
  cause: string;
  eventId: number | null;
  rule: string | null;
}

/** The event id of a stage change: the same for every webhook, so receivers can deduplicate. */
export const stageChangedEventId = (transitionId: number): string => `stage_changed_${transitionId}`;

const point = (fact: StageChangeFact, index: number | null): StagePoint | null => {
  if (index === null) return null;
  const stage = fact.route?.stages[index];
  return { index, key: stage?.key ?? `stage_${index}`, name: stage?.name ?? `Stage ${index + 1}` };
};

export const stageChangedPayload = (fact: StageChangeFact): WebhookPayload<'customer.stage_changed', StageChangedData> => ({
  id: stageChangedEventId(fact.transitionId),
  type: 'customer.stage_changed',
  createdAt: new Date(fact.recordedAt).toISOString(),
  workspace: fact.workspace,
  data: {
    customerId: fact.customerId,
    route: { id: fact.routeId, name: fact.route?.name ?? `route ${fact.routeId}` },
    from: point(fact, fact.from),
    to: point(fact, fact.to),
    at: new Date(fact.at).toISOString(),
    cause: fact.cause,
    eventId: fact.eventId,
    rule: fact.rule,
  },
});

export const pingPayload = (id: string, workspace: string, webhookId: number, now: number): WebhookPayload<'ping', { webhookId: number; message: string }> => ({
  id, type: 'ping', createdAt: new Date(now).toISOString(), workspace,
  data: { webhookId, message: 'A test delivery from Pulse: answer 2xx to acknowledge it.' },
});
