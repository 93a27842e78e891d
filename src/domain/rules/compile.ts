/**
 * Rule expressions, step 3: a checked tree → a closure `(facts) => boolean`, built once per rule and
 * called for millions of customers; plus `explain`, the "why" a customer page prints. User text only
 * ever selects among the closures below — nothing is evaluated as code.
 *
 * Semantics (docs/rules.md): a missing, null or NaN fact is null; arithmetic on null is null;
 * division by zero is null; any comparison with a null side is false (so `not` of it is true); a
 * bare fact used as a condition means `fact > 0`; `true`/`false` fact values count as 1/0.
 */
import { AppError } from '../errors.js';
import { packedMap } from '../shapes.js';
import { parseRule, formatRule, valueKind, type CompareOp, type RuleExpr } from './parse.js';
import { DAYS_PER_UNIT, type RuleError } from './tokenize.js';

export type FactValue = number | boolean | null | undefined;
export type FactValues = Readonly<Record<string, FactValue>>;

/** The facts a rule may read: a set of names (enables "did you mean") or a predicate. */
export type KnownFacts = ReadonlySet<string> | ((name: string) => boolean);

/** One comparison (or bare fact used as a condition) of a rule, as a customer's facts make it. */
export interface ConditionExplanation {
  /** Canonical text of the comparison, e.g. `purchases >= 2`. */
  text: string;
  holds: boolean;
  /** The facts it reads, as given (`undefined` shown as null). */
  values: Record<string, number | boolean | null>;
  /**
   * Set when a `>=` or `>` against a constant fails and the other side is known: the gap to the
   * constant (`spend_365d >= 1000` at 640 → 360). For `>` the value must rise by more than that.
   */
  missing?: number;
}

export interface Explanation {
  holds: boolean;
  /** Every comparison in source order, evaluated without short-circuit. */
  conditions: ConditionExplanation[];
}

export interface CompiledRule {
  /** The text as the user wrote it. */
  readonly source: string;
  /** `formatRule(ast)`: the form to store and compare. */
  readonly canonical: string;
  readonly ast: RuleExpr;
  /** The fact names the rule reads, in order of first appearance. */
  readonly facts: readonly string[];
  /** The hot path: allocates nothing, never throws for any fact values. */
  readonly test: (facts: FactValues) => boolean;
  readonly explain: (facts: FactValues) => Explanation;
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; error: RuleError };

type Num = (f: FactValues) => number | null;
type Cond = (f: FactValues) => boolean;

const toNumber = (v: FactValue): number | null =>
  typeof v === 'number' ? (v === v ? v : null) : v === true ? 1 : v === false ? 0 : null;

const ORDER: Readonly<Record<CompareOp, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b,
  '>=': (a, b) => a >= b, '==': (a, b) => a === b, '!=': (a, b) => a !== b,
};
const MIRROR: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

const constantOf = (e: RuleExpr): number | null =>
  e.kind === 'number' ? e.value * (e.unit === null ? 1 : DAYS_PER_UNIT[e.unit]) : null;

// The most common shape, `fact <op> constant`, gets a closure of its own per operator.
const factVersusConstant = (n: string, op: CompareOp, c: number): Cond => {
  switch (op) {
    case '<': return (f) => { const x = toNumber(f[n]); return x !== null && x < c; };
    case '<=': return (f) => { const x = toNumber(f[n]); return x !== null && x <= c; };
    case '>': return (f) => { const x = toNumber(f[n]); return x !== null && x > c; };
    case '>=': return (f) => { const x = toNumber(f[n]); return x !== null && x >= c; };
    case '==': return (f) => { const x = toNumber(f[n]); return x !== null && x === c; };
    case '!=': return (f) => { const x = toNumber(f[n]); return x !== null && x !== c; };
  }
};

const compileNumber = (e: RuleExpr): Num => {
  switch (e.kind) {
    case 'number': { const c = constantOf(e); return () => c; }
    case 'fact': { const n = e.name; return (f) => toNumber(f[n]); }
    case 'neg': {
      const x = compileNumber(e.operand);
      return (f) => { const v = x(f); return v === null ? null : -v; };
    }
    case 'arith': {
      const l = compileNumber(e.left);
      const r = compileNumber(e.right);
      // A NaN (∞ − ∞) or a division by zero becomes null, so it can only make a comparison false.
      const apply = e.op === '+' ? (a: number, b: number) => a + b
        : e.op === '-' ? (a: number, b: number) => a - b
        : e.op === '*' ? (a: number, b: number) => a * b
        : (a: number, b: number) => (b === 0 ? NaN : a / b);
      return (f) => {
        const a = l(f);
        if (a === null) return null;
        const b = r(f);
        if (b === null) return null;
        const v = apply(a, b);
        return v === v ? v : null;
      };
    }
    default: throw new AppError('internal_error', `rule compiler: a ${e.kind} where a number belongs`);
  }
};

const compileCondition = (e: RuleExpr): Cond => {
  switch (e.kind) {
    case 'boolean': return e.value ? () => true : () => false;
    case 'fact': return factVersusConstant(e.name, '>', 0);
    case 'not': { const x = compileCondition(e.operand); return (f) => !x(f); }
    case 'logic': {
      const l = compileCondition(e.left);
      const r = compileCondition(e.right);
      return e.op === 'and' ? (f) => l(f) && r(f) : (f) => l(f) || r(f);
    }
    case 'compare': {
      if (valueKind(e.left) === 'condition' || valueKind(e.right) === 'condition') {
        const l = compileCondition(e.left);
        const r = compileCondition(e.right);
        return e.op === '==' ? (f) => l(f) === r(f) : (f) => l(f) !== r(f);
      }
      const lc = constantOf(e.right);
      if (e.left.kind === 'fact' && lc !== null) return factVersusConstant(e.left.name, e.op, lc);
      const rc = constantOf(e.left);
      if (e.right.kind === 'fact' && rc !== null) return factVersusConstant(e.right.name, MIRROR[e.op], rc);
      const test = ORDER[e.op];
      const l = compileNumber(e.left);
      if (lc !== null) return (f) => { const a = l(f); return a !== null && test(a, lc); };
      const r = compileNumber(e.right);
      return (f) => {
        const a = l(f);
        if (a === null) return false;
        const b = r(f);
        return b !== null && test(a, b);
      };
    }
    default: throw new AppError('internal_error', `rule compiler: a ${e.kind} where a condition belongs`);
  }
};

const factsIn = (e: RuleExpr, into: Map<string, RuleExpr>): Map<string, RuleExpr> => {
  switch (e.kind) {
    case 'fact': if (!into.has(e.name)) into.set(e.name, e); break;
    case 'neg': case 'not': factsIn(e.operand, into); break;
    case 'arith': case 'compare': case 'logic': factsIn(e.left, into); factsIn(e.right, into); break;
    default: break;
  }
  return into;
};

// Rounds away float noise (1000 − 999.99 is 0.010000000000009095); huge gaps stay as they are.
const tidy = (x: number): number => {
  const rounded = Math.round(x * 1e9) / 1e9;
  return Number.isFinite(rounded) ? rounded : x;
};

/** How much the number side of a failing `>=`/`>` against a constant lacks, when it is known. */
const gapOf = (e: RuleExpr & { kind: 'compare' }): ((f: FactValues) => number | undefined) | null => {
  const right = constantOf(e.right);
  const left = constantOf(e.left);
  const side = right !== null ? e.left : e.right;
  const op = right !== null ? e.op : MIRROR[e.op];
  const c = right ?? left;
  if (c === null || valueKind(side) === 'condition' || (op !== '>=' && op !== '>')) return null;
  const value = compileNumber(side);
  return (f) => {
    const v = value(f);
    if (v === null || ORDER[op](v, c)) return undefined;
    return tidy(c - v);
  };
};

interface Leaf { text: string; holds: Cond; facts: string[]; gap: ((f: FactValues) => number | undefined) | null }

const leavesOf = (e: RuleExpr, inCondition: boolean, into: Leaf[]): Leaf[] => {
  switch (e.kind) {
    case 'compare':
      into.push({ text: formatRule(e), holds: compileCondition(e), facts: [...factsIn(e, new Map()).keys()], gap: gapOf(e) });
      leavesOf(e.left, false, into);
      leavesOf(e.right, false, into);
      break;
    case 'fact':
      if (inCondition) into.push({ text: e.name, holds: compileCondition(e), facts: [e.name], gap: null });
      break;
    case 'not': leavesOf(e.operand, true, into); break;
    case 'logic': leavesOf(e.left, true, into); leavesOf(e.right, true, into); break;
    default: break;
  }
  return into;
};

const shown = (v: FactValue): number | boolean | null =>
  typeof v === 'boolean' ? v : toNumber(v);

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
const distance = (a: string, b: string): number => {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
};

/** The known name closest to `name` (ignoring case), if close enough to be a likely typo. */
const closestFact = (name: string, known: Iterable<string>): string | null => {
  const limit = Math.max(1, Math.min(3, Math.floor(name.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
};

/**
 * Parses, checks against the fact catalogue and compiles a stage entry rule. Refusals carry a code
 * (`rule_syntax`, `rule_unknown_fact`), a message naming the position, and the span to underline.
 * Suggestions for unknown facts need `knownFacts` as a set.
 */
export const compileRule = (text: string, knownFacts: KnownFacts): CompileResult => {
  const parsed = parseRule(text);
  if (!parsed.ok) return parsed;
  const { ast } = parsed;
  const refs = factsIn(ast, new Map());
  const isKnown = typeof knownFacts === 'function' ? knownFacts : (n: string) => knownFacts.has(n);
  for (const [name, ref] of refs) {
    if (isKnown(name)) continue;
    const suggestion = typeof knownFacts === 'function' ? null : closestFact(name, knownFacts);
    const hint = suggestion === null ? '' : ` — did you mean "${suggestion}"?`;
    return {
      ok: false,
      error: { code: 'rule_unknown_fact', message: `unknown fact "${name}" at position ${ref.start}${hint}`, position: ref.start, length: name.length },
    };
  }
  const test = compileCondition(ast);
  const leaves = leavesOf(ast, true, []);
  const explain = (f: FactValues): Explanation => ({
    holds: test(f),
    conditions: packedMap(leaves, (leaf) => {
      const holds = leaf.holds(f);
      const missing = holds || leaf.gap === null ? undefined : leaf.gap(f);
      const values = Object.fromEntries(leaf.facts.map((n) => [n, shown(f[n])]));
      return missing === undefined ? { text: leaf.text, holds, values } : { text: leaf.text, holds, values, missing };
    }),
  });
  return { ok: true, rule: { source: text, canonical: formatRule(ast), ast, facts: Object.freeze([...refs.keys()]), test, explain } };
};
