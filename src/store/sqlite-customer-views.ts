/**
 * Customers as people read them on a SQLite file: one customer's page, and the list as the customers
 * page opens (unfiltered), each read in one snapshot: a dedicated read-only connection runs
 * prepared statements synchronously inside one read transaction, so the page never mixes rows from
 * before and after a concurrent write, and no query waits behind another request's. Through Kysely
 * the same page took a dozen builds, compiles and awaits; here it is a dozen index look-ups.
 */
import type Database from 'better-sqlite3';
import type { CustomerStore, CustomerViewRows, CustomerViewStore, EventView } from '../app/ports.js';
import { newestEventIds, parseState } from './customer-row.js';
import { toRoute, toStageRow, toTransitionView, type RouteRow, type StageColumns, type TransitionColumns } from './route-repo.js';
import { EVENT_VIEW_COLUMNS, rowOf, SUMMARY_COLUMNS, toCustomerRecord, toEventView, toIdentityView, toMergeView, toSummary, type EventViewRow, type SummaryRow } from './customer-repo.js';

export const sqliteCustomerViews = (conn: Database.Database): CustomerViewStore => {
  // Prepared on first use: the store may be opened before it is migrated.
  const prepare = () => ({
    customer: conn.prepare(`SELECT ${SUMMARY_COLUMNS.join(', ')}, merged_into, state FROM customers WHERE workspace_id = ? AND id = ?`),
    days: conn.prepare('SELECT day, bucket, extra, events FROM customer_days WHERE customer_id = ? ORDER BY day DESC'),
    mergedInto: conn.prepare('SELECT id FROM customers WHERE workspace_id = ? AND merged_into = ?').pluck(),
    identities: conn.prepare('SELECT * FROM identities WHERE customer_id = ?'),
    mergesAs: conn.prepare('SELECT * FROM merges WHERE workspace_id = ? AND (target_id = ? OR merged_id = ?)'),
    event: conn.prepare(`SELECT ${EVENT_VIEW_COLUMNS.join(', ')}, workspace_id FROM events WHERE id = ?`).raw(true),
    routes: conn.prepare('SELECT id, name, definition, version, updated_at FROM routes WHERE workspace_id = ? ORDER BY id'),
    positions: conn.prepare('SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id = ?'),
    transitions: conn.prepare('SELECT route_id, from_stage, to_stage, at, cause, event_id, rule FROM stage_transitions WHERE customer_id = ? ORDER BY at, id'),
  });
  let statements: ReturnType<typeof prepare> | null = null;
  const read = conn.transaction((ws: number, id: number, limit: number): CustomerViewRows | null => {
    const s = (statements ??= prepare());
    const c = s.customer.get(ws, id) as (SummaryRow & { merged_into: number | null; state: string }) | undefined;
    if (c === undefined) return null;
    const days = s.days.all(id) as { day: number; bucket: string; extra: string | null; events: string }[];

    const group = [id];
    for (let i = 0; i < group.length; i++) for (const m of s.mergedInto.all(ws, group[i]) as number[]) if (!group.includes(m)) group.push(m);

    const identities = group.flatMap((g) => s.identities.all(g) as Parameters<typeof toIdentityView>[0][]).map(toIdentityView).sort((a, b) => a.id - b.id);
    const merges = new Map<number, ReturnType<typeof toMergeView>>();
    for (const g of group) for (const m of s.mergesAs.all(ws, g, g) as Parameters<typeof toMergeView>[0][]) merges.set(m.id, toMergeView(m));

    const events: EventView[] = [];
    for (const eventId of newestEventIds(days, limit)) {
      const values = s.event.get(eventId) as unknown[] | undefined;
      if (values !== undefined && values[EVENT_VIEW_COLUMNS.length] === ws) events.push(toEventView(rowOf<EventViewRow>(EVENT_VIEW_COLUMNS, values)));
    }
    events.sort((x, y) => y.occurredAt - x.occurredAt || y.id - x.id);

    const routes = (s.routes.all(ws) as RouteRow[]).map(toRoute);
    const positions = (s.positions.all(id) as StageColumns[]).map(toStageRow);
    const transitions = (s.transitions.all(id) as TransitionColumns[]).map(toTransitionView);

    const channels = [...new Set(identities.map((i) => i.kind))].sort();
    const customer = toCustomerRecord(c, channels, parseState(c.state, days, c.id, { orders: false }));
    return {
      customer, group, identities, merges: [...merges.values()].sort((a, b) => b.id - a.id),
      events: events.slice(0, limit), routes, positions, transitions,
    };
  });

  return { read: async (ws, id, { events }) => read(ws, id, events) };
};

/**
 * The customers list on the same connection; searches (`q`) go to `search`. The total (a count over
 * every customer) is kept until another connection commits (SQLite's data_version moves).
 */
export const sqliteCustomerList = (conn: Database.Database, search: CustomerStore['list']): CustomerStore['list'] => {
  const prepare = () => ({
    page: conn.prepare(`SELECT ${SUMMARY_COLUMNS.join(', ')} FROM customers WHERE workspace_id = ? AND merged_into IS NULL
      ORDER BY last_seen_at DESC, id DESC LIMIT ? OFFSET ?`).raw(true),
    channels: conn.prepare('SELECT customer_id, kind FROM identities WHERE customer_id IN (SELECT value FROM json_each(?))').raw(true),
    count: conn.prepare('SELECT count(*) FROM customers WHERE workspace_id = ? AND merged_into IS NULL').pluck(),
    version: conn.prepare('PRAGMA data_version').pluck(),
  });
  let statements: ReturnType<typeof prepare> | null = null;
  const totals = new Map<number, { version: number; total: number }>();
  const read = conn.transaction((ws: number, limit: number, offset: number) => {
    const s = (statements ??= prepare());
    const version = s.version.get() as number;
    let total = totals.get(ws);
    if (total?.version !== version) totals.set(ws, (total = { version, total: s.count.get(ws) as number }));
    const rows = (s.page.all(ws, limit, offset) as unknown[][]).map((values) => rowOf<SummaryRow>(SUMMARY_COLUMNS, values));
    const channels = new Map<number, Set<string>>(rows.map((r) => [r.id, new Set()]));
    for (const [customerId, kind] of s.channels.all(JSON.stringify(rows.map((r) => r.id))) as [number, string][]) channels.get(customerId)?.add(kind);
    const items = rows.map((r) => toSummary(r, [...channels.get(r.id)!].sort()));
    return { items, total: total.total };
  });
  return async (ws, query) => (query.q === null || query.q.trim() === '' ? read(ws, query.limit, query.offset) : search(ws, query));
};
