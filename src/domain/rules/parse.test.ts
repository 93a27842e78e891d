import { describe, expect, it } from 'vitest';
import { formatRule, MAX_RULE_DEPTH, MAX_RULE_LENGTH, parseRule, type RuleExpr } from './parse.js';

const ast = (text: string): RuleExpr => {
  const r = parseRule(text);
  if (!r.ok) throw new Error(`"${text}": ${r.error.message}`);
  return r.ast;
};

/** Every node in parentheses: shows how the parser grouped the text. */
const show = (e: RuleExpr): string => {
  switch (e.kind) {
    case 'number': return `${e.value}${e.unit ?? ''}`;
    case 'boolean': return String(e.value);
    case 'fact': return e.name;
    case 'neg': return `(-${show(e.operand)})`;
    case 'not': return `(not ${show(e.operand)})`;
    default: return `(${show(e.left)} ${e.op} ${show(e.right)})`;
  }
};

/** The tree without text positions, for comparing trees parsed from different text. */
const shape = (e: RuleExpr): unknown => {
  const { start: _start, end: _end, ...rest } = e;
  if ('operand' in rest) return { ...rest, operand: shape(rest.operand) };
  if ('left' in rest) return { ...rest, left: shape(rest.left), right: shape(rest.right) };
  return rest;
};

const refusal = (text: string) => {
  const r = parseRule(text);
  if (r.ok) throw new Error(`expected "${text}" to be refused, got ${formatRule(r.ast)}`);
  return r.error;
};

describe('parseRule: precedence and associativity', () => {
  it.each([
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['a or b or c', '((a or b) or c)'],
    ['a and b and c', '((a and b) and c)'],
    ['not a and b', '((not a) and b)'],
    ['not a or not b', '((not a) or (not b))'],
    ['not not a', '(not (not a))'],
    ['not refunds > 2', '(not (refunds > 2))'],
    ['! a > 1 && b', '((not (a > 1)) and b)'],
    ['a > 1 and b < 2 or c', '(((a > 1) and (b < 2)) or c)'],
    ['a + b * c >= 3', '((a + (b * c)) >= 3)'],
    ['a * b + c >= 3', '(((a * b) + c) >= 3)'],
    ['a - b - c > 0', '(((a - b) - c) > 0)'],
    ['a / b / c > 0', '(((a / b) / c) > 0)'],
    ['a - b + c > 0', '(((a - b) + c) > 0)'],
    ['a / b * c > 0', '(((a / b) * c) > 0)'],
    ['a - (b - c) > 0', '((a - (b - c)) > 0)'],
    ['-a * b > 0', '(((-a) * b) > 0)'],
    ['-(a + b) > 0', '((-(a + b)) > 0)'],
    ['a - -3 > 0', '((a - -3) > 0)'],
    ['- -3 < a', '(3 < a)'],
    ['a >= -2d', '(a >= -2d)'],
    ['(a or b) and c', '((a or b) and c)'],
    ['((a))', 'a'],
    ['a = 1 || b != 2', '((a == 1) or (b != 2))'],
    ['(a > 1) == (b > 1)', '((a > 1) == (b > 1))'],
    ['consent.marketing == true', '(consent.marketing == true)'],
    ['true', 'true'],
    ['consent.marketing', 'consent.marketing'],
  ])('%s groups as %s', (text, grouped) => {
    expect(show(ast(text))).toBe(grouped);
  });

  it('records the text span of each node, parentheses included', () => {
    const e = ast('(a > 1) and b');
    expect(e).toMatchObject({ kind: 'logic', start: 0, end: 13, left: { kind: 'compare', start: 0, end: 7 }, right: { start: 12, end: 13 } });
  });
});

describe('formatRule', () => {
  it.each([
    ['purchases>=2 AND spend_365d>=1_000', 'purchases >= 2 and spend_365d >= 1000'],
    ['a && b || !c', 'a and b or not c'],
    ['NOT(refunds>2)', 'not (refunds > 2)'],
    ['not refunds > 2', 'not (refunds > 2)'],
    ['!!a', 'not not a'],
    ['not (a and b)', 'not (a and b)'],
    ['a = 1', 'a == 1'],
    ['(a + b) + c > 1', 'a + b + c > 1'],
    ['a - (b - c) > 1', 'a - (b - c) > 1'],
    ['(a * b) / (c * d) > 1', 'a * b / (c * d) > 1'],
    ['a or (b or c)', 'a or (b or c)'],
    ['(a or b) and c', '(a or b) and c'],
    ['-(-a) < 1', '-(-a) < 1'],
    ['days_since_last_interaction < 90d', 'days_since_last_interaction < 90d'],
    ['x > 12h or x < 2w', 'x > 12h or x < 2w'],
    ['x > 1e3', 'x > 1000'],
    ['x > 1e21', 'x > 1e+21'],
    ['x > -0', 'x > 0'],
    ['TRUE', 'true'],
    ['(a > 1) = (b > 1)', '(a > 1) == (b > 1)'],
  ])('formats %j as %j', (text, canonical) => {
    expect(formatRule(ast(text))).toBe(canonical);
  });

  it.each([
    'purchases >= 2 and spend_365d >= 1000',
    'positive_mentions_90d + shares_90d + referrals_90d >= 3 or (reach >= 5000 and sentiment_avg_30d > 0)',
    'a - (b - c) * -d / (e + f) != -(g - h)',
    'not (a or b and not c) or not not d',
    '(a > 1) == (b < 2 or c)',
    'x >= -1.5d and y < 1e-7 and z == 1_000_000',
    'a / (b / c) > 0 and (a or b) and c',
    '!(a && b) || (c = 2)',
  ])('round-trips %j: parse(format(parse(x))) == parse(x)', (text) => {
    const first = ast(text);
    const again = ast(formatRule(first));
    expect(shape(again)).toEqual(shape(first));
    expect(formatRule(again)).toBe(formatRule(first));
  });
});

describe('parseRule: refusals', () => {
  it.each([
    // [text, message, position, length]
    ['', 'the rule is empty — write a condition, e.g. purchases >= 1', 0, 0],
    ['   ', 'the rule is empty — write a condition, e.g. purchases >= 1', 0, 3],
    ['purchases >=', 'expected a value after ">=" at position 12', 12, 0],
    ['purchases >= 2 and spend_365d >= ', 'expected a value after ">=" at position 33', 33, 0],
    ['purchases >= and x', 'expected a value after ">=" at position 13, found "and"', 13, 3],
    ['a == not b', 'expected a value after "==" at position 5, found "not" — put "not …" in parentheses', 5, 3],
    [') or a', 'expected a value at position 0, found ")"', 0, 1],
    ['a and', 'expected a value after "and" at position 5', 5, 0],
    ['()', 'expected a value after "(" at position 1, found ")"', 1, 1],
    ['(purchases >= 1', 'unclosed "(" at position 0', 0, 1],
    ['a > 1 and ((b > 1) or c', 'unclosed "(" at position 10', 10, 1],
    ['(a > 1 b', 'unexpected "b" at position 7 — expected ")" to close "(" at position 0', 7, 1],
    ['purchases >= 1) or (x > 2)', 'unexpected ")" at position 14', 14, 1],
    ['(a > 1) and b > 2) or c', 'unexpected ")" at position 17', 17, 1],
    ['purchases 3', 'unexpected "3" at position 10 — expected "and", "or" or an operator', 10, 1],
    ['process.exit()', 'unexpected "(" at position 12 — rules have no functions', 12, 1],
    ['1 < x < 3', 'comparisons cannot be chained at position 6 — write "1 < x and x < 3"', 6, 1],
    ['a == b == c', 'comparisons cannot be chained at position 7 — write "a == b and b == c"', 7, 2],
    ['1 < x < )', 'comparisons cannot be chained at position 6 — write "a < b and b < c"', 6, 1],
    ['purchases + 1', 'a rule must be a condition, e.g. purchases >= 1 — "purchases + 1" at position 0 is a number', 0, 13],
    ['90d', 'a rule must be a condition, e.g. purchases >= 1 — "90d" at position 0 is a number', 0, 3],
    ['(a + b)', 'a rule must be a condition, e.g. purchases >= 1 — "a + b" at position 0 is a number', 0, 7],
    ['a > 1 and b + 1', 'expected a condition at position 10, but "b + 1" is a number — compare it, e.g. "b + 1 >= 1"', 10, 5],
    ['b * 2 or a', 'expected a condition at position 0, but "b * 2" is a number — compare it, e.g. "b * 2 >= 1"', 0, 5],
    ['not 3', 'expected a condition at position 4, but "3" is a number — compare it, e.g. "3 >= 1"', 4, 1],
    ['(a > 1) + 1 > 2', 'expected a number at position 0, but "a > 1" is a condition', 0, 7],
    ['a > true', 'expected a number at position 4, but "true" is a condition', 4, 4],
    ['-(a > 1) < 0', 'expected a number at position 1, but "a > 1" is a condition', 1, 7],
    ['(a > 1) == 2', 'expected a condition at position 11, but "2" is a number — compare it, e.g. "2 >= 1"', 11, 1],
    ['a + 1 != (b or c)', 'expected a condition at position 0, but "a + 1" is a number — compare it, e.g. "a + 1 >= 1"', 0, 5],
  ])('refuses %j: %s', (text, message, position, length) => {
    expect(refusal(text)).toEqual({ code: 'rule_syntax', message, position, length });
  });

  it('refuses a rule longer than the maximum, pointing past the limit', () => {
    const text = `purchases >= 1${' or purchases >= 1'.repeat(200)}`;
    expect(text.length).toBeGreaterThan(MAX_RULE_LENGTH);
    expect(refusal(text)).toEqual({
      code: 'rule_syntax', message: `the rule is too long: ${text.length} characters, at most 2000`, position: 2000, length: text.length - 2000,
    });
    expect(parseRule(text.slice(0, 1994)).ok).toBe(true); // 'purchases >= 1' + 110 × ' or purchases >= 1'
  });

  it.each([
    // [opening, closing, innermost]
    ['(', ')', 'a > 1'],
    ['not ', '', 'a'],
    ['-', '', 'a > 1'],
  ])('accepts "%s" nested 50 deep and refuses one level more', (open, close, inner) => {
    const nested = (n: number) => `${open.repeat(n)}${inner}${close.repeat(n)}`;
    expect(parseRule(nested(MAX_RULE_DEPTH)).ok).toBe(true);
    const position = open.length * MAX_RULE_DEPTH;
    expect(refusal(nested(MAX_RULE_DEPTH + 1))).toEqual({
      code: 'rule_syntax',
      message: `the rule nests too deeply at position ${position} (at most 50 levels of parentheses, "not" and "-")`,
      position,
      length: open.trim().length,
    });
  });

  it('survives the deepest input the length allows without overflowing the stack', () => {
    for (const text of ['('.repeat(2000), '!'.repeat(1999) + 'a', '-'.repeat(1990) + '1 > 0', `${'a + '.repeat(490)}a > 1`]) {
      expect(() => parseRule(text)).not.toThrow();
    }
  });
});
