/** What the sentiment tokenizer produces: token kinds, token flags, and the reusable buffer of a text's tokens. */

/** Token kinds. */
export const WORD = 1;
export const NUMBER = 2;
export const EMOJI = 3;
export const EMOTICON = 4;
export const URL = 5;
export const MENTION = 6;
export const EXCLAIM = 7;
export const QUESTION = 8;
export const BREAK = 9;

/** Token flags. */
export const CAPS = 1; // a word of two or more letters, all upper case
export const ELONGATED = 2; // a letter repeated three or more times ("noooo")
export const HASHTAG = 4;
export const REPEATED = 8; // "!!" / "??" runs, and emoticons with repeated mouths (":)))")

/** Tokens of one text, as parallel typed arrays reused from text to text. */
export class TokenBuffer {
  count = 0;
  /** Letters in Latin script, and in any other script (for the language identifier). */
  latinLetters = 0;
  otherLetters = 0;
  kind = new Uint8Array(64);
  flags = new Uint8Array(64);
  /** The token's hash (words: normalised, runs capped at two). */
  hash = new Int32Array(64);
  /** Words: the hash with runs of three or more letters reduced to one ("paroleeee" = "parole"). */
  hash1 = new Int32Array(64);
  /** Words: their normalised characters in `chars`, from `start` to `end`. */
  start = new Int32Array(64);
  end = new Int32Array(64);
  chars = new Int32Array(256);
  charCount = 0;

  reserve(length: number): void {
    if (this.kind.length < length + 1) {
      const n = Math.max(length + 1, this.kind.length * 2);
      this.kind = new Uint8Array(n);
      this.flags = new Uint8Array(n);
      this.hash = new Int32Array(n);
      this.hash1 = new Int32Array(n);
      this.start = new Int32Array(n);
      this.end = new Int32Array(n);
    }
    if (this.chars.length < length + 1) this.chars = new Int32Array(Math.max(length + 1, this.chars.length * 2));
  }
}
