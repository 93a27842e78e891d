/**
 * Stage entry rules: a small expression language over a customer's facts, e.g.
 * `purchases >= 2 and spend_365d >= 1000`. Parse and check once when a rule is saved, compile once,
 * then test millions of customers with the closure. User guide: docs/rules.md.
 */
export { compileRule } from './compile.js';
export type {
  CompileResult, CompiledRule, ConditionExplanation, Explanation, FactValue, FactValues, KnownFacts,
} from './compile.js';
export { formatRule, parseRule, MAX_RULE_DEPTH, MAX_RULE_LENGTH } from './parse.js';
export type { ArithOp, CompareOp, LogicOp, ParseResult, RuleExpr } from './parse.js';
export { DAYS_PER_UNIT } from './tokenize.js';
export type { DurationUnit, RuleError, RuleErrorCode } from './tokenize.js';
