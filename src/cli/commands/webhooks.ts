/**
 * `pulse webhooks`: subscribe URLs to a workspace's events, read the delivery log, and run the
 * dispatcher (`pulse webhooks deliver`) in a worker process beside `pulse serve` — as many as you
 * like: each delivery is sent by one of them at a time. The CLI acts as the local operator; audited.
 */
import type { Command } from 'commander';
import { systemAccess, type Access } from '../../app/access.js';
import { deliverWebhooks, type DeliverDeps } from '../../app/deliver-webhooks.js';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, retryDelivery } from '../../app/manage-webhooks.js';
import { WEBHOOK_EVENT_TYPES } from '../../domain/webhooks.js';
import { startWebhookDispatcher } from '../../webhooks/dispatcher.js';
import { httpWebhookSender } from '../../webhooks/http-sender.js';
import { isoOrNull, printJson, printTable } from '../output.js';
import { cliActor, intOption, runCommand, type CommandContext } from '../run.js';

const WS = ['--workspace <slug>', 'workspace (default: PULSE_WORKSPACE)'] as const;

const access = async (ctx: CommandContext, slug: string | undefined): Promise<Access> => systemAccess(await ctx.workspace(slug), cliActor());

const deliverDeps = (ctx: CommandContext): DeliverDeps => ({
  ...ctx.repos, sender: httpWebhookSender({ allowPrivate: ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE }), now: ctx.now,
});

export const registerWebhooks = (program: Command): void => {
  const webhooks = program.command('webhooks').description('outbound webhooks: URLs that receive a workspace\'s events, signed (docs/webhooks.md)');

  webhooks
    .command('list', { isDefault: true })
    .description('the webhooks of a workspace')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((flags: { workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const rows = (await listWebhooks(ctx.repos, await access(ctx, flags.workspace))).map((w) => ({
          id: w.id, url: w.url, events: w.events.join(','), active: w.active, description: w.description, created: isoOrNull(w.createdAt), by: w.createdBy,
        }));
        if (flags.json) printJson(rows);
        else printTable(rows);
      }),
    );

  webhooks
    .command('add')
    .description('subscribe a URL to events; prints its signing secret, this once')
    .argument('<url>', 'where to POST deliveries (http or https)')
    .option('--events <types>', `comma-separated: ${WEBHOOK_EVENT_TYPES.join(', ')}`, WEBHOOK_EVENT_TYPES.join(','))
    .option('--description <text>', 'what it is for')
    .option(...WS)
    .option('--json', 'print JSON')
    .action((url: string, flags: { events: string; description?: string; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const events = flags.events.split(',').map((e) => e.trim()).filter((e) => e !== '');
        const { webhook, secret } = await createWebhook(ctx.repos, await access(ctx, flags.workspace), { url, events, description: flags.description }, {
          now: ctx.now(), allowPrivate: ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE,
        });
        if (flags.json) return printJson({ id: webhook.id, url: webhook.url, events: webhook.events, secret });
        process.stdout.write(`Webhook ${webhook.id}: ${webhook.url} (${webhook.events.join(', ')})\n`);
        process.stdout.write(`Signing secret (shown only now; docs/webhooks.md says how to verify):\n  ${secret}\n`);
      }),
    );

  webhooks
    .command('remove')
    .description('delete a webhook and its delivery log')
    .argument('<id>', 'the webhook', intOption('<id>'))
    .option(...WS)
    .action((id: number, flags: { workspace?: string }) =>
      runCommand(async (ctx) => {
        const hook = await deleteWebhook(ctx.repos, await access(ctx, flags.workspace), id, ctx.now());
        process.stdout.write(`Deleted webhook ${id} (${hook.url}).\n`);
      }),
    );

  webhooks
    .command('deliveries')
    .description('the delivery log of a webhook, newest first')
    .argument('<id>', 'the webhook', intOption('<id>'))
    .option('--status <status>', 'pending, delivered or failed')
    .option('--limit <n>', 'how many', intOption('--limit', 1, 200), 20)
    .option(...WS)
    .option('--json', 'print JSON')
    .action((id: number, flags: { status?: 'pending' | 'delivered' | 'failed'; limit: number; workspace?: string; json?: boolean }) =>
      runCommand(async (ctx) => {
        const page = await listDeliveries(ctx.repos, await access(ctx, flags.workspace), id, { status: flags.status, limit: flags.limit });
        if (flags.json) return printJson(page);
        printTable(page.items.map((d) => ({
          id: d.id, event: d.eventType, status: d.status, attempts: d.attempts, 'last answer': d.lastStatus ?? '', error: d.lastError ?? '',
          next: isoOrNull(d.nextAttemptAt), created: isoOrNull(d.createdAt),
        })));
      }),
    );

  webhooks
    .command('retry')
    .description('send a delivery again now (a failed one gets one more attempt)')
    .argument('<id>', 'the webhook', intOption('<id>'))
    .argument('<delivery>', 'the delivery', intOption('<delivery>'))
    .option(...WS)
    .action((id: number, delivery: number, flags: { workspace?: string }) =>
      runCommand(async (ctx) => {
        const d = await retryDelivery(deliverDeps(ctx), await access(ctx, flags.workspace), id, delivery);
        process.stdout.write(`Delivery ${d.id}: ${d.status}${d.lastStatus === null ? '' : ` (answer ${d.lastStatus})`}${d.lastError === null ? '' : `: ${d.lastError}`}\n`);
      }),
    );

  webhooks
    .command('deliver')
    .description('run the webhook dispatcher here (a worker beside `pulse serve`, which runs one too) until Ctrl-C')
    .option('--once', 'send what is due now, then stop')
    .option('--json', 'print JSON (with --once)')
    .action((flags: { once?: boolean; json?: boolean }) =>
      runCommand(async (ctx) => {
        if (flags.once) {
          const round = await deliverWebhooks(deliverDeps(ctx));
          if (flags.json) return printJson(round);
          process.stdout.write(`Enqueued ${round.enqueued}; sent ${round.attempted}: ${round.delivered} delivered, ${round.retrying} to retry, ${round.failed} given up.\n`);
          return;
        }
        process.stdout.write('Delivering webhooks (Ctrl-C to stop)…\n');
        const dispatcher = startWebhookDispatcher(deliverDeps(ctx), {
          bus: ctx.bus,
          onError: (err) => process.stderr.write(`pulse: webhook round failed: ${err instanceof Error ? err.message : String(err)}\n`),
          onRound: (r) => {
            if (r.attempted > 0 || r.enqueued > 0) process.stdout.write(`${new Date().toISOString()} enqueued ${r.enqueued}, sent ${r.attempted}: ${r.delivered} delivered, ${r.retrying} to retry, ${r.failed} given up\n`);
          },
        });
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await dispatcher.stop();
      }),
    );
};
