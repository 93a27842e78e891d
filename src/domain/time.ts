/** Calendar arithmetic in UTC. The domain never reads the clock: "now" is always an argument. */
export const DAY_MS = 86_400_000;

/** Days since 1970-01-01 (UTC) of an epoch-millisecond instant. */
export const epochDay = (ms: number): number => Math.floor(ms / DAY_MS);

/** ISO week number since the epoch (weeks start on Monday; 1970-01-05 was a Monday). */
export const epochWeekOfDay = (day: number): number => Math.floor((day - 4) / 7);

/** Parses an ISO-8601 instant; returns null when it is not one. */
export const parseInstant = (text: string): number | null => {
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
};

export const toIso = (ms: number): string => new Date(ms).toISOString();
