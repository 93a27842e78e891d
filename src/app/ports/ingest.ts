/** Ports of ingestion: a batch's transaction over customers, identities, events and stage positions. */
import type { CustomerState } from '../../domain/customer-state.js';
import type { Rates } from '../../domain/money.js';
import type { StageRow, StoredRoute, TransitionCause, TransitionRow } from './stages.js';

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
   * Ids of the events this write adds, per day. Each day row keeps its events' ids and, from the
   * rows the transaction inserted, the events as pages show them: the day rows are the customer's
   * timeline, so the event log needs no per-customer index.
   */
  dayEvents: Map<number, number[]>;
  now: number;
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
