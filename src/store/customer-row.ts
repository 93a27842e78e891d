/** Reading and writing the customer row's state column, shared by both ingestion adapters. */
import type { CustomerWrite } from '../app/ports.js';
import { decodeState, encodeDay, type CustomerState, type StoredDay } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';
import { joinViews } from './event-views.js';

/**
 * The state column is written only by Pulse (encodeState); decodeState's structural check (not a
 * full schema parse: this is the ingestion hot path) catches a row that was edited by hand.
 */
export const parseState = (summary: string, days: readonly StoredDay[], customerId: number, opts?: { orders?: boolean }): CustomerState => {
  const state = decodeState(summary, days, opts);
  if (state === null) throw new AppError('internal_error', `customer ${customerId}: stored state is not a customer state`);
  return state;
};

/** The summary columns kept beside the state for listing and sorting. */
export const summaryOf = (w: Pick<CustomerWrite, 'state'>) => ({
  events_count: w.state.events,
  interactions: w.state.interactions,
  purchases: w.state.purchases,
  spend_total: Math.round((w.state.spendGross - w.state.refunded) * 100) / 100,
  first_seen_at: w.state.firstAt,
  last_seen_at: w.state.lastAt,
});

/**
 * The day rows a write must store, with the ids of the events it adds (comma-separated) and their
 * views (event-views.ts) from `views`; without `views`, empty, for the caller to fill from the log.
 */
export const daysToWrite = (w: Pick<CustomerWrite, 'state' | 'dayEvents'>, views?: ReadonlyMap<number, string>): (StoredDay & { events: string; views: string })[] =>
  Array.from(w.dayEvents, ([day, ids]) => ({ ...encodeDay(w.state, day), events: ids.join(','), views: views === undefined ? '' : joinViews(ids, views) }));

/** Parses a day row's comma-separated event ids. */
export const eventIdsOf = (events: string): number[] => (events === '' ? [] : events.split(',').map(Number));
