/**
 * Merging and unmerging customers. A merge never rewrites the log or moves identities: it points the
 * merged customer at the target and rebuilds the target's facts from the union of their events, so
 * undoing it restores both exactly.
 */
import { rebuildState } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';
import { epochDay } from '../domain/time.js';
import { actorLabel, requirePermission, type Access } from './access.js';
import { recordAudit } from './audit.js';
import { rootOf } from './get-customer.js';
import { advanceStages, compileStoredRoutes } from './advance-stages.js';
import { stageChanged, type EventBus } from './domain-events.js';
import type { AuditStore, CustomerRecord, CustomerStore, FactRow, IngestStore, MergeStore, MergeView, RebuiltState } from './ports.js';

export interface MergeDeps {
  customers: CustomerStore;
  merges: MergeStore;
  /** Stages of the customers involved are re-evaluated after the merge (cause "merge"). */
  ingest: IngestStore;
  bus?: EventBus;
}

/** Folds events from scratch into a state, and indexes their ids by day (the timeline). */
const rebuild = (rows: FactRow[]): RebuiltState => {
  const dayEvents = new Map<number, number[]>();
  for (const r of rows) {
    const day = epochDay(r.occurredAt);
    dayEvents.set(day, [...(dayEvents.get(day) ?? []), r.id]);
  }
  return { state: rebuildState(rows.map((r) => ({ ...r, amount: r.amountWs }))), dayEvents };
};

const load = async (customers: CustomerStore, ws: number, id: number): Promise<CustomerRecord> => {
  const c = await customers.get(ws, id);
  if (c === null) throw new AppError('customer_not_found', `no customer ${id} in this workspace`);
  return c;
};

/** Merges two customers by hand: needs `mergeCustomers`; audited. */
export const mergeCustomers = async (
  deps: MergeDeps & { audit: AuditStore },
  access: Access,
  input: { targetId: number; mergedId: number; reason?: string | null },
  now: number,
): Promise<MergeView> => {
  requirePermission(access, 'mergeCustomers');
  const merge = await mergeRoots(deps, access.workspace.id, { ...input, actor: actorLabel(access.actor) }, now);
  await recordAudit(deps.audit, access, { action: 'customer.merged', target: `merge:${merge.id}`, details: { targetId: merge.targetId, mergedId: merge.mergedId, reason: merge.reason } }, now);
  return merge;
};

const mergeRoots = async (
  deps: MergeDeps,
  ws: number,
  input: { targetId: number; mergedId: number; reason?: string | null; actor: string; linkSource?: string; confidence?: number },
  now: number,
): Promise<MergeView> => {
  if (input.targetId === input.mergedId) throw new AppError('merge_conflict', 'a customer cannot be merged into itself');
  return deps.merges.transaction(ws, [input.targetId, input.mergedId], async (tx) => {
    const target = await load(tx.customers, ws, input.targetId);
    const merged = await load(tx.customers, ws, input.mergedId);
    for (const c of [target, merged]) {
      if (c.mergedInto !== null) {
        const root = await rootOf(tx.customers, ws, c);
        throw new AppError('already_merged', `customer ${c.id} is merged into customer ${root.id}; merge with ${root.id} instead`, { details: { customerId: c.id, rootId: root.id } });
      }
    }
    // Both are roots: their timelines hold every event of their groups.
    const rebuilt = rebuild(await tx.customers.factRows(ws, [target.id, merged.id]));
    const merge = await tx.recordMerge(ws, {
      targetId: target.id, mergedId: merged.id, linkSource: input.linkSource ?? 'manual', confidence: input.confidence ?? 1,
      reason: input.reason ?? null, actor: input.actor, now,
    });
    await tx.writeStates(ws, new Map([[target.id, rebuilt]]), now);
    return merge;
  }).then(async (merge) => {
    await reevaluateCustomers(deps, ws, [merge.targetId], now, false);
    return merge;
  });
};

/**
 * Merges customers a verified link joined: their roots, each into the oldest one. Customers already
 * one (the same root) are left alone.
 */
export const linkCustomers = async (
  deps: MergeDeps,
  ws: number,
  customerIds: number[],
  link: { linkSource: string; confidence: number; reason: string; actor: string },
  now: number,
): Promise<MergeView[]> => {
  const roots = new Set<number>();
  for (const id of customerIds) {
    const c = await deps.customers.get(ws, id);
    if (c !== null) roots.add((await rootOf(deps.customers, ws, c)).id);
  }
  const [target, ...others] = [...roots].sort((a, b) => a - b);
  const made: MergeView[] = [];
  for (const mergedId of others) {
    made.push(await mergeRoots(deps, ws, { targetId: target as number, mergedId, ...link }, now));
  }
  return made;
};

/** Undoes a merge, named by its id or by the customer that was merged away: needs `mergeCustomers`; audited. */
export const unmergeCustomers = async (
  deps: MergeDeps & { audit: AuditStore },
  access: Access,
  input: { mergeId?: number; customerId?: number },
  now: number,
): Promise<MergeView> => {
  requirePermission(access, 'mergeCustomers');
  const undone = await unmerge(deps, access.workspace.id, { ...input, actor: actorLabel(access.actor) }, now);
  await recordAudit(deps.audit, access, { action: 'customer.unmerged', target: `merge:${undone.id}`, details: { targetId: undone.targetId, mergedId: undone.mergedId } }, now);
  return undone;
};

const unmerge = async (
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

  const found = merge;
  const lockRoot = (await rootOf(deps.customers, ws, await load(deps.customers, ws, found.targetId))).id;
  return deps.merges.transaction(ws, [lockRoot, found.mergedId], async (tx) => {
    const current = (await tx.customers.merges(ws, [found.mergedId])).find((m) => m.id === found.id);
    const formerRoot = await rootOf(tx.customers, ws, await load(tx.customers, ws, found.targetId));
    if (current === undefined || current.undoneAt !== null || formerRoot.id !== lockRoot) {
      throw new AppError('merge_conflict', `merge ${found.id} changed while it was being undone; try again`);
    }
    // The root's timeline holds every event of its group; split off those of the merged subtree.
    const mergedGroup = new Set(await tx.customers.groupOf(ws, found.mergedId));
    const rows = await tx.customers.factRows(ws, [formerRoot.id]);
    const undone = await tx.recordUnmerge(ws, found, input.actor, now);
    await tx.writeStates(ws, new Map<number, RebuiltState>([
      [formerRoot.id, rebuild(rows.filter((r) => !mergedGroup.has(r.customerId)))],
      [found.mergedId, rebuild(rows.filter((r) => mergedGroup.has(r.customerId)))],
    ]), now);
    return undone;
  }).then(async (undone) => {
    // An undo restores what each customer's own facts say, milestones included.
    await reevaluateCustomers(deps, ws, [lockRoot, undone.mergedId], now, true);
    return undone;
  });
};

/** Moves the customers a merge changed along the routes, as of their latest event. */
const reevaluateCustomers = async (deps: MergeDeps, ws: number, ids: number[], now: number, fresh: boolean): Promise<void> => {
  const moved = await deps.ingest.ingestTransaction(ws, async (tx) => {
    const loaded = await tx.loadCustomers(ids);
    const roots = [...loaded.values()].filter((c) => c.mergedInto === null);
    return advanceStages(tx, compileStoredRoutes(await tx.routes()), roots.map((c) => ({ customerId: c.id, state: c.state, asOf: c.state.lastAt ?? now, at: now })), 'merge', now, fresh);
  });
  for (const t of moved) deps.bus?.publish(stageChanged(ws, t));
};
