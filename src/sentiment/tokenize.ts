/**
 * The sentiment tokenizer: one pass over a text's character codes into reusable typed arrays — no
 * strings, no regular expressions. Words are hashed as they are read (lower case, accents folded,
 * letters repeated three or more times capped at two: "sooooo" = "soo"); each emoji is its own token,
 * so glued "😡😡" is two; emoticons (":-)", "<3", "xD"), URLs, @mentions, #hashtags, numbers, "!" and
 * "?" runs and clause breaks (. , ; : … newlines) are tokens of their own kinds. Literal "\u2019"
 * escapes, left in some tweet corpora, are read as the character they name.
 */
import { FNV_OFFSET, fnvStep, hashWord, isUpper, normChar } from './hash.js';
import { APOS, AT, BANG, CLASS, classOf, cpAt, DIGIT, EMOJI_CHAR, GLUE, HASH, isUrlAt, isWordClass, LETTER, MARK, QMARK, STOP, width } from './chars.js';
import { EMOTICON_BY_FIRST, matchEmoticon, matched } from './emoticons.js';
import { BREAK, CAPS, ELONGATED, EMOJI, EMOTICON, EXCLAIM, HASHTAG, MENTION, NUMBER, QUESTION, REPEATED, type TokenBuffer, URL, WORD } from './token-buffer.js';

export { BREAK, CAPS, ELONGATED, EMOJI, EMOTICON, EXCLAIM, HASHTAG, MENTION, NUMBER, QUESTION, REPEATED, TokenBuffer, URL, WORD } from './token-buffer.js';

/** English clitics after an apostrophe stay in the word ("don't", "it's"); anything else splits ("l'ho"). */
const isClitic = (s: string, i: number): boolean => {
  let n = 0;
  let a = 0;
  let b = 0;
  let j = i;
  while (j < s.length && n < 3) {
    const c = s.charCodeAt(j) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    if (n === 0) a = c;
    else b = c;
    n++;
    j++;
  }
  if (n === 0 || n > 2 || (j < s.length && classOf(s.charCodeAt(j)) === LETTER)) return false;
  if (n === 1) return a === 0x74 || a === 0x73 || a === 0x64 || a === 0x6d; // t s d m
  return (a === 0x72 && b === 0x65) || (a === 0x76 && b === 0x65) || (a === 0x6c && b === 0x6c); // re ve ll
};

/** Tokenizes `text` into `out` (cleared first) and returns it. */
export const tokenize = (text: string, out: TokenBuffer): TokenBuffer => {
  const n = text.length;
  out.reserve(n);
  out.count = 0;
  out.latinLetters = 0;
  out.otherLetters = 0;
  const kind = out.kind;
  const flags = out.flags;
  const hash = out.hash;
  out.charCount = 0;
  let t = 0;
  let boundary = true; // the previous character was a space, a break or the start
  let i = 0;
  while (i < n) {
    const c = cpAt(text, i);
    const w = width;
    const cls = classOf(c);

    if (cls === LETTER || cls === DIGIT) {
      if (boundary && isUrlAt(text, i)) {
        while (i < n && text.charCodeAt(i) > 0x20) i++;
        kind[t] = URL;
        flags[t] = 0;
        hash[t] = 0x55524c;
        t++;
        boundary = true;
        continue;
      }
      if (boundary && (c | 0x20) === 0x78 && i + 1 < n && (text.charCodeAt(i + 1) | 0x20) === 0x64 && (i + 2 >= n || !isWordClass(classOf(text.charCodeAt(i + 2))))) {
        // "xD" / "XD"
        let j = i + 2;
        while (j < n && (text.charCodeAt(j) | 0x20) === 0x64) j++;
        kind[t] = EMOTICON;
        flags[t] = j > i + 2 ? REPEATED : 0;
        hash[t] = hashWord('xd');
        t++;
        i = j;
        boundary = false;
        continue;
      }
      i = readWord(text, i, out, t);
      t++;
      boundary = false;
      continue;
    }

    if (cls === EMOJI_CHAR) {
      kind[t] = EMOJI;
      flags[t] = 0;
      hash[t] = fnvStep(FNV_OFFSET, c === 0x2665 ? 0x2764 : c); // ♥ is ❤
      t++;
      i += w;
      boundary = true;
      continue;
    }

    if ((cls === AT || cls === HASH) && i + 1 < n && isWordClass(classOf(cpAt(text, i + 1))) && boundary) {
      if (cls === AT) {
        let j = i + 1;
        while (j < n) {
          const d = cpAt(text, j);
          const k = classOf(d);
          if (isWordClass(k) || d === 0x5f) j += width;
          else break;
        }
        kind[t] = MENTION;
        flags[t] = 0;
        hash[t] = 0x404040;
        t++;
        i = j;
        boundary = false;
        continue;
      }
      // A hashtag: the word after '#', flagged.
      i = readWord(text, i + 1, out, t);
      if (kind[t] === WORD) flags[t] = flags[t]! | HASHTAG;
      t++;
      boundary = false;
      continue;
    }

    if (cls === BANG || cls === QMARK) {
      let bangs = 0;
      let qs = 0;
      while (i < n) {
        const k = classOf(text.charCodeAt(i));
        if (k === BANG) bangs++;
        else if (k === QMARK) qs++;
        else break;
        i++;
      }
      if (qs > 0) {
        kind[t] = QUESTION;
        flags[t] = qs > 1 ? REPEATED : 0;
        hash[t] = 0x3f;
        t++;
      }
      if (bangs > 0) {
        kind[t] = EXCLAIM;
        flags[t] = bangs > 1 ? REPEATED : 0;
        hash[t] = 0x21;
        t++;
      }
      boundary = true;
      continue;
    }

    const list = EMOTICON_BY_FIRST.get(text.charCodeAt(i));
    if (list !== undefined && (i === 0 || classOf(text.charCodeAt(i - 1)) !== DIGIT)) {
      const j = matchEmoticon(text, i, list);
      if (j > 0) {
        kind[t] = EMOTICON;
        flags[t] = j > i + matched!.text.length ? REPEATED : 0;
        hash[t] = matched!.hash;
        t++;
        i = j;
        boundary = true;
        continue;
      }
    }

    if (cls === STOP || (cls === APOS && boundary)) {
      if (cls === STOP && (t === 0 || kind[t - 1] !== BREAK)) {
        kind[t] = BREAK;
        flags[t] = 0;
        hash[t] = 0x2e;
        t++;
      }
      i += w;
      boundary = true;
      continue;
    }
    i += w;
    boundary = cls !== GLUE && cls !== MARK ? true : boundary;
  }
  out.count = t;
  return out;
};

/** Reads the word or number starting at text[i] into token t; returns the index after it. */
const readWord = (text: string, i: number, out: TokenBuffer, t: number): number => {
  const n = text.length;
  const chars = out.chars;
  const start = out.charCount;
  let nc = start;
  let h = FNV_OFFSET;
  let last = -1;
  let run = 0;
  let letters = 0;
  let uppers = 0;
  let elongated = false;
  let latin = 0;
  let other = 0;
  let j = i;
  while (j < n) {
    const a = text.charCodeAt(j);
    if (a < 0x80) {
      // ASCII letters and digits: the common case, without the general path's checks.
      const k = CLASS[a]!;
      if (k === LETTER || k === DIGIT) {
        let v = a;
        if (k === LETTER) {
          letters++;
          latin++;
          if (a <= 0x5a) {
            uppers++;
            v = a + 32;
          }
        }
        if (v === last) run++;
        else {
          last = v;
          run = 1;
        }
        if (run <= 2) {
          h = Math.imul(h ^ v, 0x01000193);
          chars[nc++] = v;
        } else elongated = true;
        j++;
        continue;
      }
    }
    const c = cpAt(text, j);
    const w = width;
    const k = classOf(c);
    if (k === LETTER || k === DIGIT) {
      if (k === LETTER) {
        letters++;
        if (isUpper(c)) uppers++;
        if (c < 0x250) latin++;
        else other++;
      }
      const v = normChar(c);
      if (v === last) run++;
      else {
        last = v;
        run = 1;
      }
      if (run <= 2) {
        h = fnvStep(h, v);
        chars[nc++] = v;
      } else elongated = true;
      j += w;
    } else if (k === MARK || k === GLUE) {
      j += w;
    } else if (k === APOS && letters > 0 && isClitic(text, j + w)) {
      j += w;
    } else if (letters === 0 && (c === 0x2e || c === 0x2c || c === 0x3a) && j + 1 < n && classOf(text.charCodeAt(j + 1)) === DIGIT) {
      j += 1; // "1.5", "10,000", "10:30", "24.12.2025": one number
    } else break;
  }
  out.latinLetters += latin;
  out.otherLetters += other;
  if (letters === 0) {
    out.kind[t] = NUMBER;
    out.flags[t] = 0;
    out.hash[t] = 0x4e554d;
    out.start[t] = start;
    out.end[t] = start;
    return j;
  }
  out.kind[t] = WORD;
  out.flags[t] = (letters >= 2 && uppers === letters ? CAPS : 0) | (elongated ? ELONGATED : 0);
  out.hash[t] = h;
  out.hash1[t] = elongated ? collapsedHash(text, i, j) : h;
  out.start[t] = start;
  out.end[t] = nc;
  out.charCount = nc;
  return j;
};

/** The hash of text[i, end) with runs of three or more of a letter reduced to one. */
const collapsedHash = (text: string, i: number, end: number): number => {
  let h = FNV_OFFSET;
  let last = -1;
  let run = 0;
  const flush = () => {
    if (last < 0) return;
    const times = run >= 3 ? 1 : run;
    for (let k = 0; k < times; k++) h = fnvStep(h, last);
  };
  let j = i;
  while (j < end) {
    const c = cpAt(text, j);
    const w = width;
    const k = classOf(c);
    if (k === LETTER || k === DIGIT) {
      const v = normChar(c);
      if (v === last) run++;
      else {
        flush();
        last = v;
        run = 1;
      }
    }
    j += w;
  }
  flush();
  return h;
};
