import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliverDeps } from '../app/deliver-webhooks.js';
import { createEventBus, stageChanged } from '../app/domain-events.js';
import { startWebhookDispatcher } from './dispatcher.js';

/** Deps whose store has nothing to send: each round asks `subscribed` once. */
const emptyStore = (onRound: () => void) => ({
  webhooks: {
    subscribed: async () => {
      onRound();
      return [];
    },
    claim: async () => [],
  },
  now: () => 0,
}) as unknown as DeliverDeps;

describe('webhook dispatcher loop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round at start, every interval, soon after a stage change, and none once stopped', async () => {
    let rounds = 0;
    const bus = createEventBus();
    const errors: unknown[] = [];
    const dispatcher = startWebhookDispatcher(emptyStore(() => (rounds += 1)), { bus, intervalMs: 5_000, onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(rounds).toBe(1);
    bus.publish(stageChanged(1, { customerId: 1, routeId: 1, from: null, to: 0, at: 0, cause: 'event', eventId: 1, rule: null }));
    bus.publish(stageChanged(1, { customerId: 2, routeId: 1, from: null, to: 0, at: 0, cause: 'event', eventId: 2, rule: null }));
    await vi.advanceTimersByTimeAsync(250);
    expect(rounds).toBe(2); // one round for the burst
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rounds).toBe(3);
    await dispatcher.stop();
    bus.publish(stageChanged(1, { customerId: 3, routeId: 1, from: null, to: 0, at: 0, cause: 'event', eventId: 3, rule: null }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rounds).toBe(3);
    expect(errors).toEqual([]);
  });

  it('reports a failed round and keeps going', async () => {
    let rounds = 0;
    const errors: unknown[] = [];
    const dispatcher = startWebhookDispatcher(emptyStore(() => {
      rounds += 1;
      if (rounds === 1) throw new Error('store away');
    }), { intervalMs: 1_000, onError: (e) => errors.push(e) });
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(2);
    expect(errors.map((e) => (e as Error).message)).toEqual(['store away']);
    await dispatcher.stop();
  });
});
