/**
 * Webhooks and their durable outbox. Deliveries are derived from stage_transitions (a cursor per
 * webhook, moved in the same transaction that inserts the deliveries) and claimed with a lease, so
 * two dispatchers never send the same delivery at the same time: on PostgreSQL with
 * `FOR UPDATE SKIP LOCKED`, on SQLite by the single writer's atomic UPDATE … RETURNING.
 *
 * Why the cursor never skips a transition: on SQLite writers take turns, so ids commit in order. On
 * PostgreSQL they do not — a long batch can take id 10 and commit after another batch committed
 * id 11 — so the outbox only reads up to a horizon no uncommitted id can be below (postgresHorizon).
 * While a writer is mid-transaction a round reads nothing; the next one (woken by that commit, or
 * 5 s later) catches up.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { AttemptView, ClaimedDelivery, DeliveryStatus, DeliveryView, OutboxTransition, StoredWebhook, TransitionCause, WebhookStore } from '../app/ports.js';
import { isPostgres } from './dialect.js';
import type { Tables, WebhookDeliveryTable, WebhookTable } from './tables.js';
import type { WriteLock } from './write-lock.js';

const EventsSchema = z.array(z.string().max(100)).max(50);

const toWebhook = (r: Selectable<WebhookTable>): StoredWebhook => ({
  id: r.id, workspaceId: r.workspace_id, url: r.url, secret: r.secret, events: EventsSchema.parse(JSON.parse(r.events)),
  active: r.active === 1, description: r.description, createdBy: r.created_by, createdAt: r.created_at, updatedAt: r.updated_at,
  cursor: Number(r.last_transition_id),
});

const toDelivery = (r: Selectable<WebhookDeliveryTable>): DeliveryView => ({
  id: r.id, webhookId: r.webhook_id, eventType: r.event_type, eventKey: r.event_key, payload: r.payload, attempts: r.attempts,
  status: r.status as DeliveryStatus, nextAttemptAt: r.next_attempt_at, lastStatus: r.last_status, lastError: r.last_error,
  createdAt: r.created_at, deliveredAt: r.delivered_at,
});

type Db = Kysely<Tables>;

/**
 * The cursor of "now": the workspace's latest transition (not the table's: on SQLite ids above the
 * workspace's own can be reused after another workspace's rows are deleted).
 */
const presentCursor = async (db: Db, workspaceId: number): Promise<number> => {
  const row = await db.selectFrom('stage_transitions').select((eb) => eb.fn.max('id').as('max')).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return Number(row?.max ?? 0);
};

/**
 * PostgreSQL: the highest id below which every transition is committed or gone, or null while a
 * writer is mid-transaction. Read in this order: the sequence's last id first, then whether anyone
 * holds a write lock on the table — a writer draws its ids after taking that lock and keeps it to
 * its commit, so if nobody holds it now, every id up to the one read is final, and later inserts
 * draw higher ones. (No lock is taken: writers and autovacuum are never held up.)
 */
const postgresHorizon = async (db: Db): Promise<number | null> => {
  const { rows: last } = await sql<{ id: string | null }>`
    SELECT pg_sequence_last_value(pg_get_serial_sequence('stage_transitions', 'id')::regclass) AS id`.execute(db);
  const { rows: busy } = await sql<{ busy: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM pg_locks
      WHERE locktype = 'relation' AND relation = 'stage_transitions'::regclass
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
        AND mode IN ('RowExclusiveLock', 'ShareRowExclusiveLock', 'ExclusiveLock', 'AccessExclusiveLock')
        AND granted AND pid IS DISTINCT FROM pg_backend_pid()
    ) AS busy`.execute(db);
  return busy[0]?.busy === true ? null : Number(last[0]?.id ?? 0);
};

interface TransitionSqlRow {
  id: number;
  customer_id: number;
  route_id: number;
  from_stage: number | null;
  to_stage: number | null;
  at: number;
  cause: string;
  event_id: number | null;
  rule: string | null;
  recorded_at: number;
}

const toOutbox = (r: TransitionSqlRow): OutboxTransition => ({
  id: Number(r.id), customerId: Number(r.customer_id), routeId: Number(r.route_id), from: r.from_stage, to: r.to_stage, at: Number(r.at),
  cause: r.cause as TransitionCause, eventId: r.event_id === null ? null : Number(r.event_id), rule: r.rule, recordedAt: Number(r.recorded_at),
});

export const webhookRepo = (db: Db, writeLock: WriteLock): WebhookStore => {
  const pg = isPostgres(db);
  const write = <T>(fn: (trx: Db) => Promise<T>): Promise<T> => writeLock(() => db.transaction().execute(fn));

  return {
    async create(input) {
      return write(async (trx) => {
        // Written before anything is read: on SQLite the first write takes the lock.
        const { id } = await trx.insertInto('webhooks').values({
          workspace_id: input.workspaceId, url: input.url, secret: input.secret, events: JSON.stringify(input.events), active: 1,
          description: input.description, created_by: input.createdBy, created_at: input.now, updated_at: input.now, last_transition_id: 0,
        }).returning('id').executeTakeFirstOrThrow();
        const cursor = await presentCursor(trx, input.workspaceId);
        const row = await trx.updateTable('webhooks').set({ last_transition_id: cursor }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        return toWebhook(row);
      });
    },

    async list(ws) {
      return (await db.selectFrom('webhooks').selectAll().where('workspace_id', '=', ws).orderBy('id').execute()).map(toWebhook);
    },

    async get(ws, id) {
      const row = await db.selectFrom('webhooks').selectAll().where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toWebhook(row);
    },

    async update(ws, id, patch, now) {
      return write(async (trx) => {
        const touched = await trx.updateTable('webhooks').set({ updated_at: now }).where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
        if (Number(touched.numUpdatedRows) === 0) return null;
        const current = await trx.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
        const events = patch.events === undefined ? undefined : JSON.stringify(patch.events);
        const active = patch.active === undefined ? undefined : patch.active ? 1 : 0;
        // Paused, or not subscribed: what happened meanwhile is not sent later.
        const restart = (active !== undefined && active !== current.active) || (events !== undefined && events !== current.events);
        const cursor = restart ? await presentCursor(trx, ws) : null;
        const row = await trx.updateTable('webhooks').set({
          url: patch.url, events, active, description: patch.description, secret: patch.secret, updated_at: now,
          ...(cursor === null ? {} : { last_transition_id: cursor }),
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        return toWebhook(row);
      });
    },

    async remove(ws, id) {
      return write(async (trx) => {
        const gone = await trx.deleteFrom('webhooks').where('workspace_id', '=', ws).where('id', '=', id).executeTakeFirst();
        if (Number(gone.numDeletedRows) === 0) return false;
        await trx.deleteFrom('webhook_attempts').where('delivery_id', 'in', trx.selectFrom('webhook_deliveries').select('id').where('webhook_id', '=', id)).execute();
        await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
        return true;
      });
    },

    async deliveries(ws, webhookId, page) {
      let q = db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', ws).where('webhook_id', '=', webhookId);
      if (page.status !== null) q = q.where('status', '=', page.status);
      if (page.beforeId !== null) q = q.where('id', '<', page.beforeId);
      return (await q.orderBy('id', 'desc').limit(page.limit).execute()).map(toDelivery);
    },

    async getDelivery(ws, webhookId, deliveryId) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('workspace_id', '=', ws).where('webhook_id', '=', webhookId).where('id', '=', deliveryId).executeTakeFirst();
      return row === undefined ? null : toDelivery(row);
    },

    async deliveryByKey(webhookId, eventKey) {
      const row = await db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId).where('event_key', '=', eventKey).executeTakeFirst();
      return row === undefined ? null : toDelivery(row);
    },

    async attempts(ids) {
      const out = new Map<number, AttemptView[]>(ids.map((id) => [id, []]));
      if (ids.length === 0) return out;
      const rows = await db.selectFrom('webhook_attempts').selectAll().where('delivery_id', 'in', ids).orderBy('delivery_id').orderBy('attempt').execute();
      for (const r of rows) {
        out.get(r.delivery_id)?.push({ attempt: r.attempt, at: r.at, durationMs: r.duration_ms, responseStatus: r.response_status, error: r.error, nextAttemptAt: r.next_attempt_at });
      }
      return out;
    },

    async subscribed(eventType) {
      const rows = await db.selectFrom('webhooks').selectAll().where('active', '=', 1).orderBy('id').execute();
      return rows.map(toWebhook).filter((h) => h.events.includes(eventType));
    },

    async transitionsAfter(hook, limit) {
      const horizon = pg ? await postgresHorizon(db) : null;
      if (pg && (horizon === null || horizon <= hook.cursor)) return { rows: [], next: hook.cursor };
      const { rows } = await sql<TransitionSqlRow>`
        SELECT id, customer_id, route_id, from_stage, to_stage, at, cause, event_id, rule, recorded_at FROM stage_transitions
        WHERE workspace_id = ${hook.workspaceId} AND id > ${hook.cursor} ${horizon === null ? sql`` : sql`AND id <= ${horizon}`}
        ORDER BY id LIMIT ${limit}`.execute(db);
      const last = rows[rows.length - 1];
      return { rows: rows.map(toOutbox), next: last === undefined ? hook.cursor : Number(last.id) };
    },

    async enqueue(hook, move, deliveries, now) {
      return write(async (trx) => {
        // The cursor moves first: on SQLite a write takes the lock; on PostgreSQL the row lock
        // makes a second dispatcher wait here, then find the cursor moved and back off.
        if (move !== null) {
          const moved = await trx.updateTable('webhooks').set({ last_transition_id: move.to })
            .where('id', '=', hook.id).where('last_transition_id', '=', move.from).executeTakeFirst();
          if (Number(moved.numUpdatedRows) === 0) return false;
        }
        for (let i = 0; i < deliveries.length; i += 500) {
          await trx.insertInto('webhook_deliveries').values(deliveries.slice(i, i + 500).map((d) => ({
            workspace_id: hook.workspaceId, webhook_id: hook.id, event_type: d.eventType, event_key: d.eventKey, payload: d.payload,
            attempts: 0, status: 'pending', next_attempt_at: d.nextAttemptAt, locked_until: null, lock_token: null, last_status: null,
            last_error: null, created_at: now, delivered_at: null,
          }))).onConflict((oc) => oc.columns(['webhook_id', 'event_key']).doNothing()).execute();
        }
        return true;
      });
    },

    async claim(now, limit, leaseMs, deliveryId) {
      const token = randomUUID();
      const only = deliveryId === undefined ? sql`` : sql`AND d.id = ${deliveryId}`;
      const due = sql`
        SELECT d.id FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= ${now} AND (d.locked_until IS NULL OR d.locked_until <= ${now}) AND w.active = 1 ${only}
        ORDER BY d.next_attempt_at, d.id LIMIT ${limit}`;
      // A read first: an idle round writes nothing, so it never waits for (or, on SQLite, blocks
      // behind) another process's write transaction, nor drops the ingestion caches.
      const { rows: any } = await sql<{ id: number }>`${due}`.execute(db);
      if (any.length === 0) return [];
      const claimed = await writeLock(async () => {
        // On PostgreSQL the due rows are locked and materialised first: as `IN (subquery)` the
        // planner may rescan the subquery and take more than `limit`.
        const { rows } = pg
          ? await sql<Selectable<WebhookDeliveryTable>>`
              WITH due AS MATERIALIZED (${due} FOR UPDATE OF d SKIP LOCKED)
              UPDATE webhook_deliveries SET locked_until = ${now + leaseMs}, lock_token = ${token}
              FROM due WHERE webhook_deliveries.id = due.id
              RETURNING webhook_deliveries.*`.execute(db)
          : await sql<Selectable<WebhookDeliveryTable>>`
              UPDATE webhook_deliveries SET locked_until = ${now + leaseMs}, lock_token = ${token}
              WHERE id IN (${due}) RETURNING *`.execute(db);
        return rows;
      });
      if (claimed.length === 0) return [];
      const hooks = await db.selectFrom('webhooks').select(['id', 'url', 'secret']).where('id', 'in', [...new Set(claimed.map((r) => r.webhook_id))]).execute();
      const hookOf = new Map(hooks.map((h) => [h.id, h]));
      return claimed
        .filter((r) => hookOf.has(r.webhook_id))
        .sort((a, b) => Number(a.next_attempt_at) - Number(b.next_attempt_at) || a.id - b.id)
        .map((r): ClaimedDelivery => ({ delivery: toDelivery(r), webhook: hookOf.get(r.webhook_id)!, token }));
    },

    async recordAttempt(claim, a) {
      return write(async (trx) => {
        const d = claim.delivery;
        const updated = await trx.updateTable('webhook_deliveries').set((eb) => ({
          attempts: eb('attempts', '+', 1), status: a.status, next_attempt_at: a.nextAttemptAt, last_status: a.responseStatus,
          last_error: a.error, delivered_at: a.status === 'delivered' ? a.at : eb.ref('delivered_at'), locked_until: null, lock_token: null,
        })).where('id', '=', d.id).where('lock_token', '=', claim.token).returning(['attempts', 'workspace_id']).executeTakeFirst();
        if (updated === undefined) return false;
        await trx.insertInto('webhook_attempts').values({
          workspace_id: updated.workspace_id,
          delivery_id: d.id, attempt: updated.attempts, at: a.at, duration_ms: Math.round(a.durationMs), response_status: a.responseStatus,
          error: a.error, next_attempt_at: a.nextAttemptAt,
        }).execute();
        return true;
      });
    },

    async retry(ws, webhookId, deliveryId, now) {
      return write(async (trx) => {
        const row = await trx.updateTable('webhook_deliveries').set({ status: 'pending', next_attempt_at: now })
          .where('workspace_id', '=', ws).where('webhook_id', '=', webhookId).where('id', '=', deliveryId).returningAll().executeTakeFirst();
        return row === undefined ? null : toDelivery(row);
      });
    },
  };
};
