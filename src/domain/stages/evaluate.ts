/**
 * Where a customer stands on a route: the highest stage whose rule holds, counting sticky stages
 * once reached. Pure: facts in, position out; and "why" for people: the rule that holds, the facts
 * that satisfy it, and what the next stage still needs.
 */
import type { Explanation, FactValues } from '../rules/index.js';
import type { CompiledRoute } from './route.js';

export interface StagePosition {
  /** Index of the current stage, or null before the first. */
  stage: number | null;
  /** Bit i set: sticky stage i was reached once and is kept. */
  reached: number;
}

export const NO_POSITION: StagePosition = { stage: null, reached: 0 };

export const evaluateRoute = (route: CompiledRoute, facts: FactValues, previous: StagePosition): StagePosition => {
  let reached = previous.reached;
  let stage: number | null = null;
  for (const s of route.stages) {
    const kept = s.mode === 'sticky' && (reached & (1 << s.index)) !== 0;
    if (kept || s.compiled.test(facts)) {
      stage = s.index;
      if (s.mode === 'sticky') reached |= 1 << s.index;
    }
  }
  return { stage, reached };
};

export const isSamePosition = (a: StagePosition, b: StagePosition): boolean => a.stage === b.stage && a.reached === b.reached;

export interface StageWhy {
  index: number;
  key: string;
  name: string;
  rule: string;
  mode: 'sticky' | 'live';
  /** True when the stage is held because it was reached before (sticky), though its rule fails now. */
  keptFromBefore: boolean;
  explanation: Explanation;
}

/** Why the customer is where they are, and what the next stage needs. */
export const explainPosition = (route: CompiledRoute, facts: FactValues, position: StagePosition): { current: StageWhy | null; next: StageWhy | null } => {
  const why = (index: number): StageWhy => {
    const s = route.stages[index]!;
    const explanation = s.compiled.explain(facts);
    return { index, key: s.key, name: s.name, rule: s.rule, mode: s.mode, keptFromBefore: !explanation.holds, explanation };
  };
  const next = position.stage === null ? 0 : position.stage + 1;
  return {
    current: position.stage === null ? null : why(position.stage),
    next: next < route.stages.length ? { ...why(next), keptFromBefore: false } : null,
  };
};
