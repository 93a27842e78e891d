/**
 * Everything the analyser knows about a word, found with one lookup by its hash: its valence in each
 * language's lexicon, whether it starts a lexicon phrase, and its role in each language's rules
 * (negator, intensifier, downtoner, contrast), whether it is a non-opinion word in any language, and
 * for an emoji or emoticon its valence and emotion. Built once from the model's lexicons and
 * rules.ts; an open-addressing table of typed arrays.
 */
import { HAS_VALENCE, HashLexicon, STARTS_PHRASE2, STARTS_PHRASE3, STARTS_PHRASE3_PAIR } from './lexicon.js';
import { mix } from './hash.js';
import { ANY_LANGUAGE, LANGUAGES, RULES, SYMBOLS, type ModelLanguage } from './rules.js';
import type { Lexicons } from './features.js';

// Per-language flags, at bit (8 × language index).
export const VALENCE = 1;
export const PHRASE2 = 2;
export const PHRASE3 = 4;
export const PHRASE3_PAIR = 8;
export const NEGATOR = 16;
export const INTENSIFIER = 32;
export const DOWNTONER = 64;
export const CONTRAST = 128;
// Language-independent flags.
export const ANY_NEGATOR = 1 << 24;
export const NON_OPINION = 1 << 25;
export const SYMBOL = 1 << 26;
export const ANY_CONTRAST = 1 << 27;

/** Valence slots per entry: en, da, it, then emoji/emoticon. */
export const SYMBOL_SLOT = 3;

export const languageShift = (lang: ModelLanguage): number => 8 * LANGUAGES.indexOf(lang);

export class WordTable {
  readonly keys: Int32Array;
  readonly flags: Uint32Array;
  /** 4 per entry: valence in en, da, it, and as a symbol. */
  readonly valence: Float32Array;
  /** Emotion index of a symbol (−1: none). */
  readonly emotion: Int8Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.flags = new Uint32Array(size);
    this.valence = new Float32Array(size * 4);
    this.emotion = new Int8Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** The slot of `h`, or −1. */
  find(h: number): number {
    let i = mix(h, 7) & this.mask;
    for (;;) {
      if (this.flags[i] === 0) return -1;
      if (this.keys[i] === h) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The slot of `h`, created when missing. */
  slot(h: number): number {
    let i = mix(h, 7) & this.mask;
    while (this.flags[i] !== 0 && this.keys[i] !== h) i = (i + 1) & this.mask;
    this.keys[i] = h;
    return i;
  }

  add(h: number, flags: number): number {
    const i = this.slot(h);
    this.flags[i] = this.flags[i]! | flags;
    return i;
  }
}

const LEXICON_FLAGS: [number, number][] = [[HAS_VALENCE, VALENCE], [STARTS_PHRASE2, PHRASE2], [STARTS_PHRASE3, PHRASE3], [STARTS_PHRASE3_PAIR, PHRASE3_PAIR]];

const entriesOf = (lex: HashLexicon): number[] => {
  const slots: number[] = [];
  for (let i = 0; i < lex.flags.length; i++) if (lex.flags[i] !== 0) slots.push(i);
  return slots;
};

export const buildWordTable = (lexicons: Lexicons): WordTable => {
  let capacity = 64;
  for (const lang of LANGUAGES) capacity += lexicons[lang].size;
  capacity += lexicons.symbols.size + 1024;
  const table = new WordTable(capacity);
  LANGUAGES.forEach((lang, l) => {
    const lex = lexicons[lang];
    for (const i of entriesOf(lex)) {
      let flags = 0;
      for (const [from, to] of LEXICON_FLAGS) if ((lex.flags[i]! & from) !== 0) flags |= to << (8 * l);
      const s = table.add(lex.keys[i]!, flags);
      if ((lex.flags[i]! & HAS_VALENCE) !== 0) table.valence[s * 4 + l] = lex.values[i]!;
    }
    const rules = RULES[lang];
    for (const [set, flag] of [[rules.negators, NEGATOR], [rules.intensifiers, INTENSIFIER], [rules.downtoners, DOWNTONER], [rules.contrast, CONTRAST]] as const) {
      for (const h of set) table.add(h, flag << (8 * l));
    }
  });
  for (const h of ANY_LANGUAGE.negators) table.add(h, ANY_NEGATOR);
  for (const h of ANY_LANGUAGE.nonOpinion) table.add(h, NON_OPINION);
  for (const h of ANY_LANGUAGE.contrast) table.add(h, ANY_CONTRAST);
  for (const i of entriesOf(lexicons.symbols)) {
    if ((lexicons.symbols.flags[i]! & HAS_VALENCE) === 0) continue;
    const s = table.add(lexicons.symbols.keys[i]!, SYMBOL);
    table.valence[s * 4 + SYMBOL_SLOT] = lexicons.symbols.values[i]!;
  }
  for (const [h, { emotion }] of SYMBOLS) if (emotion >= 0) table.emotion[table.add(h, SYMBOL)] = emotion;
  return table;
};
