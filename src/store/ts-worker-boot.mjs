// Starts a worker thread from TypeScript source (development, tests, benchmarks): registers tsx in
// this thread, then loads the entry. Built code (dist/) starts its .js workers directly.
import { workerData } from 'node:worker_threads';
const { register } = await import('tsx/esm/api');
register();
await import(workerData.entry);
