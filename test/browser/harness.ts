/**
 * Browser-test harness: the real server in-process over a fresh SQLite store, and Debian's Chromium
 * driven by playwright-core, with every console error, page error and CSP violation collected. The
 * store has a fixture admin (FIXTURE_ADMIN); `signIn` puts their session cookie in the browser, and
 * `server.api` calls the API with an admin token.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../../src/app/event-input.js';
import { ingestEvents } from '../../src/app/ingest-events.js';
import type { Role } from '../../src/app/access.js';
import { ensurePerson } from '../../src/app/people.js';
import { buildApp, WEB_DIST } from '../../src/http/app.js';
import { tokenHeaders } from '../auth.js';
import { openTestContext, type TestContext } from '../stores.js';

export const CHROMIUM = '/usr/bin/chromium';

export interface Server {
  ctx: TestContext;
  app: FastifyInstance;
  baseUrl: string;
  /** fetch on this server's API as the workspace's admin (a Bearer token). */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** Adds a person to the test workspace who signs in with this password. */
  addPerson(who: Person & { role: Role; trainee?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface Person {
  email: string;
  password: string;
}

/** The admin of the test workspace in every browser test. */
export const FIXTURE_ADMIN: Person = { email: 'admin@test.pulse', password: 'pulse-test-admin' };

/** Fails with what to do when the UI was not built or the browser is missing. */
export const assertPrerequisites = (): void => {
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error(`web/dist is missing (${WEB_DIST}): build the UI first with \`npx vite build --config web/vite.config.ts\` (npm test does this)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's Chromium (apt-get install -y chromium)`);
};

/** A server over a fresh store holding `lines`, listening on a free local port. */
export const startServer = async (lines: readonly EventLineInput[], now: number): Promise<Server> => {
  const ctx = await openTestContext('sqlite');
  ctx.setNow(now);
  const events = lines.map((line) => toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line)));
  const result = await ingestEvents(ctx.repos, ctx.workspace, events, now);
  if (result.accepted !== lines.length) throw new Error(`fixture: ${result.accepted} of ${lines.length} events accepted`);
  const addPerson = async (who: Person & { role: Role; trainee?: boolean }) => {
    await ensurePerson(ctx.repos, { ...who, name: who.email.split('@')[0]!, workspaceId: ctx.workspace.id }, now);
  };
  await addPerson({ ...FIXTURE_ADMIN, role: 'admin' });
  const auth = await tokenHeaders(ctx, ctx.workspace, ['admin'], 'browser-test');
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    ctx, app, baseUrl, addPerson,
    api: (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, headers: { ...auth, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers } }),
    close: async () => {
      await app.close();
      await ctx.close();
    },
  };
};

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and warnings, uncaught page errors, dialogs and CSP violations seen so far. */
  problems(): Promise<string[]>;
  close(): Promise<void>;
}

export const launchBrowser = async (): Promise<Browser> => {
  const userDataDir = mkdtempSync(join(tmpdir(), 'pulse-chromium-'));
  // Playwright passes --user-data-dir itself for a persistent context (and refuses it in `args`).
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Europe/Copenhagen',
  });
  const problems: string[] = [];
  // CSP violations also reach the console, but the DOM event says exactly what was blocked; it is
  // reported to the test at once, so violations on pages navigated away from are kept too.
  await context.exposeFunction('__pulseReportCsp', (v: string) => problems.push(`csp: ${v}`));
  await context.addInitScript(() => {
    const report = (window as unknown as { __pulseReportCsp(v: string): void }).__pulseReportCsp;
    document.addEventListener('securitypolicyviolation', (e) => report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`));
  });
  const page = context.pages()[0] ?? await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context, page,
    problems: async () => [...problems],
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
};

/** A browser signed in as `who` (the fixture admin unless said). */
export const launchSignedIn = async (server: Server, who: Person = FIXTURE_ADMIN): Promise<Browser> => {
  const browser = await launchBrowser();
  await signIn(browser, server, who);
  return browser;
};

/**
 * Signs in as `who` through the API and gives the browser the session cookie, as the sign-in page
 * would (the sign-in page itself is tested in auth.test.ts).
 */
export const signIn = async (browser: Browser, server: Server, who: Person = FIXTURE_ADMIN): Promise<void> => {
  const res = await fetch(`${server.baseUrl}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(who) });
  if (!res.ok) throw new Error(`fixture: could not sign in as ${who.email}: HTTP ${res.status}`);
  const cookie = /pulse_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (cookie === undefined) throw new Error('fixture: no session cookie');
  await browser.context.addCookies([{ name: 'pulse_session', value: cookie, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
};
