import { describe, expect, it } from 'vitest';
import { rebuildState, type FactInput } from '../customer-state.js';
import { factsAsOf } from '../facts.js';
import { evaluateRoute, explainPosition, NO_POSITION, type StagePosition } from './evaluate.js';
import { compileRoute, defaultRoute, type RouteDefinition } from './route.js';

const at = (iso: string) => Date.parse(iso);
const ev = (kind: string, iso: string, extra: Partial<FactInput> = {}): FactInput => ({
  kind, direction: 'in', occurredAt: at(iso), amount: null, orderKey: `${kind}:${iso}`, followers: null, ...extra,
});
const compiled = (def: RouteDefinition = defaultRoute()) => {
  const r = compileRoute(def);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.route;
};
const route = compiled();
const KEYS = route.stages.map((s) => s.key);

/** Replays events in time order, evaluating after each one, as ingestion does. */
const replay = (events: FactInput[], asOf?: string): { key: string | null; position: StagePosition } => {
  let position = NO_POSITION;
  const seen: FactInput[] = [];
  for (const e of [...events].sort((a, b) => a.occurredAt - b.occurredAt)) {
    seen.push(e);
    position = evaluateRoute(route, factsAsOf(rebuildState(seen), e.occurredAt), position);
  }
  if (asOf !== undefined) position = evaluateRoute(route, factsAsOf(rebuildState(seen), at(asOf)), position);
  return { key: position.stage === null ? null : KEYS[position.stage]!, position };
};

const weekly = (from: string, weeks: number) => Array.from({ length: weeks }, (_, i) => ev('comment', new Date(at(from) + i * 7 * 86_400_000).toISOString()));

describe('the default route', () => {
  it.each([
    ['nobody yet', [], undefined, null],
    ['a visit is a first contact', [ev('visit', '2026-01-01T00:00:00Z')], undefined, 'first_contact'],
    ['a comment is a first interaction', [ev('visit', '2026-01-01T00:00:00Z'), ev('comment', '2026-01-02T00:00:00Z')], undefined, 'first_interaction'],
    ['interactions in 3 distinct weeks make a regular', weekly('2026-01-05T10:00:00Z', 3), undefined, 'regular'],
    ['a regular lapses after 90 quiet days (live)', weekly('2026-01-05T10:00:00Z', 3), '2026-06-01T00:00:00Z', 'first_interaction'],
    ['one purchase makes a buyer', [ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 10 })], undefined, 'buyer'],
    ['two orders make a multiple buyer, kept forever (sticky)', [ev('purchase', '2025-01-01T00:00:00Z', { orderKey: 'A', amount: 10 }), ev('purchase', '2025-02-01T00:00:00Z', { orderKey: 'B', amount: 10 })], '2026-06-01T00:00:00Z', 'multiple_buyer'],
    ['the same order twice is one purchase', [ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 10 }), ev('purchase', '2026-01-01T01:00:00Z', { orderKey: 'A', amount: 10 })], undefined, 'buyer'],
    ['spend of 1,000 in 365 days is high value', [ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 1000 })], undefined, 'high_value'],
    ['a refund that brings net spend under the threshold loses it (live)', [ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 1000 }), ev('refund', '2026-01-05T00:00:00Z', { orderKey: 'A', amount: 200 })], undefined, 'buyer'],
    ['high value lapses 365 days after the spend', [ev('purchase', '2025-01-01T00:00:00Z', { orderKey: 'A', amount: 5000 })], '2026-01-01T00:00:00Z', 'buyer'],
    ['high value still holds on the 365th day', [ev('purchase', '2025-01-01T00:00:00Z', { orderKey: 'A', amount: 5000 })], '2025-12-31T23:00:00Z', 'high_value'],
    ['a big audience alone is not enough without positive sentiment', [ev('mention', '2026-01-01T00:00:00Z', { followers: 20_000 })], undefined, 'first_contact'],
    ['3 shares in 90 days make a spokesperson', [ev('share', '2026-01-01T00:00:00Z'), ev('share', '2026-01-20T00:00:00Z'), ev('share', '2026-02-10T00:00:00Z')], undefined, 'spokesperson'],
  ])('%s', (_name, events, asOf, expected) => {
    expect(replay(events as FactInput[], asOf as string | undefined).key).toBe(expected);
  });

  it('gives the same stage whatever order the events arrive in', () => {
    const events = [ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 600 }), ev('comment', '2025-12-01T00:00:00Z'), ev('purchase', '2026-02-01T00:00:00Z', { orderKey: 'B', amount: 600 })];
    const facts = factsAsOf(rebuildState(events), at('2026-03-01T00:00:00Z'));
    const reversed = factsAsOf(rebuildState([...events].reverse()), at('2026-03-01T00:00:00Z'));
    expect(evaluateRoute(route, facts, NO_POSITION)).toEqual(evaluateRoute(route, reversed, NO_POSITION));
    expect(KEYS[evaluateRoute(route, facts, NO_POSITION).stage!]).toBe('high_value');
  });

  it('explains the stage and what the next one needs', () => {
    const facts = factsAsOf(rebuildState([ev('purchase', '2026-01-01T00:00:00Z', { orderKey: 'A', amount: 400 })]), at('2026-01-02T00:00:00Z'));
    const position = evaluateRoute(route, facts, NO_POSITION);
    const { current, next } = explainPosition(route, facts, position);
    expect(current).toMatchObject({ key: 'buyer', rule: 'purchases >= 1', keptFromBefore: false, explanation: { holds: true, conditions: [{ text: 'purchases >= 1', values: { purchases: 1 } }] } });
    expect(next).toMatchObject({ key: 'multiple_buyer', explanation: { holds: false, conditions: [{ missing: 1 }] } });
  });

  it('says when a sticky stage is kept though its rule no longer holds', () => {
    const strict = compiled({ name: 'r', stages: [{ key: 'engaged', name: 'Engaged', rule: 'interactions_30d >= 1', mode: 'sticky' }] });
    const position = evaluateRoute(strict, { interactions_30d: 1 }, NO_POSITION);
    const later = evaluateRoute(strict, { interactions_30d: 0 }, position);
    expect(later.stage).toBe(0);
    expect(explainPosition(strict, { interactions_30d: 0 }, later).current).toMatchObject({ keptFromBefore: true });
  });
});

describe('compileRoute', () => {
  it('refuses a route with bad rules, reporting every problem with its stage and position', () => {
    const result = compileRoute({ name: 'B2B', stages: [
      { key: 'lead', name: 'Lead', rule: 'purchase >= 1', mode: 'sticky' },
      { key: 'lead', name: '', rule: 'spend_365d >=', mode: 'live' },
    ] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.stage, p.field])).toEqual([[0, 'rule'], [1, 'key'], [1, 'name'], [1, 'rule']]);
    expect(result.problems[0]).toMatchObject({ position: 0, message: expect.stringContaining('did you mean "purchases"') });
  });
});
