/** Tables of outbound webhooks, their deliveries and attempts. */
import type { Generated } from 'kysely';

export interface WebhookTable {
  id: Generated<number>;
  workspace_id: number;
  url: string;
  /** Signs deliveries (HMAC-SHA256); kept so Pulse can sign, shown to people only once. */
  secret: string;
  /** JSON: the subscribed event types. */
  events: string;
  active: number;
  description: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** The outbox's cursor: the last stage_transitions id turned into deliveries (or skipped). */
  last_transition_id: number;
}

export interface WebhookDeliveryTable {
  id: Generated<number>;
  workspace_id: number;
  webhook_id: number;
  event_type: string;
  /** The event's id, unique per webhook: an event is delivered to a webhook once. */
  event_key: string;
  /** The JSON body, exactly as sent at every attempt. */
  payload: string;
  attempts: number;
  /** pending, delivered or failed (given up) */
  status: string;
  next_attempt_at: number | null;
  /** A dispatcher's claim: nobody else sends it before then. */
  locked_until: number | null;
  lock_token: string | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}

export interface WebhookAttemptTable {
  id: Generated<number>;
  workspace_id: number;
  delivery_id: number;
  attempt: number;
  at: number;
  duration_ms: number;
  response_status: number | null;
  error: string | null;
  next_attempt_at: number | null;
}
