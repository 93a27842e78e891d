/**
 * The sentiment model and its file: three linear heads (language, sentiment, emotion) over the
 * features of features.ts, and the lexicons the dense features read. On disk (models/sentiment/):
 *
 *   "PULSESNT" · u32 format · u32 header length · header (JSON: feature settings, classes, scales,
 *   training notes) · per lexicon: u32 entries, i32 keys, i8 valences (×127), u8 flags ·
 *   per head: u32 rows, rows' bucket numbers as deltas (LEB128), i8 weights (rows × classes),
 *   f32 dense weights — all little-endian.
 *
 * Hashed weights are int8 with one scale per head (rows that quantise to zero are not stored);
 * in memory they are a dense Int8Array of 2^bits × classes, indexed directly.
 */
import { DENSE } from './dense-features.js';
import { type FeatureConfig, type Lexicons } from './features.js';
import { HashLexicon } from './lexicon.js';
import { EMOTIONS } from './rules.js';

export const MODEL_FORMAT = 1;
const MAGIC = 'PULSESNT';

export const LANGUAGE_CLASSES = ['en', 'da', 'it', 'other'] as const;
export const SENTIMENT_CLASSES = ['negative', 'neutral', 'positive'] as const;
export const EMOTION_CLASSES = [...EMOTIONS, 'none'] as const;
export type Sentiment = (typeof SENTIMENT_CLASSES)[number];
export type Emotion = (typeof EMOTION_CLASSES)[number];

/** Dense inputs of the sentiment and emotion heads: each dense feature shared, then per language. */
export const DENSE_INPUTS = DENSE * (1 + LANGUAGE_CLASSES.length);

export interface Head {
  classes: number;
  /** int8 weights, bucket-major: hashed[bucket * classes + class]. */
  hashed: Int8Array;
  scale: number;
  /** float weights of the dense inputs (language head: one input, the bias), input-major. */
  dense: Float32Array;
}

export interface SentimentModel {
  features: FeatureConfig;
  lexicons: Lexicons;
  language: Head;
  sentiment: Head;
  emotion: Head;
  /** What training recorded: data, settings, validation figures. */
  notes: Record<string, unknown>;
}

const LEXICON_NAMES = ['en', 'da', 'it', 'symbols'] as const;
const HEAD_NAMES = ['language', 'sentiment', 'emotion'] as const;

class Writer {
  private buf = new Uint8Array(1 << 16);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v, true);
    this.length += 4;
  }

  i32(v: number): void {
    this.reserve(4);
    this.view.setInt32(this.length, v, true);
    this.length += 4;
  }

  f32(v: number): void {
    this.reserve(4);
    this.view.setFloat32(this.length, v, true);
    this.length += 4;
  }

  varint(v: number): void {
    while (v >= 0x80) {
      this.u8((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    this.u8(v);
  }

  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  result(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

class Reader {
  private readonly view: DataView;
  offset = 0;

  constructor(private readonly buf: Uint8Array) {
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  }

  u8(): number {
    return this.buf[this.offset++]!;
  }

  u32(): number {
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  i32(): number {
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }

  f32(): number {
    const v = this.view.getFloat32(this.offset, true);
    this.offset += 4;
    return v;
  }

  varint(): number {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = this.u8();
      v += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return v;
      shift += 7;
    }
  }

  bytes(n: number): Uint8Array {
    const b = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return b;
  }
}

/** Serialises a model (deterministically: the same model gives the same bytes). */
export const encodeModel = (model: SentimentModel): Uint8Array => {
  const w = new Writer();
  for (const ch of MAGIC) w.u8(ch.charCodeAt(0));
  w.u32(MODEL_FORMAT);
  const header = new TextEncoder().encode(JSON.stringify({
    features: model.features,
    classes: { language: LANGUAGE_CLASSES, sentiment: SENTIMENT_CLASSES, emotion: EMOTION_CLASSES },
    dense: DENSE,
    scales: Object.fromEntries(HEAD_NAMES.map((h) => [h, model[h].scale])),
    notes: model.notes,
  }));
  w.u32(header.length);
  w.bytes(header);
  for (const name of LEXICON_NAMES) {
    const lex = model.lexicons[name];
    const slots: number[] = [];
    for (let i = 0; i < lex.flags.length; i++) if (lex.flags[i] !== 0) slots.push(i);
    slots.sort((a, b) => lex.keys[a]! - lex.keys[b]!);
    w.u32(slots.length);
    for (const i of slots) w.i32(lex.keys[i]!);
    for (const i of slots) w.u8(Math.max(-127, Math.min(127, Math.round(lex.values[i]! * 127))) & 0xff);
    for (const i of slots) w.u8(lex.flags[i]!);
  }
  for (const name of HEAD_NAMES) {
    const head = model[name];
    const c = head.classes;
    const rows: number[] = [];
    for (let r = 0; r < head.hashed.length / c; r++) {
      for (let k = 0; k < c; k++) if (head.hashed[r * c + k] !== 0) {
        rows.push(r);
        break;
      }
    }
    w.u32(rows.length);
    let last = 0;
    for (const r of rows) {
      w.varint(r - last);
      last = r;
    }
    for (const r of rows) for (let k = 0; k < c; k++) w.u8(head.hashed[r * c + k]! & 0xff);
    w.u32(head.dense.length);
    for (const v of head.dense) w.f32(v);
  }
  return w.result();
};

/** Reads a model file; throws on a file that is not one (or of another format). */
export const decodeModel = (bytes: Uint8Array): SentimentModel => {
  const r = new Reader(bytes);
  const magic = String.fromCharCode(...r.bytes(MAGIC.length));
  if (magic !== MAGIC) throw new Error('not a Pulse sentiment model');
  const format = r.u32();
  if (format !== MODEL_FORMAT) throw new Error(`sentiment model format ${format}, expected ${MODEL_FORMAT}: run npm run train:sentiment`);
  const header = JSON.parse(new TextDecoder().decode(r.bytes(r.u32()))) as {
    features: FeatureConfig; dense: number; scales: Record<(typeof HEAD_NAMES)[number], number>; notes: Record<string, unknown>;
  };
  if (header.dense !== DENSE) throw new Error(`sentiment model has ${header.dense} dense features, the code ${DENSE}: run npm run train:sentiment`);
  const lexicons = {} as Record<(typeof LEXICON_NAMES)[number], HashLexicon>;
  for (const name of LEXICON_NAMES) {
    const n = r.u32();
    const keys = new Int32Array(n);
    for (let i = 0; i < n; i++) keys[i] = r.i32();
    const values = r.bytes(n);
    const flags = r.bytes(n);
    const lex = new HashLexicon(n);
    for (let i = 0; i < n; i++) lex.set(keys[i]!, flags[i]!, ((values[i]! << 24) >> 24) / 127);
    lexicons[name] = lex;
  }
  const buckets = 2 ** header.features.bits;
  const classesOf = { language: LANGUAGE_CLASSES.length, sentiment: SENTIMENT_CLASSES.length, emotion: EMOTION_CLASSES.length };
  const heads = {} as Record<(typeof HEAD_NAMES)[number], Head>;
  for (const name of HEAD_NAMES) {
    const c = classesOf[name];
    const hashed = new Int8Array(buckets * c);
    const n = r.u32();
    const rows = new Int32Array(n);
    let last = 0;
    for (let i = 0; i < n; i++) {
      last += r.varint();
      rows[i] = last;
    }
    const weights = r.bytes(n * c);
    for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) hashed[rows[i]! * c + k] = (weights[i * c + k]! << 24) >> 24;
    const dense = new Float32Array(r.u32());
    for (let i = 0; i < dense.length; i++) dense[i] = r.f32();
    heads[name] = { classes: c, hashed, scale: header.scales[name], dense };
  }
  return { features: header.features, lexicons, ...heads, notes: header.notes };
};
