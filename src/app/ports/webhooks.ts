/** Ports of outbound webhooks and of finding stored events by key. */
import type { TransitionRow } from './stages.js';

/** Outbound webhooks: a URL subscribed to events of one workspace. */
export interface StoredWebhook {
  id: number;
  workspaceId: number;
  url: string;
  /** Signs deliveries; shown once on creation and on rotation, never listed. */
  secret: string;
  events: string[];
  active: boolean;
  description: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  /** The outbox's cursor: the last stage_transitions id turned into deliveries (or skipped). */
  cursor: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryView {
  id: number;
  webhookId: number;
  eventType: string;
  /** The event's id (the same for every webhook); unique per webhook. */
  eventKey: string;
  /** The JSON body, exactly as sent. */
  payload: string;
  attempts: number;
  status: DeliveryStatus;
  nextAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

export interface AttemptView {
  attempt: number;
  at: number;
  durationMs: number;
  responseStatus: number | null;
  error: string | null;
  /** When the next attempt was scheduled, or null (delivered, or given up). */
  nextAttemptAt: number | null;
}

/** A stage transition the outbox turns into deliveries. */
export interface OutboxTransition extends TransitionRow {
  id: number;
  recordedAt: number;
}

export interface NewDelivery {
  eventType: string;
  eventKey: string;
  payload: string;
  nextAttemptAt: number;
}

/** A delivery taken by one dispatcher until `recordAttempt` (or its lease ends). */
export interface ClaimedDelivery {
  delivery: DeliveryView;
  webhook: { id: number; url: string; secret: string };
  token: string;
}

export interface AttemptRecord {
  at: number;
  durationMs: number;
  responseStatus: number | null;
  error: string | null;
  status: DeliveryStatus;
  nextAttemptAt: number | null;
}

export interface WebhookStore {
  /** Creates the webhook; its outbox starts at the present (no history is sent). */
  create(input: { workspaceId: number; url: string; secret: string; events: string[]; description: string | null; createdBy: string; now: number }): Promise<StoredWebhook>;
  list(workspaceId: number): Promise<StoredWebhook[]>;
  get(workspaceId: number, id: number): Promise<StoredWebhook | null>;
  /** Changing `active` or `events` restarts the outbox at the present. */
  update(workspaceId: number, id: number, patch: { url?: string; events?: string[]; active?: boolean; description?: string | null; secret?: string }, now: number): Promise<StoredWebhook | null>;
  /** Deletes the webhook with its deliveries and their attempts. */
  remove(workspaceId: number, id: number): Promise<boolean>;
  /** Deliveries newest first, strictly before `beforeId` when given. */
  deliveries(workspaceId: number, webhookId: number, page: { status: DeliveryStatus | null; beforeId: number | null; limit: number }): Promise<DeliveryView[]>;
  getDelivery(workspaceId: number, webhookId: number, deliveryId: number): Promise<DeliveryView | null>;
  deliveryByKey(webhookId: number, eventKey: string): Promise<DeliveryView | null>;
  attempts(deliveryIds: number[]): Promise<Map<number, AttemptView[]>>;
  /** Active webhooks of every workspace subscribed to this event type. */
  subscribed(eventType: string): Promise<StoredWebhook[]>;
  /**
   * Stage transitions of the webhook's workspace after its cursor, in id order, and the cursor to
   * store once they are enqueued. Only ids below every id a running transaction may still commit are
   * answered, so moving the cursor never skips a transition committed later.
   */
  transitionsAfter(hook: StoredWebhook, limit: number): Promise<{ rows: OutboxTransition[]; next: number }>;
  /**
   * One transaction: moves the cursor from `from` to `to` (false, and nothing written, if another
   * dispatcher moved it first) and inserts the deliveries (an event already delivered to this
   * webhook is skipped).
   */
  enqueue(webhook: Pick<StoredWebhook, 'id' | 'workspaceId'>, move: { from: number; to: number } | null, deliveries: NewDelivery[], now: number): Promise<boolean>;
  /**
   * Takes up to `limit` pending deliveries due by `now` (of active webhooks) for `leaseMs`: no other
   * dispatcher takes them meanwhile. `deliveryId` takes that one delivery only, if due.
   */
  claim(now: number, limit: number, leaseMs: number, deliveryId?: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt and the delivery's new state, if the claim is still held. */
  recordAttempt(claim: ClaimedDelivery, attempt: AttemptRecord): Promise<boolean>;
  /** Makes a delivery pending and due at `now` (one more attempt for a failed one). */
  retry(workspaceId: number, webhookId: number, deliveryId: number, now: number): Promise<DeliveryView | null>;
}

/** Sends one signed delivery over HTTP; never throws (a failure is an answer too). */
export interface WebhookSender {
  send(request: { url: string; headers: Record<string, string>; body: string }): Promise<{ status: number | null; error: string | null; durationMs: number }>;
}

/** Stored events found by their idempotency key. */
export interface EventKeyStore {
  /**
   * The stored event of each (source, source id) — keyed `source + "\u0000" + sourceId` — with the
   * customer it belongs to now (the root, after merges).
   */
  idsBySource(workspaceId: number, keys: { source: string; sourceId: string }[]): Promise<Map<string, { eventId: number; customerId: number }>>;
}
