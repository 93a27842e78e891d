/**
 * Dense features of a text, once its language is known: the lexicon valence summed with that
 * language's rules — negation scope (also Danish "virker ikke", after the verb), intensifiers and
 * downtoners, ALL CAPS, contrast ("but"/"men"/"ma": what follows counts more) — emoji valence and
 * emotion, punctuation and shape. Each has a shared weight and one per language in the model.
 */
import { pair } from './hash.js';
import { EMOTIONS, type ModelLanguage } from './rules.js';
import { BREAK, CAPS, ELONGATED, EMOJI, EMOTICON, EXCLAIM, HASHTAG, MENTION, QUESTION, REPEATED, URL, WORD, type TokenBuffer } from './tokenize.js';
import { CONTRAST, DOWNTONER, INTENSIFIER, NEGATOR, PHRASE2, PHRASE3, PHRASE3_PAIR, SYMBOL, SYMBOL_SLOT, VALENCE, languageShift, type WordTable } from './word-table.js';

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
/** The dense features' names, in order (for explanations and debugging). */
export const DENSE_NAMES: readonly string[] = [...Object.keys(D), ...EMOTIONS.map((e) => `symbol_${e}`)];

const NEGATION_FLIP = -0.74; // VADER's scalar for a negated opinion word

/**
 * The dense features of the tokens `tk` (their word-table `slots` looked up already) with the lexicon
 * and rules of `lang`, into `f`; a negation reaches `negationScope` words.
 */
export const denseFeatures = (tk: TokenBuffer, table: WordTable, slots: Int32Array, lang: ModelLanguage, negationScope: number, f: Float64Array): void => {
  const n = tk.count;
  const kind = tk.kind;
  const hash = tk.hash;
  const flags = tk.flags;
  const tflags = table.flags;
  const valence = table.valence;
  const sh = languageShift(lang);
  const li = sh >>> 3;
  f.fill(0);
  f[D.bias] = 1;

  // The last contrast word: what follows it weighs more, what precedes it less.
  let lastContrast = -1;
  let wordsSeen = 0;
  let capsWords = 0;
  let elongated = 0;
  for (let t = 0; t < n; t++) {
    if (kind[t] !== WORD) continue;
    wordsSeen++;
    const fl = flags[t]!;
    if ((fl & CAPS) !== 0) capsWords++;
    if ((fl & ELONGATED) !== 0) elongated = 1;
    const s = slots[t]!;
    if (s >= 0 && ((tflags[s]! >>> sh) & CONTRAST) !== 0) lastContrast = t;
  }
  const shouting = wordsSeen > 0 && capsWords / wordsSeen > 0.6;

  let lexPos = 0;
  let lexNeg = 0;
  let negPos = 0;
  let negNeg = 0;
  let lastPos = 0;
  let lastNeg = 0;
  let maxPos = 0;
  let maxNeg = 0;
  let symPos = 0;
  let symNeg = 0;
  let hashtags = 0;
  let scope = 0;
  let sum = 0;
  let hits = 0;
  let exclaims = 0;
  for (let t = 0; t < n; t++) {
    const kd = kind[t]!;
    if (kd === BREAK || kd === EXCLAIM || kd === QUESTION) {
      scope = 0;
      if (kd === EXCLAIM) exclaims += (flags[t]! & REPEATED) !== 0 ? 2 : 1;
      else if (kd === QUESTION) f[D.question] = 1;
      continue;
    }
    if (kd === URL) f[D.url] = 1;
    else if (kd === MENTION) f[D.mention] = 1;
    const s = slots[t]!;
    if (kd === EMOJI || kd === EMOTICON) {
      if (s >= 0 && (tflags[s]! & SYMBOL) !== 0) {
        const v = valence[s * 4 + SYMBOL_SLOT]!;
        if (v > 0) symPos += v;
        else symNeg -= v;
        sum += v;
        hits++;
        const e = table.emotion[s]!;
        if (e >= 0) f[SYMBOL_EMOTION + e] = f[SYMBOL_EMOTION + e]! + 1;
      }
      continue;
    }
    if (kd !== WORD) continue;
    if ((flags[t]! & HASHTAG) !== 0) hashtags++;
    const fl = s < 0 ? 0 : tflags[s]! >>> sh;
    if ((fl & CONTRAST) !== 0) {
      scope = 0;
      continue;
    }
    // Phrases first ("gør ondt", "fa schifo", "not working"), then negators, then the word.
    let v = NaN;
    let span = 1;
    if ((fl & PHRASE3) !== 0 && t + 2 < n && kind[t + 1] === WORD && kind[t + 2] === WORD) {
      const p2 = table.find(pair(hash[t]!, hash[t + 1]!));
      if (p2 >= 0 && ((tflags[p2]! >>> sh) & PHRASE3_PAIR) !== 0) {
        const p3 = table.find(pair(pair(hash[t]!, hash[t + 1]!), hash[t + 2]!));
        if (p3 >= 0 && ((tflags[p3]! >>> sh) & VALENCE) !== 0) {
          v = valence[p3 * 4 + li]!;
          span = 3;
        }
      }
    }
    if (span === 1 && (fl & PHRASE2) !== 0 && t + 1 < n && kind[t + 1] === WORD) {
      const p2 = table.find(pair(hash[t]!, hash[t + 1]!));
      if (p2 >= 0 && ((tflags[p2]! >>> sh) & VALENCE) !== 0) {
        v = valence[p2 * 4 + li]!;
        span = 2;
      }
    }
    if (span === 1) {
      if ((fl & NEGATOR) !== 0) {
        f[D.negator] = 1;
        scope = negationScope;
        continue;
      }
      if ((fl & VALENCE) !== 0) v = valence[s * 4 + li]!;
      else if ((flags[t]! & ELONGATED) !== 0) {
        const s1 = table.find(tk.hash1[t]!);
        if (s1 >= 0 && ((tflags[s1]! >>> sh) & VALENCE) !== 0) v = valence[s1 * 4 + li]!;
      }
    }
    const inScope = scope > 0;
    if (scope > 0) scope--;
    if (Number.isNaN(v)) continue;

    // Modifiers: intensifier or downtoner just before, shouting, elongation.
    let m = 1;
    for (let b = t - 1; b >= 0 && b >= t - 2; b--) {
      if (kind[b] !== WORD || slots[b]! < 0) break;
      const bf = tflags[slots[b]!]! >>> sh;
      if ((bf & INTENSIFIER) !== 0) m *= 1.3;
      else if ((bf & DOWNTONER) !== 0) m *= 0.7;
    }
    if ((flags[t]! & CAPS) !== 0 && !shouting) m *= 1.3;
    if ((flags[t]! & ELONGATED) !== 0) m *= 1.2;
    v *= m;
    // Danish puts "ikke" after the finite verb: "den virker ikke", "det hjalp ikke".
    const after = t + span;
    const negatedAfter = li === 1 && after < n && kind[after] === WORD && slots[after]! >= 0 && ((tflags[slots[after]!]! >>> sh) & NEGATOR) !== 0;
    const isNegated = inScope || negatedAfter;
    const weight = lastContrast < 0 ? 1 : t > lastContrast ? 1.5 : 0.5;
    if (isNegated) {
      if (v > 0) negPos += v;
      else negNeg -= v;
    } else {
      if (v > 0) {
        lexPos += v * weight;
        if (v > maxPos) maxPos = v;
      } else {
        lexNeg -= v * weight;
        if (-v > maxNeg) maxNeg = -v;
      }
      if (lastContrast >= 0 && t > lastContrast) {
        if (v > 0) lastPos += v;
        else lastNeg -= v;
      }
    }
    sum += (isNegated ? NEGATION_FLIP * v : v) * weight;
    hits++;
    t += span - 1;
  }
  const compound = sum / Math.sqrt(sum * sum + 0.94);
  f[D.lex_pos] = lexPos;
  f[D.lex_neg] = lexNeg;
  f[D.negated_pos] = negPos;
  f[D.negated_neg] = negNeg;
  f[D.last_clause_pos] = lastPos;
  f[D.last_clause_neg] = lastNeg;
  f[D.max_pos] = maxPos;
  f[D.max_neg] = maxNeg;
  f[D.symbol_pos] = symPos;
  f[D.symbol_neg] = symNeg;
  f[D.compound] = compound;
  f[D.has_pos] = lexPos + negNeg > 0 ? 1 : 0;
  f[D.has_neg] = lexNeg + negPos > 0 ? 1 : 0;
  f[D.exclaim] = Math.min(exclaims, 3) / 3;
  f[D.compound_exclaim] = exclaims > 0 ? compound : 0;
  f[D.caps] = capsWords > 0 ? 1 : 0;
  f[D.elongated] = elongated;
  f[D.no_opinion] = hits === 0 ? 1 : 0;
  f[D.lex_hits] = Math.min(hits, 6) / 6;
  f[D.length] = Math.log1p(n) / 4;
  f[D.hashtags] = Math.min(hashtags, 3) / 3;
  for (let e = 0; e < EMOTIONS.length; e++) f[SYMBOL_EMOTION + e] = Math.min(f[SYMBOL_EMOTION + e]!, 3) / 3;
};
