/**
 * A stage worker thread (see sqlite-parallel-stages.ts): opens its own read-only connection to the
 * SQLite file, and for each chunk of customer ids it is sent, reads them page by page, evaluates the
 * routes of the current job and posts back what changed. It writes nothing: the thread holding the
 * write transaction does, so the workers read one consistent snapshot. Workers stay up between
 * jobs (a sweep every hour, a rule change now and then).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { compileStoredRoutes, evaluateSubjects, type RouteInUse } from '../app/advance-stages.js';
import type { StageRow, StoredRoute, TransitionCause, TransitionRow } from '../app/ports.js';
import { sqliteStagePages } from './sqlite-stage-pages.js';

export interface StageWorkerJob {
  ws: number;
  routes: StoredRoute[];
  asOf: number;
  cause: TransitionCause;
  sinceDay: number;
  pageSize: number;
}

export type StageWorkerMessage = { kind: 'job'; job: StageWorkerJob } | { kind: 'chunk'; chunk: number; from: number; to: number };
export type StageWorkerResult = { chunk: number; customers: number; changed: StageRow[]; transitions: TransitionRow[] } | { chunk: number; error: string };

const { path } = workerData as { path: string };
const conn = new Database(path, { readonly: true, fileMustExist: true });
conn.pragma('cache_size = -65536');
const pages = sqliteStagePages(conn);
let job: StageWorkerJob | null = null;
let routes: RouteInUse[] = [];

const evaluateChunk = async (m: { chunk: number; from: number; to: number }, j: StageWorkerJob): Promise<StageWorkerResult> => {
  // Ids in (from, to], read in pages so memory stays flat.
  let after = m.from;
  let customers = 0;
  const changed: StageRow[] = [];
  const transitions: TransitionRow[] = [];
  for (;;) {
    const page = pages(j.ws, after, j.pageSize, j.sinceDay, m.to);
    if (page.length === 0) break;
    const r = await evaluateSubjects(routes, page, j.asOf, j.cause);
    customers += page.length;
    changed.push(...r.changed);
    transitions.push(...r.transitions);
    after = page[page.length - 1]!.id;
    if (page.length < j.pageSize) break;
  }
  return { chunk: m.chunk, customers, changed, transitions };
};

parentPort!.on('message', (m: StageWorkerMessage) => {
  if (m.kind === 'job') {
    job = m.job;
    routes = compileStoredRoutes(m.job.routes);
    return;
  }
  const j = job;
  if (j === null) return parentPort!.postMessage({ chunk: m.chunk, error: 'a chunk before any job' } satisfies StageWorkerResult);
  evaluateChunk(m, j)
    .then((r) => parentPort!.postMessage(r))
    .catch((err: unknown) => parentPort!.postMessage({ chunk: m.chunk, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies StageWorkerResult));
});
