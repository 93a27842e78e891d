/**
 * A customer's timeline as its day rows keep it. Each day row (customer_days) lists the ids of the
 * day's events and, in `views`, the events themselves as the customer page shows them: one JSON
 * array per event, in EVENT_VIEW_COLUMNS order, joined by commas. The log is written once and never
 * changed, so the copy stays true; a page then reads the customer's few clustered day rows instead of
 * one random row of the log per event (migration 0010).
 *
 * Ingestion encodes the views from the rows it inserts (`encodeEventView`); merges, which rewrite a
 * customer's day rows, and the migration fill them from the log in SQL (`fillDayViews`).
 */
import { sql, type Kysely } from 'kysely';
import type { EventView, NewEventRow } from '../app/ports.js';
import { AppError } from '../domain/errors.js';
import { isPostgres } from './dialect.js';
import type { Tables } from './tables.js';

/** The log's columns of an event view, in the order of a stored view's values. */
export const EVENT_VIEW_COLUMNS = ['id', 'customer_id', 'source', 'source_id', 'kind', 'channel', 'direction', 'occurred_at', 'text', 'lang', 'sentiment', 'sentiment_score', 'emotion', 'amount', 'currency', 'order_id', 'thread_id', 'in_reply_to', 'meta'] as const;

/** Columns up to `occurred_at` are never null; a view stops at its last value that is not null. */
const ALWAYS_SET = EVENT_VIEW_COLUMNS.indexOf('occurred_at') + 1;

/**
 * The stored view of an event the log has just given `id`: its values without the trailing nulls
 * (most events have no text, amount or thread: a third of the bytes). `meta`, JSON text, goes in as JSON.
 */
export const encodeEventView = (id: number, r: NewEventRow): string => {
  const values: unknown[] = [id, r.customerId, r.source, r.sourceId, r.kind, r.channel, r.direction, r.occurredAt, r.text, r.lang,
    r.sentiment, r.sentimentScore, r.emotion, r.amount, r.currency, r.orderId, r.threadId, r.inReplyTo];
  if (r.meta !== null) return `${JSON.stringify(values).slice(0, -1)},${r.meta}]`;
  while (values.length > ALWAYS_SET && values[values.length - 1] === null) values.pop();
  return JSON.stringify(values);
};

/** The views of these event ids, comma-joined as a day row keeps them; every id must have one. */
export const joinViews = (ids: readonly number[], views: ReadonlyMap<number, string>): string =>
  ids.map((id) => {
    const view = views.get(id);
    if (view === undefined) throw new AppError('internal_error', `event ${id} has no view in this batch`);
    return view;
  }).join(',');

/** A stored view's values; those after `occurred_at` may be missing (trailing nulls are not stored). */
type ViewValues = [number, number, string, string, string, string, string, number, (string | null)?, (string | null)?,
  (string | null)?, (number | null)?, (string | null)?, (number | null)?, (string | null)?, (string | null)?, (string | null)?, (string | null)?, unknown?];

const toView = (v: ViewValues): EventView => ({
  id: v[0], customerId: v[1], source: v[2], sourceId: v[3], kind: v[4], channel: v[5], direction: v[6], occurredAt: v[7],
  text: v[8] ?? null, lang: v[9] ?? null, sentiment: v[10] ?? null, sentimentScore: v[11] ?? null, emotion: v[12] ?? null,
  amount: v[13] ?? null, currency: v[14] ?? null, orderId: v[15] ?? null, threadId: v[16] ?? null, inReplyTo: v[17] ?? null,
  meta: typeof v[18] === 'object' && v[18] !== null && !Array.isArray(v[18]) ? (v[18] as Record<string, unknown>) : null,
});

/** The events of day rows' `views`, in no particular order. */
export const decodeViews = (days: readonly string[]): EventView[] => {
  const texts = days.filter((v) => v !== '');
  return texts.length === 0 ? [] : (JSON.parse(`[${texts.join(',')}]`) as ViewValues[]).map(toView);
};

/** Newest first, in (occurredAt, id) order: the timeline's order. */
export const newestFirst = (a: EventView, b: EventView): number => b.occurredAt - a.occurredAt || b.id - a.id;

/** How many event ids a day row's comma-separated `events` lists, without parsing them. */
export const eventCount = (events: string): number => {
  if (events === '') return 0;
  let n = 1;
  for (let i = events.indexOf(','); i !== -1; i = events.indexOf(',', i + 1)) n++;
  return n;
};

/**
 * The oldest day a page must read, given the customer's days newest first with their event ids:
 * whole days until at least `wanted` events (null when there are no days).
 */
export const oldestDayFor = (days: readonly { day: number; events: string }[], wanted: number): number | null => {
  let n = 0;
  let oldest: number | null = null;
  for (const d of days) {
    if (n >= wanted) break;
    oldest = d.day;
    n += eventCount(d.events);
  }
  return oldest;
};

/**
 * Fills `views` of day rows from the log: those of `customerIds`, or every row. For rows written
 * without their views (a merge's rebuilt days) and for rows stored before views existed.
 */
export const fillDayViews = async (db: Kysely<Tables>, customerIds: readonly number[] | 'all'): Promise<void> => {
  if (customerIds !== 'all' && customerIds.length === 0) return;
  const pg = isPostgres(db);
  // An event's values as SQL, meta as JSON; the array as encodeEventView makes it: without trailing nulls.
  const value = (c: (typeof EVENT_VIEW_COLUMNS)[number]) => (c !== 'meta' ? sql.ref(`e.${c}`) : pg ? sql`e.meta::json` : sql`json(e.meta)`);
  const array = (n: number) => sql`${pg ? sql`json_build_array` : sql`json_array`}(${sql.join(EVENT_VIEW_COLUMNS.slice(0, n).map(value))})${pg ? sql`::text` : sql``}`;
  const cases = [];
  for (let n = EVENT_VIEW_COLUMNS.length; n > ALWAYS_SET; n--) cases.push(sql`WHEN ${sql.ref(`e.${EVENT_VIEW_COLUMNS[n - 1]}`)} IS NOT NULL THEN ${array(n)}`);
  const view = sql`CASE ${sql.join(cases, sql` `)} ELSE ${array(ALWAYS_SET)} END`;
  if (pg) {
    const which = customerIds === 'all' ? sql`` : sql`WHERE d.customer_id = ANY(${[...customerIds]}::bigint[])`;
    await sql`UPDATE customer_days d SET views = coalesce((SELECT string_agg(${view}, ',')
        FROM events e WHERE e.id = ANY(string_to_array(d.events, ',')::bigint[])), '') ${which}`.execute(db);
    return;
  }
  const which = customerIds === 'all' ? sql`` : sql`WHERE customer_id IN (SELECT value FROM json_each(${JSON.stringify(customerIds)}))`;
  await sql`UPDATE customer_days SET views = coalesce((SELECT group_concat(${view}, ',')
      FROM events e WHERE e.id IN (SELECT value FROM json_each('[' || customer_days.events || ']'))), '') ${which}`.execute(db);
};
