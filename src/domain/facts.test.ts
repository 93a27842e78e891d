import { describe, expect, it } from 'vitest';
import { applyEvent, decodeState, emptyState, encodeDay, encodeSummary, rebuildState, type FactInput } from './customer-state.js';
import { factNames, factsAsOf, firstDayRead, planFor } from './facts.js';

const at = (iso: string) => Date.parse(iso);
const ev = (kind: string, iso: string, extra: Partial<FactInput> = {}): FactInput => ({
  kind, direction: 'in', occurredAt: at(iso), amount: null, orderKey: `k:${kind}:${iso}`, followers: null, ...extra,
});
const facts = (events: FactInput[], asOf: string) => factsAsOf(rebuildState(events), at(asOf));

describe('facts', () => {
  it.each([
    // [window, event time, as-of, counted?] — a window of N days is the N UTC days ending with as-of's day
    ['7d', '2026-05-25T00:00:00Z', '2026-05-31T23:59:59Z', 1],
    ['7d', '2026-05-24T23:59:59Z', '2026-05-31T23:59:59Z', 0],
    ['30d', '2026-05-02T00:00:00Z', '2026-05-31T12:00:00Z', 1],
    ['30d', '2026-05-01T23:59:59Z', '2026-05-31T12:00:00Z', 0],
    ['90d', '2026-03-03T00:00:00Z', '2026-05-31T00:00:00Z', 1],
    ['90d', '2026-03-02T23:00:00Z', '2026-05-31T00:00:00Z', 0],
    ['365d', '2025-06-01T00:00:00Z', '2026-05-31T00:00:00Z', 1],
    ['365d', '2025-05-31T23:59:59Z', '2026-05-31T00:00:00Z', 0],
    ['7d', '2026-06-01T00:00:00Z', '2026-05-31T23:59:59Z', 0], // after the as-of time: not yet
  ])('interactions_%s counts an event at %s as of %s: %i', (window, when, asOf, expected) => {
    expect(facts([ev('comment', when)], asOf)[`interactions_${window}`]).toBe(expected);
  });

  it('counts distinct orders as purchases and nets refunds out of spend', () => {
    const f = facts([
      ev('purchase', '2026-05-01T10:00:00Z', { orderKey: 'A', amount: 100 }),
      ev('purchase', '2026-05-01T10:05:00Z', { orderKey: 'A', amount: 100 }), // the same order again
      ev('purchase', '2026-05-20T10:00:00Z', { orderKey: 'B', amount: 250 }),
      ev('refund', '2026-05-21T10:00:00Z', { orderKey: 'B', amount: -50 }),
    ], '2026-05-31T00:00:00Z');
    expect(f).toMatchObject({ purchases: 2, refunds: 1, spend_total: 300, spend_gross: 350, spend_30d: 200, purchases_30d: 1, purchases_7d: 0, spend_7d: 0, interactions: 3 });
  });

  it('folds out-of-order events to the same facts as in-order ones', () => {
    const events = [ev('comment', '2026-05-03T00:00:00Z'), ev('like', '2026-01-01T00:00:00Z'), ev('post', '2026-04-01T00:00:00Z'), ev('purchase', '2026-02-01T00:00:00Z', { amount: 10, orderKey: 'X' })];
    expect(facts(events, '2026-05-31T00:00:00Z')).toEqual(facts([...events].reverse(), '2026-05-31T00:00:00Z'));
  });

  it('counts active weeks by ISO week (Monday to Sunday), only for interactions', () => {
    const f = facts([
      ev('comment', '2026-05-04T08:00:00Z'), // Monday
      ev('comment', '2026-05-10T20:00:00Z'), // Sunday, same week
      ev('comment', '2026-05-11T08:00:00Z'), // next Monday
      ev('visit', '2026-05-20T08:00:00Z'), // not an interaction
      { ...ev('message', '2026-05-27T08:00:00Z'), direction: 'out' }, // the brand's reply: not the customer's
    ], '2026-05-31T00:00:00Z');
    expect(f).toMatchObject({ active_weeks: 2, active_weeks_30d: 2, active_weeks_7d: 0, events: 5, interactions: 3, visits: 1, messages: 1 });
  });

  it('keeps counts of custom kinds, windowed too', () => {
    const f = facts([ev('webinar_attended', '2026-05-30T00:00:00Z')], '2026-05-31T00:00:00Z');
    expect(f).toMatchObject({ webinar_attendeds: 1, webinar_attendeds_7d: 1, events: 1, interactions: 0 });
  });

  it('computes the same values when asked only for the facts a rule needs', () => {
    const state = rebuildState([
      ev('share', '2026-05-01T00:00:00Z'), ev('comment', '2026-04-01T00:00:00Z'), ev('purchase', '2026-03-01T00:00:00Z', { amount: 99, orderKey: 'X' }),
      ev('webinar', '2026-05-20T00:00:00Z'), ev('refund', '2026-05-21T00:00:00Z', { amount: 9 }),
    ]);
    const needed = ['active_weeks_90d', 'spend_365d', 'shares_90d', 'webinars_30d', 'purchases', 'events_7d', 'active_weeks'];
    const full = factsAsOf(state, at('2026-05-31T00:00:00Z'));
    const planned = factsAsOf(state, at('2026-05-31T00:00:00Z'), planFor(needed));
    for (const name of needed) expect(planned[name], name).toBe(full[name]);
  });

  it('gives the full plan the same facts as a plan naming every one of them, each computed', () => {
    const state = rebuildState([
      ev('share', '2026-05-01T00:00:00Z'), ev('comment', '2026-04-01T00:00:00Z'), ev('purchase', '2026-03-01T00:00:00Z', { amount: 99, orderKey: 'X' }),
      ev('refund', '2026-05-21T00:00:00Z', { amount: 9 }), ev('mention', '2026-05-30T00:00:00Z', { sentiment: { score: 0.5, label: 'positive' } }),
    ]);
    const asOf = at('2026-05-31T00:00:00Z');
    const full = factsAsOf(state, asOf);
    expect(factsAsOf(state, asOf, planFor(Object.keys(full)))).toEqual(full);
    expect(Object.keys(full)).toEqual(factNames());
  });

  it('averages the sentiment of their texts and counts positive public mentions within windows', () => {
    const scored = (kind: string, iso: string, score: number, label: 'negative' | 'neutral' | 'positive', direction: 'in' | 'out' = 'in') =>
      ev(kind, iso, { sentiment: { score, label }, direction });
    const f = facts([
      scored('mention', '2026-05-30T00:00:00Z', 0.8, 'positive'),
      scored('comment', '2026-05-20T00:00:00Z', 0.6, 'positive'),
      scored('message', '2026-05-25T00:00:00Z', 0.9, 'positive'), // private: not a mention, but its sentiment counts
      scored('comment', '2026-04-10T00:00:00Z', -0.5, 'negative'), // outside 30 days, inside 90
      scored('reply', '2026-05-30T00:00:00Z', -1, 'negative', 'out'), // the brand's own words: not theirs
      ev('comment', '2026-05-29T00:00:00Z'), // not scored: no sentiment
    ], '2026-05-31T00:00:00Z');
    expect(f.sentiment_avg_30d).toBeCloseTo((0.8 + 0.6 + 0.9) / 3, 3);
    expect(f.sentiment_avg_90d).toBeCloseTo((0.8 + 0.6 + 0.9 - 0.5) / 4, 3);
    expect(f.positive_mentions_30d).toBe(2);
    expect(f.positive_mentions_90d).toBe(2);
    expect(facts([ev('comment', '2026-05-29T00:00:00Z')], '2026-05-31T00:00:00Z').sentiment_avg_30d).toBeNull();
  });

  it('needs no day older than firstDayRead for the facts of a plan', () => {
    const state = rebuildState([
      ev('comment', '2025-01-10T00:00:00Z'), ev('purchase', '2025-06-01T00:00:00Z', { amount: 500, orderKey: 'A' }),
      ev('comment', '2026-03-05T00:00:00Z'), ev('share', '2026-05-30T00:00:00Z'),
    ]);
    const asOf = at('2026-05-31T12:00:00Z');
    for (const needed of [['spend_365d', 'purchases'], ['shares_90d', 'active_weeks_90d', 'reach'], ['events', 'days_since_last_interaction'], ['active_weeks']]) {
      const plan = planFor(needed);
      const first = firstDayRead(plan, asOf);
      const trimmed = { ...state, days: new Map([...state.days].filter(([day]) => day >= first)) };
      expect(factsAsOf(trimmed, asOf, plan), needed.join()).toEqual(factsAsOf(state, asOf, plan));
      expect(Object.keys(factsAsOf(state, asOf, plan)).sort(), needed.join()).toEqual([...needed].sort());
    }
  });

  it('has a catalogue of every fact name with windows', () => {
    expect(factNames()).toEqual(expect.arrayContaining(['purchases', 'spend_total', 'spend_365d', 'active_weeks_90d', 'mentions_90d', 'days_since_last_interaction']));
  });

  it('survives the stored form unchanged', () => {
    const state = emptyState();
    const orders = new Set<string>();
    for (const e of [ev('purchase', '2026-05-01T10:00:00Z', { amount: 12.5, orderKey: 'O1' }), ev('custom_kind', '2026-05-02T00:00:00Z')]) applyEvent(state, e, orders);
    const back = decodeState(encodeSummary(state), [...state.days.keys()].map((d) => encodeDay(state, d)));
    expect(back).toEqual(state);
    expect(decodeState('{"nope":1}', [])).toBeNull();
  });
});
