/** Wire shapes of routes, stages and why, transitions, stage counts and the funnel. */

export type StageMode = 'sticky' | 'live';

/** A stage as people write it: the route editor's row and the wire body of a route. */
export interface StageDefinition {
  key: string;
  name: string;
  rule: string;
  mode: StageMode;
}

export interface RouteDefinition {
  name: string;
  stages: StageDefinition[];
}

export interface RouteSummary extends RouteDefinition {
  id: number;
  version: number;
  updatedAt: string;
}

/** One comparison of a rule as the customer's facts make it. */
export interface ConditionExplanation {
  /** Canonical text, e.g. `purchases >= 2`. */
  text: string;
  holds: boolean;
  /** The facts it read. */
  values: Record<string, number | boolean | null>;
  /** For a failing `>=` or `>` against a number: the gap to it (for `>`, more than that). */
  missing?: number;
}

export interface StageWhy {
  index: number;
  key: string;
  name: string;
  rule: string;
  mode: StageMode;
  /** Held because it was reached before (sticky), though its rule fails now. */
  keptFromBefore: boolean;
  explanation: { holds: boolean; conditions: ConditionExplanation[] };
}

export type TransitionCause = 'event' | 'sweep' | 'rule_change' | 'merge';

export interface StageTransition {
  routeId: number;
  /** Stage indexes; null is "not on the route". */
  from: number | null;
  to: number | null;
  at: string;
  cause: TransitionCause | (string & {});
  eventId: number | null;
  rule: string | null;
}

export interface CustomerStage {
  routeId: number;
  routeName: string;
  stages: { index: number; key: string; name: string; mode: StageMode }[];
  current: StageWhy | null;
  since: string | null;
  next: StageWhy | null;
  history: StageTransition[];
}

/**
 * A problem the route check found. `stage` is the stage's index (null or absent for the route as a
 * whole); `position`/`length` point into that stage's rule text. Schema-level problems name a path
 * in `field` instead (`stages.2.key`).
 */
export interface RouteProblem {
  stage?: number | null;
  field: string;
  message: string;
  position?: number;
  length?: number;
}

export interface RouteCheck {
  ok: boolean;
  problems: RouteProblem[];
}

export interface RouteSaved {
  route: RouteSummary;
  /** How many customers were re-evaluated and how many stage changes that made. */
  recompute: { customers: number; transitions: number };
}

export interface StageCounts {
  route: { id: number; name: string };
  /** The first entry (stage null) counts the customers not on the route yet. */
  counts: { stage: number | null; key: string | null; name: string | null; customers: number }[];
}

/** One stage of a route's funnel over a period (GET …/funnel). */
export interface FunnelStage {
  index: number;
  key: string;
  name: string;
  /** Customers who first reached this stage (or a higher one) in the period. */
  entered: number;
  /** Of those, the share (0–1) that had reached the next stage by the end; null for the last stage or when none entered. */
  conversionToNext: number | null;
  /** Median days from a customer's first contact to reaching this stage; null when none entered. */
  medianDaysToReach: number | null;
}

export interface Funnel {
  route: { id: number; name: string };
  from: string;
  to: string;
  stages: FunnelStage[];
}
