/**
 * Signing in and out, who am I, changing one's password, and setting one with a reset link. The
 * session id travels only in the HTTP-only cookie; the CSRF token is given in the body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { describeSession, type SessionView } from '../../app/describe-session.js';
import { changePassword, ChangePasswordSchema, completePasswordReset, CompleteResetSchema, describePasswordReset, signIn, SignInSchema, signOut, type Origin } from '../../app/sign-in.js';
import type { Context } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { clearSessionCookie, principalOf, sessionIdOf, setSessionCookie } from '../auth.js';
import { iso } from '../json.js';
import { ResetParamsSchema, SMALL_BODY } from './session.schema.js';

export const sessionJson = (s: SessionView) => ({
  ...s,
  expiresAt: iso(s.expiresAt),
  workspaces: s.workspaces.map((g) => ({
    slug: g.workspace.slug, name: g.workspace.name, currency: g.workspace.currency, createdAt: iso(g.workspace.createdAt),
    role: g.role, trainee: g.trainee, permissions: g.permissions, policy: g.policy, reply: g.reply,
  })),
});

const originOf = (req: FastifyRequest): Origin => ({ ip: req.ip, userAgent: req.headers['user-agent'] ?? null });

export const sessionRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const deps = { ...ctx.repos, cache: app.pulseAuth };
  const ttlMs = ctx.config.PULSE_SESSION_HOURS * 3600 * 1000;

  app.post('/api/v1/session', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    await app.limitSignIn(req, reply);
    const started = await signIn(deps, SignInSchema.parse(req.body), originOf(req), ctx.now(), ttlMs);
    setSessionCookie(req, reply, ctx, started.sessionId, started.session.expiresAt);
    const principal = await app.pulseAuth.session(started.sessionId, ctx.now());
    if (principal === null) throw new AppError('internal_error', 'the new session could not be read back');
    return sessionJson(await describeSession(ctx.repos, principal));
  });

  app.get('/api/v1/session', async (req) => sessionJson(await describeSession(ctx.repos, principalOf(req))));

  app.delete('/api/v1/session', async (req, reply) => {
    const id = sessionIdOf(req);
    if (principalOf(req).kind !== 'session' || id === null) throw new AppError('validation_failed', 'an API token is not a session: revoke it instead (DELETE /api/v1/workspaces/:ws/tokens/:id)');
    await signOut(deps, id, originOf(req), ctx.now());
    clearSessionCookie(req, reply, ctx);
    return reply.status(204).send();
  });

  app.post('/api/v1/session/password', { bodyLimit: SMALL_BODY }, async (req) => {
    const principal = principalOf(req);
    if (principal.kind !== 'session') throw new AppError('validation_failed', 'an API token has no password');
    await changePassword(deps, { personId: principal.person.id, sessionId: principal.sessionId }, ChangePasswordSchema.parse(req.body), originOf(req), ctx.now());
    const id = sessionIdOf(req);
    const fresh = id === null ? null : await app.pulseAuth.session(id, ctx.now());
    if (fresh === null) throw new AppError('unauthenticated', 'your session has ended; sign in again');
    return sessionJson(await describeSession(ctx.repos, fresh));
  });

  app.get('/api/v1/password-resets/:token', async (req) => {
    const { token } = ResetParamsSchema.parse(req.params);
    const r = await describePasswordReset(ctx.repos.people, token, ctx.now());
    return { email: r.email, name: r.name, expiresAt: iso(r.expiresAt) };
  });

  app.post('/api/v1/password-resets/:token', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    await app.limitPasswordLinks(req, reply);
    const { token } = ResetParamsSchema.parse(req.params);
    const person = await completePasswordReset(deps, token, CompleteResetSchema.parse(req.body).password, originOf(req), ctx.now());
    return { email: person.email };
  });
};
