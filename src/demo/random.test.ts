import { describe, expect, it } from 'vitest';
import { Random } from './random.js';

const draw = (rng: Random, n: number): number[] => Array.from({ length: n }, () => rng.u32());

describe('Random', () => {
  it('repeats the same sequence for the same seed and stream', () => {
    expect(draw(new Random(42, 3), 100)).toEqual(draw(new Random(42, 3), 100));
  });

  it.each([
    [1, 0, 2, 0],
    [1, 0, 1, 1],
    [1, 1, 1, 2],
    [2 ** 32 + 1, 0, 1, 0],
  ])('gives independent sequences for seed %d stream %d and seed %d stream %d', (s1, t1, s2, t2) => {
    expect(draw(new Random(s1, t1), 8)).not.toEqual(draw(new Random(s2, t2), 8));
  });

  it('keeps draws within their bounds', () => {
    const rng = new Random(9);
    const out: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      const k = rng.int(-3, 3);
      if (x < 0 || x >= 1 || k < -3 || k > 3 || !Number.isInteger(k)) out.push(x, k);
    }
    expect(out).toEqual([]);
    expect(rng.digits(12)).toMatch(/^[1-9]\d{11}$/);
    expect(rng.hex(20)).toMatch(/^[0-9a-f]{20}$/);
  });

  it('is roughly uniform and honours weights', () => {
    const rng = new Random(5);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) buckets[Math.floor(rng.next() * 10)]! += 1;
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
    const picks = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) picks[rng.choose({ a: 3, b: 1 })] += 1;
    expect(picks.a / picks.b).toBeGreaterThan(2.6);
    expect(picks.a / picks.b).toBeLessThan(3.4);
  });

  it('shuffles into a permutation', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = new Random(3).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
