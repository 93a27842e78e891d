/**
 * A valence lexicon keyed by word hash, as the model file stores it: an open-addressing table of
 * typed arrays. Phrases ("fa schifo", "gør ondt") are keyed by the pair hash of their words; their
 * first word (and first two) are marked so the analyser only tries a phrase where one can start.
 * The analyser reads all lexicons through one WordTable (word-table.ts).
 */
import { hashPhrase, mix, pair } from './hash.js';

export const HAS_VALENCE = 1;
export const STARTS_PHRASE2 = 2; // the first word of a two-word phrase
export const STARTS_PHRASE3 = 4; // the first word of a three-word phrase
export const STARTS_PHRASE3_PAIR = 8; // the first two words of a three-word phrase (keyed by their pair hash)

export class HashLexicon {
  readonly keys: Int32Array;
  readonly values: Float32Array;
  readonly flags: Uint8Array;
  private readonly mask: number;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Int32Array(size);
    this.values = new Float32Array(size);
    this.flags = new Uint8Array(size);
    this.mask = size - 1;
  }

  /** Adds flags (and a valence, when given) to key `h`. */
  set(h: number, flags: number, valence?: number): void {
    let i = mix(h, 7) & this.mask;
    while (this.flags[i] !== 0 && this.keys[i] !== h) i = (i + 1) & this.mask;
    this.keys[i] = h;
    this.flags[i] = this.flags[i]! | flags;
    if (valence !== undefined) this.values[i] = valence;
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.flags.length; i++) if (this.flags[i] !== 0) n++;
    return n;
  }

  /** Builds a lexicon from words and phrases with their valence (already scaled to −1..1). */
  static fromEntries(entries: Iterable<readonly [string, number]>): HashLexicon {
    const list = [...entries];
    const lex = new HashLexicon(list.length * 2 + 8);
    for (const [phrase, valence] of list) lex.addPhrase(phrase, valence);
    return lex;
  }

  addPhrase(phrase: string, valence: number): void {
    const words = phrase.trim().split(/[\s-]+/).filter((w) => w.length > 0);
    if (words.length === 0 || words.length > 3) return;
    this.set(hashPhrase(phrase), HAS_VALENCE, valence);
    if (words.length >= 2) {
      const first = hashPhrase(words[0]!);
      this.set(first, words.length === 2 ? STARTS_PHRASE2 : STARTS_PHRASE3);
      if (words.length === 3) this.set(pair(first, hashPhrase(words[1]!)), STARTS_PHRASE3_PAIR);
    }
  }
}
