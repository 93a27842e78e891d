/**
 * Builds the HTTP server from its dependencies: the API under /api/v1 and, in production, the built
 * web UI (web/dist) with a fallback to index.html for client-side routes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { CredentialPeers } from '../app/authenticate.js';
import type { Context } from '../context.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './errors.js';
import { registerApiDocs } from './openapi.js';
import { customerRoutes } from './routes/customers.js';
import { eventRoutes } from './routes/events.js';
import { peopleRoutes } from './routes/people.js';
import { routeRoutes } from './routes/routes.js';
import { sessionRoutes } from './routes/session.js';
import { webhookRoutes } from './routes/webhooks.js';
import { workspaceRoutes } from './routes/workspaces.js';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
};

export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

export const buildApp = async (
  ctx: Context,
  // onRoute: sees every route as it is added (the tests enumerate the API with it).
  // peers: the other HTTP processes of `pulse serve` (src/cluster/), told what the credential cache forgets.
  opts: { logger?: boolean; webDist?: string | null; onRoute?: (route: RouteOptions) => void; peers?: CredentialPeers } = {},
): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.LOG_LEVEL },
    bodyLimit: 5 * 1024 * 1024,
    // Behind a reverse proxy, the client's IP (rate limits, audit log) and https come from its headers.
    trustProxy: ctx.config.PULSE_TRUST_PROXY,
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setErrorHandler(errorHandler);
  // Set as the request arrives: every answer, errors included, keeps them (one synchronous hook).
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });

  app.get('/api/health', async () => ({ ok: true }));
  // Every /api/v1 route needs a session or a token (src/http/auth.ts), wherever it is registered.
  await registerAuth(app, ctx, opts.peers);
  const peers = opts.peers;
  if (peers !== undefined) {
    // A sign-out or a revocation is answered only once every peer has dropped the principal too:
    // the client's next request, on any connection, is refused.
    app.addHook('onSend', (_req, _reply, payload, done) => {
      const settled = peers.settled();
      if (settled === null) done(null, payload);
      else void settled.then(() => done(null, payload));
    });
  }
  await app.register(async (api) => {
    await sessionRoutes(api, ctx);
    await peopleRoutes(api, ctx);
    await workspaceRoutes(api, ctx);
    await customerRoutes(api, ctx);
    await routeRoutes(api, ctx);
    await eventRoutes(api, ctx);
    await webhookRoutes(api, ctx);
  });
  // The OpenAPI document of /api/v1 (/api/openapi.json) and its reference page (/api/docs): public.
  await registerApiDocs(app);

  const webDist = opts.webDist === undefined ? WEB_DIST : opts.webDist;
  if (webDist !== null && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false });
    app.setNotFoundHandler((req, reply) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
      return reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.status(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } }));
  }
  return app;
};
