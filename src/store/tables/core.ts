/** Tables of workspaces, customers, their days, identities, the event log and merges. */
import type { Generated } from 'kysely';

export interface WorkspaceTable {
  id: Generated<number>;
  slug: string;
  name: string;
  currency: string;
  /** JSON: WorkspaceSettings */
  settings: string;
  created_at: number;
}

export interface CustomerTable {
  id: number;
  workspace_id: number;
  display_name: string | null;
  /** 1 when display_name was given by a source, 0 when made up from a handle or an id. */
  name_given: number;
  email: string | null;
  phone: string | null;
  /** Set while this customer is merged into another; the merge record says why. */
  merged_into: number | null;
  first_seen_at: number | null;
  last_seen_at: number | null;
  events_count: number;
  interactions: number;
  purchases: number;
  spend_total: number;
  /** JSON: the CustomerState facts are derived from, but its days (in customer_days). */
  state: string;
  created_at: number;
  updated_at: number;
}

export interface CustomerDayTable {
  customer_id: number;
  /** Epoch day (UTC). */
  day: number;
  /** JSON: DayBucket */
  bucket: string;
  /** JSON: { k?: custom kind → count, o?: orders first bought that day }, or null */
  extra: string | null;
  /** Comma-separated ids of the day's events. */
  events: string;
  /** The day's events as the customer page shows them (store/event-views.ts). */
  views: string;
}

export interface IdentityTable {
  id: Generated<number>;
  workspace_id: number;
  customer_id: number;
  kind: string;
  external_id: string | null;
  handle: string | null;
  /** Normalised handle (lower case, no @) for look-ups. */
  handle_key: string | null;
  verified: number;
  /** How the identity came to this customer: event, email_match, phone_match, manual. */
  link_source: string;
  confidence: number;
  created_at: number;
}

export interface EventTable {
  id: Generated<number>;
  workspace_id: number;
  /** The customer whose identity the event named (merges never rewrite the log). */
  customer_id: number;
  source: string;
  source_id: string;
  kind: string;
  channel: string;
  direction: string;
  occurred_at: number;
  text: string | null;
  lang: string | null;
  sentiment: string | null;
  sentiment_score: number | null;
  emotion: string | null;
  amount: number | null;
  currency: string | null;
  /** The amount in the workspace currency at ingestion, or null. */
  amount_ws: number | null;
  order_id: string | null;
  thread_id: string | null;
  in_reply_to: string | null;
  meta: string | null;
  ingested_at: number;
}

/** Each event's input as received (audit, reprocessing), apart from the log pages read on every page view. */
export interface EventPayloadTable {
  event_id: number;
  workspace_id: number;
  raw: string;
}

export interface MergeTable {
  id: Generated<number>;
  workspace_id: number;
  target_id: number;
  merged_id: number;
  link_source: string;
  confidence: number;
  reason: string | null;
  actor: string;
  created_at: number;
  undone_at: number | null;
  undone_by: string | null;
}
