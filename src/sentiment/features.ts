/**
 * Features of a text for the sentiment, emotion and language heads, in two parts:
 *
 * - **hashed** (language-independent, computed first): word unigrams (words in a negation's scope
 *   hashed apart: "not good" ≠ "good"), word bigrams, emoji, emoticons and markers (URL, @mention,
 *   "!", "?") — value 1 each, in `words` — and character n-grams of words — value `charWeight` each,
 *   in `chars` — as bucket numbers of a 2^bits table. Non-opinion words ("tak", "grazie") come last
 *   in both lists: only the language head reads them.
 * - **dense** (dense-features.ts, once the language is known): lexicon valence summed with that language's rules —
 *   negation scope (also Danish "virker ikke", after the verb), intensifiers and downtoners, ALL
 *   CAPS, contrast ("but"/"men"/"ma": what follows counts more) — emoji valence and emotion,
 *   punctuation and shape. Each dense feature has a shared weight and one per language.
 *
 * One lookup in the word table per word; no strings. A Featurizer reuses its buffers from text to
 * text: it is not re-entrant.
 */
import { mix, pair } from './hash.js';
import { DENSE, denseFeatures } from './dense-features.js';
import type { HashLexicon } from './lexicon.js';
import type { ModelLanguage } from './rules.js';
import {
  BREAK, EMOJI, EMOTICON, EXCLAIM, QUESTION, REPEATED, TokenBuffer, WORD, tokenize,
} from './tokenize.js';
import {
  ANY_CONTRAST, ANY_NEGATOR, NON_OPINION, buildWordTable, type WordTable,
} from './word-table.js';

export interface FeatureConfig {
  /** log2 of the number of hashed buckets. */
  bits: number;
  /** Character n-grams of words, from charMin to charMax letters (charMax 0: none), with this value each. */
  charMin: number;
  charMax: number;
  charWeight: number;
  /** Word bigrams. */
  bigrams: boolean;
  /** Words in a negation's scope after the negator. */
  negationScope: number;
  /** Words before a text's last contrast word ("but", "men", "ma") hashed apart. */
  contrastFamily?: boolean;
  /** Character n-grams of words in a negation's scope hashed apart. */
  negatedChars?: boolean;
}

/** The lexicons a featurizer reads: one per model language, and one for emoji and emoticons. */
export interface Lexicons {
  en: HashLexicon;
  da: HashLexicon;
  it: HashLexicon;
  symbols: HashLexicon;
}

// Hash salts of the feature families.
const UNIGRAM = 1;
const NEGATED = 2;
const BIGRAM = 3;
const CHARS = 4;
const MARKER = 5;
const BEFORE_CONTRAST = 6;
const NEGATED_CHARS = 7;


export class Featurizer {
  readonly tokens = new TokenBuffer();
  readonly table: WordTable;
  /** Word-level features (value 1): `wordCount`, the first `wordOpinion` of them for every head. */
  words = new Int32Array(256);
  wordCount = 0;
  wordOpinion = 0;
  /** Character n-grams (value charWeight): `charCount`, the first `charOpinion` for every head. */
  chars = new Int32Array(1024);
  charCount = 0;
  charOpinion = 0;
  /** Words, emoji and emoticons in the last text: with none, there is nothing to judge. */
  units = 0;
  /** Dense features of the last denseFor call. */
  readonly dense = new Float64Array(DENSE);
  /** Word-table slot of each token (−1: not in the table). */
  private slots = new Int32Array(64);
  private readonly shift: number;

  constructor(readonly config: FeatureConfig, lexicons: Lexicons | WordTable) {
    this.shift = 32 - config.bits;
    this.table = 'keys' in lexicons ? lexicons : buildWordTable(lexicons);
  }

  /** Tokenizes `text` and computes its hashed features. */
  hashed(text: string): void {
    const tk = tokenize(text, this.tokens);
    const n = tk.count;
    const cfg = this.config;
    if (this.words.length < 3 * n + 8) this.words = new Int32Array(6 * n + 16);
    const perWord = cfg.charMax > 0 ? 26 * (cfg.charMax - cfg.charMin + 1) : 0;
    if (this.chars.length < perWord * n + 8) this.chars = new Int32Array(2 * perWord * n + 16);
    if (this.slots.length < n + 1) this.slots = new Int32Array(2 * n + 1);
    const words = this.words;
    const slots = this.slots;
    const table = this.table;
    const tflags = table.flags;
    const shift = this.shift;
    const kind = tk.kind;
    const hash = tk.hash;
    let lastContrast = -1;
    let units = 0;
    for (let t = 0; t < n; t++) {
      const kd = kind[t]!;
      const isUnit = kd === WORD || kd === EMOJI || kd === EMOTICON;
      if (isUnit) units++;
      const s = isUnit ? table.find(hash[t]!) : -1;
      slots[t] = s;
      if (s >= 0 && (tflags[s]! & ANY_CONTRAST) !== 0) lastContrast = t;
    }
    this.units = units;
    if (cfg.contrastFamily !== true) lastContrast = -1;
    let w = 0;
    let c = 0;
    let scope = 0;
    let prev = 0; // hash of the previous token of the clause, 0 at a clause start
    let nonOpinion = 0;
    for (let t = 0; t < n; t++) {
      const kd = kind[t]!;
      const h = hash[t]!;
      if (kd === BREAK || kd === EXCLAIM || kd === QUESTION) {
        scope = 0;
        if (kd !== BREAK) words[w++] = mix(h + (tk.flags[t]! & REPEATED), MARKER) >>> shift;
        prev = 0;
        continue;
      }
      if (kd === WORD) {
        const s = slots[t]!;
        const f = s < 0 ? 0 : tflags[s]!;
        if ((f & NON_OPINION) !== 0) {
          nonOpinion++;
          prev = 0;
          continue;
        }
        const isNegator = (f & ANY_NEGATOR) !== 0;
        let family = t < lastContrast ? BEFORE_CONTRAST : UNIGRAM;
        let negated = false;
        if (scope > 0 && !isNegator) {
          family = NEGATED;
          negated = true;
          scope--;
        }
        words[w++] = mix(h, family) >>> shift;
        if (isNegator) scope = cfg.negationScope;
        if (perWord > 0) c = this.charGrams(t, c, negated && cfg.negatedChars === true ? NEGATED_CHARS : CHARS);
      } else words[w++] = mix(h, kd === EMOJI || kd === EMOTICON ? UNIGRAM : MARKER) >>> shift;
      if (cfg.bigrams && prev !== 0) words[w++] = mix(pair(prev, h), BIGRAM) >>> shift;
      prev = h;
    }
    this.wordOpinion = w;
    this.charOpinion = c;
    if (nonOpinion > 0) {
      for (let t = 0; t < n; t++) {
        if (kind[t] !== WORD || slots[t]! < 0 || (tflags[slots[t]!]! & NON_OPINION) === 0) continue;
        words[w++] = mix(hash[t]!, UNIGRAM) >>> shift;
        if (perWord > 0) c = this.charGrams(t, c, CHARS);
      }
    }
    this.wordCount = w;
    this.charCount = c;
  }

  private charGrams(t: number, c: number, salt: number): number {
    const tk = this.tokens;
    const chars = tk.chars;
    const start = tk.start[t]!;
    const len = Math.min(tk.end[t]!, start + 24) - start;
    const { charMin, charMax } = this.config;
    const shift = this.shift;
    const out = this.chars;
    // Positions −1 and len are the word's boundaries (code 0).
    for (let from = -1; from < len; from++) {
      let h = 0x811c9dc5 | 0;
      for (let m = 0; m < charMax && from + m <= len; m++) {
        const p = from + m;
        h = Math.imul(h ^ (p < 0 || p >= len ? 0 : chars[start + p]!), 0x01000193);
        if (m + 1 >= charMin) out[c++] = mix(h, salt) >>> shift;
      }
    }
    return c;
  }

  /** Computes the dense features of the last hashed text, with the lexicon and rules of `lang`. */
  denseFor(lang: ModelLanguage): void {
    denseFeatures(this.tokens, this.table, this.slots, lang, this.config.negationScope, this.dense);
  }
}
