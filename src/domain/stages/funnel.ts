/**
 * The funnel of a route over a period, from the transition log: per stage, how many customers
 * entered it in the period (first reached it or a higher stage), how many of those went on to the
 * next stage (by the end of the period), and the median time from their first contact to the stage.
 */
import { DAY_MS } from '../time.js';

export interface ArrivalRow {
  customerId: number;
  to: number | null;
  at: number;
}

export interface FunnelStage {
  index: number;
  entered: number;
  /** Of those who entered, the share that reached the next stage by the end; null for the last stage. */
  conversionToNext: number | null;
  /** Median days from first contact (first reaching any stage) to reaching this stage; null when none. */
  medianDaysToReach: number | null;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** `rows` may be in any order; only arrivals up to `to` count. */
export const funnel = (rows: readonly ArrivalRow[], stageCount: number, from: number, to: number): FunnelStage[] => {
  // First time each customer reached each stage (reaching a higher stage reaches the lower ones).
  const firstReach = new Map<number, number[]>();
  for (const r of [...rows].sort((a, b) => a.at - b.at)) {
    if (r.to === null || r.at > to) continue;
    let reach = firstReach.get(r.customerId);
    if (reach === undefined) firstReach.set(r.customerId, (reach = new Array<number>(stageCount).fill(Number.NaN)));
    for (let i = 0; i <= r.to && i < stageCount; i++) if (Number.isNaN(reach[i])) reach[i] = r.at;
  }
  const out: FunnelStage[] = [];
  for (let i = 0; i < stageCount; i++) {
    let entered = 0;
    let converted = 0;
    const days: number[] = [];
    for (const reach of firstReach.values()) {
      const t = reach[i]!;
      if (Number.isNaN(t) || t < from) continue;
      entered += 1;
      if (i + 1 < stageCount && !Number.isNaN(reach[i + 1]!)) converted += 1;
      days.push((t - reach[0]!) / DAY_MS);
    }
    out.push({
      index: i, entered,
      conversionToNext: i + 1 < stageCount && entered > 0 ? converted / entered : null,
      medianDaysToReach: median(days),
    });
  }
  return out;
};
