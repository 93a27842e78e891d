import { describe, expect, it } from 'vitest';
import { shortfall, stageNameAt } from './stage-why.js';

describe('shortfall', () => {
  it.each([
    [{ text: 'purchases >= 2', holds: false, values: { purchases: 1 }, missing: 1 }, { amount: 1, strict: false, money: false }],
    [{ text: 'spend_365d >= 1000', holds: false, values: { spend_365d: 640 }, missing: 360 }, { amount: 360, strict: false, money: true }],
    [{ text: 'reach > 5000', holds: false, values: { reach: 10 }, missing: 4990 }, { amount: 4990, strict: true, money: false }],
    [{ text: 'purchases >= 1', holds: true, values: { purchases: 1 } }, null],
    [{ text: 'sentiment_avg_30d > 0', holds: false, values: { sentiment_avg_30d: null } }, null],
  ])('%j', (c, expected) => {
    expect(shortfall(c)).toEqual(expected);
  });
});

describe('stageNameAt', () => {
  const route = { stages: [{ index: 0, key: 'a', name: 'First', mode: 'sticky' as const }] };
  it('names a known stage and numbers an unknown one', () => {
    expect(stageNameAt(route, 0)).toBe('First');
    expect(stageNameAt(route, 4)).toBe('#5');
  });
});
