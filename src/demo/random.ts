/**
 * Seeded pseudo-random numbers for the demo generator: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counting generator), seeded through splitmix32. Pure 32-bit integer arithmetic, so the same seed
 * gives the same sequence on every platform. Independent streams (one per customer) let a customer's
 * data depend only on (seed, customer index), not on how many numbers other customers drew.
 */

const GOLDEN = 0x9e3779b9;

/** splitmix32: spreads a seed into well-mixed 32-bit words. */
const splitmix32 = (state: { s: number }): number => {
  state.s = (state.s + GOLDEN) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
};

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** `seed` may be any finite number; `stream` selects an independent sequence for the same seed. */
  constructor(seed: number, stream = 0) {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    const st = { s: (lo ^ Math.imul(hi, 0x85ebca6b)) | 0 };
    const s2 = splitmix32(st) ^ Math.imul(stream + 1, GOLDEN);
    st.s = s2 | 0;
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st) | 1;
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A uniform 32-bit unsigned integer. */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A uniform float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** A uniform float in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** A uniform integer in [lo, hi], both ends included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** An index drawn in proportion to the weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (let i = 0; i < weights.length; i++) total += weights[i] as number;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r < 0) return i;
    }
    return weights.length - 1;
  }

  /** One of the keys of a weight table, in proportion to its weight. */
  choose<K extends string>(table: Readonly<Record<K, number>>): K {
    let total = 0;
    for (const k in table) total += table[k];
    let r = this.next() * total;
    let last = '' as K;
    for (const k in table) {
      r -= table[k];
      last = k;
      if (r < 0) return k;
    }
    return last;
  }

  /** Log-uniform in [lo, hi): many small values, a few large ones (follower counts, delays). */
  logBetween(lo: number, hi: number): number {
    return Math.exp(this.between(Math.log(lo), Math.log(hi)));
  }

  /** A string of n decimal digits, the first one not zero. */
  digits(n: number): string {
    let s = String(this.int(1, 9));
    for (let i = 1; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  /** A string of n lowercase hexadecimal digits. */
  hex(n: number): string {
    let s = '';
    while (s.length < n) s += this.u32().toString(16).padStart(8, '0');
    return s.slice(0, n);
  }

  /** Shuffles in place (Fisher–Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}
