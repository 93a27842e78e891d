/** Merges in the store: the merge record, the merged_into pointer and the new states, atomically. */
import type { Kysely, Transaction } from 'kysely';
import type { MergeStore } from '../app/ports.js';
import type { RebuiltState } from '../app/ports.js';
import { encodeSummary } from '../domain/customer-state.js';
import { daysToWrite, summaryOf } from './customer-row.js';
import { toMergeView } from './customer-repo.js';
import type { Tables } from './tables.js';

/** Replaces customers' states (summary and every day row, with its events) with rebuilt ones. */
const writeStates = async (trx: Transaction<Tables>, ws: number, states: Map<number, RebuiltState>, now: number) => {
  for (const [id, { state, dayEvents }] of states) {
    const write = { state, dayEvents };
    await trx.updateTable('customers').set({ ...summaryOf(write), state: encodeSummary(state), updated_at: now }).where('workspace_id', '=', ws).where('id', '=', id).execute();
    await trx.deleteFrom('customer_days').where('customer_id', '=', id).execute();
    const rows = daysToWrite(write).map((d) => ({ customer_id: id, ...d }));
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('customer_days').values(rows.slice(i, i + 500)).execute();
  }
};

export const mergeRepo = (db: Kysely<Tables>): MergeStore => ({
  async merge(ws, input, states) {
    return db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('merges').values({
        workspace_id: ws, target_id: input.targetId, merged_id: input.mergedId, link_source: input.linkSource,
        confidence: input.confidence, reason: input.reason, actor: input.actor, created_at: input.now, undone_at: null, undone_by: null,
      }).returningAll().executeTakeFirstOrThrow();
      await trx.updateTable('customers').set({ merged_into: input.targetId, updated_at: input.now }).where('workspace_id', '=', ws).where('id', '=', input.mergedId).execute();
      await writeStates(trx, ws, states, input.now);
      return toMergeView(row);
    });
  },
  async findMerge(ws, mergeId) {
    const row = await db.selectFrom('merges').selectAll().where('workspace_id', '=', ws).where('id', '=', mergeId).executeTakeFirst();
    return row === undefined ? null : toMergeView(row);
  },
  async unmerge(ws, merge, by, now, states) {
    return db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('merges').set({ undone_at: now, undone_by: by }).where('workspace_id', '=', ws).where('id', '=', merge.id).returningAll().executeTakeFirstOrThrow();
      await trx.updateTable('customers').set({ merged_into: null, updated_at: now }).where('workspace_id', '=', ws).where('id', '=', merge.mergedId).execute();
      await writeStates(trx, ws, states, now);
      return toMergeView(row);
    });
  },
});
