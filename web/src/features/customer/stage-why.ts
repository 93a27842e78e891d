/**
 * Reading a stage's "why" for people: what a failing condition still needs, and a stage's name by
 * its index. Pure, so it is tested without a browser.
 */
import type { ConditionExplanation, CustomerStage } from '../../api/types.js';
import { isMoneyFact } from './fact-value.js';

export interface Shortfall {
  amount: number;
  /** For `>` the value must rise by more than the amount, not just by it. */
  strict: boolean;
  /** The condition reads money facts only, so the gap is money. */
  money: boolean;
}

/** The gap a failing condition reports (`purchases >= 2` at 1 → 1), or null when there is none to tell. */
export const shortfall = (c: ConditionExplanation): Shortfall | null => {
  if (c.holds || c.missing === undefined || !(c.missing > 0)) return null;
  const facts = Object.keys(c.values);
  // Canonical text spells operators with single spaces around them: ` > ` is strict, ` >= ` is not.
  return { amount: c.missing, strict: / > /.test(c.text), money: facts.length > 0 && facts.every(isMoneyFact) };
};

/** A stage's name on the route by index; null is "not on the route" (the caller words that). */
export const stageNameAt = (route: Pick<CustomerStage, 'stages'>, index: number): string =>
  route.stages.find((s) => s.index === index)?.name ?? `#${index + 1}`;
