/**
 * Authentication at the HTTP edge. Every `/api/v1` route needs a principal — a session cookie
 * (`pulse_session`) or `Authorization: Bearer pulse_…` — except the few in PUBLIC_ROUTES. Writes
 * made with a cookie need the session's CSRF token in `x-csrf-token`. Route handlers turn the
 * principal into an `Access` with `workspaceAccess(req, slug)`; use cases check permissions.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../app/access.js';
import { actorIn, createAuthenticator, type Authenticator, type CredentialPeers, type Principal } from '../app/authenticate.js';
import { secretsEqual, TOKEN_PREFIX } from '../app/credentials.js';
import type { Context } from '../context.js';
import { AppError } from '../domain/errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    pulseAuth: Authenticator;
    /** Sign-in attempts so far, per client IP and per email: throws `rate_limited` past the limit. */
    limitSignIn(req: FastifyRequest, reply: FastifyReply): Promise<void>;
    /** Attempts to use a password link, per client IP. */
    limitPasswordLinks(req: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
  interface FastifyRequest {
    /** Who is asking (set on every authenticated /api/v1 request). */
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'pulse_session';

/** The routes anyone may call: signing in, and setting a password with a one-time link. */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/session',
  'GET /api/v1/password-resets/:token',
  'POST /api/v1/password-resets/:token',
]);

/** What someone signed in with a one-time password may do before choosing a new one. */
const BEFORE_NEW_PASSWORD: ReadonlySet<string> = new Set(['GET /api/v1/session', 'DELETE /api/v1/session', 'POST /api/v1/session/password']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Principals are re-read from the store at least this often (revocations in another process). */
const CACHE_TTL_MS = 10_000;

const isApi = (url: string): boolean => url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?');

type Credential = { kind: 'token'; secret: string } | { kind: 'session'; id: string };

const credentialOf = (req: FastifyRequest): Credential | null => {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (m === null || !m[1]!.startsWith(TOKEN_PREFIX)) throw new AppError('unauthenticated', 'expected "Authorization: Bearer pulse_…"');
    return { kind: 'token', secret: m[1]! };
  }
  const id = req.cookies[SESSION_COOKIE];
  return id === undefined || id === '' ? null : { kind: 'session', id };
};

const emailOf = (body: unknown): string => {
  const email = typeof body === 'object' && body !== null ? (body as { email?: unknown }).email : undefined;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '';
};

const tooMany = (reply: FastifyReply, retryAfterSeconds: number, what: string): AppError => {
  void reply.header('retry-after', String(retryAfterSeconds));
  return new AppError('rate_limited', `too many ${what}; try again in ${retryAfterSeconds} s`, { details: { retryAfterSeconds } });
};

/** Whether the request came over https (directly, or through a trusted proxy). */
export const isSecureRequest = (req: FastifyRequest, ctx: Context): boolean => ctx.config.PULSE_SECURE_COOKIES || req.protocol === 'https';

export const setSessionCookie = (req: FastifyRequest, reply: FastifyReply, ctx: Context, sessionId: string, expiresAt: number): void => {
  void reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureRequest(req, ctx), expires: new Date(expiresAt),
  });
};

export const clearSessionCookie = (req: FastifyRequest, reply: FastifyReply, ctx: Context): void => {
  void reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecureRequest(req, ctx) });
};

/** The session id from the cookie, for signing out. */
export const sessionIdOf = (req: FastifyRequest): string | null => req.cookies[SESSION_COOKIE] ?? null;

/**
 * Registers cookies, rate limits and the authentication hook on the root instance. `peers`: the other
 * HTTP processes of the cluster, which drop a principal from their caches when this one does.
 */
export const registerAuth = async (app: FastifyInstance, ctx: Context, peers?: CredentialPeers): Promise<void> => {
  const auth = createAuthenticator(ctx.repos, { ttlMs: CACHE_TTL_MS, peers, onBackgroundError: (err) => app.log.warn({ err }, 'could not record session or token use') });
  app.decorate('pulseAuth', auth);
  app.decorateRequest('principal', null);
  await app.register(fastifyCookie);
  // Only the limiters made below: the plugin's store and window arithmetic, no global hook.
  await app.register(fastifyRateLimit, { global: false, timeWindow: 60_000 });

  // Counters live in each process. With several HTTP processes (PULSE_HTTP_PROCESSES), each allows
  // its share, so together they never allow more sign-in attempts than the limit (at least one each).
  const signInMax = Math.max(1, Math.floor(ctx.config.PULSE_SIGNIN_RATE_LIMIT / ctx.config.PULSE_HTTP_PROCESSES));
  const perIp = app.createRateLimit({ max: signInMax, keyGenerator: (req) => `signin-ip:${req.ip}` });
  // Runs in the handler, so the body is parsed; an attempt without an email counts under ''.
  const perEmail = app.createRateLimit({ max: signInMax, keyGenerator: (req) => `signin-email:${emailOf(req.body)}` });
  app.decorate('limitSignIn', async (req: FastifyRequest, reply: FastifyReply) => {
    for (const limit of [await perIp(req), await perEmail(req)]) {
      if (!limit.isAllowed && limit.isExceeded) throw tooMany(reply, limit.ttlInSeconds, 'sign-in attempts');
    }
  });
  const linksPerIp = app.createRateLimit({ max: signInMax, keyGenerator: (req) => `link-ip:${req.ip}` });
  app.decorate('limitPasswordLinks', async (req: FastifyRequest, reply: FastifyReply) => {
    const limit = await linksPerIp(req);
    if (!limit.isAllowed && limit.isExceeded) throw tooMany(reply, limit.ttlInSeconds, 'attempts');
  });

  const apiMax = ctx.config.PULSE_API_RATE_LIMIT;
  const apiLimit = apiMax === 0 ? null : app.createRateLimit({
    max: apiMax,
    keyGenerator: (req) => (req.principal?.kind === 'token' ? `token:${req.principal.token.id}` : `session:${req.principal?.kind === 'session' ? req.principal.sessionId : req.ip}`),
  });

  app.addHook('onRequest', async (req, reply) => {
    if (!isApi(req.url)) return;
    // Answers carry secrets (a new token, the CSRF token) and personal data: no cache keeps them.
    void reply.header('cache-control', 'no-store');
    const route = `${req.method} ${req.routeOptions.url ?? ''}`;
    if (PUBLIC_ROUTES.has(route)) return;
    const credential = credentialOf(req);
    if (credential === null) throw new AppError('unauthenticated', 'sign in, or send an API token (Authorization: Bearer pulse_…)');
    const now = ctx.now();
    const principal = credential.kind === 'token' ? await auth.token(credential.secret, now) : await auth.session(credential.id, now);
    if (principal === null) {
      if (credential.kind === 'session') clearSessionCookie(req, reply, ctx);
      throw new AppError('unauthenticated', credential.kind === 'token' ? 'this API token is not valid (unknown or revoked)' : 'your session has ended; sign in again');
    }
    if (principal.kind === 'session') {
      if (!SAFE_METHODS.has(req.method)) {
        const sent = req.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !secretsEqual(sent, principal.csrfToken)) {
          throw new AppError('csrf_failed', 'missing or wrong x-csrf-token header (GET /api/v1/session gives the token)');
        }
      }
      if (principal.person.mustChangePassword && !BEFORE_NEW_PASSWORD.has(route)) {
        throw new AppError('forbidden', 'choose a new password first (POST /api/v1/session/password)', { details: { reason: 'password_change_required' } });
      }
    }
    req.principal = principal;
    if (apiLimit !== null) {
      const limit = await apiLimit(req);
      if (!limit.isAllowed && limit.isExceeded) throw tooMany(reply, limit.ttlInSeconds, `requests (more than ${apiMax} a minute)`);
    }
  });
};

/** The principal of an authenticated request (the hook guarantees one on non-public routes). */
export const principalOf = (req: FastifyRequest): Principal => {
  if (req.principal === null) throw new AppError('unauthenticated', 'sign in first');
  return req.principal;
};

/**
 * The asking actor inside the workspace `slug`. A workspace the actor has no membership in (or a
 * token of another workspace) answers 404 `workspace_not_found`, exactly as one that does not exist.
 */
export const workspaceAccess = async (req: FastifyRequest, slug: string): Promise<Access> => {
  const principal = principalOf(req);
  const auth = req.server.pulseAuth;
  const workspace = await auth.workspace(slug);
  const actor = workspace === null ? null : actorIn(principal, workspace.id);
  if (workspace === null || actor === null) throw new AppError('workspace_not_found', `no workspace "${slug}"`);
  return { workspace, actor, ip: req.ip };
};
