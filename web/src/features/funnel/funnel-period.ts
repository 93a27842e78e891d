/**
 * The funnel's period: a preset (the last 30, 90 or 365 days, today included) or a custom range of
 * whole days, as it is kept in the URL (`?period=30`, `?from=2026-01-01&to=2026-03-31`). Days are
 * local calendar days (`YYYY-MM-DD`, what a date input holds); `periodInstants` turns them into the
 * instants the API takes, from the start of the first day to the end of the last. Pure: "today" is
 * an argument.
 */

export const PRESETS = [30, 90, 365] as const;
export type Preset = (typeof PRESETS)[number];
/** The server's own default, so a bare /funnel and the API agree. */
export const DEFAULT_PRESET: Preset = 90;

export type Period = { kind: 'preset'; days: Preset } | { kind: 'custom'; from: string; to: string };

export interface DayRange {
  from: string;
  to: string;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A local date as `YYYY-MM-DD`. */
export const dayOf = (date: Date): string => `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** Midnight (local) starting the day, or null when `day` is not a real `YYYY-MM-DD` date. */
const startOf = (day: string): Date | null => {
  const m = DAY_RE.exec(day);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  // new Date() rolls 2026-02-30 over to March: a rolled date was not a real one.
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? date : null;
};

export const isDay = (s: string): boolean => startOf(s) !== null;

/** `day` moved by `n` calendar days (negative: back). */
export const addDays = (day: string, n: number): string => {
  const start = startOf(day);
  if (start === null) throw new RangeError(`not a day: ${day}`);
  return dayOf(new Date(start.getFullYear(), start.getMonth(), start.getDate() + n));
};

export const isPreset = (n: number): n is Preset => (PRESETS as readonly number[]).includes(n);

/** The period a URL asks for: a custom range when both days are real dates, else a preset. */
export const parsePeriod = (search: URLSearchParams): Period => {
  const from = search.get('from');
  const to = search.get('to');
  if (from !== null && to !== null && isDay(from) && isDay(to)) return { kind: 'custom', from, to };
  const days = Number(search.get('period'));
  return { kind: 'preset', days: isPreset(days) ? days : DEFAULT_PRESET };
};

/** The route a URL asks for, or null for "the workspace's first". */
export const parseRouteId = (search: URLSearchParams): number | null => {
  const raw = search.get('route');
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  const id = Number(raw);
  return id > 0 ? id : null;
};

/** The days a period covers: a preset ends today and includes it. */
export const periodDays = (period: Period, today: string): DayRange =>
  period.kind === 'custom' ? { from: period.from, to: period.to } : { from: addDays(today, -(period.days - 1)), to: today };

/** What is wrong with a range being typed: a missing day, or the days in the wrong order. */
export const rangeProblem = (range: DayRange): 'incomplete' | 'order' | null => {
  if (!isDay(range.from) || !isDay(range.to)) return 'incomplete';
  return range.from > range.to ? 'order' : null;
};

/** The instants the API takes: the start of the first day and the last millisecond of the last one. */
export const periodInstants = (range: DayRange): { from: string; to: string } => {
  const from = startOf(range.from);
  const after = startOf(range.to);
  if (from === null || after === null) throw new RangeError(`not a range of days: ${range.from}..${range.to}`);
  const end = new Date(after.getFullYear(), after.getMonth(), after.getDate() + 1).getTime() - 1;
  return { from: from.toISOString(), to: new Date(end).toISOString() };
};

/** The URL parameters of a period, leaving out the default preset. */
export const periodParams = (period: Period): { period?: number; from?: string; to?: string } => {
  if (period.kind === 'custom') return { from: period.from, to: period.to };
  return period.days === DEFAULT_PRESET ? {} : { period: period.days };
};
