/**
 * One customer's page composed from the store's ports (PostgreSQL, and SQLite in memory): a handful
 * of queries, the independent ones at once. SQLite files read it faster in one snapshot
 * (sqlite-customer-views.ts).
 */
import type { CustomerStore, CustomerViewStore, RouteStore, StageReadStore } from '../app/ports.js';

export const composedCustomerViews = (deps: { customers: CustomerStore; routes: RouteStore; stages: StageReadStore }): CustomerViewStore => ({
  async read(ws, id, { events: limit }) {
    const customer = await deps.customers.get(ws, id);
    if (customer === null) return null;
    const group = await deps.customers.groupOf(ws, id);
    const [identities, events, merges, routes, positions, transitions] = await Promise.all([
      deps.customers.identitiesOf(ws, group),
      deps.customers.timeline(ws, id, { before: null, beforeId: null, limit }),
      deps.customers.merges(ws, group),
      deps.routes.list(ws),
      deps.stages.positions(ws, id),
      deps.stages.transitions(ws, id),
    ]);
    const channels = [...new Set(identities.map((i) => i.kind))].sort();
    return { customer: { ...customer, channels }, group, identities, merges, events, routes, positions, transitions };
  },
});
