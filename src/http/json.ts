/** How records go over the wire: instants as ISO-8601 strings. */
import type { EventView, MergeView } from '../app/ports.js';

const DAY_MS = 86_400_000;
/** "YYYY-MM-DDT" of recent days: a page of records falls on few days. */
const dayPrefixes = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, the same text, without a Date per instant (a page of customers or
 * events formats hundreds): the day's prefix is remembered and the time of day is arithmetic.
 */
export const iso = (ms: number | null): string | null => {
  if (ms === null) return null;
  if (!Number.isInteger(ms) || ms < 0 || ms >= 253_402_300_800_000) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size >= 4096) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let t = ms - day * DAY_MS;
  const millis = t % 1000;
  t = (t - millis) / 1000;
  const seconds = t % 60;
  t = (t - seconds) / 60;
  const minutes = t % 60;
  return `${prefix}${pad2((t - minutes) / 60)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
};

export const eventJson = (e: EventView) => ({ ...e, occurredAt: iso(e.occurredAt) });

export const mergeJson = (m: MergeView) => ({ ...m, createdAt: iso(m.createdAt), undoneAt: iso(m.undoneAt) });
