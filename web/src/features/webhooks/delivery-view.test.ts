import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../api/types.js';
import { appendPage, deliveryTone, lastAnswer, payloadText, replaceDelivery, retryAction } from './delivery-view.js';

const delivery = (over: Partial<Delivery>): Delivery => ({
  id: 1, webhookId: 1, eventType: 'customer.stage_changed', eventId: 'stage_changed_1', status: 'pending', attempts: 0, nextAttemptAt: null,
  lastResponseStatus: null, lastError: null, createdAt: '2026-06-01T12:00:00.000Z', deliveredAt: null, payload: {}, attemptLog: [], ...over,
});

describe('delivery view', () => {
  it.each([
    ['delivered', 'ok', 'sendAgain'],
    ['pending', 'waiting', 'retryNow'],
    ['failed', 'failed', 'retryNow'],
  ] as const)('a %s delivery reads %s and offers %s', (status, tone, action) => {
    expect(deliveryTone({ status })).toBe(tone);
    expect(retryAction({ status })).toBe(action);
  });

  it.each([
    [{ attempts: 0, lastResponseStatus: null, lastError: null }, null],
    [{ attempts: 1, lastResponseStatus: 204, lastError: null }, 'HTTP 204'],
    [{ attempts: 2, lastResponseStatus: 503, lastError: 'HTTP 503: busy' }, 'HTTP 503: busy'],
    [{ attempts: 3, lastResponseStatus: null, lastError: 'timed out: no answer within 10 s' }, 'timed out: no answer within 10 s'],
  ])('says the last answer of %o', (d, expected) => {
    expect(lastAnswer(d)).toBe(expected);
  });

  it('pages without repeating a delivery, and replaces one in place', () => {
    const shown = [delivery({ id: 3 }), delivery({ id: 2 })];
    expect(appendPage(shown, [delivery({ id: 2 }), delivery({ id: 1 })]).map((d) => d.id)).toEqual([3, 2, 1]);
    expect(replaceDelivery(shown, delivery({ id: 2, status: 'delivered' })).map((d) => [d.id, d.status])).toEqual([[3, 'pending'], [2, 'delivered']]);
    expect(payloadText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
