/** `pulse demo`, `pulse migrate`, `pulse workspaces`: setting up and looking after a store. */
import type { Command } from 'commander';
import { createWorkspace } from '../../app/workspaces.js';
import { DEFAULT_DEMO_CUSTOMERS, MAX_DEMO_CUSTOMERS } from '../../demo/generate-demo.js';
import { seedDemo } from '../../ingest/seed-demo.js';
import { migrateDown, migrateToLatest } from '../../store/migrate.js';
import { isoOrNull, printJson, printTable } from '../output.js';
import { intOption, runCommand } from '../run.js';

export const registerAdmin = (program: Command): void => {
  program
    .command('demo')
    .description('(re)create the demo workspace: a Danish bicycle maker with a few thousand customers')
    .option('--seed <n>', 'random seed (same seed, same data)', intOption('--seed', 0, 2 ** 31), 1)
    .option('--customers <n>', 'how many customers', intOption('--customers', 10, MAX_DEMO_CUSTOMERS), DEFAULT_DEMO_CUSTOMERS)
    .option('--force', 'also delete events imported into the demo workspace by hand')
    .option('--json', 'print JSON')
    .action((flags: { seed: number; customers: number; force?: boolean; json?: boolean }) =>
      runCommand(async (ctx) => {
        const summary = await seedDemo(ctx.repos, { seed: flags.seed, customers: flags.customers, now: ctx.now(), batchSize: ctx.config.PULSE_BATCH_SIZE, clock: ctx.now, force: flags.force });
        if (flags.json) return printJson(summary);
        process.stdout.write(`Demo workspace "${summary.workspace}": ${summary.customers} customers, ${summary.events} events (${(summary.durationMs / 1000).toFixed(1)} s)\n`);
      }),
    );

  program
    .command('migrate')
    .description('bring the database schema up to date (or one step down)')
    .option('--down', 'undo the latest migration')
    .action((flags: { down?: boolean }) =>
      runCommand(async (ctx) => {
        // openContext has already migrated to the latest; report it, or step down.
        const names = flags.down ? await migrateDown(ctx.store.db) : await migrateToLatest(ctx.store.db);
        process.stdout.write(flags.down ? `Reverted: ${names.join(', ') || '(nothing)'}\n` : `Schema is up to date (${ctx.store.dialect}).\n`);
      }),
    );

  const workspaces = program.command('workspaces').description('list and create workspaces (one per brand)');
  workspaces
    .command('create')
    .description('create a workspace')
    .argument('<slug>', 'short name: lower-case letters, digits, dashes')
    .option('--name <name>', 'display name (default: the slug)')
    .option('--currency <code>', 'ISO 4217 currency that spend is counted in', 'EUR')
    .option('--json', 'print JSON')
    .action((slug: string, flags: { name?: string; currency: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await createWorkspace(ctx.repos, { slug, name: flags.name, currency: flags.currency }, ctx.now());
        if (flags.json) return printJson({ ...ws, createdAt: isoOrNull(ws.createdAt) });
        process.stdout.write(`Created workspace "${ws.slug}" (${ws.currency}). Give someone access: pulse people add EMAIL --role admin --workspace ${ws.slug}\n`);
      }),
    );
  workspaces
    .command('list', { isDefault: true })
    .description('list workspaces with their counts')
    .option('--json', 'print JSON')
    .action((flags: { json?: boolean }) =>
      runCommand(async (ctx) => {
        const list = await ctx.repos.workspaces.list();
        const rows = await Promise.all(list.map(async (w) => ({ slug: w.slug, name: w.name, currency: w.currency, ...(await ctx.repos.customers.count(w.id)), created: isoOrNull(w.createdAt) })));
        if (flags.json) printJson(rows);
        else printTable(rows);
      }),
    );
};
