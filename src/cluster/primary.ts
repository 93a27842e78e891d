/**
 * The primary of `pulse serve` with PULSE_HTTP_PROCESSES > 1 (node:cluster). The caller has done what
 * happens once (migrate, seed the demo, create the first admin); this runs the background jobs, forks
 * the HTTP processes that share the port, relays what their caches forget (./peers.ts), replaces one
 * that dies, and on SIGINT/SIGTERM stops them all gracefully and exits 0.
 */
import cluster, { type Worker } from 'node:cluster';
import { hostname } from 'node:os';
import type { Context } from '../context.js';
import type { BackgroundJobs } from '../roles.js';
import { createForgetRelay, ToPrimarySchema, type ToWorker } from './peers.js';

/** An HTTP process that dies sooner than this after its start is replaced after a pause (no crash loop). */
const SHORT_LIFE_MS = 5_000;
const RESTART_PAUSE_MS = 1_000;
/** How long the HTTP processes have to finish their requests on stop, before they are killed. */
const STOP_TIMEOUT_MS = 10_000;

const LEVELS = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity } as const;

/** An error log line shaped like the HTTP processes' (Fastify's pino), for the jobs run here. */
const errorLogger = (ctx: Context) => (err: unknown, msg: string): void => {
  if (LEVELS[ctx.config.LOG_LEVEL] > LEVELS.error) return;
  const e = err instanceof Error ? { type: err.name, message: err.message, stack: err.stack } : { message: String(err) };
  process.stdout.write(`${JSON.stringify({ level: LEVELS.error, time: Date.now(), pid: process.pid, hostname: hostname(), err: e, msg })}\n`);
};

const sendTo = (worker: Worker | undefined, message: ToWorker): boolean => {
  if (worker === undefined || !worker.isConnected()) return false;
  try {
    worker.send(message);
    return true;
  } catch {
    return false;
  }
};

const workers = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

/** Starts the jobs and the HTTP processes; resolves when every one listens (rejects if one exits first). */
export const servePrimary = async (ctx: Context, startJobs: (logError: (err: unknown, msg: string) => void) => BackgroundJobs): Promise<void> => {
  const want = ctx.config.PULSE_HTTP_PROCESSES;
  const listening = new Set<number>();
  const startedAt = new Map<number, number>();
  const relay = createForgetRelay({ send: (id, m) => sendTo(cluster.workers?.[id], m), listening: () => listening });
  const jobs = startJobs(errorLogger(ctx));
  let started = false;
  let stopping = false;
  let startFailed: (err: Error) => void = () => undefined;
  let allListen: () => void = () => undefined;
  const ready = new Promise<void>((resolve, reject) => {
    allListen = resolve;
    startFailed = reject;
  });

  const fork = () => {
    if (stopping) return;
    startedAt.set(cluster.fork().id, performance.now());
  };

  cluster.on('message', (worker, raw: unknown) => {
    const parsed = ToPrimarySchema.safeParse(raw);
    if (!parsed.success) return;
    const m = parsed.data;
    if (m.pulse === 'listening') {
      listening.add(worker.id);
      if (!started && listening.size === want) {
        started = true;
        allListen();
      }
    } else if (m.pulse === 'forget') relay.forget(worker.id, m.id, m.forgotten);
    else if (m.pulse === 'forgot') relay.forgot(worker.id, m.ref);
    else jobs.wake();
  });

  cluster.on('exit', (worker, code, signal) => {
    listening.delete(worker.id);
    relay.gone(worker.id);
    const lived = performance.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) return;
    const how = signal !== null ? `signal ${signal}` : `code ${code}`;
    if (!started) {
      startFailed(new Error(`an HTTP process exited while starting (${how})`));
      return;
    }
    process.stderr.write(`pulse: HTTP process ${worker.process.pid} exited (${how}); starting another\n`);
    setTimeout(fork, lived < SHORT_LIFE_MS ? RESTART_PAUSE_MS : 0);
  });

  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const running = workers();
    const exited = running.map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    // A signal, not a message: one still starting may not listen to messages yet (then it just ends).
    for (const w of running) w.process.kill('SIGTERM');
    const kill = setTimeout(() => {
      for (const w of workers()) w.process.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    await Promise.all([...exited, jobs.stop()]);
    clearTimeout(kill);
    await ctx.close();
  };
  const stopAndExit = () => void stop().finally(() => process.exit(0));
  process.once('SIGINT', stopAndExit);
  process.once('SIGTERM', stopAndExit);

  for (let i = 0; i < want; i++) fork();
  try {
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
};
