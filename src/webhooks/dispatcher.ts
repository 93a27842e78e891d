/**
 * The webhook dispatcher as a long-running loop (in `pulse serve`, or `pulse webhooks deliver` in a
 * worker process): a round every few seconds, and one soon after a stage change is published on the
 * in-process bus. The bus only wakes it: what to send always comes from the store, so a change made
 * by another process, or published by nobody because of a crash, is sent on the next round.
 */
import { deliverWebhooks, type DeliverDeps, type DeliveryRound } from '../app/deliver-webhooks.js';
import type { EventBus } from '../app/domain-events.js';

export const POLL_INTERVAL_MS = 5_000;
/** A burst of stage changes (a batch) wakes the dispatcher once. */
const WAKE_DELAY_MS = 250;

export interface Dispatcher {
  /** Runs a round soon (after the one in flight, if any). */
  wake(): void;
  /** Stops the loop and waits for the round in flight. */
  stop(): Promise<void>;
}

export const startWebhookDispatcher = (
  deps: DeliverDeps,
  opts: { bus?: EventBus; intervalMs?: number; onError: (err: unknown) => void; onRound?: (round: DeliveryRound) => void },
): Dispatcher => {
  const interval = opts.intervalMs ?? POLL_INTERVAL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let dueAt = Number.POSITIVE_INFINITY;
  const abort = new AbortController();

  const schedule = (ms: number) => {
    clearTimeout(timer);
    if (stopped) return;
    dueAt = Date.now() + ms;
    timer = setTimeout(run, ms);
    timer.unref();
  };
  /** Brings the next round forward, never back: a stream of wake-ups cannot starve it. */
  const soon = (ms: number) => {
    if (Date.now() + ms < dueAt) schedule(ms);
  };
  const run = () => {
    dueAt = Number.POSITIVE_INFINITY;
    if (running !== null) {
      again = true;
      return;
    }
    running = deliverWebhooks(deps, { signal: abort.signal })
      .then((round) => opts.onRound?.(round), opts.onError)
      .finally(() => {
        running = null;
        schedule(again ? 0 : interval);
        again = false;
      });
  };
  const unsubscribe = opts.bus?.subscribe((event) => {
    if (event.type === 'customer.stage_changed') soon(WAKE_DELAY_MS);
  });
  schedule(0);

  return {
    wake: () => soon(0),
    async stop() {
      stopped = true;
      abort.abort();
      clearTimeout(timer);
      unsubscribe?.();
      await running;
    },
  };
};
