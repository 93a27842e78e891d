import { describe, expect, it } from 'vitest';
import type { EventView, IdentityView, MergeView } from '../app/ports.js';
import { customerJson, eventJson, iso, mergeJson } from './json.js';

describe('iso', () => {
  it('writes exactly what Date#toISOString writes', () => {
    const edges = [0, 1, 59_999, 86_399_999, 86_400_000, 951_782_400_000, 1_709_164_800_000, 253_402_300_799_999, -1, -86_400_001, 253_402_300_800_000, 1.5];
    let seed = 1;
    const random = Array.from({ length: 20_000 }, () => ((seed = (seed * 16_807) % 2_147_483_647), Math.floor((seed / 2_147_483_647) * 4_102_444_800_000)));
    for (const ms of [...edges, ...random]) expect(iso(ms)).toBe(new Date(ms).toISOString());
    expect(iso(null)).toBeNull();
  });
});

describe('wire shapes', () => {
  const at = Date.UTC(2026, 4, 31, 12);
  // Every field set (none undefined), so a field the builders forget shows as missing.
  const event: EventView = {
    id: 1, customerId: 2, source: 'shop', sourceId: 's1', kind: 'purchase', channel: 'shop', direction: 'in', occurredAt: at, text: 'hi',
    lang: 'en', sentiment: 'positive', sentimentScore: 0.5, emotion: 'joy', amount: 10, currency: 'EUR', orderId: 'o1', threadId: 't1',
    inReplyTo: 'm0', meta: { followers: 3 },
  };
  const merge: MergeView = { id: 3, targetId: 2, mergedId: 4, linkSource: 'manual', confidence: 1, reason: 'same', actor: 'a@b', createdAt: at, undoneAt: null, undoneBy: null };
  const identity: IdentityView = { id: 5, customerId: 2, kind: 'instagram', externalId: 'ig1', handle: 'h', verified: true, linkSource: 'event', confidence: 1, createdAt: at };

  it('writes every field of events and merges, instants as ISO-8601', () => {
    expect(eventJson(event)).toEqual({ ...event, occurredAt: '2026-05-31T12:00:00.000Z' });
    expect(mergeJson(merge)).toEqual({ ...merge, createdAt: '2026-05-31T12:00:00.000Z', undoneAt: null });
  });

  it('writes every field of a customer page, in one order', () => {
    const page = customerJson({
      id: 2, displayName: 'Ann', email: null, phone: null, channels: ['instagram'], eventsCount: 1, interactions: 1, purchases: 1, spendTotal: 10,
      firstSeenAt: at, lastSeenAt: at, mergedInto: null, mergedIds: [4], asOf: at, facts: { events: 1 }, identities: [identity], merges: [merge], events: [event],
      stages: [{ routeId: 1, routeName: 'R', stages: [], current: null, since: at, next: null, history: [{ routeId: 1, from: null, to: 0, at, cause: 'event', eventId: 1, rule: 'events >= 1' }] }],
    }, 'EUR');
    const iso8601 = '2026-05-31T12:00:00.000Z';
    expect(Object.keys(page)).toEqual(['stages', 'id', 'displayName', 'email', 'phone', 'channels', 'eventsCount', 'interactions', 'purchases', 'spendTotal',
      'firstSeenAt', 'lastSeenAt', 'mergedInto', 'mergedIds', 'asOf', 'facts', 'identities', 'merges', 'events', 'currency']);
    expect(page.identities).toEqual([{ ...identity, createdAt: iso8601 }]);
    expect(page.stages[0]).toEqual({ routeId: 1, routeName: 'R', stages: [], current: null, since: iso8601, next: null,
      history: [{ routeId: 1, from: null, to: 0, at: iso8601, cause: 'event', eventId: 1, rule: 'events >= 1' }] });
    expect(page).toMatchObject({ asOf: iso8601, firstSeenAt: iso8601, lastSeenAt: iso8601, currency: 'EUR', events: [eventJson(event)], merges: [mergeJson(merge)] });
  });
});
