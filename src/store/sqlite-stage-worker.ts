/**
 * A stage worker thread (see sqlite-parallel-stages.ts): opens its own read-only connection to the
 * SQLite file, and for each chunk of customer ids it is sent, reads them page by page, evaluates the
 * routes and posts back what changed. It writes nothing: the thread holding the write transaction
 * does, so the workers read one consistent snapshot.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { compileStoredRoutes, evaluateSubjects } from '../app/advance-stages.js';
import type { StoredRoute, TransitionCause } from '../app/ports.js';
import { sqliteStagePages } from './sqlite-stage-pages.js';

export interface StageWorkerJob {
  path: string;
  ws: number;
  routes: StoredRoute[];
  asOf: number;
  cause: TransitionCause;
  sinceDay: number;
  pageSize: number;
}

export interface StageWorkerMessage { chunk: number; from: number; to: number }

const { job } = workerData as { job: StageWorkerJob };
const conn = new Database(job.path, { readonly: true, fileMustExist: true });
conn.pragma('cache_size = -65536');
const pages = sqliteStagePages(conn);
const routes = compileStoredRoutes(job.routes);

parentPort!.on('message', (m: StageWorkerMessage) => {
  void (async () => {
    // Ids in (from, to]; a chunk is read in pages so memory stays flat.
    let after = m.from;
    let customers = 0;
    const changed = [];
    const transitions = [];
    for (;;) {
      const page = pages(job.ws, after, job.pageSize, job.sinceDay, m.to);
      if (page.length === 0) break;
      const r = await evaluateSubjects(routes, page, job.asOf, job.cause);
      customers += page.length;
      changed.push(...r.changed);
      transitions.push(...r.transitions);
      after = page[page.length - 1]!.id;
      if (page.length < job.pageSize) break;
    }
    parentPort!.postMessage({ chunk: m.chunk, customers, changed, transitions });
  })().catch((err: unknown) => parentPort!.postMessage({ chunk: m.chunk, error: err instanceof Error ? err.stack ?? err.message : String(err) }));
});
