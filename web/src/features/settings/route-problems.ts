/**
 * The route check's problems, placed where people fix them: beside a stage's name, key or rule, or
 * above the table for the route as a whole; and a rule split around the part a problem points at.
 */
import type { RouteProblem } from '../../api/types.js';

export interface PlacedProblem {
  /** `name`, `key`, `rule`, `mode`, or another field the server named. */
  field: string;
  message: string;
  position?: number;
  length?: number;
  /**
   * Found by the request schema (no stage index, a path instead). The server reports those alone,
   * before it checks the rules; from this editor they mean an empty name or key.
   */
  schema?: boolean;
}

export interface PlacedProblems {
  /** About the route as a whole: its name, its number of stages. */
  route: PlacedProblem[];
  /** By stage index. */
  stages: Map<number, PlacedProblem[]>;
}

// Messages beside a stage need not repeat which stage ("stage 5: unknown fact …").
const STAGE_PREFIX = /^stage \d+:\s*/;
// Schema problems name a path: `stages.2.key`.
const STAGE_PATH = /^stages\.(\d+)(?:\.(\w+))?/;

export const placeProblems = (problems: readonly RouteProblem[]): PlacedProblems => {
  const placed: PlacedProblems = { route: [], stages: new Map() };
  for (const p of problems) {
    const path = STAGE_PATH.exec(p.field);
    const stage = typeof p.stage === 'number' ? p.stage : path ? Number(path[1]) : null;
    const field = typeof p.stage === 'number' ? p.field : path ? (path[2] ?? 'stage') : p.field;
    const problem: PlacedProblem = { field, message: p.message.replace(STAGE_PREFIX, '') };
    if (p.position !== undefined) problem.position = p.position;
    if (p.length !== undefined) problem.length = p.length;
    if (typeof p.stage !== 'number' && path) problem.schema = true;
    if (stage === null) placed.route.push(problem);
    else placed.stages.set(stage, [...(placed.stages.get(stage) ?? []), problem]);
  }
  return placed;
};

/** The rule around the part a problem points at; an empty part is a point (e.g. the end of the text). */
export const splitRule = (rule: string, position: number, length = 0): { before: string; part: string; after: string } => {
  const start = Math.max(0, Math.min(position, rule.length));
  const end = Math.max(start, Math.min(start + Math.max(0, length), rule.length));
  return { before: rule.slice(0, start), part: rule.slice(start, end), after: rule.slice(end) };
};
