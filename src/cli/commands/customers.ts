/** `pulse customers` and `pulse customer TERM`: read customers, their identities, facts and events. */
import type { Command } from 'commander';
import { findCustomer, viewCustomer } from '../../app/get-customer.js';
import { systemAccess } from '../../app/access.js';
import { isoOrNull, printJson, printTable } from '../output.js';
import { instantOption, intOption, runCommand } from '../run.js';

export const registerCustomers = (program: Command): void => {
  program
    .command('customers')
    .description('list customers, most recently active first')
    .option('--search <text>', 'filter by name, email, phone, handle or external id')
    .option('--limit <n>', 'how many', intOption('--limit', 1, 10_000), 20)
    .option('--offset <n>', 'skip this many', intOption('--offset', 0, 100_000_000), 0)
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((flags: { search?: string; limit: number; offset: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const page = await ctx.repos.customers.list(ws.id, { q: flags.search ?? null, limit: flags.limit, offset: flags.offset });
        if (flags.json) return printJson({ workspace: ws.slug, total: page.total, limit: flags.limit, offset: flags.offset, items: page.items.map((c) => ({ ...c, firstSeenAt: isoOrNull(c.firstSeenAt), lastSeenAt: isoOrNull(c.lastSeenAt) })) });
        printTable(page.items.map((c) => ({
          id: c.id, name: c.displayName, email: c.email, channels: c.channels.join(','), events: c.eventsCount,
          purchases: c.purchases, [`spend ${ws.currency}`]: c.spendTotal.toFixed(2), 'last seen': isoOrNull(c.lastSeenAt)?.slice(0, 16) ?? '',
        })));
        process.stdout.write(`${page.items.length} of ${page.total} customers in "${ws.slug}"\n`);
      }),
    );

  program
    .command('customer')
    .description('one customer: identities, facts and recent events')
    .argument('<term>', 'customer id, handle (@name), email, phone or external id')
    .option('--as-of <iso>', 'evaluate windowed facts as of this time (default: now)', instantOption('--as-of'))
    .option('--events <n>', 'how many recent events', intOption('--events', 0, 10_000), 20)
    .option('--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)')
    .option('--json', 'print JSON')
    .action((term: string, flags: { asOf?: number; events: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const ws = await ctx.workspace(flags.workspace);
        const id = await findCustomer(ctx.repos.customers, ws.id, term);
        const asOf = flags.asOf ?? ctx.now();
        const { stages, ...c } = await viewCustomer(ctx.repos, systemAccess(ws), id, { asOf, events: flags.events });
        const view = {
          ...c, asOf: isoOrNull(c.asOf), firstSeenAt: isoOrNull(c.firstSeenAt), lastSeenAt: isoOrNull(c.lastSeenAt), currency: ws.currency,
          identities: c.identities.map((i) => ({ ...i, createdAt: isoOrNull(i.createdAt) })),
          merges: c.merges.map((m) => ({ ...m, createdAt: isoOrNull(m.createdAt), undoneAt: isoOrNull(m.undoneAt) })),
          events: c.events.map((e) => ({ ...e, occurredAt: isoOrNull(e.occurredAt) })),
          stages: stages.map((s) => ({ ...s, since: isoOrNull(s.since), history: s.history.map((h) => ({ ...h, at: isoOrNull(h.at) })) })),
        };
        if (flags.json) return printJson(view);
        const out = process.stdout;
        out.write(`Customer ${c.id}: ${c.displayName ?? '(no name)'}${c.email ? ` <${c.email}>` : ''}${c.phone ? ` ${c.phone}` : ''}\n`);
        if (c.mergedInto !== null) out.write(`  merged into customer ${c.mergedInto}\n`);
        for (const s of stages) {
          const cond = (w: NonNullable<typeof s.current>) => w.explanation.conditions.map((x) => `${x.holds ? '✓' : '✗'} ${x.text} (${Object.entries(x.values).map(([k, v]) => `${k} = ${v}`).join(', ')})${x.missing ? `, ${x.missing} more needed` : ''}`).join('; ');
          out.write(`\n${s.routeName}: ${s.current ? `${s.current.index + 1}. ${s.current.name}` : 'not on the route yet'}${s.since !== null ? ` since ${isoOrNull(s.since)?.slice(0, 10)}` : ''}\n`);
          if (s.current) out.write(`  why: ${s.current.keptFromBefore ? 'reached before (milestone); ' : ''}${cond(s.current)}\n`);
          if (s.next) out.write(`  next: ${s.next.index + 1}. ${s.next.name}: ${cond(s.next)}\n`);
        }
        out.write('\nIdentities\n');
        printTable(c.identities.map((i) => ({ kind: i.kind, id: i.externalId, handle: i.handle, verified: i.verified, link: i.linkSource, confidence: i.confidence })));
        out.write(`\nFacts as of ${view.asOf} (${ws.currency})\n`);
        const shown = Object.entries(c.facts).filter(([k, v]) => v !== 0 && v !== null || ['purchases', 'spend_total', 'interactions'].includes(k));
        printTable(shown.map(([fact, value]) => ({ fact, value })));
        out.write('\nRecent events\n');
        printTable(view.events.map((e) => ({ at: e.occurredAt?.slice(0, 16), kind: e.kind, channel: e.channel, dir: e.direction, amount: e.amount === null ? '' : `${e.amount} ${e.currency}`, text: e.text ?? '' })));
      }),
    );
};
