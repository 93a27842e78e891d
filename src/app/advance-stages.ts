/**
 * Moves customers along the workspace's routes: evaluates each route for each customer given as of
 * a time, stores positions that changed and records every stage change as a transition (with the
 * event, sweep or rule change that caused it, and the rule that decided it). Runs inside the
 * ingestion transaction, so a stage never disagrees with the facts it came from.
 */
import type { CustomerState } from '../domain/customer-state.js';
import { AppError } from '../domain/errors.js';
import { factsAsOf, planFor } from '../domain/facts.js';
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

export interface StageSubject {
  customerId: number;
  state: CustomerState;
  asOf: number;
  /** When the move happened, if not at `asOf` (a merge moves a customer when it is made). */
  at?: number;
  /** The event that caused the evaluation, if one did. */
  eventId: number | null;
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

  const plan = planFor(routes.flatMap((r) => r.route.stages.flatMap((s) => s.compiled.facts)));
  const changed: StageRow[] = [];
  const transitions: TransitionRow[] = [];
  for (const subject of subjects) {
    const facts = factsAsOf(subject.state, subject.asOf, plan);
    for (const { id: routeId, route } of routes) {
      const before = stored.get(`${subject.customerId}:${routeId}`);
      const previous = before ?? { ...NO_POSITION, since: subject.asOf };
      const next = evaluateRoute(route, facts, fresh ? NO_POSITION : previous);
      if (before !== undefined && isSamePosition(previous, next)) continue;
      const moved = next.stage !== previous.stage;
      const at = subject.at ?? subject.asOf;
      changed.push({ customerId: subject.customerId, routeId, stage: next.stage, reached: next.reached, since: moved ? at : previous.since });
      if (!moved) continue;
      // The rule that decided it: the new stage's, or (falling back) the one that stopped holding.
      const decisive = route.stages[next.stage ?? (previous.stage as number)];
      transitions.push({
        customerId: subject.customerId, routeId, from: previous.stage, to: next.stage, at, cause,
        eventId: subject.eventId, rule: decisive?.rule ?? null,
      });
    }
  }
  await tx.saveStages(changed);
  await tx.insertTransitions(transitions, now);
  return transitions;
};
