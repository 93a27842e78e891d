/**
 * The long-running process roles: `serve` (API + UI, seeding the demo workspace on an empty store,
 * sweeping stages hourly).
 * Started by src/main.ts or by `pulse serve`.
 */
import type { Config } from './config.js';
import { openContext } from './context.js';
import { reevaluateStages } from './app/routes.js';
import { buildApp } from './http/app.js';
import { seedDemo } from './ingest/seed-demo.js';
import { DEFAULT_DEMO_CUSTOMERS, DEMO_WORKSPACE } from './demo/generate-demo.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export const serve = async (config: Config): Promise<void> => {
  const ctx = await openContext(config);
  const demo = await ctx.repos.workspaces.findBySlug(DEMO_WORKSPACE.slug);
  if (config.PULSE_SEED_DEMO === 'always' || (config.PULSE_SEED_DEMO === 'auto' && demo === null)) {
    process.stdout.write('Seeding the demo workspace…\n');
    const s = await seedDemo(ctx.repos, { seed: 1, customers: DEFAULT_DEMO_CUSTOMERS, now: ctx.now(), batchSize: config.PULSE_BATCH_SIZE, clock: ctx.now });
    process.stdout.write(`Demo workspace "${s.workspace}": ${s.customers} customers, ${s.events} events (${(s.durationMs / 1000).toFixed(1)} s)\n`);
  }
  const app = await buildApp(ctx);
  // Live stages lapse with time, not only with events: sweep every workspace hourly.
  const sweep = setInterval(() => {
    void (async () => {
      for (const ws of await ctx.repos.workspaces.list()) await reevaluateStages(ctx.repos.ingest, ws.id, ctx.now(), 'sweep', ctx.now(), ctx.bus);
    })().catch((err: unknown) => app.log.error({ err }, 'stage sweep failed'));
  }, SWEEP_INTERVAL_MS);
  sweep.unref();
  const close = async () => {
    await app.close();
    await ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  process.stdout.write(`Pulse is running: http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}/ (data: ${config.DATABASE_URL})\n`);
};

