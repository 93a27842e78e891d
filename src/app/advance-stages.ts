/**
 * Moves customers along the workspace's routes: evaluates each route for each customer given as of
 * a time, stores positions that changed and records every stage change as a transition (with the
 * event, sweep or rule change that caused it, and the rule that decided it). Runs inside the
 * ingestion transaction, so a stage never disagrees with the facts it came from.
 */
import type { CustomerState } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';
import { factsAsOf, planFor, type FactPlan, type Facts } from '../domain/facts.js';
import { evaluateRoute, isSamePosition, NO_POSITION } from '../domain/stages/evaluate.js';
import { compileRoute, type CompiledRoute } from '../domain/stages/route.js';
import type { IngestTx, StageRow, StoredRoute, TransitionCause, TransitionRow } from './ports.js';

export interface RouteInUse {
  id: number;
  route: CompiledRoute;
}

/** Compiles the stored routes (they were checked when saved). */
export const compileStoredRoutes = (routes: StoredRoute[]): RouteInUse[] =>
  routes.map((r) => {
    const compiled = compileRoute(r.definition);
    if (!compiled.ok) throw new AppError('internal_error', `route "${r.name}" no longer compiles: ${compiled.problems[0]?.message}`);
    return { id: r.id, route: compiled.route };
  });

/** The facts the routes' rules read: a stage evaluation computes only these windowed sums. */
export const stageFactPlan = (routes: RouteInUse[]): FactPlan =>
  planFor(routes.flatMap((r) => r.route.stages.flatMap((s) => s.compiled.facts)));

/** One moment at which a customer's stage is evaluated: the facts then, when, and the event. */
export interface Checkpoint {
  facts: Facts;
  at: number;
  eventId: number | null;
}

export const checkpointOf = (state: CustomerState, asOf: number, plan: FactPlan, eventId: number | null = null, at = asOf): Checkpoint =>
  ({ facts: factsAsOf(state, asOf, plan), at, eventId });

export interface StageSubject {
  customerId: number;
  /** In time order; a transition is recorded at each checkpoint where the stage changes. */
  checkpoints: Checkpoint[];
}

export const advanceStages = async (
  tx: IngestTx,
  routes: RouteInUse[],
  subjects: StageSubject[],
  cause: TransitionCause,
  now: number,
  /** Forget milestones reached before and derive them again from the facts (after an unmerge). */
  fresh = false,
): Promise<TransitionRow[]> => {
  if (routes.length === 0 || subjects.length === 0) return [];
  const stored = new Map<string, StageRow>();
  for (const row of await tx.loadStages(subjects.map((s) => s.customerId))) stored.set(`${row.customerId}:${row.routeId}`, row);

  const changed: StageRow[] = [];
  const transitions: TransitionRow[] = [];
  for (const subject of subjects) {
    if (subject.checkpoints.length === 0) continue;
    for (const { id: routeId, route } of routes) {
      const before = stored.get(`${subject.customerId}:${routeId}`);
      let position = before ?? { customerId: subject.customerId, routeId, ...NO_POSITION, since: subject.checkpoints[0]!.at };
      let dirty = before === undefined;
      subject.checkpoints.forEach((checkpoint, k) => {
        const next = evaluateRoute(route, checkpoint.facts, fresh && k === 0 ? NO_POSITION : position);
        if (isSamePosition(position, next)) return;
        dirty = true;
        const moved = next.stage !== position.stage;
        if (moved) {
          // The rule that decided it: the new stage's, or (falling back) the one that stopped holding.
          const decisive = route.stages[next.stage ?? (position.stage as number)];
          transitions.push({
            customerId: subject.customerId, routeId, from: position.stage, to: next.stage, at: checkpoint.at, cause,
            eventId: checkpoint.eventId, rule: decisive?.rule ?? null,
          });
        }
        position = { ...position, stage: next.stage, reached: next.reached, since: moved ? checkpoint.at : position.since };
      });
      if (dirty) changed.push(position);
    }
  }
  await tx.saveStages(changed);
  await tx.insertTransitions(transitions, now);
  return transitions;
};
