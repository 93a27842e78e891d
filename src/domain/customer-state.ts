/**
 * A customer's running state: the compact summary of their events from which every fact is derived.
 * It is folded forward on every event (out-of-order events fold correctly: windows live in day
 * buckets, first/last are min/max) and stored with the customer, so facts are never recomputed from
 * the log on a read. Distinct purchases need the order ids seen; everything else is counters.
 */
import { isInteraction, KNOWN_EVENT_KINDS, type PulseEvent } from './event.js';
import { round2 } from './money.js';
import { epochDay } from './time.js';

/**
 * One UTC day of activity, packed as numbers because the busiest customers keep hundreds of days
 * and the state is rewritten on every batch: [epoch day, events, interactions, net spend, sum of the
 * sentiment scores of their texts, texts scored, positive public mentions, ...count of each
 * KNOWN_EVENT_KINDS kind in that order] (trailing zeros dropped; `purchase` counts distinct orders).
 * Counts of custom kinds live in CustomerState.customDays.
 */
export type DayBucket = number[];
export const DAY_EVENTS = 1;
export const DAY_INTERACTIONS = 2;
export const DAY_SPEND = 3;
export const DAY_SENTIMENT_SUM = 4;
export const DAY_SCORED = 5;
export const DAY_POSITIVE_MENTIONS = 6;
export const KIND_OFFSET = 7;
/** Public texts a customer writes about the brand: a positive one is a positive mention. */
const MENTION_KINDS: ReadonlySet<string> = new Set(['mention', 'post', 'comment', 'review', 'share']);
const KIND_SLOT: ReadonlyMap<string, number> = new Map(KNOWN_EVENT_KINDS.map((k, i) => [k, KIND_OFFSET + i]));

export interface CustomerState {
  events: number;
  interactions: number;
  kinds: Record<string, number>;
  /** Distinct orders of purchase events. */
  purchases: number;
  spendGross: number;
  refunded: number;
  /** The largest audience (followers) any of their events reported. */
  reach: number;
  firstAt: number | null;
  lastAt: number | null;
  lastInteractionAt: number | null;
  /** Epoch day → bucket. A Map: V8 keeps integer-keyed objects as slow dictionaries. */
  days: Map<number, DayBucket>;
  /** Epoch day → custom kind → count, for kinds outside KNOWN_EVENT_KINDS. */
  customDays: Map<number, Record<string, number>>;
  /** Epoch day → the orders first bought that day (stored with the day, not in the summary). */
  dayOrders: Map<number, string[]>;
}

export const emptyState = (): CustomerState => ({
  events: 0, interactions: 0, kinds: {}, purchases: 0, spendGross: 0, refunded: 0, reach: 0,
  firstAt: null, lastAt: null, lastInteractionAt: null, days: new Map(), customDays: new Map(), dayOrders: new Map(),
});

/** The fields of an event the facts depend on, with the amount already in the workspace currency. */
export interface FactInput {
  kind: string;
  direction: PulseEvent['direction'];
  occurredAt: number;
  /** Amount in the workspace currency, or null when there is none or it could not be converted. */
  amount: number | null;
  /** Order id for purchases and refunds; the source id stands in when the source gave none. */
  orderKey: string;
  /** Followers the event reported for the customer (meta.followers), or null. */
  followers: number | null;
  /** The sentiment of the event's text (score in −1…1), or null when it has no scored text. */
  sentiment?: { score: number; label: 'negative' | 'neutral' | 'positive' } | null;
}

const bump = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};

/**
 * Folds one event into the state, in place (the state is owned by the ingestion batch), and returns
 * the epoch day it touched. A purchase whose order was already counted adds no purchase nor spend.
 */
export const applyEvent = (state: CustomerState, input: FactInput, orderSet: Set<string>): number => {
  const day = epochDay(input.occurredAt);
  let bucket = state.days.get(day);
  if (bucket === undefined) {
    bucket = [day, 0, 0, 0];
    state.days.set(day, bucket);
  }
  state.events += 1;
  (bucket[DAY_EVENTS] as number)++;
  if (input.followers !== null && input.followers > state.reach) state.reach = input.followers;
  state.firstAt = state.firstAt === null ? input.occurredAt : Math.min(state.firstAt, input.occurredAt);
  state.lastAt = state.lastAt === null ? input.occurredAt : Math.max(state.lastAt, input.occurredAt);

  if (input.sentiment != null && input.direction === 'in') {
    while (bucket.length <= DAY_POSITIVE_MENTIONS) bucket.push(0);
    bucket[DAY_SENTIMENT_SUM] = Math.round(((bucket[DAY_SENTIMENT_SUM] as number) + input.sentiment.score) * 1000) / 1000;
    (bucket[DAY_SCORED] as number)++;
    if (input.sentiment.label === 'positive' && MENTION_KINDS.has(input.kind)) (bucket[DAY_POSITIVE_MENTIONS] as number)++;
  }

  if (isInteraction(input.kind, input.direction)) {
    state.interactions += 1;
    (bucket[DAY_INTERACTIONS] as number)++;
    state.lastInteractionAt =
      state.lastInteractionAt === null ? input.occurredAt : Math.max(state.lastInteractionAt, input.occurredAt);
  }

  if (input.kind === 'purchase') {
    if (orderSet.has(input.orderKey)) return day;
    orderSet.add(input.orderKey);
    state.purchases += 1;
    const firstBought = state.dayOrders.get(day);
    if (firstBought === undefined) state.dayOrders.set(day, [input.orderKey]);
    else firstBought.push(input.orderKey);
    const amount = Math.abs(input.amount ?? 0);
    state.spendGross = round2(state.spendGross + amount);
    bucket[DAY_SPEND] = round2((bucket[DAY_SPEND] as number) + amount);
  } else if (input.kind === 'refund') {
    const amount = Math.abs(input.amount ?? 0);
    state.refunded = round2(state.refunded + amount);
    bucket[DAY_SPEND] = round2((bucket[DAY_SPEND] as number) - amount);
  }
  bump(state.kinds, input.kind);
  const slot = KIND_SLOT.get(input.kind);
  if (slot !== undefined) {
    while (bucket.length <= slot) bucket.push(0);
    (bucket[slot] as number)++;
  }
  else {
    let custom = state.customDays.get(day);
    if (custom === undefined) state.customDays.set(day, (custom = {}));
    bump(custom, input.kind);
  }
  return day;
};

/** A set view of the state's orders, built once per batch for fast membership checks. */
export const orderSetOf = (state: CustomerState): Set<string> => new Set([...state.dayOrders.values()].flat());

/** Rebuilds a state from the log (after a merge or an unmerge): the same fold, from scratch. */
export const rebuildState = (inputs: Iterable<FactInput>): CustomerState => {
  const state = emptyState();
  const orders = new Set<string>();
  for (const input of inputs) applyEvent(state, input, orders);
  return state;
};

/**
 * The stored form is split so a batch rewrites only what it changed: the summary (everything but
 * the days, small) and one row per active day. The busiest customers have hundreds of days; writing
 * them all on every batch made the import's cost grow with each customer's history.
 */
export interface StoredDay {
  day: number;
  /** JSON of the bucket. */
  bucket: string;
  /** JSON `{ k?: custom kind counts, o?: orders first bought that day }`, or null. */
  extra: string | null;
}

export const encodeSummary = (state: CustomerState): string => {
  const { days: _days, customDays: _custom, dayOrders: _orders, ...summary } = state;
  return JSON.stringify(summary);
};

export const encodeDay = (state: CustomerState, day: number): StoredDay => {
  const k = state.customDays.get(day);
  const o = state.dayOrders.get(day);
  const extra = k === undefined && o === undefined ? null : JSON.stringify({ k, o });
  return { day, bucket: JSON.stringify(state.days.get(day) ?? [day, 0, 0, 0]), extra };
};

/**
 * Reads the stored form back; returns null when the text is not a customer state. Without `orders`
 * (enough for facts), the order ids of each day are not read: re-evaluating every customer's stage
 * reads a million states.
 */
export const decodeState = (summaryJson: string, days: readonly StoredDay[], opts: { orders?: boolean } = {}): CustomerState | null => {
  const state = JSON.parse(summaryJson) as CustomerState;
  if (typeof state.events !== 'number' || typeof state.purchases !== 'number' || typeof state.kinds !== 'object') return null;
  state.reach ??= 0;
  state.days = new Map();
  state.customDays = new Map();
  state.dayOrders = new Map();
  const orders = opts.orders ?? true;
  for (const d of days) {
    const bucket = JSON.parse(d.bucket) as DayBucket;
    if (!Array.isArray(bucket) || bucket[0] !== d.day) return null;
    state.days.set(d.day, bucket);
    if (d.extra !== null && (orders || d.extra.includes('"k"'))) {
      const extra = JSON.parse(d.extra) as { k?: Record<string, number>; o?: string[] };
      if (extra.k) state.customDays.set(d.day, extra.k);
      if (extra.o && orders) state.dayOrders.set(d.day, extra.o);
    }
  }
  return state;
};
