/**
 * Re-evaluating everyone's stages on several threads (PRODUCT.md §10): a rule change or a sweep of a
 * large workspace is split into chunks of customer ids; worker threads (sqlite-stage-worker.ts) read
 * and evaluate them on their own read connections, and this thread writes what changed inside the
 * write transaction it holds for the whole run — so no other writer commits meanwhile and every
 * worker reads the same snapshot. The workers are started on first use and kept, idle, between runs.
 */
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { ParallelStages } from '../app/ports.js';
import { AppError } from '../domain/errors.js';
import type { StageWorkerMessage, StageWorkerResult } from './sqlite-stage-worker.js';

const PAGE = 2_000;
/** Customers per chunk: small enough to share the work out evenly, big enough to keep messages few. */
const CHUNK = 20_000;

/** Starts a worker from built JavaScript, or from TypeScript source through tsx (tests, benchmarks). */
const startWorker = (path: string): Worker => {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./sqlite-stage-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  const worker = fromSource
    ? new Worker(new URL('./ts-worker-boot.mjs', import.meta.url), { workerData: { entry: entry.href, path } })
    : new Worker(entry, { workerData: { path } });
  worker.unref();
  return worker;
};

export const sqliteParallelStages = (path: string, conn: Database.Database, opts: { workers: number; minCustomers: number; chunk?: number }): ParallelStages => {
  const chunkSize = opts.chunk ?? CHUNK;
  const bounds = conn.prepare('SELECT count(*) AS n, min(id) AS lo, max(id) AS hi FROM customers WHERE workspace_id = ? AND merged_into IS NULL');
  let pool: Worker[] = [];
  const stopPool = async () => {
    const stopping = pool;
    pool = [];
    await Promise.all(stopping.map((w) => w.terminate()));
  };
  return {
    async evaluateAll(job, write) {
      const { n, lo, hi } = bounds.get(job.ws) as { n: number; lo: number | null; hi: number | null };
      if (opts.workers < 1 || n < opts.minCustomers || n === 0 || lo === null || hi === null) return null;
      // Chunks of the id range, about chunkSize customers each (ids are dense within a workspace).
      const count = Math.max(1, Math.ceil(n / chunkSize));
      const step = Math.ceil((hi - lo + 1) / count);
      const chunks = Array.from({ length: count }, (_, i) => ({ from: lo - 1 + i * step, to: Math.min(hi, lo - 1 + (i + 1) * step) }));
      while (pool.length < opts.workers) pool.push(startWorker(path));
      const workers = pool.slice(0, Math.min(opts.workers, count));
      // Held while they work (nothing else may keep the process up meanwhile), let go when idle.
      for (const w of workers) w.ref();

      let next = 0;
      let customers = 0;
      let writing = Promise.resolve();
      let failed = false;
      const listeners: [Worker, (r: StageWorkerResult) => void, (e: Error) => void][] = [];
      try {
        await new Promise<void>((resolve, reject) => {
          let open = chunks.length;
          const fail = (err: unknown) => {
            failed = true;
            reject(err);
          };
          const give = (w: Worker) => {
            if (next >= chunks.length) return;
            const c = chunks[next]!;
            w.postMessage({ kind: 'chunk', chunk: next++, from: c.from, to: c.to } satisfies StageWorkerMessage);
          };
          for (const w of workers) {
            const onMessage = (r: StageWorkerResult) => {
              if ('error' in r) return fail(new AppError('internal_error', `stage worker failed: ${r.error}`));
              give(w);
              // Writes happen here, one chunk at a time, in the caller's transaction; none after a failure.
              writing = writing.then(async () => {
                if (failed) return;
                await write({ customers: r.customers, changed: r.changed, transitions: r.transitions });
                customers += r.customers;
                if (--open === 0) resolve();
              }).catch(fail);
            };
            listeners.push([w, onMessage, fail]);
            w.on('message', onMessage);
            w.on('error', fail);
            w.postMessage({ kind: 'job', job: { ws: job.ws, routes: job.routes, asOf: job.asOf, cause: job.cause, sinceDay: job.sinceDay, pageSize: PAGE } } satisfies StageWorkerMessage);
            give(w);
          }
        });
      } catch (err) {
        await stopPool(); // a worker that failed, or results nobody waits for: start afresh next time
        throw err;
      } finally {
        failed = true;
        for (const [w, onMessage, onError] of listeners) {
          w.off('message', onMessage);
          w.off('error', onError);
          w.unref();
        }
        await writing;
      }
      return customers;
    },
  };
};
