/**
 * `pulse serve` on several processes (PULSE_HTTP_PROCESSES=2), as users run it: the built server,
 * from dist/main.js and from the CLI. Once: the first-admin notice and "Pulse is running"; every HTTP
 * process answers; together they allow no more sign-in attempts than the limit; a token revoked
 * through one is refused at once by the others; one that dies is replaced; SIGTERM stops everything
 * and exits 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { createToken } from '../src/app/tokens.js';
import { loadConfig } from '../src/config.js';
import { openContext } from '../src/context.js';
import { ensureWorkspace } from '../src/app/workspaces.js';

const MAIN = new URL('../dist/main.js', import.meta.url).pathname;
const CLI = new URL('../bin/pulse.js', import.meta.url).pathname;

const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address() as AddressInfo;
    s.close(() => resolve(port));
  }).on('error', reject);
});

interface Answer { status: number; body: string; headers: Record<string, string | string[] | undefined> }

/** One request on a connection of its own (no keep-alive), so the cluster hands it to any process. */
const call = (port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
  new Promise<Answer>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: new Agent({ keepAlive: false }) }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });

/** Whether a process is alive (signal 0 only checks). */
const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The pids of a process's children (Linux /proc). */
const childrenOf = (pid: number): number[] => {
  const out: number[] = [];
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    if (list !== '') out.push(...list.split(/\s+/).map(Number));
  }
  return out.sort((a, b) => a - b);
};

const until = async (what: string, test: () => boolean, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** The API limit each process counts on its own, and the sign-in limit they share. */
const API_LIMIT = 20;
const SIGNIN_LIMIT = 4;

describe.each([
  ['node dist/main.js serve', [MAIN, 'serve']],
  ['pulse serve (the CLI)', [CLI, 'serve']],
])('%s with PULSE_HTTP_PROCESSES=2', (_name, args) => {
  let dir: string;
  let server: ChildProcess;
  let port: number;
  let stdout = '';
  let stderr = '';
  let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  const env = () => ({ DATABASE_URL: `sqlite:${join(dir, 'pulse.db')}`, PULSE_SEED_DEMO: 'never' as const, PULSE_ADMIN_EMAIL: 'boss@example.com', LOG_LEVEL: 'silent' as const });

  /** A new admin token of the workspace, made beside the server as `pulse tokens create` does. */
  const newToken = async (): Promise<{ id: number; headers: { authorization: string } }> => {
    const ctx = await openContext({ ...loadConfig({}), ...env() }, { migrate: false });
    try {
      const ws = await ensureWorkspace(ctx.repos, { slug: 'demo', currency: 'EUR' }, ctx.now());
      const { token, secret } = await createToken(ctx.repos, systemAccess(ws, 'test'), { name: 'cluster', scopes: ['admin'] }, ctx.now());
      return { id: token.id, headers: { authorization: `Bearer ${secret}` } };
    } finally {
      await ctx.close();
    }
  };

  beforeAll(async () => {
    expect(existsSync(MAIN), 'run `npm run build:server` first (npm test does)').toBe(true);
    dir = mkdtempSync(join(tmpdir(), 'pulse-cluster-'));
    port = await freePort();
    server = spawn(process.execPath, args, {
      env: {
        ...process.env, ...env(), PORT: String(port), HOST: '127.0.0.1', PULSE_HTTP_PROCESSES: '2',
        PULSE_API_RATE_LIMIT: String(API_LIMIT), PULSE_SIGNIN_RATE_LIMIT: String(SIGNIN_LIMIT),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => server.once('exit', (code, signal) => resolve({ code, signal })));
    server.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve, reject) => {
      server.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        // The notice comes right after the running line; its last lines name the reset command.
        if (/Pulse is running/.test(stdout) && /reset-password/.test(stdout)) resolve();
      });
      void exit.then(({ code }) => reject(new Error(`server exited (${code}): ${stdout}${stderr}`)));
    });
  });

  afterAll(() => {
    if (server.exitCode === null && server.signalCode === null) {
      for (const pid of childrenOf(server.pid!)) process.kill(pid, 'SIGKILL');
      server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the running line and the first admin\'s one-time password once', () => {
    expect(stdout.match(/Pulse is running: /g)).toHaveLength(1);
    expect(stdout).toContain(`Pulse is running: http://127.0.0.1:${port}/ (data: sqlite:${join(dir, 'pulse.db')}) (2 processes)`);
    expect(stdout.match(/one-time password: /g)).toHaveLength(1);
    expect(stdout.indexOf('Pulse is running')).toBeLessThan(stdout.indexOf('one-time password'));
    expect(childrenOf(server.pid!)).toHaveLength(2);
  });

  it('answers from both HTTP processes: each counts the API limit on its own', async () => {
    // Seen from outside without a debug header: one process would refuse the token after API_LIMIT
    // requests; two, sharing new connections between them, answer twice as many.
    const { headers } = await newToken();
    const statuses: number[] = [];
    for (let i = 0; i < 3 * API_LIMIT; i++) statuses.push((await call(port, 'GET', '/api/v1/workspaces', headers)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(2 * API_LIMIT);
    expect(statuses.filter((s) => s !== 200).every((s) => s === 429)).toBe(true);
  });

  it('allows no more sign-in attempts in all than PULSE_SIGNIN_RATE_LIMIT', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3 * SIGNIN_LIMIT; i++) {
      const body = JSON.stringify({ email: 'boss@example.com', password: 'not the password' });
      statuses.push((await call(port, 'POST', '/api/v1/session', { 'content-type': 'application/json' }, body)).status);
    }
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(SIGNIN_LIMIT);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
  });

  it('refuses a revoked token at once in every process', async () => {
    const { id, headers } = await newToken();
    // Every process caches the token (new connections alternate between them)…
    for (let i = 0; i < 4; i++) expect((await call(port, 'GET', '/api/v1/workspaces', headers)).status).toBe(200);
    const revoked = await call(port, 'DELETE', `/api/v1/workspaces/demo/tokens/${id}`, headers);
    expect(revoked.status, revoked.body).toBe(200);
    // …and forgets it before the revocation is answered: no 10 s wait for the cache.
    for (let i = 0; i < 4; i++) expect((await call(port, 'GET', '/api/v1/workspaces', headers)).status).toBe(401);
  });

  it('replaces an HTTP process that dies', async () => {
    const before = childrenOf(server.pid!);
    process.kill(before[0]!, 'SIGKILL');
    await until('a new HTTP process', () => {
      const now = childrenOf(server.pid!);
      return now.length === 2 && !now.includes(before[0]!);
    });
    expect(stderr).toContain(`pulse: HTTP process ${before[0]} exited (signal SIGKILL); starting another`);
    const { headers } = await newToken();
    for (let i = 0; i < 4; i++) expect((await call(port, 'GET', '/api/v1/workspaces', headers)).status).toBe(200);
  });

  it('stops on SIGTERM with exit code 0 and leaves no HTTP process behind', async () => {
    const workers = childrenOf(server.pid!);
    expect(workers).toHaveLength(2);
    server.kill('SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(workers.filter(isAlive)).toEqual([]);
    expect(stderr.trim().split('\n')).toHaveLength(1); // the replaced process, nothing else
  });
});
