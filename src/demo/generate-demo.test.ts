import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventLineSchema, type EventLineInput } from '../app/event-input.js';
import { referenceRates } from '../domain/money.js';
import { DEMO_WORKSPACE, generateDemoEvents } from './generate-demo.js';

const NOW = Date.parse('2026-05-15T12:00:00Z');
const DAY = 86_400_000;
const generate = (seed: number, customers: number, now = NOW): EventLineInput[] =>
  [...generateDemoEvents({ seed, now, customers })];
const hash = (lines: EventLineInput[]): string => createHash('sha256').update(JSON.stringify(lines)).digest('hex');
/** The demo's customer key (`c00042`) hidden in every source id: ground truth for the tests. */
const who = (l: EventLineInput): string => String(l.source_id).split('-')[0]!;

const small = generate(1, 300);
const full = generate(1, 3_000);

describe('generateDemoEvents', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('yields only lines that pass EventLineSchema', () => {
    for (const line of small) {
      const parsed = EventLineSchema.safeParse(line);
      if (!parsed.success) throw new Error(`${JSON.stringify(line)}: ${parsed.error.message}`);
    }
  });

  it('dates every event within the 183 days before now, in time order', () => {
    const times = full.map((l) => Date.parse(l.occurred_at));
    expect(times.filter((t) => !(t <= NOW && t >= NOW - 183 * DAY))).toEqual([]);
    expect(times.filter((t, i) => i > 0 && t < times[i - 1]!)).toEqual([]);
  });

  it('is reproducible: the same seed, now and size give byte-identical output', () => {
    expect(hash(generate(1, 300))).toBe(hash(small));
    expect(hash(generate(2, 300))).not.toBe(hash(small));
    expect(hash(generate(1, 300, NOW + DAY))).not.toBe(hash(small));
  });

  it('never reads the clock', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const a = hash(generate(7, 100));
    vi.setSystemTime(new Date('2031-06-01T00:00:00Z'));
    expect(hash(generate(7, 100))).toBe(a);
  });

  it('gives each event a unique source id within its source', () => {
    const keys = new Set(full.map((l) => `${l.source}|${l.source_id}`));
    expect(keys.size).toBe(full.length);
    expect(full.filter((l) => l.source !== `demo-${l.channel}`)).toEqual([]);
  });

  it('produces tens of thousands of events for 3,000 customers', () => {
    expect(full.length).toBeGreaterThan(40_000);
    expect(full.length).toBeLessThan(60_000);
    expect(new Set(full.map(who)).size).toBeGreaterThan(2_900);
  });

  it('covers every kind, channel and language the demo promises', () => {
    const kinds = new Set(full.map((l) => l.kind));
    for (const k of ['visit', 'follow', 'unfollow', 'like', 'mention', 'comment', 'post', 'share', 'message', 'review',
      'newsletter_signup', 'purchase', 'refund', 'referral', 'idea', 'vote']) expect(kinds).toContain(k);
    const channels = new Set(full.map((l) => l.channel));
    for (const c of ['facebook', 'instagram', 'x', 'whatsapp', 'community', 'newsletter', 'web', 'shop', 'email']) expect(channels).toContain(c);
    const langs = new Set(full.map((l) => l.lang));
    for (const lang of ['en', 'da', 'it']) expect(langs).toContain(lang);
    expect(full.filter((l) => l.text != null && !['en', 'da', 'it'].includes(l.lang ?? ''))).toEqual([]);
  });

  it('gives visits their traffic source and purchases their order and currency', () => {
    const badVisits = full.filter((l) => l.kind === 'visit' && !['referrer', 'utm_source', 'utm_campaign'].every((k) => k in (l.meta ?? {})));
    expect(badVisits).toEqual([]);
    const badOrders = full.filter((l) => l.kind === 'purchase'
      && !(/^CVN-\d{6}-\d+$/.test(String(l.order_id)) && ['DKK', 'EUR'].includes(l.currency ?? '') && (l.amount ?? 0) > 0));
    expect(badOrders).toEqual([]);
  });

  it('has repeat buyers and high-value buyers (DKK equivalent)', () => {
    const rates = referenceRates(DEMO_WORKSPACE.currency);
    const spend = new Map<string, { orders: Set<string>; dkk: number }>();
    for (const l of full) {
      if (l.kind !== 'purchase') continue;
      const s = spend.get(who(l)) ?? { orders: new Set<string>(), dkk: 0 };
      s.orders.add(String(l.order_id));
      s.dkk += (l.amount ?? 0) * (rates[l.currency ?? 'DKK'] ?? 1);
      spend.set(who(l), s);
    }
    const buyers = [...spend.values()];
    expect(buyers.filter((s) => s.orders.size >= 2).length).toBeGreaterThan(50);
    expect(buyers.filter((s) => s.dkk >= 10_000).length).toBeGreaterThan(20);
  });

  it('has 5–10 influencers with many followers who mention and share', () => {
    const influencers = new Set(full.filter((l) => Number(l.meta?.followers ?? 0) >= 5_000).map(who));
    expect(influencers.size).toBeGreaterThanOrEqual(5);
    expect(influencers.size).toBeLessThanOrEqual(10);
    for (const key of influencers) {
      const mine = full.filter((l) => who(l) === key);
      expect(mine.filter((l) => l.kind === 'mention').length).toBeGreaterThanOrEqual(5);
      expect(mine.some((l) => l.kind === 'share')).toBe(true);
    }
  });

  it('answers messages in the same thread, after the question', () => {
    const inbound = new Map<string, number>();
    for (const l of full) {
      if (l.kind === 'message' && l.direction === 'in' && !inbound.has(String(l.thread_id))) inbound.set(String(l.thread_id), Date.parse(l.occurred_at));
    }
    const replies = full.filter((l) => l.kind === 'message' && l.direction === 'out');
    expect(replies.length).toBeGreaterThan(500);
    for (const r of replies) {
      expect(inbound.has(String(r.thread_id))).toBe(true);
      expect(Date.parse(r.occurred_at)).toBeGreaterThan(inbound.get(String(r.thread_id))!);
    }
  });

  it('refunds only orders that were placed before', () => {
    const placed = new Map<string, number>();
    for (const l of full) {
      if (l.kind === 'purchase') placed.set(String(l.order_id), Date.parse(l.occurred_at));
      if (l.kind === 'refund') expect(placed.get(String(l.order_id))).toBeLessThan(Date.parse(l.occurred_at));
    }
  });

  it('lets people interact before they first buy', () => {
    const first = new Map<string, string>();
    const interactedBefore = new Set<string>();
    for (const l of full) {
      if (l.kind === 'purchase' && !first.has(who(l))) first.set(who(l), l.occurred_at);
      else if (!first.has(who(l))) interactedBefore.add(who(l));
    }
    const buyers = [...first.keys()];
    expect(buyers.filter((k) => interactedBefore.has(k)).length / buyers.length).toBeGreaterThan(0.9);
  });

  it('links channels through contact points: the same email in the shop and the newsletter, phones on WhatsApp', () => {
    const shopEmails = new Set(full.filter((l) => l.channel === 'shop').map((l) => l.customer.email));
    const newsletter = full.filter((l) => l.kind === 'newsletter_signup').map((l) => l.customer.email);
    const linked = newsletter.filter((e) => shopEmails.has(e)).length;
    expect(linked).toBeGreaterThan(100);
    expect(linked).toBeLessThan(newsletter.length);
    const wa = full.filter((l) => l.channel === 'whatsapp' && l.direction === 'in');
    for (const l of wa) expect(l.customer.phone).toMatch(/^\+(45|39|49|46|31) /);
    const socialOnly = full.filter((l) => l.channel === 'instagram' && l.customer.email === undefined);
    expect(socialOnly.length).toBeGreaterThan(1_000);
  });

  it('follows a weekly rhythm: evenings and weekends are busier than nights and weekdays', () => {
    const hours = new Array<number>(24).fill(0);
    const days = new Array<number>(7).fill(0);
    for (const l of full) {
      const local = new Date(Date.parse(l.occurred_at) + 2 * 3_600_000);
      hours[local.getUTCHours()]! += 1;
      days[local.getUTCDay()]! += 1;
    }
    expect(hours[20]!).toBeGreaterThan(hours[3]! * 5);
    expect(days[6]!).toBeGreaterThan(days[2]!);
  });

  it('rejects a nonsensical size', () => {
    expect(() => generate(1, 0)).toThrow(/customers/);
    expect(() => generate(1, 1.5)).toThrow(/customers/);
  });
});
