/** Tables of the KPI routes: routes, positions and the transition log. */
import type { Generated } from 'kysely';

export interface RouteTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** JSON: RouteDefinition */
  definition: string;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface CustomerStageTable {
  customer_id: number;
  route_id: number;
  /** Index of the current stage, or null before the first. */
  stage: number | null;
  /** Bitmask of sticky stages reached. */
  reached: number;
  /** When the customer entered the current stage. */
  since: number;
}

export interface StageTransitionTable {
  id: Generated<number>;
  workspace_id: number;
  customer_id: number;
  route_id: number;
  from_stage: number | null;
  to_stage: number | null;
  /** When it happened: the event's time, or the as-of time of a sweep or recompute. */
  at: number;
  /** event, sweep, rule_change or merge */
  cause: string;
  event_id: number | null;
  /** The rule that decided it. */
  rule: string | null;
  recorded_at: number;
}
