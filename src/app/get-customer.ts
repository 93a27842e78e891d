/**
 * One customer as a person reads it: contact fields, identities (their own and those of customers
 * merged into them), facts as of a time, the merges, and the most recent events.
 */
import { AppError } from '../domain/errors.js';
import { factsAsOf, type Facts } from '../domain/facts.js';
import { requirePermission, type Access } from './access.js';
import type { CustomerRecord, CustomerStore, CustomerSummary, CustomerViewStore, EventView, IdentityView, MergeView } from './ports.js';
import { customerStages, type CustomerStage } from './routes.js';

export interface CustomerDetail extends CustomerSummary {
  mergedInto: number | null;
  /** Customers merged into this one (their identities and events show here). */
  mergedIds: number[];
  asOf: number;
  facts: Facts;
  identities: IdentityView[];
  merges: MergeView[];
  events: EventView[];
}

/** The customer a merged customer ended up in (itself when it is not merged). */
export const rootOf = async (customers: CustomerStore, ws: number, c: CustomerRecord): Promise<CustomerRecord> => {
  let current = c;
  while (current.mergedInto !== null) {
    const next = await customers.get(ws, current.mergedInto);
    if (next === null) break;
    current = next;
  }
  return current;
};

/** Finds the one customer an id, handle, email or phone names (following merges to the root). */
export const findCustomer = async (customers: CustomerStore, ws: number, term: string): Promise<number> => {
  const ids = await customers.findByTerm(ws, term);
  const roots = new Set<number>();
  for (const id of ids) {
    const c = await customers.get(ws, id);
    if (c !== null) roots.add((await rootOf(customers, ws, c)).id);
  }
  if (roots.size === 0) throw new AppError('customer_not_found', `no customer matches "${term}"`);
  if (roots.size > 1) throw new AppError('validation_failed', `"${term}" names ${roots.size} customers (${[...roots].join(', ')}); use an id`, { details: { customerIds: [...roots] } });
  return [...roots][0] as number;
};

/** A page of the workspace's customers, most recently active first; `q` searches. */
export const listCustomers = async (
  customers: CustomerStore,
  access: Access,
  query: { q: string | null; limit: number; offset: number },
): Promise<{ items: CustomerSummary[]; total: number }> => {
  requirePermission(access, 'read');
  return customers.list(access.workspace.id, query);
};

/**
 * One customer as the customer page shows it: contact fields, identities and merges of the whole
 * group, facts as of a time, the most recent events, and the stages on every route.
 */
export const viewCustomer = async (
  deps: { customerViews: CustomerViewStore },
  access: Access,
  id: number,
  opts: { asOf: number; events: number },
): Promise<CustomerDetail & { stages: CustomerStage[] }> => {
  requirePermission(access, 'read');
  const rows = await deps.customerViews.read(access.workspace.id, id, { events: opts.events });
  if (rows === null) throw new AppError('customer_not_found', `no customer ${id} in this workspace`);
  const c = rows.customer;
  const facts = factsAsOf(c.state, opts.asOf);
  return {
    id: c.id, displayName: c.displayName, email: c.email, phone: c.phone, channels: c.channels,
    eventsCount: c.eventsCount, interactions: c.interactions, purchases: c.purchases, spendTotal: c.spendTotal,
    firstSeenAt: c.firstSeenAt, lastSeenAt: c.lastSeenAt, mergedInto: c.mergedInto,
    mergedIds: rows.group.filter((g) => g !== id),
    asOf: opts.asOf,
    facts,
    identities: rows.identities, merges: rows.merges, events: rows.events,
    stages: customerStages(rows, facts),
  };
};

/** Older events of a customer's timeline, after a cursor. */
export const customerTimeline = async (
  customers: CustomerStore,
  access: Access,
  id: number,
  page: { before: number | null; beforeId: number | null; limit: number },
): Promise<EventView[]> => {
  requirePermission(access, 'read');
  if ((await customers.get(access.workspace.id, id)) === null) throw new AppError('customer_not_found', `no customer ${id} in this workspace`);
  return customers.timeline(access.workspace.id, id, page);
};
