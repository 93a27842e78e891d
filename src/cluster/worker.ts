/**
 * One HTTP process of `pulse serve` with PULSE_HTTP_PROCESSES > 1: its own store connections and
 * Fastify app on the port the cluster shares. It never seeds, creates the admin, sweeps or delivers
 * webhooks (the primary does, once); it tells the primary what its credential cache forgets and when
 * stages change, and stops on SIGTERM (from the primary) or when the primary goes away.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';
import { openContext, type Context } from '../context.js';
import { buildApp } from '../http/app.js';
import { createIpcPeers, ToWorkerSchema, type ToPrimary } from './peers.js';

const send = (message: ToPrimary): void => {
  if (process.send === undefined || !process.connected) throw new Error('the primary process is gone');
  process.send(message);
};

export const serveHttpProcess = async (config: Config): Promise<void> => {
  let ctx: Context | undefined;
  let app: FastifyInstance | undefined;
  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await app?.close();
    await ctx?.close();
    process.exit(0);
  };
  const ipc = createIpcPeers(send, { onTimeout: () => app?.log.warn('another HTTP process did not confirm dropping a credential in time') });
  process.on('message', (raw: unknown) => {
    const parsed = ToWorkerSchema.safeParse(raw);
    if (parsed.success) ipc.receive(parsed.data);
  });
  // The primary stops this process with SIGTERM; if the primary goes, so does this process.
  process.once('SIGTERM', () => void close());
  process.on('disconnect', () => void close());
  // Ctrl-C signals the whole process group: the primary stops this process in order.
  process.on('SIGINT', () => undefined);

  // The primary has migrated the store.
  ctx = await openContext(config, { migrate: false });
  app = await buildApp(ctx, { peers: ipc.peers });
  // Stage changes wake the primary's webhook dispatcher: one message per burst (a batch publishes many).
  let waking = false;
  ctx.bus.subscribe(() => {
    if (waking) return;
    waking = true;
    setImmediate(() => {
      waking = false;
      try {
        send({ pulse: 'stage-changed' });
      } catch {
        // Stopping: the next round after a restart finds the changes in the store.
      }
    });
  });
  if (closing) return;
  await app.listen({ port: config.PORT, host: config.HOST });
  send({ pulse: 'listening' });
};
