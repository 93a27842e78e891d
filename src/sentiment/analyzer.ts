/**
 * The analyser: text → language, sentiment with a score, emotion. Synchronous and pure (its only
 * state is its reused buffers): tokenize and hash once, score the language head, compute the dense
 * features with that language's lexicon and rules, score the sentiment and emotion heads.
 */
import { Featurizer } from './features.js';
import {
  DENSE_INPUTS, EMOTION_CLASSES, LANGUAGE_CLASSES, SENTIMENT_CLASSES, type Emotion, type Head, type Sentiment, type SentimentModel,
} from './model.js';
import { DENSE } from './features.js';
import type { Language, ModelLanguage } from './rules.js';

export interface Analysis {
  lang: Language;
  sentiment: Sentiment;
  /** P(positive) − P(negative), in [−1, 1], to 3 decimals. */
  score: number;
  emotion: Emotion;
}

export interface AnalyzeOptions {
  /** The text's language when it is known: skips detection. */
  lang?: ModelLanguage;
}

/** Probabilities behind an analysis, for evaluation and explanations. */
export interface AnalysisDetail extends Analysis {
  languageScores: Float64Array;
  sentimentProbabilities: Float64Array;
  emotionProbabilities: Float64Array;
}

export interface Analyzer {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The same, with each head's probabilities (fresh arrays). */
  explain(text: string, options?: AnalyzeOptions): AnalysisDetail;
}

const MAX_CHARS = 5000;

export const createAnalyzerFrom = (model: SentimentModel): Analyzer => {
  const fz = new Featurizer(model.features, model.lexicons);
  const langScores = new Float64Array(LANGUAGE_CLASSES.length);
  const sent = new Float64Array(SENTIMENT_CLASSES.length);
  const emo = new Float64Array(EMOTION_CLASSES.length);

  const run = (text: string, options?: AnalyzeOptions): Analysis => {
    fz.hashed(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
    const tk = fz.tokens;
    let lang: Language;
    let lexLang: ModelLanguage;
    if (options?.lang !== undefined) {
      lang = options.lang;
      lexLang = options.lang;
    } else {
      scoreHashed(model.language, fz.idx, fz.val, fz.nnz, langScores);
      for (let c = 0; c < langScores.length; c++) langScores[c] = langScores[c]! * model.language.scale + model.language.dense[c]!;
      // en / da / it: the best of the three for the lexicon even when the text is "other".
      let best = 0;
      for (let c = 1; c < 3; c++) if (langScores[c]! > langScores[best]!) best = c;
      lexLang = LANGUAGE_CLASSES[best] as ModelLanguage;
      const letters = tk.latinLetters + tk.otherLetters;
      if (letters === 0 || tk.otherLetters > tk.latinLetters || langScores[3]! > langScores[best]!) lang = 'other';
      else lang = lexLang;
    }
    fz.denseFor(lexLang);
    const copy = LANGUAGE_CLASSES.indexOf(lang);
    scoreHead(model.sentiment, fz, copy, sent);
    scoreHead(model.emotion, fz, copy, emo);
    softmax(sent);
    softmax(emo);
    const s = argmax(sent);
    const score = Math.round((sent[2]! - sent[0]!) * 1000) / 1000;
    return { lang, sentiment: SENTIMENT_CLASSES[s]!, score: score === 0 ? 0 : score, emotion: EMOTION_CLASSES[argmax(emo)]! };
  };

  return {
    analyze: run,
    explain: (text, options) => {
      const a = run(text, options);
      return { ...a, languageScores: langScores.slice(), sentimentProbabilities: sent.slice(), emotionProbabilities: emo.slice() };
    },
  };
};

/** Adds the int8 hashed weights of the features to `out` (unscaled). */
const scoreHashed = (head: Head, idx: Int32Array, val: Float32Array, nnz: number, out: Float64Array): void => {
  const c = head.classes;
  const w = head.hashed;
  out.fill(0);
  if (c === 3) {
    let a = 0;
    let b = 0;
    let d = 0;
    for (let i = 0; i < nnz; i++) {
      const base = idx[i]! * 3;
      const v = val[i]!;
      a += w[base]! * v;
      b += w[base + 1]! * v;
      d += w[base + 2]! * v;
    }
    out[0] = a;
    out[1] = b;
    out[2] = d;
    return;
  }
  for (let i = 0; i < nnz; i++) {
    const base = idx[i]! * c;
    const v = val[i]!;
    for (let k = 0; k < c; k++) out[k] = out[k]! + w[base + k]! * v;
  }
};

/** Scores a sentiment or emotion head: hashed part, then the dense features shared and of language `copy`. */
const scoreHead = (head: Head, fz: Featurizer, copy: number, out: Float64Array): void => {
  scoreHashed(head, fz.idx, fz.val, fz.nnz, out);
  const c = head.classes;
  for (let k = 0; k < c; k++) out[k] = out[k]! * head.scale;
  const dense = fz.dense;
  const w = head.dense;
  const own = DENSE * (1 + copy);
  for (let j = 0; j < DENSE; j++) {
    const x = dense[j]!;
    if (x === 0) continue;
    const shared = j * c;
    const lang = (own + j) * c;
    for (let k = 0; k < c; k++) out[k] = out[k]! + x * (w[shared + k]! + w[lang + k]!);
  }
};

const softmax = (s: Float64Array): void => {
  let max = -Infinity;
  for (let k = 0; k < s.length; k++) if (s[k]! > max) max = s[k]!;
  let sum = 0;
  for (let k = 0; k < s.length; k++) {
    const e = Math.exp(s[k]! - max);
    s[k] = e;
    sum += e;
  }
  for (let k = 0; k < s.length; k++) s[k] = s[k]! / sum;
};

const argmax = (s: Float64Array): number => {
  let best = 0;
  for (let k = 1; k < s.length; k++) if (s[k]! > s[best]!) best = k;
  return best;
};

export { DENSE_INPUTS };
