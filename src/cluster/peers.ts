/**
 * What the processes of `pulse serve` tell each other over cluster IPC (PULSE_HTTP_PROCESSES > 1).
 * Each HTTP process caches principals for a few seconds; when one signs someone out, revokes a token
 * or changes a role, it tells the primary, which relays it to every other HTTP process and answers
 * once they have all dropped it (`createForgetRelay`). The HTTP process holds its answer until then
 * (`createIpcPeers`, `settled`), so the client's next request is refused on any connection.
 * No node:cluster here: the two ends take a `send` function, so the logic is tested without processes.
 */
import { z } from 'zod';
import type { CredentialPeers, Forgotten } from '../app/authenticate.js';

const ForgottenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: z.number().int() }),
  z.object({ kind: z.literal('session'), sessionHash: z.string().max(128) }),
  z.object({ kind: z.literal('token'), tokenId: z.number().int() }),
]);

/** From an HTTP process to the primary. */
export const ToPrimarySchema = z.discriminatedUnion('pulse', [
  /** Its server listens. */
  z.object({ pulse: z.literal('listening') }),
  /** It dropped this from its cache; `id` numbers its requests. */
  z.object({ pulse: z.literal('forget'), id: z.number().int(), forgotten: ForgottenSchema }),
  /** It dropped what the relay `ref` asked. */
  z.object({ pulse: z.literal('forgot'), ref: z.number().int() }),
  /** Stages changed: the webhook dispatcher (in the primary) should run a round soon. */
  z.object({ pulse: z.literal('stage-changed') }),
]);
export type ToPrimary = z.output<typeof ToPrimarySchema>;

/** From the primary to an HTTP process. */
export const ToWorkerSchema = z.discriminatedUnion('pulse', [
  /** Drop this (another process dropped it), then answer `forgot` with `ref`. */
  z.object({ pulse: z.literal('forget'), ref: z.number().int(), forgotten: ForgottenSchema }),
  /** Every other process has dropped what request `id` asked. */
  z.object({ pulse: z.literal('forgotten'), id: z.number().int() }),
]);
export type ToWorker = z.output<typeof ToWorkerSchema>;

/** How long an answer waits for the peers at most (one busy with a long batch, say); then the cache TTL bounds it. */
export const SETTLE_TIMEOUT_MS = 2_000;

/**
 * The HTTP process's end: `peers` for the authenticator, `receive` for what the primary sends.
 * `send` may throw when the primary is gone: nothing is then pending.
 */
export const createIpcPeers = (
  send: (message: ToPrimary) => void,
  opts: { timeoutMs?: number; onTimeout?: () => void } = {},
): { peers: CredentialPeers; receive(message: ToWorker): void } => {
  const listeners: ((f: Forgotten) => void)[] = [];
  const pending = new Map<number, { done: Promise<void>; resolve: () => void; timer: NodeJS.Timeout }>();
  let lastId = 0;

  const finish = (id: number) => {
    const p = pending.get(id);
    if (p === undefined) return;
    clearTimeout(p.timer);
    pending.delete(id);
    p.resolve();
  };

  const peers: CredentialPeers = {
    publish(forgotten) {
      const id = ++lastId;
      let resolve!: () => void;
      const done = new Promise<void>((r) => (resolve = r));
      const timer = setTimeout(() => {
        opts.onTimeout?.();
        finish(id);
      }, opts.timeoutMs ?? SETTLE_TIMEOUT_MS);
      timer.unref();
      pending.set(id, { done, resolve, timer });
      try {
        send({ pulse: 'forget', id, forgotten });
      } catch {
        finish(id);
      }
    },
    subscribe(listener) {
      listeners.push(listener);
    },
    settled() {
      if (pending.size === 0) return null;
      return Promise.all([...pending.values()].map((p) => p.done)).then(() => undefined);
    },
  };

  return {
    peers,
    receive(message) {
      if (message.pulse === 'forgotten') {
        finish(message.id);
        return;
      }
      for (const listener of listeners) listener(message.forgotten);
      try {
        send({ pulse: 'forgot', ref: message.ref });
      } catch {
        // The primary is gone; this process is about to stop.
      }
    },
  };
};

/**
 * The primary's end: relays what one HTTP process forgot to every other one that listens, and
 * answers the first when all have confirmed. A process that exits counts as having forgotten.
 * `send` answers false when the process cannot be reached.
 */
export const createForgetRelay = (deps: { send: (workerId: number, message: ToWorker) => boolean; listening: () => Iterable<number> }) => {
  const outstanding = new Map<number, { from: number; id: number; waiting: Set<number> }>();
  let lastRef = 0;

  const check = (ref: number) => {
    const o = outstanding.get(ref);
    if (o === undefined || o.waiting.size > 0) return;
    outstanding.delete(ref);
    deps.send(o.from, { pulse: 'forgotten', id: o.id });
  };

  return {
    /** Worker `from` forgot something (its request `id`). */
    forget(from: number, id: number, forgotten: Forgotten): void {
      const ref = ++lastRef;
      const waiting = new Set([...deps.listening()].filter((w) => w !== from));
      outstanding.set(ref, { from, id, waiting });
      for (const w of [...waiting]) if (!deps.send(w, { pulse: 'forget', ref, forgotten })) waiting.delete(w);
      check(ref);
    },
    /** Worker `by` confirmed relay `ref`. */
    forgot(by: number, ref: number): void {
      outstanding.get(ref)?.waiting.delete(by);
      check(ref);
    },
    /** Worker `id` exited: nobody waits for it, and nobody answers it. */
    gone(id: number): void {
      for (const [ref, o] of outstanding) {
        if (o.from === id) outstanding.delete(ref);
        else if (o.waiting.delete(id)) check(ref);
      }
    },
  };
};
