/**
 * Rule expressions, step 1: text → tokens. Also home of the error shape every step reports
 * (`RuleError`: a code, a human message naming the position, and the span to underline).
 *
 * Failures are thrown as `RuleFailure` inside this folder only — a recursive-descent parser reads far
 * better that way — and `parseRule` / `compileRule` turn them into `{ ok: false, error }`. Nothing
 * thrown here escapes the public API.
 */

export type RuleErrorCode = 'rule_syntax' | 'rule_unknown_fact';

/** Why a rule was refused. `position` is a 0-based offset into the text, `length` what to underline. */
export interface RuleError {
  code: RuleErrorCode;
  message: string;
  position: number;
  length: number;
}

export class RuleFailure extends Error {
  constructor(readonly error: RuleError) {
    super(error.message);
    this.name = 'RuleFailure';
  }
}

export const syntaxError = (message: string, position: number, length: number): RuleFailure =>
  new RuleFailure({ code: 'rule_syntax', message, position, length });

export type DurationUnit = 'd' | 'h' | 'w';

/** Days per unit: durations are numbers of days, so they compare with the `days_since_*` facts. */
export const DAYS_PER_UNIT: Readonly<Record<DurationUnit, number>> = { d: 1, h: 1 / 24, w: 7 };

export type OperatorType =
  | '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '(' | ')';
export type KeywordType = 'and' | 'or' | 'not' | 'true' | 'false';

/** `text` is the token as written (for messages); `type` is normalised (`&&` → `and`, `=` → `==`). */
export type Token =
  | { type: 'number'; text: string; pos: number; value: number; unit: DurationUnit | null }
  | { type: 'name' | KeywordType | OperatorType | 'end'; text: string; pos: number };

const KEYWORDS: ReadonlySet<string> = new Set<KeywordType>(['and', 'or', 'not', 'true', 'false']);

// Longest first: two-character operators before their one-character prefixes.
const OPERATORS: ReadonlyArray<readonly [string, OperatorType | 'and' | 'or' | 'not']> = [
  ['<=', '<='], ['>=', '>='], ['==', '=='], ['!=', '!='], ['&&', 'and'], ['||', 'or'],
  ['<', '<'], ['>', '>'], ['=', '=='], ['!', 'not'], ['+', '+'], ['-', '-'], ['*', '*'], ['/', '/'],
  ['(', '('], [')', ')'],
];

// Look-alikes people type, answered with what they probably meant.
const MISTYPED: ReadonlyArray<readonly [string, string]> = [
  ['=>', '>='], ['=<', '<='], ['<>', '!='], ['&', '&&'], ['|', '||'],
];

const NUMBER = /\d[\d_]*(?:\.[\d_]+)?(?:[eE][+-]?[\d_]+)?/y;
const SUFFIX = /[A-Za-z0-9_.]*/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/y;
// An underscore must sit between two digits: 1_000 yes; 1__000, 1_, 1_.5 no.
const MISPLACED_UNDERSCORE = /(?:^|\D)_|_(?:\D|$)/;
const SPACE = /\s/;

const matchAt = (re: RegExp, text: string, at: number): string => {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? '';
};

const readNumber = (text: string, pos: number): Token => {
  const digits = matchAt(NUMBER, text, pos);
  const suffix = matchAt(SUFFIX, text, pos + digits.length);
  const whole = digits + suffix;
  if (MISPLACED_UNDERSCORE.test(digits) || /^[.eE]/.test(suffix)) {
    throw syntaxError(`malformed number "${whole}" at position ${pos}`, pos, whole.length);
  }
  if (suffix !== '' && suffix !== 'd' && suffix !== 'h' && suffix !== 'w') {
    const at = pos + digits.length;
    throw syntaxError(
      `unknown unit "${suffix}" at position ${at} — a duration ends in d (days), h (hours) or w (weeks)`,
      at, suffix.length,
    );
  }
  const value = Number(digits.replaceAll('_', ''));
  if (!Number.isFinite(value)) throw syntaxError(`number too large "${digits}" at position ${pos}`, pos, digits.length);
  return { type: 'number', text: whole, pos, value, unit: suffix === '' ? null : suffix };
};

/** Splits a rule into tokens, ending with one `end` token. Throws `RuleFailure` on bad input. */
export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let pos = 0;
  scan: while (pos < text.length) {
    const ch = text[pos]!;
    if (SPACE.test(ch)) { pos += 1; continue; }
    if (ch >= '0' && ch <= '9') {
      const token = readNumber(text, pos);
      tokens.push(token);
      pos += token.text.length;
      continue;
    }
    const name = matchAt(NAME, text, pos);
    if (name !== '') {
      const after = pos + name.length;
      if (text[after] === '.') {
        throw syntaxError(`expected a name after "." at position ${after + 1}`, after + 1, 0);
      }
      const lower = name.toLowerCase();
      const type = KEYWORDS.has(lower) ? (lower as KeywordType) : 'name';
      tokens.push({ type, text: name, pos });
      pos = after;
      continue;
    }
    for (const [wrong, right] of MISTYPED) {
      if (text.startsWith(wrong, pos) && !text.startsWith(right, pos)) {
        throw syntaxError(`unexpected "${wrong}" at position ${pos} — did you mean "${right}"?`, pos, wrong.length);
      }
    }
    for (const [op, type] of OPERATORS) {
      if (text.startsWith(op, pos)) {
        tokens.push({ type, text: op, pos });
        pos += op.length;
        continue scan;
      }
    }
    const char = String.fromCodePoint(text.codePointAt(pos)!);
    if (char === '"' || char === "'") {
      throw syntaxError(`unexpected quote at position ${pos} — rules compare numbers, not text`, pos, 1);
    }
    throw syntaxError(`unexpected character "${char}" at position ${pos}`, pos, char.length);
  }
  tokens.push({ type: 'end', text: '', pos: text.length });
  return tokens;
};
