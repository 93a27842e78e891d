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
import { compileRoute, type CompiledRoute, type RouteDefinition } from '../domain/stages/route.js';
import type { IngestTx, StageRow, StageSubject, StoredRoute, TransitionCause, TransitionRow } from './ports.js';

export interface RouteInUse {
  id: number;
  route: CompiledRoute;
}

/**
 * Compiled routes by definition object: stored definitions are shared per stored text
 * (parseStoredRoute), so a route is compiled once, not on every batch or page view, and no key is
 * built per call. A definition made elsewhere compiles once and goes with its object.
 */
const compiled = new WeakMap<RouteDefinition, CompiledRoute>();

/** Compiles the stored routes (they were checked when saved). */
export const compileStoredRoutes = (routes: StoredRoute[]): RouteInUse[] =>
  routes.map((r) => {
    let route = compiled.get(r.definition);
    if (route === undefined) {
      const result = compileRoute(r.definition);
      if (!result.ok) throw new AppError('internal_error', `route "${r.name}" no longer compiles: ${result.problems[0]?.message}`);
      compiled.set(r.definition, (route = result.route));
    }
    return { id: r.id, route };
  });

/** The facts the routes' rules read: a stage evaluation computes only these windowed sums. */
export const stageFactPlan = (routes: RouteInUse[]): FactPlan =>
  planFor(routes.flatMap((r) => r.route.stages.flatMap((s) => s.compiled.facts)));

/**
 * Follows customers along the routes one moment at a time (`at`), keeping positions in memory, and
 * writes what changed at the end (`finish`). Positions are loaded once, up front.
 */
/** Where a tracker reads positions from and writes what changed to: a transaction, or a collector. */
export type StageWriter = Pick<IngestTx, 'loadStages' | 'saveStages' | 'insertTransitions'>;

export const trackStages = async (
  tx: StageWriter,
  routes: RouteInUse[],
  customerIds: number[],
  cause: TransitionCause,
  opts: { fresh?: boolean; positions?: StageRow[] } = {},
) => {
  const fresh = opts.fresh ?? false;
  // Keyed by customer and route index as one number: this runs for every customer of a rule change.
  const keyOf = (customerId: number, r: number) => customerId * routes.length + r;
  const routeIndex = new Map(routes.map((r, i) => [r.id, i]));
  const positions = new Map<number, StageRow>();
  const changed = new Set<number>();
  const transitions: TransitionRow[] = [];
  const started = new Set<number>();
  if (routes.length > 0) {
    for (const row of opts.positions ?? (await tx.loadStages(customerIds))) {
      const r = routeIndex.get(row.routeId);
      if (r !== undefined) positions.set(keyOf(row.customerId, r), row);
    }
  }
  return {
    /** Evaluates every route for the customer with the facts of this moment. */
    at(customerId: number, facts: Facts, at: number, eventId: number | null): void {
      const first = fresh && !started.has(customerId);
      if (first) started.add(customerId);
      for (let r = 0; r < routes.length; r++) {
        const { id: routeId, route } = routes[r]!;
        const key = keyOf(customerId, r);
        let position = positions.get(key);
        if (position === undefined) {
          position = { customerId, routeId, ...NO_POSITION, since: at };
          positions.set(key, position);
          changed.add(key);
        }
        const next = evaluateRoute(route, facts, first ? NO_POSITION : position);
        if (isSamePosition(position, next)) continue;
        changed.add(key);
        const moved = next.stage !== position.stage;
        if (moved) {
          // The rule that decided it: the new stage's, or (falling back) the one that stopped holding.
          const decisive = route.stages[next.stage ?? (position.stage as number)];
          transitions.push({ customerId, routeId, from: position.stage, to: next.stage, at, cause, eventId, rule: decisive?.rule ?? null });
        }
        positions.set(key, { ...position, stage: next.stage, reached: next.reached, since: moved ? at : position.since });
      }
    },
    async finish(now: number): Promise<TransitionRow[]> {
      await tx.saveStages([...changed].map((key) => positions.get(key) as StageRow));
      await tx.insertTransitions(transitions, now);
      return transitions;
    },
  };
};

/** Evaluates each customer once, as of `asOf` (sweeps, rule changes, merges). */
export const advanceStages = async (
  tx: IngestTx,
  routes: RouteInUse[],
  subjects: { customerId: number; state: CustomerState; asOf: number; at?: number }[],
  cause: TransitionCause,
  now: number,
  /** Forget milestones reached before and derive them again from the facts (after an unmerge). */
  fresh = false,
): Promise<TransitionRow[]> => {
  if (routes.length === 0 || subjects.length === 0) return [];
  const plan = stageFactPlan(routes);
  const tracker = await trackStages(tx, routes, subjects.map((s) => s.customerId), cause, { fresh });
  for (const s of subjects) tracker.at(s.customerId, factsAsOf(s.state, s.asOf, plan), s.at ?? s.asOf, null);
  return tracker.finish(now);
};

/**
 * Evaluates a page of customers as of `asOf` with the positions they came with, and answers what
 * changed, without writing it: what a stage worker sends back to the thread that writes.
 */
export const evaluateSubjects = async (
  routes: RouteInUse[],
  subjects: StageSubject[],
  asOf: number,
  cause: TransitionCause,
): Promise<{ changed: StageRow[]; transitions: TransitionRow[] }> => {
  const out = { changed: [] as StageRow[], transitions: [] as TransitionRow[] };
  const collector: StageWriter = {
    loadStages: async () => [],
    saveStages: async (rows) => void out.changed.push(...rows),
    insertTransitions: async (rows) => void out.transitions.push(...rows),
  };
  const plan = stageFactPlan(routes);
  const tracker = await trackStages(collector, routes, subjects.map((c) => c.id), cause, { positions: subjects.flatMap((c) => c.positions) });
  for (const c of subjects) tracker.at(c.id, factsAsOf(c.state, asOf, plan), asOf, null);
  await tracker.finish(0);
  return out;
};
