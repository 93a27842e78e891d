import { describe, expect, it } from 'vitest';
import { iso } from './json.js';

describe('iso', () => {
  it('writes exactly what Date#toISOString writes', () => {
    const edges = [0, 1, 59_999, 86_399_999, 86_400_000, 951_782_400_000, 1_709_164_800_000, 253_402_300_799_999, -1, -86_400_001, 253_402_300_800_000, 1.5];
    let seed = 1;
    const random = Array.from({ length: 20_000 }, () => ((seed = (seed * 16_807) % 2_147_483_647), Math.floor((seed / 2_147_483_647) * 4_102_444_800_000)));
    for (const ms of [...edges, ...random]) expect(iso(ms)).toBe(new Date(ms).toISOString());
    expect(iso(null)).toBeNull();
  });
});
