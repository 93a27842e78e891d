/**
 * Test stores: every store and use-case test runs against both SQLite (a fresh file) and PostgreSQL
 * (a fresh schema in the `test` database on 127.0.0.1:5432), from one test body.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Workspace } from '../src/app/ports.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import { loadConfig, type Config } from '../src/config.js';
import { openContext, type Context } from '../src/context.js';

export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

const DEADLOCK_DETECTED = '40P01';
const PG_BASE = process.env.PULSE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestContext extends Context {
  workspace: Workspace;
  /** Where a SQLite store lives, for tests that need files beside it. */
  dir: string;
  /** The clock: tests set it. */
  setNow(ms: number): void;
}

export const openTestContext = async (dialect: TestDialect, opts: { currency?: string; slug?: string } = {}): Promise<TestContext> => {
  const dir = mkdtempSync(join(tmpdir(), 'pulse-test-'));
  let url: string;
  let dropSchema: (() => Promise<void>) | null = null;
  if (dialect === 'sqlite') url = `sqlite:${join(dir, 'pulse.db')}`;
  else {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: PG_BASE });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    url = `${PG_BASE}?options=${encodeURIComponent(`-c search_path=${schema}`)}`;
    dropSchema = async () => {
      const c = new pg.Client({ connectionString: PG_BASE });
      await c.connect();
      // Another test's migrator may be reading every schema's tables meanwhile: the deadlock's victim tries again.
      for (let attempt = 1; ; attempt++) {
        try {
          await c.query(`DROP SCHEMA ${schema} CASCADE`);
          break;
        } catch (err) {
          if ((err as { code?: string }).code !== DEADLOCK_DETECTED || attempt >= 5) throw err;
        }
      }
      await c.end();
    };
  }
  const config: Config = { ...loadConfig({}), DATABASE_URL: url, LOG_LEVEL: 'silent' };
  const ctx = await openContext(config);
  let now = Date.parse('2026-06-01T12:00:00Z');
  const workspace = await ensureWorkspace(ctx.repos, { slug: opts.slug ?? 'test', currency: opts.currency ?? 'EUR' }, now);
  return {
    ...ctx,
    workspace,
    dir,
    now: () => now,
    setNow: (ms) => {
      now = ms;
    },
    close: async () => {
      await ctx.close();
      await dropSchema?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
