import { describe, expect, it } from 'vitest';
import { funnel } from './funnel.js';

const day = (n: number) => Date.UTC(2026, 0, 1) + n * 86_400_000;

describe('funnel', () => {
  it('counts who entered each stage in the period, who went on, and the median time to reach it', () => {
    const rows = [
      { customerId: 1, to: 0, at: day(0) }, { customerId: 1, to: 1, at: day(2) }, { customerId: 1, to: 3, at: day(10) },
      { customerId: 2, to: 0, at: day(1) }, { customerId: 2, to: 1, at: day(5) },
      { customerId: 3, to: 0, at: day(3) },
      { customerId: 4, to: 1, at: day(40) }, // after the period: not counted
      { customerId: 1, to: 1, at: day(20) }, // a live stage lost and regained: first arrival counts
    ];
    expect(funnel(rows, 4, day(0), day(30))).toEqual([
      { index: 0, entered: 3, conversionToNext: 2 / 3, medianDaysToReach: 0 },
      { index: 1, entered: 2, conversionToNext: 0.5, medianDaysToReach: 3 },
      { index: 2, entered: 1, conversionToNext: 1, medianDaysToReach: 10 }, // jumping from 1 to 3 passes 2
      { index: 3, entered: 1, conversionToNext: null, medianDaysToReach: 10 },
    ]);
  });

  it('counts only arrivals inside the period', () => {
    const rows = [{ customerId: 1, to: 0, at: day(0) }, { customerId: 1, to: 1, at: day(10) }];
    expect(funnel(rows, 2, day(5), day(30)).map((s) => s.entered)).toEqual([0, 1]);
  });
});
