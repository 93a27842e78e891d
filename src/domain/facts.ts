/**
 * Facts: the named numbers rules and people read about a customer, derived from their state as of a
 * given instant. Windowed facts (`_7d`, `_30d`, `_90d`, `_365d`) count whole UTC days: the window of
 * N days as of T is the N days ending with T's day (T's day included).
 */
import { KNOWN_EVENT_KINDS } from './event.js';
import { DAY_EVENTS, DAY_INTERACTIONS, DAY_POSITIVE_MENTIONS, DAY_SCORED, DAY_SENTIMENT_SUM, DAY_SPEND, emptyState, KIND_OFFSET, type CustomerState } from './customer-state.js';
import { fixedShape } from './shapes.js';
import { DAY_MS, epochDay, epochWeekOfDay } from './time.js';

export const WINDOWS = [7, 30, 90, 365] as const;

export type Facts = Record<string, number | null>;

/** Fact name for a count of one kind: `comment` → `comments`. */
export const kindFact = (kind: string): string => `${kind}s`;

interface FactDoc { name: string; description: string; windowed: boolean }

/** The catalogue: every fact name with what it means (shown in docs and beside rule editors). */
export const FACT_CATALOGUE: readonly FactDoc[] = [
  { name: 'events', description: 'events of any kind, either direction', windowed: true },
  { name: 'interactions', description: 'active inbound events (post, comment, message, review, share, mention, newsletter_signup, purchase, idea, vote)', windowed: true },
  { name: 'active_weeks', description: 'distinct ISO weeks with at least one interaction', windowed: true },
  { name: 'purchases', description: 'distinct order ids of purchase events', windowed: true },
  { name: 'refunds', description: 'refund events', windowed: true },
  { name: 'spend_total', description: 'net spend over all time: purchase amounts minus refund amounts, in the workspace currency', windowed: false },
  { name: 'spend', description: 'net spend within the window (spend_7d, spend_30d, spend_90d, spend_365d)', windowed: true },
  { name: 'spend_gross', description: 'purchase amounts over all time, before refunds', windowed: false },
  { name: 'reach', description: 'the largest number of followers any of their events reported (meta.followers)', windowed: false },
  { name: 'positive_mentions', description: 'their public texts (mention, post, comment, review, share) scored positive, within the window', windowed: true },
  { name: 'sentiment_avg', description: 'average sentiment score (−1…1) of their texts within the window; null when none was scored', windowed: true },
  { name: 'consent.marketing', description: 'consent to marketing (1/0) — null until consent is recorded', windowed: false },
  { name: 'days_since_first_seen', description: 'whole days from the first event to the as-of time', windowed: false },
  { name: 'days_since_last_activity', description: 'whole days from the latest event to the as-of time', windowed: false },
  { name: 'days_since_last_interaction', description: 'whole days from the latest interaction to the as-of time', windowed: false },
  ...KNOWN_EVENT_KINDS.filter((k) => k !== 'purchase' && k !== 'refund').map((k) => ({
    name: kindFact(k), description: `${k} events`, windowed: true,
  })),
];

/** The kinds counted under their own name (purchases and refunds have their own facts). */
const COUNTED_KINDS = KNOWN_EVENT_KINDS.filter((k) => k !== 'purchase' && k !== 'refund');
const TOTAL_KEYS = COUNTED_KINDS.map(kindFact);
const KNOWN_KIND_SET: ReadonlySet<string> = new Set(KNOWN_EVENT_KINDS);
/** Fact names per window, built once; kind counts in KNOWN_EVENT_KINDS order (purchase → purchases_Nd). */
const WINDOW_KEYS = WINDOWS.map((w) => ({
  events: `events_${w}d`, interactions: `interactions_${w}d`, activeWeeks: `active_weeks_${w}d`, spend: `spend_${w}d`,
  sentimentAvg: `sentiment_avg_${w}d`, positiveMentions: `positive_mentions_${w}d`,
  kinds: KNOWN_EVENT_KINDS.map((k) => `${kindFact(k)}_${w}d`),
}));
const SLOTS = KIND_OFFSET + KNOWN_EVENT_KINDS.length;
/** Scratch for factsAsOf's window sums (cleared on each call; nothing else uses it). */
const SUMS = new Float64Array(WINDOWS.length * SLOTS);
/** Per window, the fact name of each day-bucket slot (slot 0 is the day itself). */
const SLOT_KEYS = WINDOW_KEYS.map((k) => ['', k.events, k.interactions, k.spend, '', '', k.positiveMentions, ...k.kinds]);

/** A fact that does not depend on windows: read straight from the state (and the as-of time). */
type LifetimeFact = (state: CustomerState, asOf: number) => number | null;

const daysBetween = (from: number | null, to: number): number | null =>
  from === null ? null : Math.floor((to - from) / DAY_MS);

/** The lifetime facts, in the order people see them. */
const LIFETIME: ReadonlyMap<string, LifetimeFact> = new Map<string, LifetimeFact>([
  ['events', (s) => s.events],
  ['interactions', (s) => s.interactions],
  ['purchases', (s) => s.purchases],
  ['refunds', (s) => s.kinds.refund ?? 0],
  ['spend_total', (s) => Math.round((s.spendGross - s.refunded) * 100) / 100],
  ['spend_gross', (s) => s.spendGross],
  ['days_since_first_seen', (s, asOf) => daysBetween(s.firstAt, asOf)],
  ['days_since_last_activity', (s, asOf) => daysBetween(s.lastAt, asOf)],
  ['days_since_last_interaction', (s, asOf) => daysBetween(s.lastInteractionAt, asOf)],
  ['reach', (s) => s.reach],
  ['consent.marketing', () => null],
  ['consent.newsletter', () => null],
  ['consent.profiling', () => null],
  ['consent.biometric', () => null],
  ...COUNTED_KINDS.map((k): [string, LifetimeFact] => [kindFact(k), (s) => s.kinds[k] ?? 0]),
]);

/**
 * Which facts to compute: all of them by default; a stage engine that needs only a few (say
 * active_weeks_90d and spend_365d) gets just those, skipping the rest of the per-day work.
 */
export interface FactPlan {
  lifetime: readonly (readonly [string, LifetimeFact])[];
  /** Totals of custom kinds (`webinars`). */
  customTotals: boolean;
  windows: { index: number; slots: number[]; weeks: boolean; custom: boolean; sentiment: boolean }[];
  allWeeks: boolean;
}

const ALL_SLOTS = Array.from({ length: KIND_OFFSET + KNOWN_EVENT_KINDS.length - 1 }, (_, i) => i + 1);
export const FULL_PLAN: FactPlan = {
  lifetime: [...LIFETIME], customTotals: true,
  windows: WINDOWS.map((_, index) => ({ index, slots: ALL_SLOTS, weeks: true, custom: true, sentiment: true })), allWeeks: true,
};

/** The plan that computes the named facts (and no others). */
export const planFor = (needed: Iterable<string>): FactPlan => {
  const windows = WINDOWS.map((_, index) => ({ index, slots: new Set<number>(), weeks: false, custom: false, sentiment: false, used: false }));
  const lifetime = new Map<string, LifetimeFact>();
  let allWeeks = false;
  for (const name of needed) {
    const get = LIFETIME.get(name);
    if (get !== undefined) lifetime.set(name, get);
    if (name === 'active_weeks') allWeeks = true;
    const match = /_(\d+)d$/.exec(name);
    const w = match === null ? -1 : WINDOWS.indexOf(Number(match[1]) as (typeof WINDOWS)[number]);
    if (w < 0 || get !== undefined) continue;
    const plan = windows[w]!;
    const keys = WINDOW_KEYS[w]!;
    plan.used = true;
    if (name === keys.activeWeeks) plan.weeks = true;
    else if (name === keys.events) plan.slots.add(DAY_EVENTS);
    else if (name === keys.interactions) plan.slots.add(DAY_INTERACTIONS);
    else if (name === keys.spend) plan.slots.add(DAY_SPEND);
    else if (name === keys.positiveMentions) plan.slots.add(DAY_POSITIVE_MENTIONS);
    else if (name === keys.sentimentAvg) {
      plan.sentiment = true;
      plan.slots.add(DAY_SENTIMENT_SUM).add(DAY_SCORED);
    }
    else if (keys.kinds.includes(name)) plan.slots.add(KIND_OFFSET + keys.kinds.indexOf(name));
    else plan.custom = true;
  }
  return {
    lifetime: [...lifetime], customTotals: false, allWeeks,
    windows: windows.filter((p) => p.used).map((p) => ({ index: p.index, slots: [...p.slots], weeks: p.weeks, custom: p.custom, sentiment: p.sentiment })),
  };
};

/** Before any day an event can have (epoch day −1,000,000 is in the 8th century BC). */
const FIRST_DAY = -1_000_000;

/** The first day whose activity `plan`'s facts read as of `asOf`: older days cannot change them. */
export const firstDayRead = (plan: FactPlan, asOf: number): number => {
  if (plan.allWeeks || plan.customTotals) return FIRST_DAY;
  const widest = Math.max(0, ...plan.windows.map((p) => WINDOWS[p.index]!));
  return epochDay(asOf) - widest + 1;
};

/** Every fact name that exists, as of any state. */
export const factNames = (): string[] => Object.keys(factsAsOf(emptyState(), 0));

/** The day-bucket slots that are facts of their own, in the order the full plan lists them. */
const KEYED_SLOTS = ALL_SLOTS.filter((slot) => SLOT_KEYS[0]![slot] !== '');

/** Every fact of the full plan, in order: lifetime facts, active_weeks, then each window's. */
const FULL_KEYS: readonly string[] = [
  ...LIFETIME.keys(), 'active_weeks',
  ...WINDOWS.flatMap((_, w) => [...KEYED_SLOTS.map((slot) => SLOT_KEYS[w]![slot]!), WINDOW_KEYS[w]!.sentimentAvg, WINDOW_KEYS[w]!.activeWeeks]),
];
/** Scratch for the full plan's values, in FULL_KEYS order (filled and read by each call). */
const FULL_VALUES: (number | null)[] = FULL_KEYS.map(() => null);

/** The facts object of the full plan from FULL_VALUES: every customer's facts of one fixed shape. */
const fullFacts = fixedShape<Facts>(FULL_KEYS);

/** The windowed sums of `plan` over the state's days as of `today` (into SUMS), with the weeks and custom kinds seen. */
const sumDays = (state: CustomerState, today: number, plan: FactPlan) => {
  // One pass over the days, summing into one reused flat array (this runs for every customer a
  // batch touches, and a million times in a rule change: nothing allocated that is not needed).
  const sums = SUMS.fill(0);
  let allWeeks: Set<number> | undefined;
  const windowWeeks: (Set<number> | undefined)[] = [];
  const custom: (Map<string, number> | undefined)[] = [];
  const windows = plan.windows;
  const hasCustom = state.customDays.size > 0;
  for (const [day, b] of state.days) {
    const interactions = b[DAY_INTERACTIONS] ?? 0;
    if (interactions > 0 && plan.allWeeks) (allWeeks ??= new Set()).add(epochWeekOfDay(day));
    const age = today - day;
    if (age < 0) continue;
    const extra = hasCustom ? state.customDays.get(day) : undefined;
    for (let pi = 0; pi < windows.length; pi++) {
      const p = windows[pi]!;
      const w = p.index;
      if (age >= WINDOWS[w]!) continue;
      const base = w * SLOTS;
      const slots = p.slots;
      for (let k = 0; k < slots.length; k++) sums[base + slots[k]!]! += b[slots[k]!] ?? 0;
      if (interactions > 0 && p.weeks) (windowWeeks[w] ??= new Set()).add(epochWeekOfDay(day));
      if (extra && p.custom) {
        const kinds = (custom[w] ??= new Map());
        for (const [k, n] of Object.entries(extra)) kinds.set(k, (kinds.get(k) ?? 0) + n);
      }
    }
  }
  return { sums, allWeeks, windowWeeks, custom };
};

const spendOf = (sum: number): number => Math.round(sum * 100) / 100;
const sentimentAvgOf = (sums: Float64Array, base: number): number | null => {
  const scored = sums[base + DAY_SCORED]!;
  return scored > 0 ? Math.round((sums[base + DAY_SENTIMENT_SUM]! / scored) * 1000) / 1000 : null;
};

/**
 * Computes the facts of a customer as of `asOf` (epoch ms): every fact, or those of `plan`. Events
 * after `asOf` do not count in windows; totals are lifetime totals.
 */
export const factsAsOf = (state: CustomerState, asOf: number, plan: FactPlan = FULL_PLAN): Facts => {
  const { sums, allWeeks, windowWeeks, custom } = sumDays(state, epochDay(asOf), plan);
  let facts: Facts;
  if (plan === FULL_PLAN) {
    // Every fact, by position (FULL_KEYS), then made one object at once.
    const v = FULL_VALUES;
    let i = 0;
    for (const [, get] of LIFETIME) v[i++] = get(state, asOf);
    v[i++] = allWeeks?.size ?? 0;
    for (let w = 0; w < WINDOWS.length; w++) {
      const base = w * SLOTS;
      for (const slot of KEYED_SLOTS) v[i++] = slot === DAY_SPEND ? spendOf(sums[base + slot]!) : sums[base + slot]!;
      v[i++] = sentimentAvgOf(sums, base);
      v[i++] = windowWeeks[w]?.size ?? 0;
    }
    facts = fullFacts(v);
  } else {
    facts = {};
    for (const [name, get] of plan.lifetime) facts[name] = get(state, asOf);
    if (plan.allWeeks) facts.active_weeks = allWeeks?.size ?? 0;
    for (const p of plan.windows) {
      const base = p.index * SLOTS;
      const keys = SLOT_KEYS[p.index]!;
      for (const slot of p.slots) if (keys[slot] !== '') facts[keys[slot]!] = slot === DAY_SPEND ? spendOf(sums[base + slot]!) : sums[base + slot]!;
      if (p.sentiment) facts[WINDOW_KEYS[p.index]!.sentimentAvg] = sentimentAvgOf(sums, base);
      if (p.weeks) facts[WINDOW_KEYS[p.index]!.activeWeeks] = windowWeeks[p.index]?.size ?? 0;
    }
  }
  // Kinds of events Pulse does not know (`webinar` → webinars, webinars_30d …).
  if (plan.customTotals) for (const [kind, n] of Object.entries(state.kinds)) if (!KNOWN_KIND_SET.has(kind)) facts[kindFact(kind)] = n;
  for (const p of plan.windows) if (p.custom) for (const [kind, n] of custom[p.index] ?? []) facts[`${kindFact(kind)}_${WINDOWS[p.index]}d`] = n;
  return facts;
};
