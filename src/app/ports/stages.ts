/** Ports of the KPI routes: stored routes, positions, transitions and what reads them. */
import type { RouteDefinition } from '../../domain/stages/route.js';

export interface StoredRoute {
  id: number;
  name: string;
  definition: RouteDefinition;
  version: number;
  updatedAt: number;
}

/** A customer's position on a route. */
export interface StageRow {
  customerId: number;
  routeId: number;
  stage: number | null;
  reached: number;
  /** When the customer entered the current stage. */
  since: number;
}

export type TransitionCause = 'event' | 'sweep' | 'rule_change' | 'merge';

export interface TransitionRow {
  customerId: number;
  routeId: number;
  from: number | null;
  to: number | null;
  at: number;
  cause: TransitionCause;
  eventId: number | null;
  rule: string | null;
}

export interface RouteStore {
  list(workspaceId: number): Promise<StoredRoute[]>;
  /** Creates the route, or replaces the one with the same name (its version goes up). */
  save(workspaceId: number, definition: RouteDefinition, now: number): Promise<StoredRoute>;
}

/** A transition as a customer's history shows it. */
export type TransitionView = Omit<TransitionRow, 'customerId'>;

export interface StageReadStore {
  /** Where the customer stands on each route, in route order. */
  positions(workspaceId: number, customerId: number): Promise<StageRow[]>;
  transitions(workspaceId: number, customerId: number): Promise<TransitionView[]>;
  /** Customers per stage (null: before the first stage) on a route, roots only. */
  counts(workspaceId: number, routeId: number): Promise<{ stage: number | null; customers: number }[]>;
  /** Every stage arrival on a route up to `until` (customers not merged away), for the funnel. */
  arrivals(workspaceId: number, routeId: number, until: number): Promise<{ customerId: number; to: number | null; at: number }[]>;
}
