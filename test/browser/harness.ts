/**
 * Browser-test harness: the real server in-process over a fresh SQLite store, and Debian's Chromium
 * driven by playwright-core, with every console error, page error and CSP violation collected.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../../src/app/event-input.js';
import { ingestEvents } from '../../src/app/ingest-events.js';
import { buildApp, WEB_DIST } from '../../src/http/app.js';
import { openTestContext, type TestContext } from '../stores.js';

export const CHROMIUM = '/usr/bin/chromium';

export interface Server {
  ctx: TestContext;
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

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
  const app = await buildApp(ctx, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    ctx, app, baseUrl: `http://127.0.0.1:${port}`,
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
