/** `pulse merge A B` and `pulse unmerge`: join two customers into one, and undo it exactly. */
import type { Command } from 'commander';
import { findCustomer } from '../../app/get-customer.js';
import { systemAccess } from '../../app/access.js';
import { mergeCustomers, unmergeCustomers } from '../../app/merge-customers.js';
import { isoOrNull, printJson } from '../output.js';
import { cliActor, intOption, runCommand } from '../run.js';

export const registerMerge = (program: Command): void => {
  program
    .command('merge')
    .description('merge customer B into customer A (B\'s identities and events join A; undo with pulse unmerge)')
    .argument('<a>', 'the customer that stays (id, handle, email, phone)')
    .argument('<b>', 'the customer merged into A')
    .option('--reason <text>', 'why they are one person')
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((a: string, b: string, flags: { reason?: string; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const deps = { ...ctx.repos, bus: ctx.bus };
        const targetId = await findCustomer(deps.customers, ws.id, a);
        const mergedId = await findCustomer(deps.customers, ws.id, b);
        const merge = await mergeCustomers(deps, systemAccess(ws, cliActor()), { targetId, mergedId, reason: flags.reason ?? null }, ctx.now());
        if (flags.json) return printJson({ ...merge, createdAt: isoOrNull(merge.createdAt) });
        process.stdout.write(`Merged customer ${merge.mergedId} into ${merge.targetId} (merge ${merge.id}; undo: pulse unmerge ${merge.id})\n`);
      }),
    );

  program
    .command('unmerge')
    .description('undo a merge, by merge id or by the customer that was merged away')
    .argument('[merge-id]', 'the merge to undo', intOption('merge-id'))
    .option('--customer <term>', 'undo the merge of this customer instead')
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((mergeId: number | undefined, flags: { customer?: string; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const deps = { ...ctx.repos, bus: ctx.bus };
        const customerId = flags.customer === undefined ? undefined : await findCustomer(deps.customers, ws.id, flags.customer);
        const merge = await unmergeCustomers(deps, systemAccess(ws, cliActor()), { mergeId, customerId }, ctx.now());
        if (flags.json) return printJson({ ...merge, createdAt: isoOrNull(merge.createdAt), undoneAt: isoOrNull(merge.undoneAt) });
        process.stdout.write(`Undid merge ${merge.id}: customers ${merge.targetId} and ${merge.mergedId} are separate again\n`);
      }),
    );
};
