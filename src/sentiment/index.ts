/**
 * Sentiment, emotion and language of a text, offline and in-process (PRODUCT.md §4).
 *
 *   import { analyze } from '../sentiment/index.js';
 *   analyze('Den virker ikke 😡😡');
 *   // → { lang: 'da', sentiment: 'negative', score: -1, emotion: 'anger' }
 *
 * The model (models/sentiment/pulse-sentiment.bin, trained by `npm run train:sentiment`) is read
 * once, on first use. `analyze` is synchronous and allocation-light: call it for every text of a
 * batch. An analyser reuses buffers, so it is not re-entrant — fine in Node's single thread; create
 * one per worker thread.
 */
import { readFileSync } from 'node:fs';
import { createAnalyzerFrom, type Analysis, type AnalyzeOptions, type Analyzer } from './analyzer.js';
import { decodeModel, type SentimentModel } from './model.js';

export type { Analysis, AnalysisDetail, AnalyzeOptions, Analyzer } from './analyzer.js';
export type { Emotion, Sentiment } from './model.js';
export { EMOTION_CLASSES, SENTIMENT_CLASSES } from './model.js';
export type { Language, ModelLanguage } from './rules.js';
export { LANGUAGES } from './rules.js';

/** The model shipped with Pulse. */
export const DEFAULT_MODEL_URL = new URL('../../models/sentiment/pulse-sentiment.bin', import.meta.url);

/** Reads a model file (the shipped one by default). */
export const loadModel = (path: string | URL = DEFAULT_MODEL_URL): SentimentModel => decodeModel(readFileSync(path));

/** A new analyser over a model (the shipped one by default), with its own buffers. */
export const createAnalyzer = (model: SentimentModel | string | URL = DEFAULT_MODEL_URL): Analyzer =>
  createAnalyzerFrom(typeof model === 'string' || model instanceof URL ? loadModel(model) : model);

let shared: Analyzer | null = null;

/** The process's shared analyser over the shipped model, created on first use. */
export const analyzer = (): Analyzer => {
  shared ??= createAnalyzer();
  return shared;
};

/**
 * Language, sentiment (with a score in [−1, 1]: P(positive) − P(negative)) and emotion of a text.
 * Pass `{ lang }` when the language is known to skip detection.
 */
export const analyze = (text: string, options?: AnalyzeOptions): Analysis => analyzer().analyze(text, options);
