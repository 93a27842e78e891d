/** Character classes and code points for the tokenizer: what each character is, read without allocating. */

// Character classes.
export const SEP = 0;
export const LETTER = 1;
export const DIGIT = 2;
export const EMOJI_CHAR = 3;
export const GLUE = 4; // zero-width joiner, variation selectors, skin tones, flags' letters: ignored
export const APOS = 5;
export const BANG = 6;
export const QMARK = 7;
export const STOP = 8;
export const AT = 9;
export const HASH = 10;
export const MARK = 11; // combining marks: part of the word, not hashed

export const CLASS = (() => {
  const t = new Uint8Array(0x3000);
  const set = (from: number, to: number, cls: number) => t.fill(cls, from, to + 1);
  set(0x30, 0x39, DIGIT);
  set(0x41, 0x5a, LETTER);
  set(0x61, 0x7a, LETTER);
  t[0xaa] = LETTER;
  t[0xb5] = LETTER;
  t[0xba] = LETTER;
  set(0xc0, 0x2af, LETTER);
  t[0xd7] = SEP;
  t[0xf7] = SEP;
  set(0x300, 0x36f, MARK);
  set(0x370, 0x52f, LETTER);
  set(0x531, 0x58f, LETTER);
  set(0x5d0, 0x5f2, LETTER);
  set(0x620, 0x64a, LETTER);
  set(0x671, 0x6d3, LETTER);
  set(0x900, 0xeff, LETTER);
  set(0x10a0, 0x10ff, LETTER);
  set(0x1100, 0x11ff, LETTER);
  set(0x1e00, 0x1eff, LETTER);
  set(0x2300, 0x23ff, EMOJI_CHAR);
  set(0x2600, 0x27bf, EMOJI_CHAR);
  set(0x2b00, 0x2bff, EMOJI_CHAR);
  t[0x203c] = EMOJI_CHAR; // ‼
  t[0x2049] = EMOJI_CHAR; // ⁉
  t[0x200d] = GLUE;
  t[0x20e3] = GLUE;
  t[0x27] = APOS;
  t[0x2019] = APOS;
  t[0x2018] = APOS;
  t[0x60] = APOS;
  t[0xb4] = APOS;
  t[0x21] = BANG;
  t[0xa1] = BANG;
  t[0x3f] = QMARK;
  t[0xbf] = QMARK;
  for (const c of '.,;:()[]{}"\n|/«»“”„…–—•·') t[c.charCodeAt(0)] = STOP;
  t[0x40] = AT;
  t[0x23] = HASH;
  return t;
})();

export const classOf = (c: number): number => {
  if (c < 0x3000) return CLASS[c]!;
  if (c >= 0x1f000 && c <= 0x1faff) {
    if ((c >= 0x1f3fb && c <= 0x1f3ff) || (c >= 0x1f1e6 && c <= 0x1f1ff)) return GLUE;
    return EMOJI_CHAR;
  }
  if ((c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0000 && c <= 0xe007f)) return GLUE;
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) return LETTER;
  return SEP;
};

// The width, in UTF-16 code units, of the last code point read by cpAt (module state: no allocation;
// importers see it live).
export let width = 1;

const hexDigit = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x61 && c <= 0x66 ? c - 0x57 : c >= 0x41 && c <= 0x46 ? c - 0x37 : -1);

export const cpAt = (s: string, i: number): number => {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      width = 2;
      return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
    }
  }
  if (c === 0x5c && i + 5 < s.length && s.charCodeAt(i + 1) === 0x75) {
    const a = hexDigit(s.charCodeAt(i + 2));
    const b = hexDigit(s.charCodeAt(i + 3));
    const d = hexDigit(s.charCodeAt(i + 4));
    const e = hexDigit(s.charCodeAt(i + 5));
    if ((a | b | d | e) >= 0) {
      width = 6;
      const v = (a << 12) | (b << 8) | (d << 4) | e;
      return v >= 0xd800 && v <= 0xdfff ? 0x20 : v;
    }
  }
  width = 1;
  return c;
};

export const isWordClass = (cls: number): boolean => cls === LETTER || cls === DIGIT || cls === MARK;

export const matchesAt = (s: string, i: number, e: string): boolean => {
  if (i + e.length > s.length) return false;
  for (let k = 0; k < e.length; k++) {
    const c = s.charCodeAt(i + k);
    const lower = c >= 0x41 && c <= 0x5a ? c + 32 : c;
    if (lower !== e.charCodeAt(k)) return false;
  }
  return true;
};

export const isUrlAt = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i) | 0x20;
  if (c === 0x68) return matchesAt(s, i, 'http://') || matchesAt(s, i, 'https://');
  if (c === 0x77) return matchesAt(s, i, 'www.');
  return false;
};

export const boundaryAfter = (s: string, i: number): boolean => {
  if (i >= s.length) return true;
  const k = classOf(s.charCodeAt(i));
  return !isWordClass(k) && k !== APOS;
};
