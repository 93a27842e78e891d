/** Wire shapes of the Pulse REST API (/api/v1), as the UI reads them. Instants are ISO strings. */

export interface WorkspaceSummary {
  slug: string;
  name: string;
  currency: string;
  createdAt: string;
}

export interface WorkspaceOverview extends WorkspaceSummary {
  customers: number;
  events: number;
}

export interface CustomerSummary {
  id: number;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  channels: string[];
  eventsCount: number;
  interactions: number;
  purchases: number;
  spendTotal: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}

export interface CustomerPage {
  total: number;
  limit: number;
  offset: number;
  currency: string;
  items: CustomerSummary[];
}

export type LinkSource = 'event' | 'email_match' | 'phone_match' | 'manual' | (string & {});

export interface Identity {
  id: number;
  customerId: number;
  kind: string;
  externalId: string | null;
  handle: string | null;
  verified: boolean;
  linkSource: LinkSource;
  confidence: number;
  createdAt: string;
}

export interface Merge {
  id: number;
  targetId: number;
  mergedId: number;
  linkSource: LinkSource;
  confidence: number;
  reason: string | null;
  actor: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface PulseEvent {
  id: number;
  customerId: number;
  source: string;
  sourceId: string;
  kind: string;
  channel: string;
  direction: 'in' | 'out';
  occurredAt: string;
  text: string | null;
  lang: string | null;
  /** How the text reads, when it was scored: sentiment, score (−1…1) and emotion. */
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  sentimentScore: number | null;
  emotion: string | null;
  amount: number | null;
  currency: string | null;
  orderId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  meta: Record<string, unknown> | null;
}

export interface CustomerDetail extends CustomerSummary {
  mergedInto: number | null;
  mergedIds: number[];
  currency: string;
  asOf: string;
  facts: Record<string, number | null>;
  identities: Identity[];
  merges: Merge[];
  events: PulseEvent[];
  /** The customer's position on each route of the workspace, with the reasons. */
  stages: CustomerStage[];
}

export type StageMode = 'sticky' | 'live';

/** A stage as people write it: the route editor's row and the wire body of a route. */
export interface StageDefinition {
  key: string;
  name: string;
  rule: string;
  mode: StageMode;
}

export interface RouteDefinition {
  name: string;
  stages: StageDefinition[];
}

export interface RouteSummary extends RouteDefinition {
  id: number;
  version: number;
  updatedAt: string;
}

/** One comparison of a rule as the customer's facts make it. */
export interface ConditionExplanation {
  /** Canonical text, e.g. `purchases >= 2`. */
  text: string;
  holds: boolean;
  /** The facts it read. */
  values: Record<string, number | boolean | null>;
  /** For a failing `>=` or `>` against a number: the gap to it (for `>`, more than that). */
  missing?: number;
}

export interface StageWhy {
  index: number;
  key: string;
  name: string;
  rule: string;
  mode: StageMode;
  /** Held because it was reached before (sticky), though its rule fails now. */
  keptFromBefore: boolean;
  explanation: { holds: boolean; conditions: ConditionExplanation[] };
}

export type TransitionCause = 'event' | 'sweep' | 'rule_change' | 'merge';

export interface StageTransition {
  routeId: number;
  /** Stage indexes; null is "not on the route". */
  from: number | null;
  to: number | null;
  at: string;
  cause: TransitionCause | (string & {});
  eventId: number | null;
  rule: string | null;
}

export interface CustomerStage {
  routeId: number;
  routeName: string;
  stages: { index: number; key: string; name: string; mode: StageMode }[];
  current: StageWhy | null;
  since: string | null;
  next: StageWhy | null;
  history: StageTransition[];
}

/**
 * A problem the route check found. `stage` is the stage's index (null or absent for the route as a
 * whole); `position`/`length` point into that stage's rule text. Schema-level problems name a path
 * in `field` instead (`stages.2.key`).
 */
export interface RouteProblem {
  stage?: number | null;
  field: string;
  message: string;
  position?: number;
  length?: number;
}

export interface RouteCheck {
  ok: boolean;
  problems: RouteProblem[];
}

export interface RouteSaved {
  route: RouteSummary;
  /** How many customers were re-evaluated and how many stage changes that made. */
  recompute: { customers: number; transitions: number };
}

export interface StageCounts {
  route: { id: number; name: string };
  /** The first entry (stage null) counts the customers not on the route yet. */
  counts: { stage: number | null; key: string | null; name: string | null; customers: number }[];
}

/** One stage of a route's funnel over a period (GET …/funnel). */
export interface FunnelStage {
  index: number;
  key: string;
  name: string;
  /** Customers who first reached this stage (or a higher one) in the period. */
  entered: number;
  /** Of those, the share (0–1) that had reached the next stage by the end; null for the last stage or when none entered. */
  conversionToNext: number | null;
  /** Median days from a customer's first contact to reaching this stage; null when none entered. */
  medianDaysToReach: number | null;
}

export interface Funnel {
  route: { id: number; name: string };
  from: string;
  to: string;
  stages: FunnelStage[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export type Role = 'admin' | 'head_of_social' | 'pr' | 'marketing' | 'care_agent' | 'analyst';

/** What an actor may do in a workspace (the server's rule table, src/app/access.ts). */
export type Permission =
  | 'read' | 'export' | 'mergeCustomers' | 'editRoutes' | 'replyPublicly' | 'ingest'
  | 'managePeople' | 'manageTokens' | 'manageChannels' | 'manageWebhooks' | 'editPolicy' | 'readAudit';

export interface WorkspaceGrant extends WorkspaceSummary {
  /** Null for an API token. */
  role: Role | null;
  trainee: boolean;
  permissions: Permission[];
  policy: { version: number; acknowledged: boolean } | null;
  reply: 'allowed' | 'needs_approval' | 'needs_policy_acknowledgement' | 'forbidden';
}

/** GET /api/v1/session: who is signed in. */
export interface Session {
  person: { id: number; email: string; name: string; mustChangePassword: boolean } | null;
  token: { id: number; name: string; prefix: string; scopes: string[] } | null;
  csrfToken: string | null;
  expiresAt: string | null;
  workspaces: WorkspaceGrant[];
}

export interface PasswordResetInfo {
  email: string;
  name: string;
  expiresAt: string;
}

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

/** A member of a workspace (GET …/people). */
export interface Member {
  id: number;
  email: string;
  name: string;
  role: Role;
  trainee: boolean;
  /** False until they have set a password with their link. */
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  disabledAt: string | null;
  joinedAt: string;
}

/** A one-time link to set a password: `path` is on the UI's own origin (`/reset/<token>`). */
export interface PasswordLink {
  path: string;
  token: string;
  expiresAt: string;
}

/** POST …/people: the member, and their set-password link when they are new to Pulse (null: they already sign in). */
export interface PersonAdded {
  person: Member;
  link: PasswordLink | null;
}

export type TokenScope = 'read' | 'write' | 'ingest' | 'admin';

/** An API token as listed: never its secret. */
export interface ApiToken {
  id: number;
  workspaceId: number;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  scopes: TokenScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token just created: its secret, shown this once. */
export interface ApiTokenWithSecret extends ApiToken {
  secret: string;
}

export interface Policy {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
}

/** GET …/policy: the current version (null: none yet), and when the asking person acknowledged it. */
export interface PolicyView {
  policy: Policy | null;
  acknowledgedAt: string | null;
}

export interface AuditRecord {
  id: number;
  workspaceId: number | null;
  actor: { kind: 'person' | 'token' | 'system' | 'anonymous'; id: number | null; label: string };
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  at: string;
}

/** Pass `next` back as the query of the following (older) page; null at the end. */
export interface AuditPage {
  items: AuditRecord[];
  next: { before: string; beforeId: number } | null;
}
