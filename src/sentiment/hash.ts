/**
 * Hashing for the sentiment model: 32-bit FNV-1a over normalised character codes (computed while
 * scanning, so no token string is ever built) and a finaliser that spreads a hash, with a salt per
 * feature family, over the model's buckets. Training and analysis share these functions, so a
 * change here changes the model: bump MODEL_FORMAT in model-file.ts.
 */

export const FNV_OFFSET = 0x811c9dc5 | 0;

/** One FNV-1a step: the hash so far and the next character code (or code point). */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** MurmurHash3's 32-bit finaliser (full avalanche), of the hash combined with a salt. */
export const mix = (h: number, salt: number): number => {
  let x = (h ^ Math.imul(salt, 0x9e3779b1)) | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
};

/** Combines two hashes in order (a bigram of words, a phrase of the lexicon). */
export const pair = (a: number, b: number): number => (Math.imul(a, 0x2c1b3c6d) ^ b) | 0;

/** Normalised character code for hashing: lower case, Italian/Latin accents folded (æ ø å kept). */
const FOLD = (() => {
  const t = new Uint16Array(0x250);
  for (let c = 0; c < t.length; c++) t[c] = c;
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 32;
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) t[c] = c + 32;
  // Latin Extended-A: pairs upper (even) / lower (odd) for most of the block.
  for (let c = 0x100; c <= 0x17f; c += 2) t[c] = c + 1;
  const fold: [string, string][] = [['àáâãäā', 'a'], ['èéêëē', 'e'], ['ìíîïī', 'i'], ['òóôõöō', 'o'], ['ùúûüū', 'u'], ['ç', 'c'], ['ñ', 'n'], ['ý', 'y']];
  for (const [from, to] of fold) for (const ch of from) {
    const lower = ch.charCodeAt(0);
    t[lower] = to.charCodeAt(0);
    const upper = ch.toUpperCase().charCodeAt(0);
    if (upper < t.length) t[upper] = to.charCodeAt(0);
  }
  return t;
})();

/** Lower-cases and folds one code point (Latin, Greek and Cyrillic capitals; others unchanged). */
export const normChar = (c: number): number => {
  if (c < 0x250) return FOLD[c]!;
  if (c >= 0x391 && c <= 0x3a9) return c + 32;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  return c;
};

/** Is this code point upper case (for the ALL-CAPS cue)? Latin and Cyrillic only. */
export const isUpper = (c: number): boolean =>
  (c >= 0x41 && c <= 0x5a) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || (c >= 0x410 && c <= 0x42f);

/** The hash of a word as the tokenizer computes it (for lexicons and word lists). */
export const hashWord = (word: string): number => {
  let h = FNV_OFFSET;
  let last = -1;
  let run = 0;
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    if (c === 0x27 || c === 0x2019) continue; // apostrophes are not hashed ("don't" = "dont")
    const v = normChar(c);
    run = v === last ? run + 1 : 1;
    last = v;
    if (run <= 2) h = fnvStep(h, v); // as the tokenizer: "wooow" = "woow"
  }
  return h;
};

/** The hash of a phrase of words separated by spaces or hyphens (lexicon entries like "fa schifo"). */
export const hashPhrase = (phrase: string): number => {
  const words = phrase.trim().split(/[\s-]+/);
  let h = hashWord(words[0]!);
  for (let i = 1; i < words.length; i++) h = pair(h, hashWord(words[i]!));
  return h;
};
