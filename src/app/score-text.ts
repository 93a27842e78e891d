/**
 * The TextScorer ingestion uses by default: Pulse's own sentiment model (src/sentiment), in-process.
 * A language the source named is trusted when the model knows it ("da-DK" counts as "da");
 * otherwise the model detects it, and a language it does not know is stored as null.
 */
import { analyze, LANGUAGES, type ModelLanguage } from '../sentiment/index.js';
import type { TextScorer } from './ports.js';

const KNOWN: ReadonlySet<string> = new Set(LANGUAGES);

export const scoreText: TextScorer = (text, lang) => {
  const base = lang?.slice(0, 2).toLowerCase() ?? null;
  const a = analyze(text, base !== null && KNOWN.has(base) ? { lang: base as ModelLanguage } : undefined);
  return { lang: a.lang === 'other' ? null : a.lang, sentiment: a.sentiment, score: a.score, emotion: a.emotion };
};
