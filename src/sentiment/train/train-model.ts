/**
 * Trains the sentiment model from the labelled fixtures: builds the lexicons, holds out the
 * validation sets (English and Italian UMSAB val, TweetEval emotion val, and a seeded fifth of the
 * Danish data), fits the three heads, quantises them into the model file's bytes and scores that
 * very file on the validation sets. Deterministic: the same data, settings and seed give the same
 * bytes (L-BFGS has no randomness; the seed picks the Danish split and the "other"-language texts).
 */
import { createAnalyzerFrom } from '../analyzer.js';
import type { LabelledRecord } from '../dataset.js';
import { evaluateRecords, type LanguageEvaluation } from '../evaluate.js';
import { DENSE } from '../dense-features.js';
import { Featurizer, type FeatureConfig, type Lexicons } from '../features.js';
import { hashWord, mix } from '../hash.js';
import { DENSE_INPUTS, EMOTION_CLASSES, LANGUAGE_CLASSES, SENTIMENT_CLASSES, decodeModel, encodeModel, type Head, type SentimentModel } from '../model.js';
import { fitHead } from './fit.js';
import { designOf, languageCopy, oneHot, quantiseHead, targetsOf, type Example } from './design.js';
import { buildLexicons, type LexiconSources } from './lexicons.js';

export interface TrainSettings {
  seed: number;
  features: FeatureConfig;
  /** Sentiment training files and the weight of each of their examples. */
  sentimentSources: Record<string, number>;
  /** Emotion training files (TweetEval, XED) and their weights. */
  emotionSources: Record<string, number>;
  /** Sentiment files whose neutral texts teach the emotion "none", and their weight. */
  noneSources: Record<string, number>;
  /** Class-balance each source (each class of a source gets the same total weight). */
  balance: boolean;
  reg: { sentiment: number; emotion: number; language: number; denseShared: number; denseLanguage: number };
  maxIterations: number;
  /** Texts per "other" language for the language head. */
  otherTexts: number;
  /** Heads not to fit (left at zero): for quick experiments only. */
  skip?: { language?: boolean; sentiment?: boolean; emotion?: boolean };
}

export const DEFAULT_SETTINGS: TrainSettings = {
  seed: 42,
  features: { bits: 18, charMin: 3, charMax: 3, charWeight: 0.3, bigrams: true, negationScope: 3, contrastFamily: true, negatedChars: true },
  sentimentSources: {
    'en-umsab-train': 1, 'en-vader-tweets': 0.5, 'en-vader-amazon': 0.3, 'en-xed-polarity-train': 0.2,
    'it-umsab-train': 1, 'it-xed-polarity-train': 0.3, 'da-xed-polarity-train': 1, 'da-lcc': 0.5,
  },
  emotionSources: { 'en-tweeteval-emotion-train': 1, 'en-xed-emotion-train': 0.2, 'it-xed-emotion-train': 0.3, 'da-xed-emotion-train': 0.5 },
  noneSources: { 'en-umsab-train': 0.5, 'it-umsab-train': 0.5, 'da-lcc': 0.5 },
  balance: true,
  reg: { sentiment: 3e-4, emotion: 3e-4, language: 1e-5, denseShared: 1e-5, denseLanguage: 1e-3 },
  maxIterations: 300,
  otherTexts: 400,
};

/** The validation sets: never trained on. */
export const VALIDATION = { en: 'en-umsab-val', it: 'it-umsab-val', emotion: 'en-tweeteval-emotion-val' } as const;

export interface TrainInput {
  /** Records of each fixture file, by file name without ".jsonl". */
  corpus: Record<string, LabelledRecord[]>;
  lexicons: LexiconSources;
  /** Words of other languages (function words and lexicon words), by language code. */
  otherWords: Record<string, string[]>;
}

export interface Validation {
  sentiment: Record<'en' | 'da' | 'it', LanguageEvaluation | null>;
  emotion: LanguageEvaluation | null;
}

export interface TrainResult {
  model: SentimentModel;
  bytes: Uint8Array;
  validation: Validation;
  danishValidation: LabelledRecord[];
}

/** Is this Danish record held out for validation? (A seeded fifth, by the XED sentence or LCC line.) */
const isDanishValidation = (file: string, id: string, seed: number): boolean => {
  const group = file.startsWith('da-xed') ? 'da-xed' : file;
  return mix(hashWord(`${group}:${id}`), seed) % 5 === 0;
};

/** The validation records: English and Italian UMSAB val, TweetEval emotion val, the Danish fifth. */
export const validationSets = (corpus: Record<string, LabelledRecord[]>, seed: number) => ({
  en: corpus[VALIDATION.en] ?? [],
  it: corpus[VALIDATION.it] ?? [],
  emotion: corpus[VALIDATION.emotion] ?? [],
  da: Object.keys(corpus).sort()
    .filter((f) => f === 'da-xed-polarity-train' || f === 'da-lcc')
    .flatMap((f) => (corpus[f] ?? []).filter((r) => r.sentiment !== null && isDanishValidation(f, r.id, seed))),
});

/** A small seeded PRNG (mulberry32). */
const random = (seed: number) => {
  let a = seed >>> 0;
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};


export const trainModel = (input: TrainInput, settings: TrainSettings = DEFAULT_SETTINGS, log: (line: string) => void = () => {}): TrainResult => {
  const { corpus } = input;
  const lexicons: Lexicons = buildLexicons(input.lexicons);
  const fz = new Featurizer(settings.features, lexicons);
  const buckets = 2 ** settings.features.bits;
  const seed = settings.seed;
  const held = (file: string, r: LabelledRecord) => file.startsWith('da-') && isDanishValidation(file, r.id, seed);
  const records = (file: string): LabelledRecord[] => corpus[file] ?? [];

  // Sentiment examples.
  const sentiment: Example[] = [];
  for (const [file, weight] of Object.entries(settings.sentimentSources)) {
    const rs = records(file).filter((r) => r.sentiment !== null && r.lang !== null && !held(file, r));
    const binary = !rs.some((r) => r.sentiment === 'neutral');
    for (const r of rs) {
      sentiment.push({
        text: r.text, lang: r.lang!, source: file, weight,
        y: oneHot(SENTIMENT_CLASSES.indexOf(r.sentiment!), 3), allowed: binary ? [1, 0, 1] : [1, 1, 1],
      });
    }
  }
  // Emotion examples: the corpora's emotions, and neutral texts as "none".
  const emotion: Example[] = [];
  const E = EMOTION_CLASSES.length;
  for (const [file, weight] of Object.entries(settings.emotionSources)) {
    for (const r of records(file)) {
      if (r.emotions === null || r.lang === null || held(file, r)) continue;
      const y = new Array<number>(E).fill(0);
      for (const e of r.emotions) y[EMOTION_CLASSES.indexOf(e)] = 1 / r.emotions.length;
      emotion.push({ text: r.text, lang: r.lang, source: file, weight, y, allowed: new Array<number>(E).fill(1) });
    }
  }
  for (const [file, weight] of Object.entries(settings.noneSources)) {
    for (const r of records(file)) {
      if (r.sentiment !== 'neutral' || r.lang === null || held(file, r)) continue;
      emotion.push({ text: r.text, lang: r.lang, source: `${file}:none`, weight, y: oneHot(E - 1, E), allowed: new Array<number>(E).fill(1) });
    }
  }
  // Language examples: every training text once, and generated text of other languages.
  const language: Example[] = [];
  const seen = new Set<string>();
  const validationFiles = new Set<string>(Object.values(VALIDATION));
  for (const file of Object.keys(corpus).sort()) {
    if (validationFiles.has(file)) continue;
    for (const r of records(file)) {
      if (r.lang === null || held(file, r) || seen.has(r.text)) continue;
      seen.add(r.text);
      language.push({ text: r.text, lang: r.lang, source: 'language', weight: 1, y: oneHot(languageCopy(r.lang), 4), allowed: [1, 1, 1, 1] });
    }
  }
  // Word salad in every language — other languages' from their function words and lexicons, and
  // ours from their lexicons too, so that salad itself says nothing about the language.
  const rand = random(seed);
  const salad = (words: readonly string[], label: number) => {
    for (let i = 0; i < settings.otherTexts; i++) {
      const n = 1 + Math.floor(rand() * 12);
      const text = Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]!).join(' ');
      language.push({ text, lang: 'en', source: 'language', weight: 1, y: oneHot(label, 4), allowed: [1, 1, 1, 1] });
    }
  };
  const lexiconWords = (m: ReadonlyMap<string, number>) => [...m.keys()].filter((w) => /^[\p{L}' ]+$/u.test(w)).flatMap((w) => w.toLowerCase().split(' '));
  salad(lexiconWords(input.lexicons.vader), 0);
  salad(lexiconWords(input.lexicons.afinnDa), 1);
  salad(lexiconWords(input.lexicons.afinnIt), 2);
  for (const code of Object.keys(input.otherWords).sort()) if (input.otherWords[code]!.length > 0) salad(input.otherWords[code]!, 3);

  log(`examples: sentiment ${sentiment.length}, emotion ${emotion.length}, language ${language.length}`);
  const denseReg = new Float64Array(DENSE_INPUTS);
  for (let j = 0; j < DENSE_INPUTS; j++) denseReg[j] = j < DENSE ? settings.reg.denseShared : settings.reg.denseLanguage;

  const fitOne = (name: string, examples: Example[], classes: number, withDense: boolean, reg: number, balance: boolean): Head => {
    const t0 = performance.now();
    const design = designOf(fz, examples, withDense);
    const targets = targetsOf(examples, classes, balance);
    const fitted = fitHead(design, targets, { hashed: reg, dense: withDense ? denseReg : new Float64Array(1).fill(1e-6) }, buckets, { maxIterations: settings.maxIterations });
    log(`${name}: ${examples.length} texts, ${fitted.iterations} iterations (${fitted.stopped}), loss ${fitted.loss.toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return quantiseHead(fitted, classes, withDense ? DENSE_INPUTS * classes : classes);
  };

  const zero = (classes: number, denseLength: number): Head => ({ classes, hashed: new Int8Array(buckets * classes), scale: 1, dense: new Float32Array(denseLength) });
  const languageHead = settings.skip?.language === true ? zero(4, 4) : fitOne('language', language, 4, false, settings.reg.language, true);
  const sentimentHead = settings.skip?.sentiment === true ? zero(3, DENSE_INPUTS * 3) : fitOne('sentiment', sentiment, 3, true, settings.reg.sentiment, settings.balance);
  const emotionHead = settings.skip?.emotion === true ? zero(E, DENSE_INPUTS * E) : fitOne('emotion', emotion, E, true, settings.reg.emotion, settings.balance);

  const danishValidation = validationSets(corpus, seed).da;
  const notes = {
    seed,
    settings: { ...settings, features: undefined },
    trainedOn: { sentiment: Object.keys(settings.sentimentSources), emotion: Object.keys(settings.emotionSources), none: Object.keys(settings.noneSources) },
    heldOut: { ...VALIDATION, da: `a seeded fifth of the Danish files (seed ${seed})` },
  };
  const draft: SentimentModel = { features: settings.features, lexicons, language: languageHead, sentiment: sentimentHead, emotion: emotionHead, notes };
  const bytes = encodeModel(draft);
  const model = decodeModel(bytes);
  const analyzer = createAnalyzerFrom(model);
  const pick = (name: string, lang: string) => (corpus[name] === undefined ? null : evaluateRecords(analyzer, corpus[name]!)[lang] ?? null);
  const validation: Validation = {
    sentiment: {
      en: pick(VALIDATION.en, 'en'),
      it: pick(VALIDATION.it, 'it'),
      da: danishValidation.length === 0 ? null : evaluateRecords(analyzer, danishValidation).da ?? null,
    },
    emotion: pick(VALIDATION.emotion, 'en'),
  };
  // The figures go into the file's notes too (the weights are unchanged).
  const figure = (e: LanguageEvaluation | null, head: 'sentiment' | 'emotion') => {
    const sc = e?.[head];
    return sc == null ? null : { n: sc.n, accuracy: round(sc.accuracy), macroF1: round(sc.macroF1) };
  };
  const withFigures: SentimentModel = {
    ...draft,
    notes: {
      ...notes,
      validation: {
        sentiment: { en: figure(validation.sentiment.en, 'sentiment'), da: figure(validation.sentiment.da, 'sentiment'), it: figure(validation.sentiment.it, 'sentiment') },
        emotion: { en: figure(validation.emotion, 'emotion') },
      },
    },
  };
  const finalBytes = encodeModel(withFigures);
  return { model: decodeModel(finalBytes), bytes: finalBytes, validation, danishValidation };
};

const round = (v: number): number => Math.round(v * 10000) / 10000;
