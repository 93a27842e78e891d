/**
 * Runs one CLI command: loads config, opens the store (migrating on first use), resolves the
 * workspace, and maps any failure to a clear message and the exit code from EXIT_CODES.
 */
import { InvalidArgumentError } from 'commander';
import { userInfo } from 'node:os';
import { ensureWorkspace } from '../app/workspaces.js';
import type { Workspace } from '../app/ports.js';
import { loadConfig } from '../config.js';
import { openContext, type Context } from '../context.js';
import { isAppError } from '../domain/errors.js';
import { EXIT_CODES } from './exit-codes.js';

export interface CommandContext extends Context {
  /** The workspace named by --workspace or PULSE_WORKSPACE, created on first use. */
  workspace(slug?: string): Promise<Workspace>;
}

export const runCommand = async (fn: (ctx: CommandContext) => Promise<void>): Promise<void> => {
  const config = loadConfig();
  let ctx: Context | null = null;
  try {
    ctx = await openContext(config);
    const base = ctx;
    await fn({
      ...base,
      workspace: (slug) => ensureWorkspace(base.repos, { slug: slug ?? config.PULSE_WORKSPACE, currency: config.PULSE_CURRENCY }, base.now()),
    });
  } catch (err) {
    if (isAppError(err)) {
      process.stderr.write(`pulse: ${err.message}\n`);
      process.exitCode = EXIT_CODES[err.code];
    } else {
      process.stderr.write(`pulse: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = EXIT_CODES.internal_error;
    }
  } finally {
    await ctx?.close();
  }
};

/** Who acts from the shell, as the audit log and merges name them. */
export const cliActor = (): string => {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
};

/** Parses a positive integer option, or fails with the option's name. */
export const intOption = (name: string, min = 1, max = 1_000_000) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
  return n;
};

/** Parses an ISO-8601 instant option. */
export const instantOption = (name: string) => (value: string): number => {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError(`${name} must be an ISO-8601 date or date-time, e.g. 2011-12-10`);
  return ms;
};
