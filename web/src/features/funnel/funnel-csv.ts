/**
 * The funnel table as CSV (RFC 4180: comma-separated, CRLF line ends, quoted text). Stage and route
 * names are people's text: every text cell is quoted, and one that a spreadsheet would run as a
 * formula (starting with = + - @, or a tab or carriage return) is prefixed with a single quote.
 */
import type { FunnelStage } from '../../api/types.js';

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, null as empty, text quoted and defused. */
export const csvCell = (value: CsvCell): string => {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
};

export const toCsv = (rows: readonly (readonly CsvCell[])[]): string =>
  rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';

/** Rounded for people, with a dot as decimal separator so every spreadsheet reads it as a number. */
const round1 = (n: number): number => Math.round(n * 10) / 10;

export interface FunnelCsvHeaders {
  stage: string;
  entered: string;
  /** Conversion to the next stage, in percent. */
  conversion: string;
  median: string;
}

/** A header row, then one row per stage: name, entered, conversion to next (%), median days to reach. */
export const funnelCsv = (stages: readonly FunnelStage[], headers: FunnelCsvHeaders): string =>
  toCsv([
    [headers.stage, headers.entered, headers.conversion, headers.median],
    ...stages.map((s) => [
      s.name,
      s.entered,
      s.conversionToNext === null ? null : round1(s.conversionToNext * 100),
      s.medianDaysToReach === null ? null : round1(s.medianDaysToReach),
    ]),
  ]);

/** `funnel-b2b-accounts-2026-03-01-2026-05-30.csv`: the route's name reduced to letters, digits and dashes. */
export const funnelFileName = (routeName: string, from: string, to: string): string => {
  const slug = routeName.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return `funnel-${slug === '' ? 'route' : slug}-${from}-${to}.csv`;
};
