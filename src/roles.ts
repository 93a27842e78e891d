/**
 * The long-running process roles: `serve` (API + UI, seeding the demo workspace on an empty store,
 * creating the first admin when no one can sign in yet, sweeping stages hourly, delivering webhooks).
 * Started by src/main.ts or by `pulse serve`. With PULSE_HTTP_PROCESSES > 1 this process is the
 * cluster's primary (everything done once, src/cluster/primary.ts) and forks the HTTP processes,
 * which run this same entry and land in `serveHttpProcess` (src/cluster/worker.ts).
 */
import cluster from 'node:cluster';
import type { Config } from './config.js';
import { openContext, type Context } from './context.js';
import { reevaluateStages } from './app/routes.js';
import { bootstrapAdmin } from './app/people.js';
import { servePrimary } from './cluster/primary.js';
import { serveHttpProcess } from './cluster/worker.js';
import { buildApp } from './http/app.js';
import { seedDemo } from './ingest/seed-demo.js';
import { DEFAULT_DEMO_CUSTOMERS, DEMO_WORKSPACE } from './demo/generate-demo.js';
import { DEMO_STAFF } from './demo/staff.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';
import { httpWebhookSender } from './webhooks/http-sender.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

/** Printed once, on the first start: the only time anyone sees this password. */
const firstAdminNotice = (admin: { email: string; password: string }, url: string): string => [
  '',
  `  ${'─'.repeat(76)}`,
  `  First start: an admin was created. Sign in at ${url}`,
  '',
  `      email:              ${admin.email}`,
  `      one-time password:  ${admin.password}`,
  '',
  '  This password is shown only now and works once: you choose your own at the first',
  `  sign-in. Lost it? Run: npx pulse people reset-password ${admin.email}`,
  `  ${'─'.repeat(76)}`,
  '',
  '',
].join('\n');

/** What runs once per server, beside the HTTP processes: the hourly sweep and the webhook dispatcher. */
export interface BackgroundJobs {
  /** A stage changed (in another process): deliver webhooks soon. */
  wake(): void;
  stop(): Promise<void>;
}

const startBackgroundJobs = (ctx: Context, logError: (err: unknown, msg: string) => void): BackgroundJobs => {
  // Live stages lapse with time, not only with events: sweep every workspace hourly.
  const sweep = setInterval(() => {
    void (async () => {
      for (const ws of await ctx.repos.workspaces.list()) await reevaluateStages(ctx.repos.ingest, ws.id, ctx.now(), 'sweep', ctx.now(), ctx.bus);
      // Ended sessions no longer sign anyone in; their rows go too.
      await ctx.repos.sessions.removeExpired(ctx.now());
    })().catch((err: unknown) => logError(err, 'stage sweep failed'));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  // Webhooks: a round every few seconds, and soon after a stage change (docs/webhooks.md).
  const dispatcher = startWebhookDispatcher({ ...ctx.repos, sender: httpWebhookSender({ allowPrivate: ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE }), now: ctx.now }, {
    bus: ctx.bus, onError: (err) => logError(err, 'webhook delivery round failed'),
  });
  return {
    wake: () => dispatcher.wake(),
    async stop() {
      clearInterval(sweep);
      await dispatcher.stop();
    },
  };
};

export const serve = async (config: Config): Promise<void> => {
  if (config.PULSE_HTTP_PROCESSES > 1 && cluster.isWorker) return serveHttpProcess(config);
  const ctx = await openContext(config);
  const demo = await ctx.repos.workspaces.findBySlug(DEMO_WORKSPACE.slug);
  if (config.PULSE_SEED_DEMO === 'always' || (config.PULSE_SEED_DEMO === 'auto' && demo === null)) {
    process.stdout.write('Seeding the demo workspace…\n');
    const s = await seedDemo(ctx.repos, { seed: 1, customers: DEFAULT_DEMO_CUSTOMERS, now: ctx.now(), batchSize: config.PULSE_BATCH_SIZE, clock: ctx.now });
    process.stdout.write(`Demo workspace "${s.workspace}": ${s.customers} customers, ${s.events} events (${(s.durationMs / 1000).toFixed(1)} s)\n`);
  }
  // First start: nobody can sign in yet. The admin's one-time password is printed once, below.
  const firstAdmin = await bootstrapAdmin(ctx.repos, config.PULSE_ADMIN_EMAIL, ctx.now(), DEMO_STAFF.map((p) => p.email));
  const url = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}/`;
  const running = `Pulse is running: ${url} (data: ${config.DATABASE_URL})`;

  if (config.PULSE_HTTP_PROCESSES > 1) {
    await servePrimary(ctx, (logError) => startBackgroundJobs(ctx, logError));
    process.stdout.write(`${running} (${config.PULSE_HTTP_PROCESSES} processes)\n`);
  } else {
    const app = await buildApp(ctx);
    const jobs = startBackgroundJobs(ctx, (err, msg) => app.log.error({ err }, msg));
    const close = async () => {
      await jobs.stop();
      await app.close();
      await ctx.close();
      process.exit(0);
    };
    process.once('SIGINT', close);
    process.once('SIGTERM', close);
    await app.listen({ port: config.PORT, host: config.HOST });
    process.stdout.write(`${running}\n`);
  }
  if (firstAdmin !== null) process.stdout.write(firstAdminNotice(firstAdmin, url));
};
