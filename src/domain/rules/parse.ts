/**
 * Rule expressions, step 2: tokens → a typed syntax tree, by recursive descent, and the tree back
 * to canonical text (`formatRule`). The parser also checks the two kinds of value — numbers and
 * conditions — so a tree it returns always compiles; it knows nothing of the fact catalogue.
 *
 * Grammar, loosest first (docs/rules.md has the user's version):
 *   rule    := or END
 *   or      := and (("or" | "||") and)*
 *   and     := not (("and" | "&&") not)*
 *   not     := ("not" | "!") not | compare
 *   compare := sum (("<" | "<=" | ">" | ">=" | "==" | "=" | "!=") sum)?     (no chains)
 *   sum     := product (("+" | "-") product)*
 *   product := unary (("*" | "/") unary)*
 *   unary   := "-" unary | primary
 *   primary := number | duration | "true" | "false" | name | "(" or ")"
 */
import { RuleFailure, syntaxError, tokenize, type DurationUnit, type RuleError, type Token } from './tokenize.js';

export const MAX_RULE_LENGTH = 2000;
export const MAX_RULE_DEPTH = 50;

export type ArithOp = '+' | '-' | '*' | '/';
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type LogicOp = 'and' | 'or';

/** Every node carries the text span it came from: `start` inclusive, `end` exclusive. */
interface Span { start: number; end: number }

export type RuleExpr =
  | (Span & { kind: 'number'; value: number; unit: DurationUnit | null })
  | (Span & { kind: 'boolean'; value: boolean })
  | (Span & { kind: 'fact'; name: string })
  | (Span & { kind: 'neg'; operand: RuleExpr })
  | (Span & { kind: 'arith'; op: ArithOp; left: RuleExpr; right: RuleExpr })
  | (Span & { kind: 'compare'; op: CompareOp; left: RuleExpr; right: RuleExpr })
  | (Span & { kind: 'not'; operand: RuleExpr })
  | (Span & { kind: 'logic'; op: LogicOp; left: RuleExpr; right: RuleExpr });

export type ParseResult = { ok: true; ast: RuleExpr } | { ok: false; error: RuleError };

/** What a node yields: a number, a condition, or — a bare fact — either (truthy when a condition). */
export const valueKind = (e: RuleExpr): 'number' | 'condition' | 'either' => {
  switch (e.kind) {
    case 'fact': return 'either';
    case 'number': case 'neg': case 'arith': return 'number';
    default: return 'condition';
  }
};

const COMPARE_OPS: ReadonlySet<string> = new Set<CompareOp>(['<', '<=', '>', '>=', '==', '!=']);
const isCompareOp = (t: Token): boolean => COMPARE_OPS.has(t.type);

const fail = (message: string, at: { start: number; end: number }): RuleFailure =>
  syntaxError(message, at.start, at.end - at.start);

const expectNumber = (e: RuleExpr): void => {
  if (valueKind(e) === 'condition') {
    throw fail(`expected a number at position ${e.start}, but "${formatRule(e)}" is a condition`, e);
  }
};

const expectCondition = (e: RuleExpr): void => {
  if (valueKind(e) === 'number') {
    const text = formatRule(e);
    throw fail(`expected a condition at position ${e.start}, but "${text}" is a number — compare it, e.g. "${text} >= 1"`, e);
  }
};

const parseTokens = (tokens: Token[]): RuleExpr => {
  let i = 0;
  let depth = 0;
  const peek = (): Token => tokens[i]!;
  const next = (): Token => tokens[i++]!;
  const nest = (t: Token): void => {
    depth += 1;
    if (depth > MAX_RULE_DEPTH) {
      throw syntaxError(`the rule nests too deeply at position ${t.pos} (at most ${MAX_RULE_DEPTH} levels of parentheses, "not" and "-")`, t.pos, t.text.length);
    }
  };

  const parseOr = (): RuleExpr => parseLogic('or', parseAnd);
  const parseAnd = (): RuleExpr => parseLogic('and', parseNot);
  const parseLogic = (op: LogicOp, operand: () => RuleExpr): RuleExpr => {
    let left = operand();
    while (peek().type === op) {
      next();
      expectCondition(left);
      const right = operand();
      expectCondition(right);
      left = { kind: 'logic', op, left, right, start: left.start, end: right.end };
    }
    return left;
  };

  const parseNot = (): RuleExpr => {
    if (peek().type !== 'not') return parseCompare();
    const t = next();
    nest(t);
    const operand = parseNot();
    depth -= 1;
    expectCondition(operand);
    return { kind: 'not', operand, start: t.pos, end: operand.end };
  };

  const parseCompare = (): RuleExpr => {
    const left = parseSum();
    if (!isCompareOp(peek())) return left;
    const op = next().type as CompareOp;
    const right = parseSum();
    if (isCompareOp(peek())) throw chained(left, op, right);
    if (op === '==' || op === '!=') {
      // Equality of two conditions is allowed (`consent.marketing == true`); a number and a condition is not.
      const l = valueKind(left);
      const r = valueKind(right);
      if (l === 'condition' || r === 'condition') { expectCondition(left); expectCondition(right); }
    } else {
      expectNumber(left);
      expectNumber(right);
    }
    return { kind: 'compare', op, left, right, start: left.start, end: right.end };
  };

  const chained = (left: RuleExpr, op: CompareOp, middle: RuleExpr): RuleFailure => {
    const second = next();
    let hint = `write "a < b and b < c"`;
    try {
      const third = parseSum();
      const m = formatRule(middle);
      hint = `write "${formatRule(left)} ${op} ${m} and ${m} ${second.type} ${formatRule(third)}"`;
    } catch (err) {
      if (!(err instanceof RuleFailure)) throw err;
    }
    return syntaxError(`comparisons cannot be chained at position ${second.pos} — ${hint}`, second.pos, second.text.length);
  };

  const parseBinary = (ops: readonly string[], operand: () => RuleExpr): RuleExpr => {
    let left = operand();
    while (ops.includes(peek().type)) {
      const op = next().type as ArithOp;
      expectNumber(left);
      const right = operand();
      expectNumber(right);
      left = { kind: 'arith', op, left, right, start: left.start, end: right.end };
    }
    return left;
  };
  const parseSum = (): RuleExpr => parseBinary(['+', '-'], parseProduct);
  const parseProduct = (): RuleExpr => parseBinary(['*', '/'], parseUnary);

  const parseUnary = (): RuleExpr => {
    if (peek().type !== '-') return parsePrimary();
    const t = next();
    nest(t);
    const operand = parseUnary();
    depth -= 1;
    expectNumber(operand);
    // A minus before a literal is part of the literal: `-3` is the number -3, `-2d` the duration.
    if (operand.kind === 'number') return { ...operand, value: operand.value === 0 ? 0 : -operand.value, start: t.pos };
    return { kind: 'neg', operand, start: t.pos, end: operand.end };
  };

  const parsePrimary = (): RuleExpr => {
    const t = next();
    const end = t.pos + t.text.length;
    switch (t.type) {
      case 'number': return { kind: 'number', value: t.value, unit: t.unit, start: t.pos, end };
      case 'true': case 'false': return { kind: 'boolean', value: t.type === 'true', start: t.pos, end };
      case 'name': return { kind: 'fact', name: t.text, start: t.pos, end };
      case '(': {
        nest(t);
        const inner = parseOr();
        depth -= 1;
        const close = next();
        if (close.type === 'end') throw syntaxError(`unclosed "(" at position ${t.pos}`, t.pos, 1);
        if (close.type !== ')') {
          throw syntaxError(`unexpected "${close.text}" at position ${close.pos} — expected ")" to close "(" at position ${t.pos}`, close.pos, close.text.length);
        }
        return { ...inner, start: t.pos, end: close.pos + 1 };
      }
      default: {
        const prev = tokens[i - 2];
        const after = prev ? ` after "${prev.text}"` : '';
        const found = t.type === 'end' ? '' : `, found "${t.text}"`;
        const hint = t.type === 'not' ? ' — put "not …" in parentheses' : '';
        throw syntaxError(`expected a value${after} at position ${t.pos}${found}${hint}`, t.pos, t.text.length);
      }
    }
  };

  const ast = parseOr();
  const rest = peek();
  if (rest.type === ')') throw syntaxError(`unexpected ")" at position ${rest.pos}`, rest.pos, 1);
  if (rest.type !== 'end') {
    const hint = rest.type === '(' && tokens[i - 1]?.type === 'name' ? ' — rules have no functions' : ' — expected "and", "or" or an operator';
    throw syntaxError(`unexpected "${rest.text}" at position ${rest.pos}${hint}`, rest.pos, rest.text.length);
  }
  if (valueKind(ast) === 'number') {
    throw fail(`a rule must be a condition, e.g. purchases >= 1 — "${formatRule(ast)}" at position ${ast.start} is a number`, ast);
  }
  return ast;
};

/** Parses rule text into a syntax tree whose top is a condition; refuses with a positioned error. */
export const parseRule = (text: string): ParseResult => {
  try {
    if (text.length > MAX_RULE_LENGTH) {
      throw syntaxError(`the rule is too long: ${text.length} characters, at most ${MAX_RULE_LENGTH}`, MAX_RULE_LENGTH, text.length - MAX_RULE_LENGTH);
    }
    const tokens = tokenize(text);
    if (tokens[0]!.type === 'end') throw syntaxError('the rule is empty — write a condition, e.g. purchases >= 1', 0, text.length);
    return { ok: true, ast: parseTokens(tokens) };
  } catch (err) {
    if (err instanceof RuleFailure) return { ok: false, error: err.error };
    throw err;
  }
};

// Binding strength for printing: a child looser than its slot needs parentheses.
const strength = (e: RuleExpr): number => {
  switch (e.kind) {
    case 'logic': return e.op === 'or' ? 1 : 2;
    case 'not': return 3;
    case 'compare': return 4;
    case 'arith': return e.op === '+' || e.op === '-' ? 5 : 6;
    case 'neg': return 7;
    default: return 8;
  }
};

const slot = (e: RuleExpr, min: number): string => (strength(e) < min ? `(${formatRule(e)})` : formatRule(e));

/**
 * Canonical text of a tree: lowercase keywords, `==` for `=`, `and`/`or`/`not` for `&&`/`||`/`!`,
 * single spaces, only the parentheses the meaning needs (and around what `not` negates, for the
 * reader). `parseRule(formatRule(ast))` gives `ast` back, up to text positions.
 */
export const formatRule = (e: RuleExpr): string => {
  switch (e.kind) {
    case 'number': return `${e.value}${e.unit ?? ''}`;
    case 'boolean': return String(e.value);
    case 'fact': return e.name;
    case 'neg': return `-${slot(e.operand, 8)}`;
    case 'not': return `not ${e.operand.kind === 'not' ? formatRule(e.operand) : slot(e.operand, 8)}`;
    case 'compare': return `${slot(e.left, 5)} ${e.op} ${slot(e.right, 5)}`;
    case 'arith': case 'logic': {
      const s = strength(e);
      return `${slot(e.left, s)} ${e.op} ${slot(e.right, s + 1)}`;
    }
  }
};
