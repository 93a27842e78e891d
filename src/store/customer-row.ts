/** Reading and writing the customer row's state column, shared by both ingestion adapters. */
import type { CustomerWrite } from '../app/ports.js';
import type { CustomerState } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';

/**
 * The state column is written only by Pulse from a CustomerState; a cheap structural check (not a
 * full schema parse, this is the ingestion hot path) catches a row that was edited by hand.
 */
export const parseState = (json: string, customerId: number): CustomerState => {
  const state = JSON.parse(json) as CustomerState;
  if (typeof state.events !== 'number' || typeof state.days !== 'object' || !Array.isArray(state.orders)) {
    throw new AppError('internal_error', `customer ${customerId}: stored state is not a customer state`);
  }
  return state;
};

/** The summary columns kept beside the state for listing and sorting. */
export const summaryOf = (w: CustomerWrite) => ({
  events_count: w.state.events,
  interactions: w.state.interactions,
  purchases: w.state.orders.length,
  spend_total: Math.round((w.state.spendGross - w.state.refunded) * 100) / 100,
  first_seen_at: w.state.firstAt,
  last_seen_at: w.state.lastAt,
});
