/**
 * The database tables as Kysely sees them. Times are epoch milliseconds (bigint), booleans are 0/1
 * integers and JSON is text, so one schema reads the same on SQLite and PostgreSQL.
 */
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
  raw: string;
  ingested_at: number;
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

export interface RouteTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** JSON: RouteDefinition */
  definition: string;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface CustomerStageTable {
  customer_id: number;
  route_id: number;
  /** Index of the current stage, or null before the first. */
  stage: number | null;
  /** Bitmask of sticky stages reached. */
  reached: number;
  /** When the customer entered the current stage. */
  since: number;
}

export interface StageTransitionTable {
  id: Generated<number>;
  workspace_id: number;
  customer_id: number;
  route_id: number;
  from_stage: number | null;
  to_stage: number | null;
  /** When it happened: the event's time, or the as-of time of a sweep or recompute. */
  at: number;
  /** event, sweep, rule_change or merge */
  cause: string;
  event_id: number | null;
  /** The rule that decided it. */
  rule: string | null;
  recorded_at: number;
}

export interface PersonTable {
  id: Generated<number>;
  /** Lower-case (the repository normalises it), so unique case-insensitively. */
  email: string;
  name: string;
  /** scrypt hash (app/credentials.ts), or null until the person sets a password with their link. */
  password_hash: string | null;
  must_change_password: number;
  created_at: number;
  disabled_at: number | null;
}

export interface MembershipTable {
  person_id: number;
  workspace_id: number;
  /** A Role (app/access.ts). */
  role: string;
  trainee: number;
  created_at: number;
}

export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the session id in the cookie; the id itself is never stored. */
  token_hash: string;
  person_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** Comma-separated TokenScopes. */
  scopes: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the secret in the link. */
  token_hash: string;
  person_id: number;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface PolicyTable {
  id: Generated<number>;
  workspace_id: number;
  version: number;
  text: string;
  created_by: string;
  created_at: number;
}

export interface PolicyAcknowledgementTable {
  person_id: number;
  policy_id: number;
  at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Null for what belongs to no workspace (a failed sign-in with an unknown email). */
  workspace_id: number | null;
  /** person, token or system */
  actor_kind: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  target: string | null;
  /** JSON object, or null. */
  details: string | null;
  ip: string | null;
  at: number;
}

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

export interface Tables {
  workspaces: WorkspaceTable;
  customers: CustomerTable;
  customer_days: CustomerDayTable;
  identities: IdentityTable;
  events: EventTable;
  merges: MergeTable;
  routes: RouteTable;
  customer_stages: CustomerStageTable;
  stage_transitions: StageTransitionTable;
  people: PersonTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  policies: PolicyTable;
  policy_acknowledgements: PolicyAcknowledgementTable;
  audit_log: AuditLogTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
