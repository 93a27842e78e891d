/**
 * The analyser: text → language, sentiment with a score, emotion. Synchronous and pure (its only
 * state is its reused buffers): tokenize and hash once, score the language head, compute the dense
 * features with that language's lexicon and rules, score the sentiment and emotion heads.
 *
 * The three heads' int8 weights are interleaved, 16 bytes per bucket (language 4, sentiment 3,
 * emotion 7, 2 spare), so each feature costs one cache line and integer additions; the scales are
 * applied once per text.
 */
import { DENSE } from './dense-features.js';
import { Featurizer } from './features.js';
import { EMOTION_CLASSES, LANGUAGE_CLASSES, SENTIMENT_CLASSES, type Emotion, type Sentiment, type SentimentModel } from './model.js';
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
  languageScores: number[];
  sentimentProbabilities: number[];
  emotionProbabilities: number[];
}

export interface Analyzer {
  analyze(text: string, options?: AnalyzeOptions): Analysis;
  /** The same, with each head's scores and probabilities. */
  explain(text: string, options?: AnalyzeOptions): AnalysisDetail;
}

/** Longer texts are read up to here (a customer's essay is judged by its first pages). */
export const MAX_CHARS = 5000;
const STRIDE = 16;
const NOTHING = [0, 1, 0];
const L = 0; // offsets of the heads in a bucket
const S = 4;
const E = 7;

/** The heads' hashed weights interleaved, 16 bytes per bucket. */
const interleave = (model: SentimentModel): Int8Array => {
  const buckets = 2 ** model.features.bits;
  const out = new Int8Array(buckets * STRIDE);
  const heads = [[model.language, L], [model.sentiment, S], [model.emotion, E]] as const;
  for (const [head, offset] of heads) {
    const c = head.classes;
    for (let b = 0; b < buckets; b++) for (let k = 0; k < c; k++) out[b * STRIDE + offset + k] = head.hashed[b * c + k]!;
  }
  return out;
};

export const createAnalyzerFrom = (model: SentimentModel): Analyzer => {
  const fz = new Featurizer(model.features, model.lexicons);
  const W = interleave(model);
  const cw = model.features.charWeight;
  const lang = new Float64Array(LANGUAGE_CLASSES.length);
  const sent = new Float64Array(SENTIMENT_CLASSES.length);
  const emo = new Float64Array(EMOTION_CLASSES.length);
  const opinion = new Float64Array(STRIDE);
  const charSums = new Float64Array(STRIDE);
  const langWords = new Float64Array(4);
  const langChars = new Float64Array(4);

  /** Sums the language columns of features [from, to) of a list into acc. */
  const sumLanguage = (list: Int32Array, from: number, to: number, acc: Float64Array): void => {
    for (let i = from; i < to; i++) {
      const b = list[i]! << 4;
      acc[0] = acc[0]! + W[b]!;
      acc[1] = acc[1]! + W[b + 1]!;
      acc[2] = acc[2]! + W[b + 2]!;
      acc[3] = acc[3]! + W[b + 3]!;
    }
  };

  const run = (text: string, options?: AnalyzeOptions): Analysis => {
    fz.hashed(text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text);
    if (fz.units === 0) {
      // No word, emoji or emoticon ("", "12345", "..."): nothing to judge.
      lang.fill(0);
      sent.set(NOTHING);
      emo.fill(0);
      emo[EMOTION_CLASSES.length - 1] = 1;
      return { lang: options?.lang ?? 'other', sentiment: 'neutral', score: 0, emotion: 'none' };
    }
    // Opinion features count for every head; non-opinion words ("tak") for the language only.
    opinion.fill(0);
    charSums.fill(0);
    sumAll(W, fz.words, 0, fz.wordOpinion, opinion);
    sumAll(W, fz.chars, 0, fz.charOpinion, charSums);
    for (let k = 0; k < STRIDE; k++) opinion[k] = opinion[k]! + cw * charSums[k]!;

    let detected: Language;
    let lexLang: ModelLanguage;
    if (options?.lang !== undefined) {
      detected = options.lang;
      lexLang = options.lang;
    } else {
      langWords.fill(0);
      langChars.fill(0);
      sumLanguage(fz.words, fz.wordOpinion, fz.wordCount, langWords);
      sumLanguage(fz.chars, fz.charOpinion, fz.charCount, langChars);
      const ls = model.language.scale;
      for (let k = 0; k < 4; k++) lang[k] = (opinion[L + k]! + langWords[k]! + cw * langChars[k]!) * ls;
      // en / da / it: the best of the three for the lexicon even when the text is "other".
      let best = 0;
      for (let k = 1; k < 3; k++) if (lang[k]! > lang[best]!) best = k;
      lexLang = LANGUAGE_CLASSES[best] as ModelLanguage;
      const tk = fz.tokens;
      const letters = tk.latinLetters + tk.otherLetters;
      detected = letters === 0 || tk.otherLetters > tk.latinLetters || lang[3]! > lang[best]! ? 'other' : lexLang;
    }
    fz.denseFor(lexLang);
    const copy = LANGUAGE_CLASSES.indexOf(detected);
    const ss = model.sentiment.scale;
    const es = model.emotion.scale;
    for (let k = 0; k < 3; k++) sent[k] = opinion[S + k]! * ss;
    for (let k = 0; k < 7; k++) emo[k] = opinion[E + k]! * es;
    addDense(model.sentiment.dense, fz.dense, copy, sent);
    addDense(model.emotion.dense, fz.dense, copy, emo);
    softmax(sent);
    softmax(emo);
    const s = argmax(sent);
    const score = Math.round((sent[2]! - sent[0]!) * 1000) / 1000;
    return { lang: detected, sentiment: SENTIMENT_CLASSES[s]!, score: score === 0 ? 0 : score, emotion: EMOTION_CLASSES[emotionFor(s, emo)]! };
  };

  return {
    analyze: run,
    explain: (text, options) => {
      const a = run(text, options);
      return { ...a, languageScores: Array.from(lang), sentimentProbabilities: Array.from(sent), emotionProbabilities: Array.from(emo) };
    },
  };
};

/** Adds the 14 weight columns of each listed bucket to acc (unrolled: the hot loop). */
const sumAll = (W: Int8Array, list: Int32Array, from: number, to: number, acc: Float64Array): void => {
  let a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0, a10 = 0, a11 = 0, a12 = 0, a13 = 0;
  for (let i = from; i < to; i++) {
    const b = list[i]! << 4;
    a0 += W[b]!; a1 += W[b + 1]!; a2 += W[b + 2]!; a3 += W[b + 3]!; a4 += W[b + 4]!; a5 += W[b + 5]!; a6 += W[b + 6]!;
    a7 += W[b + 7]!; a8 += W[b + 8]!; a9 += W[b + 9]!; a10 += W[b + 10]!; a11 += W[b + 11]!; a12 += W[b + 12]!; a13 += W[b + 13]!;
  }
  acc[0] = acc[0]! + a0; acc[1] = acc[1]! + a1; acc[2] = acc[2]! + a2; acc[3] = acc[3]! + a3; acc[4] = acc[4]! + a4;
  acc[5] = acc[5]! + a5; acc[6] = acc[6]! + a6; acc[7] = acc[7]! + a7; acc[8] = acc[8]! + a8; acc[9] = acc[9]! + a9;
  acc[10] = acc[10]! + a10; acc[11] = acc[11]! + a11; acc[12] = acc[12]! + a12; acc[13] = acc[13]! + a13;
};

/** Adds the dense part of a head: each dense feature's shared weight and its language copy's. */
const addDense = (w: Float32Array, dense: Float64Array, copy: number, out: Float64Array): void => {
  const c = out.length;
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
  let total = 0;
  for (let k = 0; k < s.length; k++) {
    const e = Math.exp(s[k]! - max);
    s[k] = e;
    total += e;
  }
  for (let k = 0; k < s.length; k++) s[k] = s[k]! / total;
};

// Emotions that go with each sentiment (indices into EMOTION_CLASSES): a positive text shows joy,
// surprise or trust; a negative one anger, sadness, fear or surprise; a neutral one any of the six
// when the model is fairly sure of it, else none.
const WITH_SENTIMENT: readonly (readonly number[])[] = [
  ['anger', 'sadness', 'fear', 'surprise'],
  ['anger', 'joy', 'sadness', 'fear', 'surprise', 'trust'],
  ['joy', 'surprise', 'trust'],
].map((names) => names.map((n) => (EMOTION_CLASSES as readonly string[]).indexOf(n)));
const NONE = EMOTION_CLASSES.indexOf('none');
const NEUTRAL = SENTIMENT_CLASSES.indexOf('neutral');
/**
 * How sure of an emotion the model must be in a neutral text. Chosen on TweetEval's validation split
 * together with neutral questions and thanks ("Hvornår har I åbent?", "Grazie"), which should show
 * none: 0.4 costs TweetEval under a point of macro-F1 against no threshold.
 */
const NEUTRAL_EMOTION_MIN = 0.4;

/** The most likely emotion among those that go with the sentiment. */
const emotionFor = (sentiment: number, p: Float64Array): number => {
  const allowed = WITH_SENTIMENT[sentiment]!;
  let best = allowed[0]!;
  for (const k of allowed) if (p[k]! > p[best]!) best = k;
  if (sentiment === NEUTRAL && (p[best]! < NEUTRAL_EMOTION_MIN || p[NONE]! > p[best]!)) return NONE;
  return best;
};

const argmax = (s: Float64Array): number => {
  let best = 0;
  for (let k = 1; k < s.length; k++) if (s[k]! > s[best]!) best = k;
  return best;
};

