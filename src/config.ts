/**
 * Configuration: the only reader of process.env. Parsed once, with a description and a default for
 * every variable so the embedded mode needs no set-up; on error it lists every problem.
 */
import { availableParallelism } from 'node:os';
import { z } from 'zod';

const ConfigSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'expected sqlite:PATH or postgres://…')
    .default('sqlite:./data/pulse.db')
    .describe('Where data lives: sqlite:PATH (embedded, the default) or postgres://user@host:port/db'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port of `pulse serve`'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface `pulse serve` listens on (0.0.0.0 for every interface)'),
  PULSE_WORKSPACE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a slug: lower-case letters, digits, dashes')
    .default('demo')
    .describe('Workspace slug the CLI uses when --workspace is not given'),
  PULSE_CURRENCY: z.string().regex(/^[A-Z]{3}$/).default('EUR').describe('Currency of a workspace created on first use'),
  PULSE_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto').describe('`pulse serve`: seed the demo workspace when it is empty (auto), every start (always), or not at all'),
  PULSE_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(20_000).describe('Events per ingestion transaction'),
  PULSE_STAGE_WORKERS: z.coerce.number().int().min(0).max(64).default(Math.min(4, availableParallelism() > 1 ? availableParallelism() : 0)).describe('Worker threads that re-evaluate everyone\'s stages after a rule change or in a sweep (SQLite; 0: on the main thread)'),
  PULSE_SQLITE_READ_CACHE_MB: z.coerce.number().int().min(2).max(65_536).default(1024).describe('SQLite: page cache (MiB) of the connection that reads customer pages and lists, in each HTTP process; it grows only as pages are read'),
  PULSE_STAGE_PARALLEL_FROM: z.coerce.number().int().min(0).default(50_000).describe('Workspaces with fewer customers are re-evaluated on the main thread'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('Server log level'),
  PULSE_ADMIN_EMAIL: z.email().default('admin@pulse.local').describe('`pulse serve` on a store with no people: the first admin, whose one-time password is printed once'),
  PULSE_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(168).describe('How long a sign-in lasts (hours)'),
  PULSE_SECURE_COOKIES: z.stringbool().default(false).describe('Mark the session cookie Secure even when requests arrive over plain HTTP (set it behind a TLS proxy)'),
  PULSE_TRUST_PROXY: z.stringbool().default(false).describe('Trust X-Forwarded-For/-Proto from a reverse proxy (client IP for rate limits and the audit log, https for cookies)'),
  PULSE_SIGNIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10).describe('Sign-in attempts per minute, per email address and per client IP'),
  PULSE_API_RATE_LIMIT: z.coerce.number().int().min(0).max(100_000_000).default(60_000).describe('API requests per minute per session or token, counted by each HTTP process on its own (0: no limit)'),
  PULSE_HTTP_PROCESSES: z
    .preprocess(
      (v) => (v === 'auto' ? Math.min(64, availableParallelism()) : v),
      z.coerce.number({ error: 'expected a number of processes (1 to 64) or auto' }).int().min(1).max(64),
    )
    .default(1)
    .describe('`pulse serve`: HTTP server processes (Node cluster) sharing the port; set it to the number of cores (or auto) to use them all'),
  PULSE_WEBHOOKS_ALLOW_PRIVATE: z.stringbool().default(false).describe('Let webhooks call loopback and private addresses (closed networks, tests); off, they are refused (SSRF protection)'),
});

export type Config = z.output<typeof ConfigSchema>;

/** Every variable with its description and default, for `--help` and the README. */
export const describeConfig = (): { name: string; description: string; default: unknown }[] =>
  Object.entries(ConfigSchema.shape).map(([name, schema]) => ({
    name,
    description: schema.description ?? '',
    default: schema.parse(undefined),
  }));

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  process.stderr.write(`pulse: invalid configuration:\n${problems}\n`);
  process.exit(78);
};
