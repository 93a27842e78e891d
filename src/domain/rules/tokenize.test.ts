import { describe, expect, it } from 'vitest';
import { RuleFailure, tokenize, type RuleError } from './tokenize.js';

const types = (text: string) => tokenize(text).map((t) => t.type);

const failure = (text: string): RuleError => {
  try {
    tokenize(text);
  } catch (err) {
    if (err instanceof RuleFailure) return err.error;
    throw err;
  }
  throw new Error(`expected "${text}" to be refused`);
};

describe('tokenize', () => {
  it.each([
    // [text, value, unit]
    ['1000', 1000, null],
    ['0.5', 0.5, null],
    ['1_000', 1000, null],
    ['1_000_000.25', 1_000_000.25, null],
    ['1e3', 1000, null],
    ['2.5E-1', 0.25, null],
    ['1e+21', 1e21, null],
    ['90d', 90, 'd'],
    ['12h', 12, 'h'],
    ['2w', 2, 'w'],
    ['1.5d', 1.5, 'd'],
  ])('reads the number %s as %d %s', (text, value, unit) => {
    expect(tokenize(text)[0]).toEqual({ type: 'number', text, pos: 0, value, unit });
  });

  it.each([
    ['a and b', ['name', 'and', 'name', 'end']],
    ['a AND b Or NOT c', ['name', 'and', 'name', 'or', 'not', 'name', 'end']],
    ['a && b || !c', ['name', 'and', 'name', 'or', 'not', 'name', 'end']],
    ['a = 1', ['name', '==', 'number', 'end']],
    ['a == 1 != 2', ['name', '==', 'number', '!=', 'number', 'end']],
    ['a<=b>=c<d>e', ['name', '<=', 'name', '>=', 'name', '<', 'name', '>', 'name', 'end']],
    ['-3', ['-', 'number', 'end']],
    ['(a+b)*c/d', ['(', 'name', '+', 'name', ')', '*', 'name', '/', 'name', 'end']],
    ['TRUE false', ['true', 'false', 'end']],
    ['consent.marketing', ['name', 'end']],
    ['spend_365d', ['name', 'end']],
    ['_x', ['name', 'end']],
    [' \t\n a \r\n', ['name', 'end']],
    ['', ['end']],
  ])('splits %j into %j', (text, expected) => {
    expect(types(text)).toEqual(expected);
  });

  it('keeps the text and position of each token for messages', () => {
    expect(tokenize('x  >=  1_0d')).toEqual([
      { type: 'name', text: 'x', pos: 0 },
      { type: '>=', text: '>=', pos: 3 },
      { type: 'number', text: '1_0d', pos: 7, value: 10, unit: 'd' },
      { type: 'end', text: '', pos: 11 },
    ]);
  });

  it.each([
    // [text, message, position, length]
    ['1_', 'malformed number "1_" at position 0', 0, 2],
    ['1__0', 'malformed number "1__0" at position 0', 0, 4],
    ['x > 1_.5', 'malformed number "1_.5" at position 4', 4, 4],
    ['1e', 'malformed number "1e" at position 0', 0, 2],
    ['1.5.2', 'malformed number "1.5.2" at position 0', 0, 5],
    ['1e999', 'number too large "1e999" at position 0', 0, 5],
    ['90days', 'unknown unit "days" at position 2 — a duration ends in d (days), h (hours) or w (weeks)', 2, 4],
    ['x < 3m', 'unknown unit "m" at position 5 — a duration ends in d (days), h (hours) or w (weeks)', 5, 1],
    ['x < 3D', 'unknown unit "D" at position 5 — a duration ends in d (days), h (hours) or w (weeks)', 5, 1],
    ['consent.', 'expected a name after "." at position 8', 8, 0],
    ['a.1', 'expected a name after "." at position 2', 2, 0],
    ['purchases; drop table', 'unexpected character ";" at position 9', 9, 1],
    ['a => 1', 'unexpected "=>" at position 2 — did you mean ">="?', 2, 2],
    ['a =< 1', 'unexpected "=<" at position 2 — did you mean "<="?', 2, 2],
    ['a <> 1', 'unexpected "<>" at position 2 — did you mean "!="?', 2, 2],
    ['a & b', 'unexpected "&" at position 2 — did you mean "&&"?', 2, 1],
    ['a | b', 'unexpected "|" at position 2 — did you mean "||"?', 2, 1],
    ['name == "x"', 'unexpected quote at position 8 — rules compare numbers, not text', 8, 1],
    ['a > 1 😀', 'unexpected character "😀" at position 6', 6, 2],
    ['a.b[0]', 'unexpected character "[" at position 3', 3, 1],
    ['`x`', 'unexpected character "`" at position 0', 0, 1],
  ])('refuses %j: %s', (text, message, position, length) => {
    expect(failure(text)).toEqual({ code: 'rule_syntax', message, position, length });
  });
});
