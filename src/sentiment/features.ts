/**
 * Features of a text for the sentiment, emotion and language heads, in two parts:
 *
 * - **hashed** (language-independent, computed first): word unigrams (words in a negation's scope
 *   hashed apart: "not good" ≠ "good"), word bigrams, character n-grams of words, emoji, emoticons
 *   and markers (URL, @mention, "!", "?"), each hashed with its family's salt into 2^bits buckets;
 * - **dense** (computed once the language is known): lexicon valence summed with the rules of that
 *   language — negation scope (also Danish "virker ikke", after the verb), intensifiers and
 *   downtoners, ALL CAPS, contrast ("but"/"men"/"ma": what follows counts more) — emoji valence
 *   and emotion, punctuation and shape. Each dense feature has a shared weight and one per language.
 *
 * One Featurizer reuses its buffers from text to text: it is not re-entrant.
 */
import { mix, pair } from './hash.js';
import { HashLexicon, STARTS_PHRASE2, STARTS_PHRASE3, STARTS_PHRASE3_PAIR } from './lexicon.js';
import { ANY_LANGUAGE, EMOTIONS, RULES, SYMBOLS, type ModelLanguage } from './rules.js';
import {
  BREAK, CAPS, ELONGATED, EMOJI, EMOTICON, EXCLAIM, HASHTAG, MENTION, QUESTION, REPEATED, TokenBuffer, URL, WORD, tokenize,
} from './tokenize.js';

export interface FeatureConfig {
  /** log2 of the number of hashed buckets. */
  bits: number;
  /** Character n-grams of words, from charMin to charMax letters (0: none), with this value each. */
  charMin: number;
  charMax: number;
  charWeight: number;
  /** Word bigrams. */
  bigrams: boolean;
  /** Words in a negation's scope after the negator. */
  negationScope: number;
}

export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, charMin: 3, charMax: 5, charWeight: 0.2, bigrams: true, negationScope: 3 };

// Hash salts of the feature families.
const UNIGRAM = 1;
const NEGATED = 2;
const BIGRAM = 3;
const CHARS = 4;
const MARKER = 5;

// Dense features: their positions, then one per emotion (emoji and emoticons showing it).
const D = {
  bias: 0,
  lex_pos: 1,
  lex_neg: 2,
  negated_pos: 3,
  negated_neg: 4,
  last_clause_pos: 5,
  last_clause_neg: 6,
  compound: 7,
  has_pos: 8,
  has_neg: 9,
  max_pos: 10,
  max_neg: 11,
  symbol_pos: 12,
  symbol_neg: 13,
  exclaim: 14,
  question: 15,
  url: 16,
  mention: 17,
  caps: 18,
  elongated: 19,
  negator: 20,
  no_opinion: 21,
  length: 22,
  compound_exclaim: 23,
  hashtags: 24,
  lex_hits: 25,
} as const;
const SYMBOL_EMOTION = 26;
export const DENSE = SYMBOL_EMOTION + EMOTIONS.length;
export const DENSE_NAMES: readonly string[] = [...Object.keys(D), ...EMOTIONS.map((e) => `symbol_${e}`)];

/** The lexicons a featurizer reads: one per model language, and one for emoji and emoticons. */
export interface Lexicons {
  en: HashLexicon;
  da: HashLexicon;
  it: HashLexicon;
  symbols: HashLexicon;
}

const NEGATION_FLIP = -0.74; // VADER's scalar for a negated opinion word

export class Featurizer {
  readonly tokens = new TokenBuffer();
  /** Hashed features: bucket indices and values, `nnz` of them. */
  idx = new Int32Array(1024);
  val = new Float32Array(1024);
  nnz = 0;
  /** Dense features of the last denseFor call. */
  readonly dense = new Float64Array(DENSE);
  private readonly shift: number;
  private negated = new Uint8Array(64);

  constructor(readonly config: FeatureConfig, readonly lexicons: Lexicons) {
    this.shift = 32 - config.bits;
  }

  /** Tokenizes `text` and computes its hashed features. */
  hashed(text: string): void {
    const tk = tokenize(text, this.tokens);
    const n = tk.count;
    const cfg = this.config;
    const maxFeatures = n * (3 + (cfg.charMax > 0 ? 26 * (cfg.charMax - cfg.charMin + 1) : 0)) + 16;
    if (this.idx.length < maxFeatures) {
      this.idx = new Int32Array(maxFeatures * 2);
      this.val = new Float32Array(maxFeatures * 2);
    }
    if (this.negated.length < n + 1) this.negated = new Uint8Array(2 * n + 1);
    const idx = this.idx;
    const val = this.val;
    const shift = this.shift;
    const kind = tk.kind;
    const hash = tk.hash;
    const negated = this.negated;
    const negators = ANY_LANGUAGE.negators;
    const nonOpinion = ANY_LANGUAGE.nonOpinion;
    let k = 0;
    let scope = 0;
    let prev = 0; // hash of the previous token of the clause, 0 at a clause start
    for (let t = 0; t < n; t++) {
      const kd = kind[t]!;
      const h = hash[t]!;
      negated[t] = 0;
      if (kd === BREAK || kd === EXCLAIM || kd === QUESTION) {
        scope = 0;
        if (kd !== BREAK) {
          idx[k] = mix(h + (tk.flags[t]! & REPEATED), MARKER) >>> shift;
          val[k++] = 1;
        }
        prev = 0;
        continue;
      }
      if (kd === WORD) {
        if (nonOpinion.has(h)) {
          prev = 0;
          continue;
        }
        const isNegator = negators.has(h);
        if (scope > 0 && !isNegator) {
          negated[t] = 1;
          scope--;
        }
        idx[k] = mix(h, negated[t] === 1 ? NEGATED : UNIGRAM) >>> shift;
        val[k++] = 1;
        if (isNegator) scope = cfg.negationScope;
        if (cfg.charMax > 0) k = this.charGrams(t, k);
      } else {
        idx[k] = mix(h, kd === EMOJI || kd === EMOTICON ? UNIGRAM : MARKER) >>> shift;
        val[k++] = 1;
      }
      if (cfg.bigrams && prev !== 0) {
        idx[k] = mix(pair(prev, h), BIGRAM) >>> shift;
        val[k++] = 1;
      }
      prev = h;
    }
    this.nnz = k;
  }

  private charGrams(t: number, k: number): number {
    const tk = this.tokens;
    const chars = tk.chars;
    const start = tk.start[t]!;
    const end = Math.min(tk.end[t]!, start + 24);
    const len = end - start;
    const { charMin, charMax, charWeight } = this.config;
    const shift = this.shift;
    const idx = this.idx;
    const val = this.val;
    // Positions -1 and len are the word's boundaries (code 0).
    for (let from = -1; from < len; from++) {
      let h = 0x811c9dc5 | 0;
      for (let m = 0; m < charMax && from + m <= len; m++) {
        const p = from + m;
        const c = p < 0 || p >= len ? 0 : chars[start + p]!;
        h = Math.imul(h ^ c, 0x01000193);
        if (m + 1 >= charMin) {
          idx[k] = mix(h, CHARS) >>> shift;
          val[k++] = charWeight;
        }
      }
    }
    return k;
  }

  /** Computes the dense features of the last hashed text, with the lexicon and rules of `lang`. */
  denseFor(lang: ModelLanguage): void {
    const tk = this.tokens;
    const n = tk.count;
    const kind = tk.kind;
    const hash = tk.hash;
    const flags = tk.flags;
    const lex = this.lexicons[lang];
    const symbols = this.lexicons.symbols;
    const rules = RULES[lang];
    const f = this.dense;
    f.fill(0);
    f[D.bias] = 1;

    // The last contrast word: what follows it weighs more, what precedes it less.
    let lastContrast = -1;
    let words = 0;
    let capsWords = 0;
    for (let t = 0; t < n; t++) {
      if (kind[t] !== WORD) continue;
      words++;
      if ((flags[t]! & CAPS) !== 0) capsWords++;
      if (rules.contrast.has(hash[t]!)) lastContrast = t;
    }
    const shouting = words > 0 && capsWords / words > 0.6;

    let scope = 0;
    let sum = 0;
    let hits = 0;
    let exclaims = 0;
    for (let t = 0; t < n; t++) {
      const kd = kind[t]!;
      const h = hash[t]!;
      if (kd === BREAK || kd === EXCLAIM || kd === QUESTION) {
        scope = 0;
        if (kd === EXCLAIM) exclaims += (flags[t]! & REPEATED) !== 0 ? 2 : 1;
        else if (kd === QUESTION) f[D.question] = 1;
        continue;
      }
      if (kd === URL) f[D.url] = 1;
      else if (kd === MENTION) f[D.mention] = 1;
      if (kd === EMOJI || kd === EMOTICON) {
        const v = symbols.valence(h);
        if (!Number.isNaN(v)) {
          if (v > 0) add(f, D.symbol_pos, v);
          else add(f, D.symbol_neg, -v);
          sum += v;
          hits++;
        }
        const s = SYMBOLS.get(h);
        if (s !== undefined && s.emotion >= 0) add(f, SYMBOL_EMOTION + s.emotion, 1);
        continue;
      }
      if (kd !== WORD) continue;
      if ((flags[t]! & HASHTAG) !== 0) add(f, D.hashtags, 1);
      if (rules.contrast.has(h)) {
        scope = 0;
        continue;
      }
      // Phrases first ("gør ondt", "fa schifo", "not working"), then negators, then the word.
      let v = NaN;
      let span = 1;
      const fl = lex.flagsOf(h);
      if ((fl & STARTS_PHRASE3) !== 0 && t + 2 < n && kind[t + 1] === WORD && kind[t + 2] === WORD) {
        const p2 = pair(h, hash[t + 1]!);
        if ((lex.flagsOf(p2) & STARTS_PHRASE3_PAIR) !== 0) {
          v = lex.valence(pair(p2, hash[t + 2]!));
          if (!Number.isNaN(v)) span = 3;
        }
      }
      if (Number.isNaN(v) && (fl & STARTS_PHRASE2) !== 0 && t + 1 < n && kind[t + 1] === WORD) {
        v = lex.valence(pair(h, hash[t + 1]!));
        if (!Number.isNaN(v)) span = 2;
      }
      if (span === 1) {
        if (rules.negators.has(h)) {
          f[D.negator] = 1;
          scope = this.config.negationScope;
          continue;
        }
        if (rules.nonOpinion.has(h)) continue;
        v = lex.valence(h);
        if (Number.isNaN(v) && (flags[t]! & ELONGATED) !== 0) v = lex.valence(tk.hash1[t]!);
      }
      const inScope = scope > 0;
      if (scope > 0) scope--;
      if (Number.isNaN(v)) continue;

      // Modifiers: intensifier or downtoner just before, shouting, elongation.
      let m = 1;
      for (let b = t - 1; b >= 0 && b >= t - 2; b--) {
        if (kind[b] !== WORD) break;
        if (rules.intensifiers.has(hash[b]!)) m *= 1.3;
        else if (rules.downtoners.has(hash[b]!)) m *= 0.7;
      }
      if ((flags[t]! & CAPS) !== 0 && !shouting) m *= 1.3;
      if ((flags[t]! & ELONGATED) !== 0) m *= 1.2;
      v *= m;
      // Danish puts "ikke" after the finite verb: "den virker ikke", "det hjalp ikke".
      const after = t + span;
      const negatedAfter = lang === 'da' && after < n && kind[after] === WORD && rules.negators.has(hash[after]!);
      const isNegated = inScope || negatedAfter;
      const weight = lastContrast < 0 ? 1 : t > lastContrast ? 1.5 : 0.5;
      if (isNegated) {
        if (v > 0) add(f, D.negated_pos, v);
        else add(f, D.negated_neg, -v);
      } else {
        if (v > 0) {
          add(f, D.lex_pos, v * weight);
          if (v > f[D.max_pos]!) f[D.max_pos] = v;
        } else {
          add(f, D.lex_neg, -(v * weight));
          if (-v > f[D.max_neg]!) f[D.max_neg] = -v;
        }
        if (t > lastContrast && lastContrast >= 0) {
          if (v > 0) add(f, D.last_clause_pos, v);
          else add(f, D.last_clause_neg, -v);
        }
      }
      sum += (isNegated ? NEGATION_FLIP * v : v) * weight;
      hits++;
      t += span - 1;
    }
    const compound = sum / Math.sqrt(sum * sum + 0.94);
    f[D.compound] = compound;
    f[D.has_pos] = f[D.lex_pos]! + f[D.negated_neg]! > 0 ? 1 : 0;
    f[D.has_neg] = f[D.lex_neg]! + f[D.negated_pos]! > 0 ? 1 : 0;
    f[D.exclaim] = Math.min(exclaims, 3) / 3;
    f[D.compound_exclaim] = exclaims > 0 ? compound : 0;
    f[D.caps] = capsWords > 0 ? 1 : 0;
    f[D.elongated] = hasFlag(tk, ELONGATED) ? 1 : 0;
    f[D.no_opinion] = hits === 0 ? 1 : 0;
    f[D.lex_hits] = Math.min(hits, 6) / 6;
    f[D.length] = Math.log1p(n) / 4;
    f[D.hashtags] = Math.min(f[D.hashtags]!, 3) / 3;
    for (let e = 0; e < EMOTIONS.length; e++) f[SYMBOL_EMOTION + e] = Math.min(f[SYMBOL_EMOTION + e]!, 3) / 3;
  }
}

const add = (f: Float64Array, i: number, v: number): void => {
  f[i] = f[i]! + v;
};

const hasFlag = (tk: TokenBuffer, flag: number): boolean => {
  for (let t = 0; t < tk.count; t++) if ((tk.flags[t]! & flag) !== 0) return true;
  return false;
};
