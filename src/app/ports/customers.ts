/** Ports of reading customers and workspaces, and of merges. */
import type { CustomerState, FactInput } from '../../domain/customer-state.js';
import type { Workspace } from './ingest.js';
import type { StageRow, StoredRoute, TransitionView } from './stages.js';

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
  /**
   * A page of root customers, most recently active first. While nothing is written the store may
   * answer the same page with the same frozen object: callers must not change it, and may keep
   * what they derive from it by that object.
   */
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

/** Everything one customer's page shows, read together. */
export interface CustomerViewRows {
  /** `channels` are those of the whole group's identities. */
  customer: CustomerRecord;
  /** The customer and every customer merged into it, directly or through others. */
  group: number[];
  identities: IdentityView[];
  merges: MergeView[];
  /** The most recent events of the timeline, newest first (as `CustomerStore.timeline`). */
  events: EventView[];
  routes: StoredRoute[];
  positions: StageRow[];
  transitions: TransitionView[];
}

export interface CustomerViewStore {
  /** One customer's page, in one read snapshot where the store can; null when not in the workspace. */
  read(workspaceId: number, id: number, opts: { events: number }): Promise<CustomerViewRows | null>;
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
