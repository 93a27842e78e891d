import { describe, expect, it } from 'vitest';
import { formatMoney, formatNumber, formatPercent, formatRelative, pageRange } from './format.js';

const NOW = Date.parse('2026-06-01T12:00:00Z');
// Intl uses narrow/no-break spaces in places; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatNumber', () => {
  it.each([
    ['en', '3,012'],
    ['da', '3.012'],
    ['it', '3012'],
  ])('%s', (lang, out) => {
    expect(plain(formatNumber(3012, lang))).toBe(out);
  });
  it('groups large numbers in Italian', () => {
    expect(plain(formatNumber(30120, 'it'))).toBe('30.120');
  });
});

describe('formatMoney', () => {
  it.each([
    [1200, 'EUR', 'en', '€1,200'],
    [19.9, 'EUR', 'en', '€19.90'],
    [1200, 'DKK', 'da', '1.200 kr.'],
    [19.9, 'EUR', 'it', '19,90 €'],
  ])('%d %s in %s', (amount, currency, lang, out) => {
    expect(plain(formatMoney(amount, currency, lang))).toBe(out);
  });
  it('falls back on an unknown currency code', () => {
    expect(formatMoney(5, 'XX', 'en')).toBe('5 XX');
  });
});

describe('formatRelative', () => {
  it.each([
    ['2026-06-01T11:59:50Z', 'en', 'now'],
    ['2026-06-01T09:00:00Z', 'en', '3 hours ago'],
    ['2026-05-31T12:00:00Z', 'en', 'yesterday'],
    ['2026-05-29T12:00:00Z', 'en', '3 days ago'],
    ['2026-05-31T12:00:00Z', 'da', 'i går'],
    ['2026-05-31T12:00:00Z', 'it', 'ieri'],
    ['2026-03-01T12:00:00Z', 'en', '3 months ago'],
    ['2024-06-01T12:00:00Z', 'en', '2 years ago'],
    ['2026-06-03T12:00:00Z', 'en', 'in 2 days'],
  ])('%s in %s', (iso, lang, out) => {
    expect(formatRelative(iso, NOW, lang)).toBe(out);
  });
});

describe('pageRange', () => {
  it('formats the first page', () => {
    expect(pageRange(0, 50, 3012, 'en')).toEqual({ from: '1', to: '50', total: '3,012' });
  });
  it('formats an empty page', () => {
    expect(pageRange(0, 0, 0, 'en')).toEqual({ from: '0', to: '0', total: '0' });
  });
});

describe('formatPercent', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(0.9, 'en')).toBe('90%');
  });
});
