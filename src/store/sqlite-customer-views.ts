/**
 * Customers as people read them on a SQLite file: one customer's page, and the list as the customers
 * page opens (unfiltered), each read in one snapshot: a dedicated read-only connection runs
 * prepared statements synchronously inside one read transaction, so the page never mixes rows from
 * before and after a concurrent write, and no query waits behind another request's. Through Kysely
 * the same page took a dozen builds, compiles and awaits; here it is a few index look-ups, the
 * recent events coming with the customer's day rows (event-views.ts).
 */
import type Database from 'better-sqlite3';
import type { CustomerStore, CustomerSummary, CustomerViewRows, CustomerViewStore } from '../app/ports.js';
import { parseState } from './customer-row.js';
import { decodeViews, newestFirst, oldestDayFor } from './event-views.js';
import { keptUntilCommit, rows } from './sqlite-rows.js';
import { toRoute, toStageRow, toTransitionView, type RouteRow, type StageColumns, type TransitionColumns } from './route-repo.js';
import { SUMMARY_COLUMNS, toCustomerRecord, toIdentityView, toMergeView, toSummary, type SummaryRow } from './customer-repo.js';

type CustomerRow = SummaryRow & { merged_into: number | null; state: string };
type DayRow = { day: number; bucket: string; extra: string | null; events: string };
type IdentityRow = Parameters<typeof toIdentityView>[0];
type MergeRow = Parameters<typeof toMergeView>[0];

export const sqliteCustomerViews = (conn: Database.Database): CustomerViewStore => {
  // Prepared on first use: the store may be opened before it is migrated.
  const prepare = () => ({
    customer: rows<CustomerRow>(conn.prepare(`SELECT ${SUMMARY_COLUMNS.join(', ')}, merged_into, state FROM customers WHERE workspace_id = ? AND id = ?`)),
    days: rows<DayRow>(conn.prepare('SELECT day, bucket, extra, events FROM customer_days WHERE customer_id = ? ORDER BY day DESC')),
    mergedInto: conn.prepare('SELECT id FROM customers WHERE workspace_id = ? AND merged_into = ?').pluck(),
    identities: rows<IdentityRow>(conn.prepare('SELECT * FROM identities WHERE customer_id = ?')),
    mergesAs: rows<MergeRow>(conn.prepare('SELECT * FROM merges WHERE workspace_id = ? AND (target_id = ? OR merged_id = ?)')),
    views: conn.prepare('SELECT views FROM customer_days WHERE customer_id = ? AND day >= ? ORDER BY day DESC').pluck(),
    routes: rows<RouteRow>(conn.prepare('SELECT id, name, definition, version, updated_at FROM routes WHERE workspace_id = ? ORDER BY id')),
    positions: rows<StageColumns>(conn.prepare('SELECT customer_id, route_id, stage, reached, since FROM customer_stages WHERE customer_id = ? ORDER BY route_id')),
    transitions: rows<TransitionColumns>(conn.prepare('SELECT route_id, from_stage, to_stage, at, cause, event_id, rule FROM stage_transitions WHERE customer_id = ? ORDER BY at, id')),
  });
  let statements: ReturnType<typeof prepare> | null = null;
  // The workspace's routes are the same on every page until another connection commits.
  const routesKept = keptUntilCommit<number, CustomerViewRows['routes']>(conn);
  const read = conn.transaction((ws: number, id: number, limit: number): CustomerViewRows | null => {
    const s = (statements ??= prepare());
    const c = s.customer.get(ws, id);
    if (c === undefined) return null;
    const days = s.days.all(id);

    const group = [id];
    for (let i = 0; i < group.length; i++) for (const m of s.mergedInto.all(ws, group[i]) as number[]) if (!group.includes(m)) group.push(m);

    const identities = group.flatMap((g) => s.identities.all(g)).map(toIdentityView).sort((a, b) => a.id - b.id);
    const merges = new Map<number, ReturnType<typeof toMergeView>>();
    for (const g of group) for (const m of s.mergesAs.all(ws, g, g)) merges.set(m.id, toMergeView(m));

    const oldest = oldestDayFor(days, limit);
    const events = oldest === null ? [] : decodeViews(s.views.all(id, oldest) as string[]).sort(newestFirst);

    const routesOf = routesKept();
    let routes = routesOf.get(ws);
    if (routes === undefined) routesOf.set(ws, (routes = s.routes.all(ws).map(toRoute)));
    const positions = s.positions.all(id).map(toStageRow);
    const transitions = s.transitions.all(id).map(toTransitionView);

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
 * The customers list on the same connection; searches (`q`) go to `search`. The total is the count
 * the triggers of migration 0009 keep. Between writes every reader asks for the same few pages (the
 * first, most of all): pages are kept until another connection commits (SQLite's data_version
 * moves; this connection only reads).
 */
export const sqliteCustomerList = (conn: Database.Database, search: CustomerStore['list']): CustomerStore['list'] => {
  const prepare = () => ({
    page: rows<SummaryRow>(conn.prepare(`SELECT ${SUMMARY_COLUMNS.join(', ')} FROM customers WHERE workspace_id = ? AND merged_into IS NULL
      ORDER BY last_seen_at DESC, id DESC LIMIT ? OFFSET ?`)),
    channels: conn.prepare('SELECT customer_id, kind FROM identities WHERE customer_id IN (SELECT value FROM json_each(?))').raw(true),
    count: conn.prepare('SELECT coalesce((SELECT roots FROM customer_roots WHERE workspace_id = ?), 0)').pluck(),
  });
  type Page = Awaited<ReturnType<CustomerStore['list']>>;
  let statements: ReturnType<typeof prepare> | null = null;
  const pagesKept = keptUntilCommit<string, Page>(conn);
  const read = conn.transaction((ws: number, limit: number, offset: number, pages: Map<string, Page>, key: string): Page => {
    const s = (statements ??= prepare());
    const page = s.page.all(ws, limit, offset);
    const channels = new Map<number, Set<string>>(page.map((r) => [r.id, new Set()]));
    for (const [customerId, kind] of s.channels.all(JSON.stringify(page.map((r) => r.id))) as [number, string][]) channels.get(customerId)?.add(kind);
    // Shared by every request until the next write: frozen, so no caller can change another's answer.
    const items = Object.freeze(page.map((r) => Object.freeze(toSummary(r, [...channels.get(r.id)!].sort()))));
    if (pages.size >= 1_000) pages.clear();
    const answer: Page = Object.freeze({ items: items as CustomerSummary[], total: s.count.get(ws) as number });
    pages.set(key, answer);
    return answer;
  });
  return async (ws, query) => {
    if (query.q !== null && query.q.trim() !== '') return search(ws, query);
    // A kept page is answered without opening a read transaction. A page read after a commit newer
    // than the version checked here is kept under that older version: harmless, as the next request
    // sees the new version and reads again.
    const pages = pagesKept();
    const key = `${ws}:${query.limit}:${query.offset}`;
    return pages.get(key) ?? read(ws, query.limit, query.offset, pages, key);
  };
};
