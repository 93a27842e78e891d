/** `pulse route`, `pulse stages`, `pulse sweep`: the KPI routes and where customers stand on them. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { systemAccess } from '../../app/access.js';
import { reevaluateStages, routeFunnel, saveRoute } from '../../app/routes.js';
import { AppError } from '../../domain/errors.js';
import { isoOrNull, printJson, printTable } from '../output.js';
import { cliActor, instantOption, runCommand, type CommandContext } from '../run.js';

const pickRoute = async (ctx: CommandContext, wsId: number, name: string | undefined) => {
  const routes = await ctx.repos.routes.list(wsId);
  const route = name === undefined ? routes[0] : routes.find((r) => r.name === name || String(r.id) === name);
  if (route === undefined) throw new AppError('not_found', name === undefined ? 'this workspace has no route' : `no route "${name}" (routes: ${routes.map((r) => r.name).join(', ')})`);
  return route;
};

export const registerStages = (program: Command): void => {
  const route = program.command('route').description('show or set the KPI routes (stages with entry rules; docs/rules.md)');
  route
    .command('show', { isDefault: true })
    .description('print the routes of the workspace')
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON (the format `pulse route set` reads)')
    .action((flags: { workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const routes = await ctx.repos.routes.list(ws.id);
        if (flags.json) return printJson(routes.map((r) => r.definition));
        for (const r of routes) {
          process.stdout.write(`${r.name} (route ${r.id}, version ${r.version})\n`);
          printTable(r.definition.stages.map((s, i) => ({ '#': i + 1, key: s.key, name: s.name, mode: s.mode, rule: s.rule })));
          process.stdout.write('\n');
        }
      }),
    );
  route
    .command('set')
    .description('create or replace a route (by name) from a JSON file; every customer is re-evaluated')
    .argument('<file>', 'JSON: {"name": "...", "stages": [{"key", "name", "rule", "mode": "sticky"|"live"}]}')
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((file: string, flags: { workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const text = await readFile(file, 'utf8').catch(() => {
          throw new AppError('file_not_found', `${file}: no such file`);
        });
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch (err) {
          throw new AppError('validation_failed', `${file}: not JSON: ${(err as Error).message}`);
        }
        const { route: saved, recompute } = await saveRoute({ ...ctx.repos, bus: ctx.bus }, systemAccess(ws, cliActor()), body, ctx.now());
        if (flags.json) return printJson({ route: { id: saved.id, name: saved.name, version: saved.version }, recompute });
        process.stdout.write(`Saved route "${saved.name}" (version ${saved.version}); ${recompute.customers} customers re-evaluated, ${recompute.transitions} moved.\n`);
      }),
    );

  program
    .command('stages')
    .description('customers per stage of a route')
    .option('--route <name>', 'route name or id (default: the first)')
    .option('--as-of <iso>', 're-evaluate every customer as of this time first (as a sweep would; recorded)', instantOption('--as-of'))
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((flags: { route?: string; asOf?: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const r = await pickRoute(ctx, ws.id, flags.route);
        if (flags.asOf !== undefined) await reevaluateStages(ctx.repos.ingest, ws.id, flags.asOf, 'sweep', ctx.now());
        const counts = await ctx.repos.stages.counts(ws.id, r.id);
        const of = (stage: number | null) => counts.find((c) => c.stage === stage)?.customers ?? 0;
        const rows = [{ stage: null, key: null, name: '(not on the route)', customers: of(null) }, ...r.definition.stages.map((s, i) => ({ stage: i + 1, key: s.key, name: s.name, customers: of(i) }))];
        if (flags.json) return printJson({ route: r.name, asOf: isoOrNull(flags.asOf ?? null), stages: rows });
        process.stdout.write(`${r.name}${flags.asOf === undefined ? '' : ` as of ${isoOrNull(flags.asOf)}`}\n`);
        printTable(rows.map((x) => ({ '#': x.stage ?? '', stage: x.name, customers: x.customers })));
      }),
    );

  program
    .command('funnel')
    .description('per stage: customers who entered it in the period, conversion to the next stage, median days to reach it')
    .option('--route <name>', 'route name or id (default: the first)')
    .option('--from <iso>', 'start of the period (default: 90 days ago)', instantOption('--from'))
    .option('--to <iso>', 'end of the period (default: now)', instantOption('--to'))
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((flags: { route?: string; from?: number; to?: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const to = flags.to ?? ctx.now();
        const from = flags.from ?? to - 90 * 86_400_000;
        const f = await routeFunnel(ctx.repos, systemAccess(ws, cliActor()), { route: flags.route, from, to });
        if (flags.json) return printJson({ route: f.route.name, from: isoOrNull(from), to: isoOrNull(to), stages: f.stages });
        process.stdout.write(`${f.route.name}, ${isoOrNull(from)?.slice(0, 10)} to ${isoOrNull(to)?.slice(0, 10)}\n`);
        printTable(f.stages.map((s) => ({
          '#': s.index + 1, stage: s.name, entered: s.entered,
          'to next': s.conversionToNext === null ? '' : `${(s.conversionToNext * 100).toFixed(1)} %`,
          'median days to reach': s.medianDaysToReach === null ? '' : s.medianDaysToReach.toFixed(1),
        })));
      }),
    );

  program
    .command('sweep')
    .description('re-evaluate every customer as of a time, so live stages lapse on time (the server does this hourly)')
    .option('--as-of <iso>', 'the time (default: now)', instantOption('--as-of'))
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((flags: { asOf?: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const result = await reevaluateStages(ctx.repos.ingest, ws.id, flags.asOf ?? ctx.now(), 'sweep', ctx.now(), ctx.bus);
        if (flags.json) return printJson(result);
        process.stdout.write(`Swept "${ws.slug}": ${result.customers} customers, ${result.transitions} moved.\n`);
      }),
    );
};
