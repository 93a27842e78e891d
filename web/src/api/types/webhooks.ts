/** Wire shapes of outbound webhooks and their deliveries. */

/** An outbound webhook (never with its secret, except right after creation or rotation). */
export interface Webhook {
  id: number;
  url: string;
  events: string[];
  active: boolean;
  description: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A webhook just created or rotated: its signing secret, shown this once. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  durationMs: number;
  responseStatus: number | null;
  error: string | null;
  nextAttemptAt: string | null;
}

export interface Delivery {
  id: number;
  webhookId: number;
  eventType: string;
  eventId: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastResponseStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  payload: unknown;
  attemptLog: DeliveryAttempt[];
}

export interface DeliveryPage {
  items: Delivery[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
}
