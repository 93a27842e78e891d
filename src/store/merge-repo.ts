/**
 * Merges in the store. A merge runs in one transaction that first locks the customers involved —
 * on SQLite by taking the write lock (one writer at a time), on PostgreSQL by row locks, which the
 * ingestion path also takes — so rebuilding a state from the log and writing it is atomic.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { MergeStore, MergeTx } from '../app/ports.js';
import { encodeSummary } from '../domain/customer-state.js';
import { customerRepo, toMergeView } from './customer-repo.js';
import { daysToWrite, summaryOf } from './customer-row.js';
import { fillDayViews } from './event-views.js';
import { isPostgres } from './dialect.js';
import type { Tables } from './tables.js';
import type { WriteLock } from './write-lock.js';

const lockCustomers = async (trx: Transaction<Tables>, ws: number, ids: number[]): Promise<void> => {
  if (ids.length === 0) return;
  if (isPostgres(trx)) {
    await sql`select id from customers where workspace_id = ${ws} and id in (${sql.join(ids)}) order by id for update`.execute(trx);
  } else {
    // A write as the transaction's first statement takes SQLite's write lock before anything is read.
    await trx.updateTable('customers').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('workspace_id', '=', ws).where('id', 'in', ids).execute();
  }
};

const mergeTx = (trx: Transaction<Tables>): MergeTx => ({
  customers: customerRepo(trx),
  async recordMerge(ws, input) {
    const row = await trx.insertInto('merges').values({
      workspace_id: ws, target_id: input.targetId, merged_id: input.mergedId, link_source: input.linkSource,
      confidence: input.confidence, reason: input.reason, actor: input.actor, created_at: input.now, undone_at: null, undone_by: null,
    }).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('customers').set({ merged_into: input.targetId, updated_at: input.now }).where('workspace_id', '=', ws).where('id', '=', input.mergedId).execute();
    return toMergeView(row);
  },
  async recordUnmerge(ws, merge, by, now) {
    const row = await trx.updateTable('merges').set({ undone_at: now, undone_by: by }).where('workspace_id', '=', ws).where('id', '=', merge.id).returningAll().executeTakeFirstOrThrow();
    await trx.updateTable('customers').set({ merged_into: null, updated_at: now }).where('workspace_id', '=', ws).where('id', '=', merge.mergedId).execute();
    return toMergeView(row);
  },
  async writeStates(ws, states, now) {
    for (const [id, write] of states) {
      await trx.updateTable('customers').set({ ...summaryOf(write), state: encodeSummary(write.state), updated_at: now }).where('workspace_id', '=', ws).where('id', '=', id).execute();
      await trx.deleteFrom('customer_days').where('customer_id', '=', id).execute();
      const rows = daysToWrite(write).map((d) => ({ customer_id: id, ...d }));
      for (let i = 0; i < rows.length; i += 500) await trx.insertInto('customer_days').values(rows.slice(i, i + 500)).execute();
    }
    // The rebuilt rows list their events; their views come from the log.
    await fillDayViews(trx, [...states.keys()]);
  },
});

export const mergeRepo = (db: Kysely<Tables>, writeLock: WriteLock): MergeStore => ({
  async findMerge(ws, mergeId) {
    const row = await db.selectFrom('merges').selectAll().where('workspace_id', '=', ws).where('id', '=', mergeId).executeTakeFirst();
    return row === undefined ? null : toMergeView(row);
  },
  transaction(ws, lock, fn) {
    return writeLock(() =>
      db.transaction().execute(async (trx) => {
        await lockCustomers(trx, ws, lock);
        return fn(mergeTx(trx));
      }));
  },
});
