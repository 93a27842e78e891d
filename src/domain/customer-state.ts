/**
 * A customer's running state: the compact summary of their events from which every fact is derived.
 * It is folded forward on every event (out-of-order events fold correctly: windows live in day
 * buckets, first/last are min/max) and stored with the customer, so facts are never recomputed from
 * the log on a read. Distinct purchases need the order ids seen; everything else is counters.
 */
import { isInteraction, type PulseEvent } from './event.js';
import { round2 } from './money.js';
import { epochDay } from './time.js';

/** One UTC day of activity. */
export interface DayBucket {
  /** events */
  e: number;
  /** interactions */
  i: number;
  /** net spend (purchases − refunds) in the workspace currency */
  s: number;
  /** events by kind; `purchase` counts distinct orders */
  k: Record<string, number>;
}

export interface CustomerState {
  events: number;
  interactions: number;
  kinds: Record<string, number>;
  /** Distinct order ids of purchase events. */
  orders: string[];
  spendGross: number;
  refunded: number;
  firstAt: number | null;
  lastAt: number | null;
  lastInteractionAt: number | null;
  days: Record<string, DayBucket>;
}

export const emptyState = (): CustomerState => ({
  events: 0, interactions: 0, kinds: {}, orders: [], spendGross: 0, refunded: 0,
  firstAt: null, lastAt: null, lastInteractionAt: null, days: {},
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
}

const bump = (record: Record<string, number>, key: string, by = 1): void => {
  record[key] = (record[key] ?? 0) + by;
};

/**
 * Folds one event into the state, in place (the state is owned by the ingestion batch).
 * A purchase whose order was already counted adds neither a purchase nor spend.
 */
export const applyEvent = (state: CustomerState, input: FactInput, orderSet: Set<string>): void => {
  const dayKey = String(epochDay(input.occurredAt));
  let bucket = state.days[dayKey];
  if (bucket === undefined) {
    bucket = { e: 0, i: 0, s: 0, k: {} };
    state.days[dayKey] = bucket;
  }
  state.events += 1;
  bucket.e += 1;
  state.firstAt = state.firstAt === null ? input.occurredAt : Math.min(state.firstAt, input.occurredAt);
  state.lastAt = state.lastAt === null ? input.occurredAt : Math.max(state.lastAt, input.occurredAt);

  if (isInteraction(input.kind, input.direction)) {
    state.interactions += 1;
    bucket.i += 1;
    state.lastInteractionAt =
      state.lastInteractionAt === null ? input.occurredAt : Math.max(state.lastInteractionAt, input.occurredAt);
  }

  if (input.kind === 'purchase') {
    if (orderSet.has(input.orderKey)) return;
    orderSet.add(input.orderKey);
    state.orders.push(input.orderKey);
    const amount = Math.abs(input.amount ?? 0);
    state.spendGross = round2(state.spendGross + amount);
    bucket.s = round2(bucket.s + amount);
  } else if (input.kind === 'refund') {
    const amount = Math.abs(input.amount ?? 0);
    state.refunded = round2(state.refunded + amount);
    bucket.s = round2(bucket.s - amount);
  }
  bump(state.kinds, input.kind);
  bump(bucket.k, input.kind);
};

/** A set view of the state's orders, built once per batch for fast membership checks. */
export const orderSetOf = (state: CustomerState): Set<string> => new Set(state.orders);

/** Rebuilds a state from the log (after a merge or an unmerge): the same fold, from scratch. */
export const rebuildState = (inputs: Iterable<FactInput>): CustomerState => {
  const state = emptyState();
  const orders = new Set<string>();
  for (const input of inputs) applyEvent(state, input, orders);
  return state;
};
