/** Reading customers: lists, one customer with identities and timeline, look-up by identity. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CustomerRecord, CustomerStore, CustomerSummary, FactRow, IdentityView, MergeView } from '../app/ports.js';
import type { CustomerState } from '../domain/customer-state.js';
import { normaliseEmail, normaliseHandle, normalisePhone } from '../domain/identity.js';
import { eventIdsOf, parseState } from './customer-row.js';
import { decodeViews, eventCount, newestFirst, oldestDayFor } from './event-views.js';
import { epochDay } from '../domain/time.js';
import { isPostgres } from './dialect.js';
import type { CustomerTable, IdentityTable, MergeTable, Tables } from './tables.js';

const SENTIMENTS = new Set(['negative', 'neutral', 'positive']);
const scoredOf = (label: string | null, score: number | null): FactRow['sentiment'] =>
  label !== null && score !== null && SENTIMENTS.has(label) ? { label: label as 'negative' | 'neutral' | 'positive', score } : null;

const followersOf = (meta: string | null): number | null => {
  const followers = parseMeta(meta)?.followers;
  return typeof followers === 'number' ? followers : null;
};

const parseMeta = (meta: string | null): Record<string, unknown> | null => {
  if (meta === null) return null;
  const value: unknown = JSON.parse(meta);
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
};

export const toIdentityView = (r: Selectable<IdentityTable>): IdentityView => ({
  id: r.id, customerId: r.customer_id, kind: r.kind, externalId: r.external_id, handle: r.handle,
  verified: r.verified === 1, linkSource: r.link_source, confidence: r.confidence, createdAt: r.created_at,
});

/** The columns of a customer's summary, for lists and a customer's page. */
export const SUMMARY_COLUMNS = ['id', 'display_name', 'email', 'phone', 'events_count', 'interactions', 'purchases', 'spend_total', 'first_seen_at', 'last_seen_at'] as const;

export type SummaryRow = Pick<Selectable<CustomerTable>, (typeof SUMMARY_COLUMNS)[number]>;

export const toSummary = (r: SummaryRow, channels: string[]): CustomerSummary => ({
  id: r.id, displayName: r.display_name, email: r.email, phone: r.phone, channels,
  eventsCount: r.events_count, interactions: r.interactions, purchases: r.purchases, spendTotal: r.spend_total,
  firstSeenAt: r.first_seen_at, lastSeenAt: r.last_seen_at,
});

export const toCustomerRecord = (r: SummaryRow & Pick<Selectable<CustomerTable>, 'merged_into'>, channels: string[], state: CustomerState): CustomerRecord =>
  ({ ...toSummary(r, channels), mergedInto: r.merged_into, state });

export const toMergeView = (r: Selectable<MergeTable>): MergeView => ({
  id: r.id, targetId: r.target_id, mergedId: r.merged_id, linkSource: r.link_source, confidence: r.confidence,
  reason: r.reason, actor: r.actor, createdAt: r.created_at, undoneAt: r.undone_at, undoneBy: r.undone_by,
});

/**
 * Workspace totals (customers in the list, the dashboard's counts) remembered between requests on SQLite, until anything
 * is written: another connection's commits move data_version, this connection's own writes move
 * total_changes(). PostgreSQL counts every time (no such cheap signal).
 */
const totalsCache = (db: Kysely<Tables>) => {
  const pg = isPostgres(db);
  const cached = new Map<string, { version: string; total: unknown }>();
  return {
    async get<T>(key: string, count: () => Promise<T>): Promise<T> {
      if (pg) return count();
      const row = (await sql<{ v: number; c: number }>`SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS c`.execute(db)).rows[0];
      const version = `${row?.v}:${row?.c}`;
      const hit = cached.get(key);
      if (hit !== undefined && hit.version === version) return hit.total as T;
      const total = await count();
      cached.set(key, { version, total });
      return total;
    },
  };
};

export const customerRepo = (db: Kysely<Tables>): CustomerStore => {
  const totals = totalsCache(db);
  const channelsOf = async (ids: number[]): Promise<Map<number, string[]>> => {
    const out = new Map<number, string[]>();
    if (ids.length === 0) return out;
    const rows = await db.selectFrom('identities').select(['customer_id', 'kind']).distinct().where('customer_id', 'in', ids).execute();
    for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.kind].sort());
    return out;
  };

  return {
    async list(ws, { q, limit, offset }) {
      let query = db.selectFrom('customers').where('workspace_id', '=', ws).where('merged_into', 'is', null);
      if (q !== null && q.trim() !== '') {
        const like = `%${q.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        const handle = normaliseHandle(q);
        query = query.where((eb) => eb.or([
          eb(sql`lower(display_name)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(email)`, 'like', sql`${like} escape '\\'`),
          eb(sql`phone`, 'like', sql`${like} escape '\\'`),
          eb('id', 'in', eb.selectFrom('identities').select('customer_id').where('workspace_id', '=', ws)
            .where((i) => i.or([i('handle_key', '=', handle), i('external_id', '=', q.trim())]))),
        ]));
      }
      const countQuery = query.select((eb) => eb.fn.countAll<number>().as('total'));
      const count = async () => Number(((await countQuery.execute()) as [{ total: number }])[0].total);
      // The unfiltered total is a count over every customer: kept until the data changes.
      const total = q !== null && q.trim() !== '' ? await count() : await totals.get(`list:${ws}`, count);
      const rows = await query.select(SUMMARY_COLUMNS).orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute();
      const channels = await channelsOf(rows.map((r) => r.id));
      return {
        total,
        items: rows.map((r) => toSummary(r, channels.get(r.id) ?? [])),
      };
    },

    async get(ws, id) {
      const r = await db.selectFrom('customers').select([...SUMMARY_COLUMNS, 'merged_into', 'state']).where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
      if (r === undefined) return null;
      const channels = await channelsOf([r.id]);
      const days = await db.selectFrom('customer_days').select(['day', 'bucket', 'extra']).where('customer_id', '=', r.id).execute();
      return toCustomerRecord(r, channels.get(r.id) ?? [], parseState(r.state, days, r.id));
    },

    async findByTerm(ws, term) {
      const t = term.trim();
      const ids = new Set<number>();
      if (/^\d+$/.test(t)) {
        const byId = await db.selectFrom('customers').select('id').where('workspace_id', '=', ws).where('id', '=', Number(t)).executeTakeFirst();
        if (byId) ids.add(byId.id);
      }
      const rows = await db.selectFrom('identities').select('customer_id').where('workspace_id', '=', ws)
        .where((eb) => eb.or([
          eb('external_id', '=', t),
          eb.and([eb('kind', '=', 'email'), eb('external_id', '=', normaliseEmail(t))]),
          eb.and([eb('kind', '=', 'phone'), eb('external_id', '=', normalisePhone(t))]),
          eb('handle_key', '=', normaliseHandle(t)),
        ])).execute();
      for (const r of rows) ids.add(r.customer_id);
      return [...ids];
    },

    async identitiesOf(ws, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await db.selectFrom('identities').selectAll().where('workspace_id', '=', ws).where('customer_id', 'in', customerIds).orderBy('id').execute();
      return rows.map(toIdentityView);
    },

    async timeline(ws, customerId, { before, beforeId, limit }) {
      // The customer's day rows newest first, whole days until the page is full (events within a
      // day are not in time order): their ids to count, then the views of the days needed.
      const days = db.selectFrom('customer_days').select(['day', 'events']).where('customer_id', '=', customerId)
        .where((eb) => eb.exists(eb.selectFrom('customers').select('id').where('id', '=', customerId).where('workspace_id', '=', ws)));
      const rows = await (before === null ? days : days.where('day', '<=', epochDay(before))).orderBy('day', 'desc').execute();
      // Past the cursor's own day (filtered below), a page needs `limit` more events.
      const wanted = limit + (before === null || rows[0] === undefined ? 0 : eventCount(rows[0].events));
      const oldest = oldestDayFor(rows, wanted);
      if (oldest === null) return [];
      const views = await db.selectFrom('customer_days').select('views').where('customer_id', '=', customerId)
        .where('day', '>=', oldest).where('day', '<=', rows[0]!.day).execute();
      return decodeViews(views.map((v) => v.views))
        .filter((e) => before === null || e.occurredAt < before || (e.occurredAt === before && beforeId !== null && e.id < beforeId))
        .sort(newestFirst).slice(0, limit);
    },

    async groupOf(ws, rootId) {
      const group = [rootId];
      for (let frontier = [rootId]; frontier.length > 0;) {
        const rows = await db.selectFrom('customers').select('id').where('workspace_id', '=', ws).where('merged_into', 'in', frontier).execute();
        frontier = rows.map((r) => r.id).filter((id) => !group.includes(id));
        group.push(...frontier);
      }
      return group;
    },

    async factRows(ws, customerIds) {
      if (customerIds.length === 0) return [];
      const days = await db.selectFrom('customer_days').select('events').where('customer_id', 'in', customerIds).execute();
      const ids = days.flatMap((d) => eventIdsOf(d.events));
      const out: FactRow[] = [];
      for (let i = 0; i < ids.length; i += 500) {
        const rows = await db.selectFrom('events').select(['id', 'workspace_id', 'customer_id', 'kind', 'direction', 'occurred_at', 'amount_ws', 'order_id', 'source', 'source_id', 'meta', 'sentiment', 'sentiment_score'])
          .where('id', 'in', ids.slice(i, i + 500)).execute();
        for (const r of rows) {
          if (r.workspace_id !== ws) continue;
          out.push({
            id: r.id, customerId: r.customer_id, kind: r.kind, direction: r.direction === 'out' ? 'out' : 'in', occurredAt: r.occurred_at,
            amountWs: r.amount_ws, orderKey: r.order_id ?? `${r.source}:${r.source_id}`, followers: followersOf(r.meta),
            sentiment: scoredOf(r.sentiment, r.sentiment_score),
          });
        }
      }
      return out;
    },

    async merges(ws, customerIds) {
      if (customerIds.length === 0) return [];
      const rows = await db.selectFrom('merges').selectAll().where('workspace_id', '=', ws)
        .where((eb) => eb.or([eb('target_id', 'in', customerIds), eb('merged_id', 'in', customerIds)])).orderBy('id', 'desc').execute();
      return rows.map(toMergeView);
    },

    async count(ws) {
      // Every event counts in exactly one customer that is not merged away (a merge folds the merged
      // customer's events into the root's count), so one pass over customers counts both, instead
      // of a scan of the whole event log.
      return totals.get(`count:${ws}`, async () => {
        const r = await db.selectFrom('customers')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('events_count').as('e')])
          .where('workspace_id', '=', ws).where('merged_into', 'is', null).executeTakeFirstOrThrow();
        return { customers: Number(r.n), events: Number(r.e ?? 0) };
      });
    },
  };
};
