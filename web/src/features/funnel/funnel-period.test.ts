import { describe, expect, it } from 'vitest';
import {
  addDays, isDay, parsePeriod, parseRouteId, periodDays, periodInstants, periodParams, rangeProblem, type Period,
} from './funnel-period.js';

describe('isDay', () => {
  it.each([
    ['2026-05-30', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-5-30', false],
    ['', false],
    ['2026-05-30T00:00', false],
  ])('%s → %s', (s, ok) => {
    expect(isDay(s)).toBe(ok);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-05-30', -29, '2026-05-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-12-31', 1, '2025-01-01'],
    // Across a daylight-saving change the calendar day still moves by one.
    ['2026-03-29', -1, '2026-03-28'],
  ])('%s %i → %s', (day, n, out) => {
    expect(addDays(day, n)).toBe(out);
  });
});

describe('parsePeriod', () => {
  it.each<[string, Period]>([
    ['', { kind: 'preset', days: 90 }],
    ['period=30', { kind: 'preset', days: 30 }],
    ['period=365', { kind: 'preset', days: 365 }],
    ['period=7', { kind: 'preset', days: 90 }],
    ['period=abc', { kind: 'preset', days: 90 }],
    ['from=2026-01-01&to=2026-03-31', { kind: 'custom', from: '2026-01-01', to: '2026-03-31' }],
    ['from=2026-03-31&to=2026-01-01', { kind: 'custom', from: '2026-03-31', to: '2026-01-01' }],
    ['from=2026-01-01', { kind: 'preset', days: 90 }],
    ['from=2026-02-30&to=2026-03-31&period=30', { kind: 'preset', days: 30 }],
  ])('?%s', (search, period) => {
    expect(parsePeriod(new URLSearchParams(search))).toEqual(period);
  });
});

describe('parseRouteId', () => {
  it.each([
    ['', null],
    ['route=2', 2],
    ['route=0', null],
    ['route=-1', null],
    ['route=B2B', null],
    ['route=1e3', null],
  ])('?%s → %s', (search, id) => {
    expect(parseRouteId(new URLSearchParams(search))).toBe(id);
  });
});

describe('periodDays', () => {
  it('ends a preset today, counting today', () => {
    expect(periodDays({ kind: 'preset', days: 30 }, '2026-05-30')).toEqual({ from: '2026-05-01', to: '2026-05-30' });
    expect(periodDays({ kind: 'preset', days: 365 }, '2026-05-30')).toEqual({ from: '2025-05-31', to: '2026-05-30' });
  });
  it('takes a custom range as it is', () => {
    expect(periodDays({ kind: 'custom', from: '2026-01-01', to: '2026-01-31' }, '2026-05-30')).toEqual({ from: '2026-01-01', to: '2026-01-31' });
  });
});

describe('rangeProblem', () => {
  it.each([
    [{ from: '2026-01-01', to: '2026-01-31' }, null],
    [{ from: '2026-01-31', to: '2026-01-31' }, null],
    [{ from: '2026-02-01', to: '2026-01-31' }, 'order'],
    [{ from: '', to: '2026-01-31' }, 'incomplete'],
  ])('%j → %s', (range, problem) => {
    expect(rangeProblem(range)).toBe(problem);
  });
});

describe('periodInstants', () => {
  it('runs from the start of the first day to the last millisecond of the last, in local time', () => {
    const { from, to } = periodInstants({ from: '2026-01-01', to: '2026-01-31' });
    expect(from).toBe(new Date(2026, 0, 1).toISOString());
    expect(Date.parse(to)).toBe(new Date(2026, 1, 1).getTime() - 1);
  });
});

describe('periodParams', () => {
  it.each<[Period, object]>([
    [{ kind: 'preset', days: 90 }, {}],
    [{ kind: 'preset', days: 30 }, { period: 30 }],
    [{ kind: 'custom', from: '2026-01-01', to: '2026-01-31' }, { from: '2026-01-01', to: '2026-01-31' }],
  ])('%j', (period, params) => {
    expect(periodParams(period)).toEqual(params);
  });
});
