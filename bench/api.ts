/**
 * `npm run bench:api`: the API's figures (issue "API, people and security"). Builds (or reuses) a
 * SQLite store with N customers and M events (default 1,000,000 and 10,000,000, through the real
 * pipeline), starts Pulse in a child process, creates a read token, and drives it with autocannon at
 * 50 connections: one customer by id (random ids) and the customers list page, each with the token.
 * A hello-world Fastify route on the same machine, measured in the same run, gives the ratio. The
 * server is the built one (dist/, `npm run build`), as `npm start` runs it.
 *
 * Pulse runs with PULSE_HTTP_PROCESSES (--processes, default: one per core); the hello-world route runs
 * with as many processes (Node cluster), so the ratio compares like with like.
 *
 * A server runs for days: before measuring, --warmup S seconds (default 20) of customer pages (other
 * random ids) fill its caches as any running server's are, and are not counted.
 *
 * Options: --customers N, --events M, --seconds S (per measurement, default 15), --processes P, --store DIR
 * (keep the built store there and reuse it on the next run; default: a temporary directory, removed after).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { systemAccess } from '../src/app/access.js';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { createToken } from '../src/app/tokens.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { mulberry32 } from './workload.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const customers = arg('customers', 1_000_000);
const events = Math.max(arg('events', 10_000_000), customers);
const seconds = arg('seconds', 15);
const warmup = arg('warmup', 20);
const processes = arg('processes', availableParallelism());
const storeArg = process.argv.indexOf('--store');
const dir = storeArg >= 0 ? process.argv[storeArg + 1]! : mkdtempSync(join(tmpdir(), 'pulse-bench-api-'));
const dbFile = join(dir, `pulse-${customers}-${events}.db`);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const config = { ...loadConfig(), DATABASE_URL: `sqlite:${dbFile}`, LOG_LEVEL: 'silent' as const, PULSE_SEED_DEMO: 'never' as const };

const KINDS = ['visit', 'like', 'comment', 'message', 'post', 'share', 'mention', 'review', 'purchase'] as const;
const TEXTS = ['Love this bike!', 'Min cykel er gået i stykker, hjælp', 'Quando arriva il mio ordine?', 'Great service, thanks', 'Non funziona più'];

/** Every customer once, then Zipf-ish repeat visitors, in time order over a year. */
const build = async () => {
  mkdirSync(dir, { recursive: true });
  const ctx = await openContext(config);
  const ws = await ensureWorkspace(ctx.repos, { slug: 'bench', currency: 'EUR' }, Date.now());
  const rand = mulberry32(7);
  const start = Date.parse('2025-06-01T00:00:00Z');
  const t = performance.now();
  for (let from = 0; from < events; from += 20_000) {
    const batch = [];
    for (let i = from; i < Math.min(events, from + 20_000); i++) {
      const c = i < customers ? i : Math.floor(customers * rand() ** 3);
      const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
      const line: Record<string, unknown> = {
        source: 'bench', source_id: `e${i}`, kind, channel: kind === 'purchase' ? 'shop' : 'instagram',
        occurred_at: new Date(start + Math.floor((365 * 86_400_000 * i) / events)).toISOString(),
        customer: { identities: [{ channel: 'instagram', id: `ig-${c}`, handle: `user${c}` }] },
      };
      if (kind === 'purchase') Object.assign(line, { amount: Math.round(rand() * 50_000) / 100, currency: 'EUR', order_id: `o${i}` });
      else if (rand() < 0.3) line.text = TEXTS[Math.floor(rand() * TEXTS.length)];
      batch.push(toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line)));
    }
    await ingestEvents(ctx.repos, ws, batch, Date.now());
    if ((from / 20_000) % 50 === 0) process.stdout.write(`  built ${fmt(from)} events (${((performance.now() - t) / 1000).toFixed(0)} s)\r`);
  }
  console.log(`built ${fmt(customers)} customers, ${fmt(events)} events in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  await ctx.close();
};

const readToken = async (): Promise<string> => {
  const ctx = await openContext(config);
  const ws = await ctx.repos.workspaces.findBySlug('bench');
  if (ws === null) throw new Error('no bench workspace');
  const { secret } = await createToken(ctx.repos, systemAccess(ws, 'bench'), { name: `bench ${new Date().toISOString()}`, scopes: ['read'] }, Date.now());
  await ctx.close();
  return secret;
};

const startChild = async (args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<ChildProcess> => {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (ready.test(out)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
  return child;
};

const load = (name: string, url: string, opts: Partial<autocannon.Options>) =>
  new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: 50, duration: seconds, ...opts }, (err, result) => (err ? reject(err) : resolve(result)));
  }).then((r) => {
    const bad = r.non2xx + r.errors + r.timeouts;
    console.log(`${name.padEnd(34)} ${fmt(r.requests.average).padStart(7)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms   ${bad === 0 ? 'all 2xx' : `${fmt(bad)} failed`}`);
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, failed: bad };
  });

if (!existsSync(dbFile)) await build();
const token = await readToken();
const PORT = 3917;
const HELLO_PORT = 3918;
// The server as users run it: the built JavaScript (npm run build), not TypeScript through tsx.
const main = join(import.meta.dirname, '../dist/main.js');
if (!existsSync(main)) throw new Error('bench:api measures the built server: run `npm run build` first');
const server = await startChild([main, 'serve'],
  { DATABASE_URL: `sqlite:${dbFile}`, PORT: String(PORT), PULSE_SEED_DEMO: 'never', LOG_LEVEL: 'silent', PULSE_API_RATE_LIMIT: '100000000', PULSE_HTTP_PROCESSES: String(processes) }, /Pulse is running/);
const hello = await startChild([join(import.meta.dirname, 'hello-server.mjs'), String(HELLO_PORT), String(processes)], {}, /hello ready/);
try {
  const auth = { authorization: `Bearer ${token}` };
  const rand = mulberry32(11);
  console.log(`\n50 connections, ${seconds} s each after ${warmup} s of warm-up, ${processes} server process(es), SQLite store with ${fmt(customers)} customers and ${fmt(events)} events`);
  if (warmup > 0) {
    const warm = mulberry32(5);
    await new Promise<void>((resolve, reject) => {
      autocannon({ url: `http://127.0.0.1:${PORT}`, connections: 50, duration: warmup, headers: auth,
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/workspaces/bench/customers/${1 + Math.floor(warm() * customers)}` }) }] }, (err) => (err ? reject(err) : resolve()));
    });
  }
  const helloR = await load('hello-world Fastify route', `http://127.0.0.1:${HELLO_PORT}/hello`, {});
  const one = await load('GET /customers/:id (random id)', `http://127.0.0.1:${PORT}`, {
    headers: auth,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/v1/workspaces/bench/customers/${1 + Math.floor(rand() * customers)}` }) }],
  });
  const list = await load('GET /customers (list page)', `http://127.0.0.1:${PORT}/api/v1/workspaces/bench/customers?limit=50`, { headers: auth });
  console.log(`\nratio to hello-world: customer ${((100 * one.rps) / helloR.rps).toFixed(1)} %, list ${((100 * list.rps) / helloR.rps).toFixed(1)} % (targets: p99 ≤ 10 ms, ≥ 10,000 req/s)`);
  console.log(JSON.stringify({ customers, events, connections: 50, seconds, processes, hello: helloR, customer: one, list }));
} finally {
  server.kill('SIGTERM');
  hello.kill('SIGTERM');
  if (storeArg < 0) rmSync(dir, { recursive: true, force: true });
}
