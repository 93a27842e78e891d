/**
 * Merging and unmerging customers. A merge never rewrites the log or moves identities: it points the
 * merged customer at the target and rebuilds the target's facts from the union of their events, so
 * undoing it restores both exactly.
 */
import { rebuildState, type CustomerState } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';
import type { CustomerRecord, CustomerStore, MergeStore, MergeView } from './ports.js';

export interface MergeDeps {
  customers: CustomerStore;
  merges: MergeStore;
}

const stateOfGroup = async (customers: CustomerStore, ws: number, ids: number[]): Promise<CustomerState> =>
  rebuildState((await customers.factRows(ws, ids)).map((r) => ({ ...r, amount: r.amountWs })));

const rootOf = async (customers: CustomerStore, ws: number, c: CustomerRecord): Promise<CustomerRecord> => {
  let current = c;
  while (current.mergedInto !== null) {
    const next = await customers.get(ws, current.mergedInto);
    if (next === null) break;
    current = next;
  }
  return current;
};

const load = async (customers: CustomerStore, ws: number, id: number): Promise<CustomerRecord> => {
  const c = await customers.get(ws, id);
  if (c === null) throw new AppError('customer_not_found', `no customer ${id} in this workspace`);
  return c;
};

export const mergeCustomers = async (
  deps: MergeDeps,
  ws: number,
  input: { targetId: number; mergedId: number; reason?: string | null; actor: string; linkSource?: string; confidence?: number },
  now: number,
): Promise<MergeView> => {
  if (input.targetId === input.mergedId) throw new AppError('merge_conflict', 'a customer cannot be merged into itself');
  const target = await load(deps.customers, ws, input.targetId);
  const merged = await load(deps.customers, ws, input.mergedId);
  for (const c of [target, merged]) {
    if (c.mergedInto !== null) {
      const root = await rootOf(deps.customers, ws, c);
      throw new AppError('already_merged', `customer ${c.id} is merged into customer ${root.id}; merge with ${root.id} instead`, { details: { customerId: c.id, rootId: root.id } });
    }
  }
  const group = [...(await deps.customers.groupOf(ws, target.id)), ...(await deps.customers.groupOf(ws, merged.id))];
  const state = await stateOfGroup(deps.customers, ws, group);
  return deps.merges.merge(ws, {
    targetId: target.id, mergedId: merged.id, linkSource: input.linkSource ?? 'manual', confidence: input.confidence ?? 1,
    reason: input.reason ?? null, actor: input.actor, now,
  }, new Map([[target.id, state]]));
};

/** Undoes a merge, named by its id or by the customer that was merged away. */
export const unmergeCustomers = async (
  deps: MergeDeps,
  ws: number,
  input: { mergeId?: number; customerId?: number; actor: string },
  now: number,
): Promise<MergeView> => {
  let merge: MergeView | null = null;
  if (input.mergeId !== undefined) {
    merge = await deps.merges.findMerge(ws, input.mergeId);
    if (merge === null) throw new AppError('merge_not_found', `no merge ${input.mergeId} in this workspace`);
  } else if (input.customerId !== undefined) {
    const c = await load(deps.customers, ws, input.customerId);
    merge = (await deps.customers.merges(ws, [c.id])).find((m) => m.mergedId === c.id && m.undoneAt === null) ?? null;
    if (merge === null) throw new AppError('not_merged', `customer ${c.id} is not merged into anyone`);
  } else {
    throw new AppError('validation_failed', 'name a merge id or a customer id to unmerge');
  }
  if (merge.undoneAt !== null) throw new AppError('not_merged', `merge ${merge.id} was already undone`);

  const merged = await load(deps.customers, ws, merge.mergedId);
  const formerRoot = await rootOf(deps.customers, ws, await load(deps.customers, ws, merge.targetId));
  const rootGroup = (await deps.customers.groupOf(ws, formerRoot.id));
  const mergedGroup = await deps.customers.groupOf(ws, merged.id);
  const remaining = rootGroup.filter((id) => !mergedGroup.includes(id));
  const states = new Map<number, CustomerState>([
    [formerRoot.id, await stateOfGroup(deps.customers, ws, remaining)],
    [merged.id, await stateOfGroup(deps.customers, ws, mergedGroup)],
  ]);
  return deps.merges.unmerge(ws, merge, input.actor, now, states);
};
