/**
 * The demo workspace's data: a few thousand customers of a Danish bicycle maker and their six
 * months of events on every channel, as Pulse event lines in time order. Seeded and reproducible:
 * the same seed, "now" and customer count give the same lines; the clock is never read.
 *
 * How: a roster assigns each customer a persona (lurker, fan, regular, buyer, multiple buyer,
 * high-value buyer, influencer, complainer); each customer's journey is written from its own random
 * stream; votes and community replies are then pointed at earlier ideas and posts; all lines are
 * sorted by time. The whole output is held in memory before the first line is yielded (about
 * 40 MB for 3,000 customers), hence MAX_DEMO_CUSTOMERS. Nine days before "now" a delivery
 * crisis breaks (late cargo bikes: a burst of negative public mentions) for the PR views to find.
 */
import type { EventLineInput } from '../app/event-input.js';
import { AppError } from '../domain/errors.js';
import { buyer, complainer, high, multi } from './buying.js';
import { Journal } from './journal.js';
import { fan, influencer, interestBike, lurker, regular } from './journeys.js';
import { makePerson, type Market, type Persona } from './people.js';
import { Random } from './random.js';
import { DAY_MS, HOUR_MS, Rhythm } from './rhythm.js';
import { World, type PoolItem } from './world.js';

export { DEMO_WORKSPACE } from './brand.js';

export interface DemoOptions {
  seed: number;
  /** Epoch milliseconds: every event falls within the 183 days before it. */
  now: number;
  /** How many customers (default 3,000, which gives about 44,000 events). */
  customers?: number;
}

export const DEFAULT_DEMO_CUSTOMERS = 3_000;
/** The output is sorted in memory (about 0.8 KB per event, ~15 events per customer): keep it bounded. */
export const MAX_DEMO_CUSTOMERS = 50_000;

/** Slightly under 183 days, so that every event is within 183 days of "now". */
const PERIOD_MS = 182 * DAY_MS + 12 * HOUR_MS;

const JOURNEYS: Readonly<Record<Persona, (j: Journal) => void>> = {
  lurker, fan, regular, buyer, multi, high, influencer, complainer,
};

/** Personas for n customers, in a seeded order. */
export const rosterOf = (rng: Random, n: number): Persona[] => {
  const list: Persona[] = [];
  const add = (persona: Persona, k: number): void => {
    for (let i = 0; i < k; i++) list.push(persona);
  };
  add('influencer', Math.min(10, Math.max(5, Math.round(n / 400))));
  add('complainer', Math.max(3, Math.round(n * 0.015)));
  add('high', Math.max(3, Math.round(n * 0.015)));
  add('multi', Math.round(n * 0.05));
  add('buyer', Math.round(n * 0.14));
  add('regular', Math.round(n * 0.09));
  add('fan', Math.round(n * 0.19));
  list.length = Math.min(list.length, n);
  add('lurker', n - list.length);
  return rng.shuffle(list);
};

const MARKETS: Readonly<Record<Market, number>> = { dk: 62, it: 25, intl: 13 };

/** How many items of a time-sorted pool come before `t`. */
const countBefore = (pool: readonly PoolItem[], t: number): number => {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((pool[mid] as PoolItem).t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** Points each vote at an earlier idea and each community reply at an earlier post. */
const resolvePending = (world: World, rng: Random): void => {
  const byTime = (a: PoolItem, b: PoolItem): number => a.t - b.t;
  const pools = { idea: [...world.ideas].sort(byTime), post: [...world.posts].sort(byTime) };
  const maxWeight = { idea: Math.max(1, ...pools.idea.map((i) => i.weight)), post: Math.max(1, ...pools.post.map((i) => i.weight)) };
  const voted = new Set<string>();
  for (const { planned, to, voter } of world.pending) {
    const pool = pools[to];
    const k = countBefore(pool, planned.t);
    let chosen: PoolItem | null = null;
    for (let i = 0; i < 16 && k > 0; i++) {
      const item = pool[Math.floor(rng.next() * k)] as PoolItem;
      if (item.threadId.includes(voter) || voted.has(`${voter}|${item.threadId}`)) continue;
      if (to === 'post' && item.lang !== planned.line.lang) continue;
      chosen = item;
      if (rng.next() < item.weight / maxWeight[to] + 0.05) break;
    }
    if (chosen === null) {
      planned.dropped = true;
      continue;
    }
    voted.add(`${voter}|${chosen.threadId}`);
    planned.line.thread_id = chosen.threadId;
    planned.line.in_reply_to = chosen.sourceId;
    if (to === 'idea') planned.line.meta = { ...planned.line.meta, idea_id: chosen.threadId };
  }
};

/**
 * Yields the demo's event lines in time order. Every line passes `EventLineSchema`; every
 * `occurred_at` lies in [now − 183 days, now].
 */
export function* generateDemoEvents(opts: DemoOptions): Generator<EventLineInput> {
  const n = opts.customers ?? DEFAULT_DEMO_CUSTOMERS;
  if (!Number.isInteger(n) || n < 1 || n > MAX_DEMO_CUSTOMERS) {
    throw new AppError('validation_failed', `customers: expected an integer from 1 to ${MAX_DEMO_CUSTOMERS}`);
  }
  if (!Number.isFinite(opts.now) || !Number.isFinite(opts.seed)) throw new AppError('validation_failed', 'seed and now must be finite numbers');

  const now = Math.floor(opts.now);
  const from = now - PERIOD_MS;
  const crisisAt = Math.floor((now - 9 * DAY_MS) / DAY_MS) * DAY_MS + 14 * HOUR_MS;
  const world = new World(new Rhythm(from, now), from, now, crisisAt);
  const roster = rosterOf(new Random(opts.seed, 0), n);
  const taken = new Set<string>();
  roster.forEach((persona, index) => {
    const rng = new Random(opts.seed, index + 1);
    const person = makePerson(rng, index, persona, rng.choose(MARKETS), taken);
    JOURNEYS[persona](new Journal(world, person, rng, interestBike(rng)));
  });
  resolvePending(world, new Random(opts.seed, n + 1));

  world.out.sort((a, b) => a.t - b.t || a.seq - b.seq);
  for (const planned of world.out) if (!planned.dropped) yield planned.line;
}
