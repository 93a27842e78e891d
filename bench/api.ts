/**
 * `npm run bench:api`: the API's figures (issue "API, people and security"). Builds (or reuses) a
 * SQLite store with N customers and M events (default 1,000,000 and 10,000,000, through the real
 * pipeline), starts Pulse in a child process, creates a read token, and drives it with wrk (Debian's
 * `wrk`: `apt-get install wrk`) at 50 connections: one customer by id (random ids, drawn by a Lua
 * script) and the customers list page, each with the token. wrk is written in C: on a 2-core machine
 * a load generator in Node would take a large share of the CPU it measures.
 * A hello-world Fastify route on the same machine, measured in the same run, gives the ratio. The
 * server is the built one (dist/, `npm run build`), as `npm start` runs it.
 *
 * Pulse runs with PULSE_HTTP_PROCESSES (--processes, default: one per core); the hello-world route runs
 * with as many processes (Node cluster), so the ratio compares like with like. Beside req/s and
 * latency, each line gives the CPU time the server's processes spent per request (from /proc): on a
 * shared 2-core VM req/s moves with the neighbours, CPU per request much less.
 *
 * A server runs for days: before measuring, the store's files are read through once (into the OS
 * page cache), then --warmup S seconds (default 20) of customer pages (other random ids) and 2 s of
 * list pages fill its caches as any running server's are, and are not counted. Each HTTP process
 * keeps PULSE_SQLITE_READ_CACHE_MB of pages (passed through from the environment; the page's hot
 * tables — customers, customer_days and the covering indexes — are ~2.7 GB at 10 million events).
 *
 * Options: --customers N, --events M, --seconds S (per measurement, default 15), --processes P, --store DIR
 * (keep the built store there and reuse it on the next run; default: a temporary directory, removed after).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
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

interface Load {
  rps: number;
  p50: number;
  p99: number;
  failed: number;
  requests: number;
  /** CPU time the server's processes spent per request (µs): steadier than req/s on a shared VM. */
  cpuUs?: number;
}

/** User + system CPU time of a process and all its descendants, in clock ticks (Linux /proc: 100 a second). */
const cpuTicks = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  let ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean)) ticks += cpuTicks(Number(child));
  }
  return ticks;
};
const TICK_US = 10_000;

/** A wrk run with the CPU the server (`pid` and its workers) spent on it. */
const measured = async (pid: number, run: () => Promise<Load>): Promise<Load> => {
  const before = cpuTicks(pid);
  const load = await run();
  return { ...load, cpuUs: ((cpuTicks(pid) - before) * TICK_US) / load.requests };
};

/** wrk's latency figure ("812.00us", "4.25ms", "1.02s") in milliseconds. */
const millis = (text: string): number => {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (m === null) throw new Error(`unexpected wrk latency "${text}"`);
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2] as 'us' | 'ms' | 's'];
};

/** Runs wrk for `duration` seconds; `script`: a Lua file choosing each request's path. */
const wrk = (url: string, duration: number, headers: Record<string, string>, script?: string): Promise<Load> =>
  new Promise((resolve, reject) => {
    const args = ['-t1', '-c50', `-d${duration}s`, '--latency', ...Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]), ...(script ? ['-s', script] : []), url];
    execFile('wrk', args, (err, out) => {
      if (err) return reject((err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('bench:api drives the server with wrk: apt-get install wrk') : err);
      const figure = (re: RegExp) => re.exec(out)?.[1];
      const rps = figure(/Requests\/sec:\s+([\d.]+)/);
      const p50 = figure(/^\s+50%\s+(\S+)/m);
      const p99 = figure(/^\s+99%\s+(\S+)/m);
      if (rps === undefined || p50 === undefined || p99 === undefined) return reject(new Error(`unexpected wrk output:\n${out}`));
      const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out)?.slice(1).reduce((a, b) => a + Number(b), 0) ?? 0;
      resolve({
        rps: Number(rps), p50: millis(p50), p99: millis(p99), failed: Number(figure(/Non-2xx or 3xx responses: (\d+)/) ?? 0) + errors,
        requests: Number(figure(/(\d+) requests in/) ?? 0),
      });
    });
  });

const report = (name: string, r: Load): Load => {
  const cpu = r.cpuUs === undefined ? '' : `   server CPU ${fmt(r.cpuUs)} µs/request`;
  console.log(`${name.padEnd(34)} ${fmt(r.rps).padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms${cpu}   ${r.failed === 0 ? 'all 2xx' : `${fmt(r.failed)} failed`}`);
  return r;
};

/** A wrk script asking for customers by random id (its own seed per run). */
const randomCustomers = (seed: number): string => {
  const file = join(dir, `random-customers-${seed}.lua`);
  writeFileSync(file, `math.randomseed(${seed})
request = function()
  return wrk.format("GET", "/api/v1/workspaces/bench/customers/" .. math.random(1, ${customers}))
end
`);
  return file;
};

/**
 * Reads the store's files through once, as a server that has run for days has them in the OS page
 * cache (on this VM the host takes unused page cache back within minutes, and a page read from disk
 * measures the disk).
 */
const readThrough = async () => {
  const t = performance.now();
  let bytes = 0;
  for (const file of [dbFile, `${dbFile}-wal`].filter(existsSync)) {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) bytes += (chunk as Buffer).length;
  }
  console.log(`read the store's ${fmt(bytes / 1048576)} MiB through in ${((performance.now() - t) / 1000).toFixed(1)} s`);
};

if (!existsSync(dbFile)) await build();
const token = await readToken();
await readThrough();
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
  console.log(`\n50 connections, ${seconds} s each after ${warmup} s of warm-up, ${processes} server process(es), SQLite store with ${fmt(customers)} customers and ${fmt(events)} events`);
  if (warmup > 0) {
    await wrk(`http://127.0.0.1:${PORT}`, warmup, auth, randomCustomers(5));
    await wrk(`http://127.0.0.1:${PORT}/api/v1/workspaces/bench/customers?limit=50`, 2, auth);
  }
  const helloR = report('hello-world Fastify route', await measured(hello.pid!, () => wrk(`http://127.0.0.1:${HELLO_PORT}/hello`, seconds, {})));
  const one = report('GET /customers/:id (random id)', await measured(server.pid!, () => wrk(`http://127.0.0.1:${PORT}`, seconds, auth, randomCustomers(11))));
  const list = report('GET /customers (list page)', await measured(server.pid!, () => wrk(`http://127.0.0.1:${PORT}/api/v1/workspaces/bench/customers?limit=50`, seconds, auth)));
  console.log(`\nratio to hello-world: customer ${((100 * one.rps) / helloR.rps).toFixed(1)} %, list ${((100 * list.rps) / helloR.rps).toFixed(1)} % (targets: p99 ≤ 10 ms, ≥ 10,000 req/s)`);
  console.log(JSON.stringify({ customers, events, connections: 50, seconds, processes, hello: helloR, customer: one, list }));
} finally {
  server.kill('SIGTERM');
  hello.kill('SIGTERM');
  if (storeArg < 0) rmSync(dir, { recursive: true, force: true });
}
