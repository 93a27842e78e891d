/**
 * An import cut short — Ctrl-C, or the process killed outright — leaves no half-written batch, and
 * running the same file again completes it without storing anything twice. Drives the real CLI.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const CLI = new URL('../bin/pulse.js', import.meta.url).pathname;
const EVENTS = 40_000;

const writeFile = (dir: string): string => {
  const path = join(dir, 'events.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const who = i % 997;
    lines.push(JSON.stringify({
      source: 'test', source_id: `e${i}`, kind: i % 10 === 0 ? 'purchase' : 'comment', channel: 'instagram',
      occurred_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
      customer: { identities: [{ channel: 'instagram', id: `ig-${who}` }] }, ...(i % 10 === 0 ? { amount: 10, currency: 'EUR', order_id: `o${i}` } : {}),
    }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
};

const startImport = (ctx: TestContext, file: string) =>
  spawn(process.execPath, [CLI, 'import', file, '--workspace', ctx.workspace.slug, '--json', '--rejects', join(ctx.dir, 'rejects.jsonl')], {
    env: { ...process.env, DATABASE_URL: ctx.config.DATABASE_URL, PULSE_BATCH_SIZE: '1000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

const finish = (child: ReturnType<typeof startImport>) =>
  new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });

/** The log and the facts agree: every stored event is counted once in its customer's facts. */
const consistency = async (ctx: TestContext) => {
  const { events } = await ctx.repos.customers.count(ctx.workspace.id);
  const page = await ctx.repos.customers.list(ctx.workspace.id, { q: null, limit: 10_000, offset: 0 });
  const counted = page.items.reduce((n, c) => n + c.eventsCount, 0);
  const purchases = page.items.reduce((n, c) => n + c.purchases, 0);
  return { events, counted, purchases };
};

const waitForEvents = async (ctx: TestContext, atLeast: number) => {
  for (let i = 0; i < 600; i++) {
    if ((await ctx.repos.customers.count(ctx.workspace.id)).events >= atLeast) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('the import did not start storing');
};

describe.each(DIALECTS)('an interrupted import on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it.each(['SIGINT', 'SIGKILL'] as const)('after %s keeps whole batches only, and a rerun completes it exactly', async (signal) => {
    expect(existsSync(new URL('../dist/cli/main.js', import.meta.url)), 'run `npm run build` first (npm test does)').toBe(true);
    ctx = await openTestContext(dialect);
    const file = writeFile(ctx.dir);
    const child = startImport(ctx, file);
    const done = finish(child);
    await waitForEvents(ctx, 2_000);
    child.kill(signal);
    const first = await done;
    if (signal === 'SIGINT') {
      expect(first.code).toBe(130);
      expect(JSON.parse(first.out)).toMatchObject({ interrupted: true });
    } else {
      expect(first.signal).toBe('SIGKILL');
    }

    const cut = await consistency(ctx);
    expect(cut.events).toBeLessThan(EVENTS);
    expect(cut.counted).toBe(cut.events);

    const rerun = await finish(startImport(ctx, file));
    expect(rerun.code).toBe(0);
    expect(JSON.parse(rerun.out)).toMatchObject({ accepted: EVENTS - cut.events, duplicates: cut.events, rejected: 0 });
    expect(await consistency(ctx)).toEqual({ events: EVENTS, counted: EVENTS, purchases: EVENTS / 10 });
  });
});
