/**
 * The narrow interfaces the use cases need from the store. The store adapters (SQLite, PostgreSQL)
 * implement them; use cases never see a driver.
 */
import type { CustomerState, FactInput } from '../domain/customer-state.js';
import type { Rates } from '../domain/money.js';
import type { RouteDefinition } from '../domain/stages/route.js';
import type { Role, TokenScope } from './access.js';

export interface Workspace {
  id: number;
  slug: string;
  name: string;
  currency: string;
  rates: Rates;
  createdAt: number;
}

/** One identity look-up of a batch: by external id, or by normalised handle. */
export interface IdentityLookup {
  key: string;
  kind: string;
  externalId: string | null;
  handleKey: string | null;
}

/** What reading a text tells: its language (null when not one Pulse knows), sentiment, emotion. */
export interface TextScore {
  lang: string | null;
  sentiment: 'negative' | 'neutral' | 'positive';
  /** −1 (negative) … 1 (positive). */
  score: number;
  emotion: string;
}

/** Scores a text (synchronous, in-process); `lang` when the source said which language it is in. */
export type TextScorer = (text: string, lang: string | null) => TextScore;

export interface NewEventRow {
  customerId: number;
  source: string;
  sourceId: string;
  kind: string;
  channel: string;
  direction: string;
  occurredAt: number;
  text: string | null;
  lang: string | null;
  /** The text's sentiment (negative/neutral/positive), score (−1…1) and emotion, when it was scored. */
  sentiment: string | null;
  sentimentScore: number | null;
  emotion: string | null;
  amount: number | null;
  currency: string | null;
  amountWs: number | null;
  orderId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  meta: string | null;
  raw: string;
  ingestedAt: number;
}

export interface NewIdentityRow {
  customerId: number;
  kind: string;
  externalId: string | null;
  handle: string | null;
  handleKey: string | null;
  verified: boolean;
  linkSource: string;
  confidence: number;
  createdAt: number;
}

export interface StoredCustomer {
  id: number;
  mergedInto: number | null;
  displayName: string | null;
  /** Whether the display name was given (by the customer or a source), not made up from a handle or id. */
  nameGiven: boolean;
  email: string | null;
  phone: string | null;
  state: CustomerState;
}

/** What is written back for a customer after a batch: its contact fields and its folded state. */
export interface CustomerWrite {
  id: number;
  displayName: string | null;
  nameGiven: boolean;
  email: string | null;
  phone: string | null;
  state: CustomerState;
  /**
   * Ids of the events this write adds, per day. Each day row keeps its events' ids: the day rows
   * are the customer's timeline index, so the event log needs no per-customer index.
   */
  dayEvents: Map<number, number[]>;
  /** Replace every stored day row (a rebuild) instead of appending to the touched ones. */
  replaceDays: boolean;
  now: number;
}

export interface StoredRoute {
  id: number;
  name: string;
  definition: RouteDefinition;
  version: number;
  updatedAt: number;
}

/** A customer's position on a route. */
export interface StageRow {
  customerId: number;
  routeId: number;
  stage: number | null;
  reached: number;
  /** When the customer entered the current stage. */
  since: number;
}

export type TransitionCause = 'event' | 'sweep' | 'rule_change' | 'merge';

export interface TransitionRow {
  customerId: number;
  routeId: number;
  from: number | null;
  to: number | null;
  at: number;
  cause: TransitionCause;
  eventId: number | null;
  rule: string | null;
}

export interface StageSubject {
  id: number;
  state: CustomerState;
  /** Where the customer stands on each route (read with the state, in the same query). */
  positions: StageRow[];
}

/** The operations of one ingestion transaction; every call is batch-shaped. */
export interface IngestTx {
  routes(): Promise<StoredRoute[]>;
  loadStages(customerIds: number[]): Promise<StageRow[]>;
  /** Writes positions that changed. */
  saveStages(rows: StageRow[]): Promise<void>;
  insertTransitions(rows: TransitionRow[], now: number): Promise<void>;
  /**
   * Root customers (not merged away) with id > afterId, in id order, for re-evaluating everyone's
   * stages: their states hold only the days on or after `sinceDay` (the windows the rules read), so
   * they are read-only — never written back.
   */
  stagePage(afterId: number, limit: number, sinceDay: number): Promise<StageSubject[]>;
  findIdentities(lookups: IdentityLookup[]): Promise<Map<string, number>>;
  allocateCustomerIds(count: number): Promise<number[]>;
  /** Inserts events that are not in the log yet; answers, per row, the new event's id or null (duplicate). */
  insertEvents(rows: NewEventRow[]): Promise<(number | null)[]>;
  loadCustomers(ids: number[]): Promise<Map<number, StoredCustomer>>;
  insertCustomers(rows: CustomerWrite[]): Promise<void>;
  updateCustomers(rows: CustomerWrite[]): Promise<void>;
  insertIdentities(rows: NewIdentityRow[]): Promise<void>;
}

export interface IngestStore {
  /** Runs `fn` in one write transaction: all of the batch is stored, or none of it. */
  ingestTransaction<T>(workspaceId: number, fn: (tx: IngestTx) => Promise<T>): Promise<T>;
  /** Re-evaluating everyone on several threads, where the store can read in parallel (SQLite files). */
  parallelStages?: ParallelStages;
}

export interface ParallelStages {
  /**
   * Evaluates every root customer of the workspace as of `asOf` on other threads, handing each
   * chunk's changes to `write` on this thread, one at a time: call it inside the write transaction
   * that `write` writes in. Answers how many customers were evaluated, or null (having done nothing)
   * when the workspace is too small for threads to pay off.
   */
  evaluateAll(
    job: { ws: number; routes: StoredRoute[]; asOf: number; cause: TransitionCause; sinceDay: number },
    write: (chunk: { customers: number; changed: StageRow[]; transitions: TransitionRow[] }) => Promise<void>,
  ): Promise<number | null>;
}

export interface RouteStore {
  list(workspaceId: number): Promise<StoredRoute[]>;
  /** Creates the route, or replaces the one with the same name (its version goes up). */
  save(workspaceId: number, definition: RouteDefinition, now: number): Promise<StoredRoute>;
}

/** A transition as a customer's history shows it. */
export type TransitionView = Omit<TransitionRow, 'customerId'>;

export interface StageReadStore {
  positions(workspaceId: number, customerId: number): Promise<StageRow[]>;
  transitions(workspaceId: number, customerId: number): Promise<TransitionView[]>;
  /** Customers per stage (null: before the first stage) on a route, roots only. */
  counts(workspaceId: number, routeId: number): Promise<{ stage: number | null; customers: number }[]>;
  /** Every stage arrival on a route up to `until` (customers not merged away), for the funnel. */
  arrivals(workspaceId: number, routeId: number, until: number): Promise<{ customerId: number; to: number | null; at: number }[]>;
}

export interface WorkspaceStore {
  findBySlug(slug: string): Promise<Workspace | null>;
  /** Creates the workspace; if another process created it meanwhile, returns that one. */
  create(input: Omit<Workspace, 'id'>): Promise<Workspace>;
  list(): Promise<Workspace[]>;
  /** Deletes the workspace and every row that belongs to it. */
  remove(id: number): Promise<void>;
  /** The distinct event sources of a workspace. */
  sources(id: number): Promise<string[]>;
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
  firstSeenAt: number | null;
  lastSeenAt: number | null;
}

export interface IdentityView {
  id: number;
  customerId: number;
  kind: string;
  externalId: string | null;
  handle: string | null;
  verified: boolean;
  linkSource: string;
  confidence: number;
  createdAt: number;
}

export interface EventView {
  id: number;
  customerId: number;
  source: string;
  sourceId: string;
  kind: string;
  channel: string;
  direction: string;
  occurredAt: number;
  text: string | null;
  lang: string | null;
  sentiment: string | null;
  sentimentScore: number | null;
  emotion: string | null;
  amount: number | null;
  currency: string | null;
  orderId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  meta: Record<string, unknown> | null;
}

export interface MergeView {
  id: number;
  targetId: number;
  mergedId: number;
  linkSource: string;
  confidence: number;
  reason: string | null;
  actor: string;
  createdAt: number;
  undoneAt: number | null;
  undoneBy: string | null;
}

export interface CustomerRecord extends CustomerSummary {
  mergedInto: number | null;
  state: CustomerState;
}

/** Event fields the fact fold needs, for rebuilding a customer's state from the log. */
export interface FactRow {
  id: number;
  customerId: number;
  kind: string;
  direction: 'in' | 'out';
  occurredAt: number;
  amountWs: number | null;
  orderKey: string;
  followers: number | null;
  sentiment: FactInput['sentiment'];
}

export interface CustomerStore {
  list(workspaceId: number, query: { q: string | null; limit: number; offset: number }): Promise<{ items: CustomerSummary[]; total: number }>;
  get(workspaceId: number, id: number): Promise<CustomerRecord | null>;
  /** Customers an identity term names: an id, a handle (with or without @), an email or a phone. */
  findByTerm(workspaceId: number, term: string): Promise<number[]>;
  identitiesOf(workspaceId: number, customerIds: number[]): Promise<IdentityView[]>;
  /**
   * Events of a customer (and of those merged into them), newest first, in (occurredAt, id) order;
   * a page continues strictly after the cursor (before, beforeId) when given.
   */
  timeline(workspaceId: number, customerId: number, page: { before: number | null; beforeId: number | null; limit: number }): Promise<EventView[]>;
  /** The customer and every customer merged into it, directly or through others. */
  groupOf(workspaceId: number, rootId: number): Promise<number[]>;
  /** Every event of these customers' timelines (their own and their merged customers'). */
  factRows(workspaceId: number, customerIds: number[]): Promise<FactRow[]>;
  merges(workspaceId: number, customerIds: number[]): Promise<MergeView[]>;
  count(workspaceId: number): Promise<{ customers: number; events: number }>;
}

/** A state rebuilt from the log, with the event ids of each day (its timeline). */
export interface RebuiltState {
  state: CustomerState;
  dayEvents: Map<number, number[]>;
}

/** What a merge or an unmerge reads and writes, inside one transaction. */
export interface MergeTx {
  /** Reads inside the transaction: they see what the transaction has locked and written. */
  customers: CustomerStore;
  /** Records the merge and points `mergedId` at `targetId`. */
  recordMerge(workspaceId: number, input: { targetId: number; mergedId: number; linkSource: string; confidence: number; reason: string | null; actor: string; now: number }): Promise<MergeView>;
  /** Marks the merge undone and clears the merged customer's `merged_into`. */
  recordUnmerge(workspaceId: number, merge: MergeView, by: string, now: number): Promise<MergeView>;
  /** Replaces customers' states (summary and every day row) with rebuilt ones. */
  writeStates(workspaceId: number, states: Map<number, RebuiltState>, now: number): Promise<void>;
}

export interface MergeStore {
  findMerge(workspaceId: number, mergeId: number): Promise<MergeView | null>;
  /**
   * Runs `fn` in one write transaction that first locks these customers against concurrent
   * ingestion, so the states it rebuilds from the log cannot miss a batch or be overwritten by one.
   */
  transaction<T>(workspaceId: number, lock: number[], fn: (tx: MergeTx) => Promise<T>): Promise<T>;
}

/** A person who signs in. The password hash never leaves the app layer. */
export interface Person {
  id: number;
  email: string;
  name: string;
  /** Set for a one-time password: the person must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** False until the person has set a password (with the link an admin gave them). */
  hasPassword: boolean;
  createdAt: number;
  disabledAt: number | null;
}

export interface PersonSecret extends Person {
  passwordHash: string | null;
}

export interface Membership {
  personId: number;
  workspaceId: number;
  role: Role;
  trainee: boolean;
  createdAt: number;
}

/** A person as a member of one workspace. */
export interface Member extends Person {
  role: Role;
  trainee: boolean;
  joinedAt: number;
}

export interface PasswordReset {
  id: number;
  personId: number;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface PeopleStore {
  /** How many people there are, leaving out these emails. */
  count(exceptEmails?: readonly string[]): Promise<number>;
  get(id: number): Promise<PersonSecret | null>;
  /** By email, case-insensitively. */
  findByEmail(email: string): Promise<PersonSecret | null>;
  /** Creates a person; `conflict` when the email is taken. */
  create(input: { email: string; name: string; passwordHash: string | null; mustChangePassword: boolean; now: number }): Promise<Person>;
  setPassword(id: number, passwordHash: string, mustChangePassword: boolean): Promise<void>;
  setDisabled(id: number, at: number | null): Promise<void>;
  memberships(personId: number): Promise<Membership[]>;
  members(workspaceId: number): Promise<Member[]>;
  member(workspaceId: number, personId: number): Promise<Member | null>;
  /** Adds the membership, or changes its role and trainee flag. */
  setMembership(input: { personId: number; workspaceId: number; role: Role; trainee: boolean; now: number }): Promise<void>;
  removeMembership(workspaceId: number, personId: number): Promise<boolean>;
  createReset(input: { tokenHash: string; personId: number; createdBy: string; now: number; expiresAt: number }): Promise<PasswordReset>;
  findReset(tokenHash: string): Promise<PasswordReset | null>;
  /** Marks the link used; false when it was used already (by a concurrent request). */
  useReset(id: number, now: number): Promise<boolean>;
}

export interface SessionRecord {
  id: number;
  personId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionStore {
  create(input: { tokenHash: string; personId: number; csrfToken: string; now: number; expiresAt: number; ip: string | null; userAgent: string | null }): Promise<SessionRecord>;
  findByHash(tokenHash: string): Promise<SessionRecord | null>;
  touch(id: number, at: number): Promise<void>;
  remove(tokenHash: string): Promise<SessionRecord | null>;
  /** Ends every session of a person but one (the one that changed the password). */
  removeForPerson(personId: number, exceptId: number | null): Promise<void>;
  removeExpired(now: number): Promise<number>;
}

export interface ApiToken {
  id: number;
  workspaceId: number;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface TokenStore {
  create(input: { workspaceId: number; name: string; prefix: string; tokenHash: string; scopes: TokenScope[]; createdBy: string; now: number }): Promise<ApiToken>;
  findByHash(tokenHash: string): Promise<ApiToken | null>;
  list(workspaceId: number): Promise<ApiToken[]>;
  get(workspaceId: number, id: number): Promise<ApiToken | null>;
  /** Revokes the token (once; a second revoke keeps the first time). */
  revoke(workspaceId: number, id: number, now: number): Promise<ApiToken | null>;
  touch(id: number, at: number): Promise<void>;
}

export interface Policy {
  id: number;
  workspaceId: number;
  version: number;
  text: string;
  createdBy: string;
  createdAt: number;
}

export interface PolicyStore {
  current(workspaceId: number): Promise<Policy | null>;
  /** Stores the text as the next version. */
  publish(workspaceId: number, input: { text: string; createdBy: string; now: number }): Promise<Policy>;
  acknowledge(personId: number, policyId: number, now: number): Promise<void>;
  /** When the person acknowledged this policy version, or null. */
  acknowledgedAt(personId: number, policyId: number): Promise<number | null>;
}

export interface AuditEntry {
  workspaceId: number | null;
  actor: { kind: 'person' | 'token' | 'system' | 'anonymous'; id: number | null; label: string };
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  at: number;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditStore {
  append(entries: AuditEntry[]): Promise<void>;
  /** Newest first; a page continues strictly after the cursor (at, id). */
  list(workspaceId: number | null, query: { before: { at: number; id: number } | null; limit: number; action: string | null }): Promise<AuditRecord[]>;
}

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
