import { describe, expect, it } from 'vitest';
import { isDelivered, MAX_ATTEMPTS, nextAttemptAfterFailure, RETRY_DELAYS_MS, signatureHeader, stageChangedPayload } from './webhooks.js';

const S = 1000;

describe('webhook retries', () => {
  it.each([
    [1, 10 * S], [2, 30 * S], [3, 120 * S], [4, 600 * S], [5, 3_600 * S], [6, 7_200 * S], [7, 14_400 * S], [8, 28_800 * S], [9, 28_800 * S],
  ])('waits after failed attempt %i: %i ms (no jitter at 0.5)', (attempts, delay) => {
    expect(nextAttemptAfterFailure(attempts, 0, 0.5)).toBe(delay);
  });

  it('spreads each wait by at most 20 % and gives up after the tenth attempt, about 23 hours in', () => {
    expect(nextAttemptAfterFailure(1, 0, 0)).toBe(8 * S);
    expect(nextAttemptAfterFailure(1, 0, 0.999999)).toBe(12 * S);
    expect(MAX_ATTEMPTS).toBe(10);
    expect(nextAttemptAfterFailure(MAX_ATTEMPTS, 0, 0.5)).toBeNull();
    const total = RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(22);
    expect(total / 3_600_000).toBeLessThan(24);
  });

  it.each([[200, true], [204, true], [299, true], [301, false], [302, false], [400, false], [500, false], [null, false]])('HTTP %s is delivered: %s', (status, delivered) => {
    expect(isDelivered(status)).toBe(delivered);
  });
});

describe('webhook signature and payload', () => {
  it('signs t + "." + body with HMAC-SHA256 (vector computed with Python hmac)', () => {
    expect(signatureHeader('whsec_test', 1780315200, '{"id":"ping_1"}')).toBe('t=1780315200,v1=a63894e04a5dc1960d83df0eb2f59df98e91d5233d95323c4d7ed77f38f7cefb');
  });

  it('names the stages of a stage change, and survives a route that changed since', () => {
    const fact = {
      transitionId: 7, recordedAt: Date.parse('2026-06-01T12:00:00Z'), workspace: 'demo', customerId: 42, routeId: 1,
      route: { name: 'Customer journey', stages: [{ key: 'first_contact', name: 'First contact' }, { key: 'buyer', name: 'Buyer' }] },
      from: 0, to: 1, at: Date.parse('2026-05-31T09:00:00Z'), cause: 'event', eventId: 99, rule: 'purchases >= 1',
    };
    expect(stageChangedPayload(fact)).toEqual({
      id: 'stage_changed_7', type: 'customer.stage_changed', createdAt: '2026-06-01T12:00:00.000Z', workspace: 'demo',
      data: {
        customerId: 42, route: { id: 1, name: 'Customer journey' }, from: { index: 0, key: 'first_contact', name: 'First contact' },
        to: { index: 1, key: 'buyer', name: 'Buyer' }, at: '2026-05-31T09:00:00.000Z', cause: 'event', eventId: 99, rule: 'purchases >= 1',
      },
    });
    expect(stageChangedPayload({ ...fact, route: null, from: null, to: 5 }).data).toMatchObject({ route: { id: 1, name: 'route 1' }, from: null, to: { index: 5, key: 'stage_5', name: 'Stage 6' } });
  });
});
