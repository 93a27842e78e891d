/**
 * Authentication and authorisation over HTTP, on both stores: every /api/v1 route (enumerated with
 * Fastify's onRoute hook) refuses the unauthenticated; a person of workspace A sees nothing of
 * workspace B; each role may do what the rule table says and nothing more; token scopes; CSRF;
 * sign-in, one-time passwords, reset links; rate limits; the audit log.
 */
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemAccess, type Role } from '../src/app/access.js';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { mergeCustomers } from '../src/app/merge-customers.js';
import { addPerson, bootstrapAdmin, ensurePerson } from '../src/app/people.js';
import type { Workspace } from '../src/app/ports.js';
import { createToken } from '../src/app/tokens.js';
import { ensureWorkspace } from '../src/app/workspaces.js';
import type { Config } from '../src/config.js';
import { defaultRoute } from '../src/domain/stages/route.js';
import { buildApp } from '../src/http/app.js';
import { PUBLIC_ROUTES } from '../src/http/auth.js';
import { signedIn, tokenHeaders } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

type Method = NonNullable<InjectOptions['method']>;

const line = (prefix: string, n: number): EventLineInput => ({
  source: 'shop', source_id: `${prefix}-${n}`, kind: 'purchase', channel: 'shop', occurred_at: `2026-05-${10 + n}T10:00:00Z`,
  customer: { email: `${prefix}${n}@example.com`, name: `${prefix} ${n}` }, amount: 50, currency: 'EUR', order_id: `${prefix}-${n}`,
});

/** The routes anyone may call; every other /api/v1 route needs credentials. */
const EXPECTED_PUBLIC = ['GET /api/v1/password-resets/:token', 'POST /api/v1/password-resets/:token', 'POST /api/v1/session'];

describe.each(DIALECTS)('authentication and authorisation on %s', (dialect) => {
  let ctx: TestContext;
  let app: FastifyInstance;
  let b: Workspace;
  let routes: { method: string; url: string }[];

  const build = async (config: Partial<Config> = {}) => {
    routes = [];
    const onRoute = (r: RouteOptions) => {
      for (const method of [r.method].flat()) if (r.url.startsWith('/api/v1')) routes.push({ method, url: r.url });
    };
    return buildApp({ ...ctx, config: { ...ctx.config, ...config } }, { logger: false, webDist: null, onRoute });
  };

  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    b = await ensureWorkspace(ctx.repos, { slug: 'other', currency: 'EUR' }, ctx.now());
    for (const [ws, prefix] of [[ctx.workspace, 'a'], [b, 'b']] as const) {
      const lines = [line(prefix, 1), line(prefix, 2)];
      await ingestEvents(ctx.repos, ws, lines.map((l) => toPulseEvent(EventLineSchema.parse(l), JSON.stringify(l))), ctx.now());
    }
    app = await build();
  });
  afterEach(async () => {
    await app.close();
    await ctx.close();
  });

  const call = async (method: Method, url: string, headers: Record<string, string> = {}, payload?: unknown) => {
    const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: res.statusCode, body: res.body === '' ? null : res.json(), headers: res.headers };
  };
  const customerIds = async (ws: Workspace): Promise<number[]> => (await ctx.repos.customers.list(ws.id, { q: null, limit: 10, offset: 0 })).items.map((c) => c.id);

  it('sends the security headers on every answer, errors included, and keeps API answers out of caches', async () => {
    const token = await tokenHeaders(ctx, ctx.workspace, ['read']);
    for (const [url, headers, status] of [
      ['/api/v1/workspaces/test/customers', token, 200], ['/api/v1/workspaces/test/customers', {}, 401],
      ['/api/v1/workspaces/test/customers/999999', token, 404], ['/api/v1/nothing-here', token, 404], ['/api/health', {}, 200],
    ] as const) {
      const res = await call('GET', url, headers);
      expect(res.status, url).toBe(status);
      expect(res.headers, url).toMatchObject({
        'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY',
        'content-security-policy': expect.stringContaining("script-src 'self'"),
      });
      if (url.startsWith('/api/v1/workspaces')) expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers 401 on every /api/v1 route without credentials, and only the sign-in and reset routes are public', async () => {
    const fill = (url: string) => url.replace(/:(\w+)/g, (_m, name: string) => (name === 'ws' ? 'test' : name === 'token' ? 'x'.repeat(43) : '1'));
    const seen = routes.filter((r) => r.method !== 'HEAD');
    expect(seen.length).toBeGreaterThan(20);
    expect(seen.map((r) => `${r.method} ${r.url}`).filter((r) => PUBLIC_ROUTES.has(r)).sort()).toEqual(EXPECTED_PUBLIC);
    expect([...PUBLIC_ROUTES].sort()).toEqual(EXPECTED_PUBLIC);
    for (const r of routes) {
      if (PUBLIC_ROUTES.has(`${r.method} ${r.url}`)) continue;
      const url = fill(r.url) + (r.url === '/api/v1/audit' ? '?workspace=test' : '');
      for (const headers of [{}, { authorization: 'Bearer pulse_not-a-real-token' }, { cookie: 'pulse_session=forged' }, { authorization: 'Basic YWRtaW46YWRtaW4=' }]) {
        const res = await call(r.method as Method, url, headers, r.method === 'GET' || r.method === 'HEAD' || r.method === 'DELETE' ? undefined : {});
        expect(res.status, `${r.method} ${url} ${JSON.stringify(headers)}`).toBe(401);
        if (r.method !== 'HEAD') expect(res.body.error.code).toBe('unauthenticated');
      }
    }
    // Unknown paths under /api/v1 do not tell the unauthenticated which routes exist.
    expect((await call('GET', '/api/v1/nothing/here')).status).toBe(401);
    expect((await call('GET', '/api/health')).status).toBe(200);
  });

  it('shows a person of workspace A nothing of workspace B: 404 on every workspace route and resource id', async () => {
    const admin = await signedIn(ctx, 'alice@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    const [bc1, bc2] = (await customerIds(b)) as [number, number];
    const bMerge = await mergeCustomers(ctx.repos, systemAccess(b), { targetId: bc1, mergedId: bc2 }, ctx.now());
    const bToken = (await createToken(ctx.repos, systemAccess(b), { name: 'b', scopes: ['read'] }, ctx.now())).token;
    const bPerson = (await addPerson(ctx.repos, systemAccess(b), { email: 'bob@b.example', name: 'Bob', role: 'care_agent' }, ctx.now())).member;
    // B's resources by the path segment their id follows. (A new kind of resource: add it here.)
    const bIds: Record<string, number> = { customers: bc1, merges: bMerge.id, people: bPerson.id, tokens: bToken.id };
    const kindOf = (url: string) => /\/([a-z-]+)\/:(id|mergeId)\b/.exec(url)?.[1];
    const idFor = (url: string) => bIds[kindOf(url) ?? ''] ?? 1;
    const bodies: Record<string, unknown> = {
      'POST /api/v1/workspaces/:ws/merges': { targetId: bc1, mergedId: bc2 },
      'PUT /api/v1/workspaces/:ws/routes': defaultRoute(),
      'POST /api/v1/workspaces/:ws/routes/check': defaultRoute(),
      'POST /api/v1/workspaces/:ws/people': { email: 'eve@a.example', name: 'Eve', role: 'admin' },
      'PATCH /api/v1/workspaces/:ws/people/:id': { role: 'admin' },
      'POST /api/v1/workspaces/:ws/tokens': { name: 'x', scopes: ['admin'] },
      'PUT /api/v1/workspaces/:ws/policy': { text: 'Be kind.' },
      'POST /api/v1/workspaces/:ws/policy/acknowledgements': { version: 1 },
    };
    const scoped = routes.filter((r) => r.url.includes(':ws') && r.method !== 'HEAD');
    expect(scoped.length).toBeGreaterThan(15);
    for (const r of scoped) {
      const key = `${r.method} ${r.url}`;
      const withIds = (slug: string) => r.url.replace(/:(\w+)/g, (_m, name: string) => (name === 'ws' ? slug : String(idFor(r.url))));
      // B's workspace by its slug: as if it did not exist.
      const viaB = await call(r.method as Method, withIds('other'), admin.headers, bodies[key]);
      expect(viaB.status, `${key} in B`).toBe(404);
      expect(viaB.body.error.code).toBe('workspace_not_found');
      // B's resource ids through A's workspace: not there either.
      if (bIds[kindOf(r.url) ?? ''] !== undefined) {
        const viaA = await call(r.method as Method, withIds('test'), admin.headers, bodies[key]);
        expect(viaA.status, `${key} with B's id in A`).toBe(404);
      }
    }
    expect((await call('GET', '/api/v1/audit?workspace=other', admin.headers)).status).toBe(404);
    expect((await call('GET', '/api/v1/workspaces', admin.headers)).body.items.map((w: { slug: string }) => w.slug)).toEqual(['test']);
    // Nothing of B changed.
    expect((await ctx.repos.tokens.get(b.id, bToken.id))?.revokedAt).toBeNull();
    expect((await ctx.repos.people.member(b.id, bPerson.id))?.role).toBe('care_agent');
    expect((await ctx.repos.policies.current(b.id))).toBeNull();
  });

  it("lets each role do what its permissions say, and nothing else", async () => {
    const ACTIONS = ['read', 'merge', 'editRoutes', 'people', 'tokens', 'editPolicy', 'audit'] as const;
    const ALLOWED: Record<Role, readonly (typeof ACTIONS)[number][]> = {
      admin: ACTIONS,
      head_of_social: ['read', 'merge', 'editRoutes', 'editPolicy'],
      marketing: ['read', 'merge', 'editRoutes'],
      pr: ['read', 'merge'],
      care_agent: ['read', 'merge'],
      analyst: ['read'],
    };
    const [c1, c2] = (await customerIds(ctx.workspace)) as [number, number];
    for (const [role, allowed] of Object.entries(ALLOWED) as [Role, readonly string[]][]) {
      const { headers } = await signedIn(ctx, `${role}@a.example`, [{ workspace: ctx.workspace, role }]);
      const attempt = async (action: (typeof ACTIONS)[number]): Promise<number> => {
        switch (action) {
          case 'read': return (await call('GET', '/api/v1/workspaces/test/customers', headers)).status;
          case 'merge': {
            const m = await call('POST', '/api/v1/workspaces/test/merges', headers, { targetId: c1, mergedId: c2 });
            if (m.status === 201) expect((await call('POST', `/api/v1/workspaces/test/merges/${m.body.id}/undo`, headers)).status).toBe(200);
            return m.status;
          }
          case 'editRoutes': return (await call('PUT', '/api/v1/workspaces/test/routes', headers, defaultRoute())).status;
          case 'people': return (await call('GET', '/api/v1/workspaces/test/people', headers)).status;
          case 'tokens': return (await call('POST', '/api/v1/workspaces/test/tokens', headers, { name: role, scopes: ['read'] })).status;
          case 'editPolicy': return (await call('PUT', '/api/v1/workspaces/test/policy', headers, { text: `Policy by ${role}` })).status;
          case 'audit': return (await call('GET', '/api/v1/workspaces/test/audit', headers)).status;
        }
      };
      for (const action of ACTIONS) {
        const status = await attempt(action);
        if (allowed.includes(action)) expect([200, 201], `${role} ${action}`).toContain(status);
        else expect(status, `${role} ${action}`).toBe(403);
      }
      const session = (await call('GET', '/api/v1/session', headers)).body;
      expect(session.workspaces[0]).toMatchObject({ slug: 'test', role, trainee: false });
      expect(session.workspaces[0].permissions.includes('editRoutes')).toBe(allowed.includes('editRoutes'));
    }
    // Only people of a role that may are refused; merges by the others went through and were undone.
    expect((await ctx.repos.customers.get(ctx.workspace.id, c2))?.mergedInto).toBeNull();
  });

  it('holds back public replies until the policy is acknowledged, and trainees\' for approval', async () => {
    const head = await signedIn(ctx, 'head@a.example', [{ workspace: ctx.workspace, role: 'head_of_social' }]);
    const agent = await signedIn(ctx, 'agent@a.example', [{ workspace: ctx.workspace, role: 'care_agent' }]);
    const trainee = await signedIn(ctx, 'trainee@a.example', [{ workspace: ctx.workspace, role: 'care_agent', trainee: true }]);
    const analyst = await signedIn(ctx, 'analyst@a.example', [{ workspace: ctx.workspace, role: 'analyst' }]);
    const reply = async (who: { headers: Record<string, string> }) => (await call('GET', '/api/v1/session', who.headers)).body.workspaces[0].reply;
    expect(await reply(agent)).toBe('allowed'); // no policy yet: nothing to acknowledge

    expect((await call('PUT', '/api/v1/workspaces/test/policy', head.headers, { text: 'Never promise refunds in public.' })).body).toMatchObject({ policy: { version: 1 }, acknowledgedAt: null });
    expect(await reply(agent)).toBe('needs_policy_acknowledgement');
    expect(await reply(analyst)).toBe('forbidden');
    const read = await call('GET', '/api/v1/workspaces/test/policy', agent.headers);
    expect(read.body.policy).toMatchObject({ version: 1, text: 'Never promise refunds in public.', createdBy: 'head@a.example' });
    for (const who of [agent, trainee]) expect((await call('POST', '/api/v1/workspaces/test/policy/acknowledgements', who.headers, { version: 1 })).status).toBe(201);
    expect(await reply(agent)).toBe('allowed');
    expect(await reply(trainee)).toBe('needs_approval');

    await call('PUT', '/api/v1/workspaces/test/policy', head.headers, { text: 'Never promise refunds or discounts in public.' });
    expect(await reply(agent)).toBe('needs_policy_acknowledgement');
    const stale = await call('POST', '/api/v1/workspaces/test/policy/acknowledgements', agent.headers, { version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { current: 2 } } } });
    const token = await tokenHeaders(ctx, ctx.workspace, ['admin']);
    expect((await call('POST', '/api/v1/workspaces/test/policy/acknowledgements', token, { version: 2 })).status).toBe(403);
  });

  it('grants what token scopes say, and a revoked token stops at once', async () => {
    const [c1, c2] = (await customerIds(ctx.workspace)) as [number, number];
    const expectations: [string[], Method, string, unknown, number][] = [
      [['read'], 'GET', '/api/v1/workspaces/test/customers', undefined, 200],
      [['read'], 'POST', '/api/v1/workspaces/test/merges', { targetId: c1, mergedId: c2 }, 403],
      [['read'], 'PUT', '/api/v1/workspaces/test/routes', defaultRoute(), 403],
      [['read'], 'GET', '/api/v1/workspaces/test/tokens', undefined, 403],
      [['write'], 'GET', '/api/v1/workspaces/test/customers', undefined, 200],
      [['write'], 'PUT', '/api/v1/workspaces/test/routes', defaultRoute(), 200],
      [['write'], 'GET', '/api/v1/workspaces/test/people', undefined, 403],
      [['write'], 'GET', '/api/v1/workspaces/test/audit', undefined, 403],
      [['ingest'], 'GET', '/api/v1/workspaces/test/customers', undefined, 403],
      [['ingest'], 'PUT', '/api/v1/workspaces/test/routes', defaultRoute(), 403],
      [['admin'], 'GET', '/api/v1/workspaces/test/tokens', undefined, 200],
      [['admin'], 'GET', '/api/v1/workspaces/test/audit', undefined, 200],
      [['admin'], 'GET', '/api/v1/workspaces/test/people', undefined, 200],
      [['admin'], 'GET', '/api/v1/workspaces/other/customers', undefined, 404],
    ];
    for (const [scopes, method, url, body, status] of expectations) {
      const headers = await tokenHeaders(ctx, ctx.workspace, scopes as never);
      expect((await call(method, url, headers, body)).status, `${scopes.join(',')} ${method} ${url}`).toBe(status);
    }
    const admin = await tokenHeaders(ctx, ctx.workspace, ['admin'], 'ops');
    const created = await call('POST', '/api/v1/workspaces/test/tokens', admin, { name: 'importer', scopes: ['ingest', 'read', 'ingest'] });
    expect(created).toMatchObject({ status: 201, body: { name: 'importer', scopes: ['read', 'ingest'], createdBy: 'token:ops', revokedAt: null } });
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^pulse_[A-Za-z0-9_-]{43}$/);
    expect(created.body.prefix).toBe(secret.slice(0, 12));
    const listed = (await call('GET', '/api/v1/workspaces/test/tokens', admin)).body.items as Record<string, unknown>[];
    expect(listed.find((t) => t.id === created.body.id)).not.toHaveProperty('secret');
    expect(JSON.stringify(await ctx.store.db.selectFrom('api_tokens').selectAll().execute())).not.toContain(secret);

    const own = { authorization: `Bearer ${secret}` };
    expect((await call('GET', '/api/v1/workspaces/test/customers', own)).status).toBe(200);
    expect((await call('GET', '/api/v1/session', own)).body).toMatchObject({ person: null, token: { name: 'importer' }, workspaces: [{ slug: 'test', role: null, permissions: ['read', 'export', 'ingest'] }] });
    expect((await call('DELETE', '/api/v1/session', own)).status).toBe(400);
    expect((await call('DELETE', `/api/v1/workspaces/test/tokens/${created.body.id}`, admin)).body.revokedAt).not.toBeNull();
    expect((await call('GET', '/api/v1/workspaces/test/customers', own))).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('needs the CSRF token for writes with a cookie, not for reads or with a bearer token', async () => {
    const { headers } = await signedIn(ctx, 'alice@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    const cookieOnly = { cookie: headers.cookie };
    expect((await call('GET', '/api/v1/workspaces/test/routes', cookieOnly)).status).toBe(200);
    for (const h of [cookieOnly, { ...cookieOnly, 'x-csrf-token': 'wrong' }, { ...cookieOnly, 'x-csrf-token': '' }]) {
      const res = await call('PUT', '/api/v1/workspaces/test/routes', h, defaultRoute());
      expect(res).toMatchObject({ status: 403, body: { error: { code: 'csrf_failed' } } });
      expect((await call('DELETE', '/api/v1/session', h)).status).toBe(403);
    }
    expect((await call('PUT', '/api/v1/workspaces/test/routes', headers, defaultRoute())).status).toBe(200);
    expect((await call('PUT', '/api/v1/workspaces/test/routes', await tokenHeaders(ctx, ctx.workspace, ['write']), defaultRoute())).status).toBe(200);
    // The token is the session's: another session's token does not do.
    const other = await signedIn(ctx, 'bea@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    expect((await call('PUT', '/api/v1/workspaces/test/routes', { ...cookieOnly, 'x-csrf-token': other.headers['x-csrf-token'] }, defaultRoute())).status).toBe(403);
  });

  it('signs in with email and password into an HTTP-only cookie, and signs out', async () => {
    await ensurePerson(ctx.repos, { email: 'Carla@A.example', name: 'Carla', password: 'correct horse battery', workspaceId: ctx.workspace.id, role: 'marketing' }, ctx.now());
    for (const [email, password] of [['carla@a.example', 'wrong horse battery'], ['nobody@a.example', 'correct horse battery']]) {
      const bad = await call('POST', '/api/v1/session', {}, { email, password });
      expect(bad).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated', message: 'wrong email or password' } } });
      expect(bad.headers['set-cookie']).toBeUndefined();
    }
    expect((await call('POST', '/api/v1/session', {}, { email: 'carla@a.example' })).status).toBe(400);

    const ok = await call('POST', '/api/v1/session', { 'user-agent': 'vitest' }, { email: ' CARLA@a.example ', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/^pulse_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Secure');
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.body).toMatchObject({ person: { email: 'carla@a.example', name: 'Carla', mustChangePassword: false }, csrfToken: expect.any(String), workspaces: [{ slug: 'test', role: 'marketing' }] });
    const sessionId = /^pulse_session=([^;]+)/.exec(cookie)![1]!;
    expect(JSON.stringify(await ctx.store.db.selectFrom('sessions').selectAll().execute())).not.toContain(sessionId);
    const headers = { cookie: `pulse_session=${sessionId}`, 'x-csrf-token': ok.body.csrfToken as string };
    expect((await call('GET', '/api/v1/session', headers)).body.person.email).toBe('carla@a.example');
    expect((await call('DELETE', '/api/v1/session', headers)).status).toBe(204);
    expect((await call('GET', '/api/v1/session', headers)).status).toBe(401);

    await app.close();
    app = await build({ PULSE_SECURE_COOKIES: true });
    const secure = await call('POST', '/api/v1/session', {}, { email: 'carla@a.example', password: 'correct horse battery' });
    expect(String(secure.headers['set-cookie'])).toContain('Secure');
  });

  it('makes the first admin choose a new password before anything else', async () => {
    // The demo staff do not count: on a fresh store with the demo workspace, the admin is still created.
    await ctx.repos.people.create({ email: 'care@demo.pulse', name: 'Demo', passwordHash: null, mustChangePassword: false, now: ctx.now() });
    expect(await bootstrapAdmin(ctx.repos, 'admin@pulse.local', ctx.now())).toBeNull();
    const first = await bootstrapAdmin(ctx.repos, 'admin@pulse.local', ctx.now(), ['care@demo.pulse']);
    expect(first).toMatchObject({ email: 'admin@pulse.local', password: expect.stringMatching(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/) });
    expect(await bootstrapAdmin(ctx.repos, 'admin@pulse.local', ctx.now(), ['care@demo.pulse'])).toBeNull();
    const signIn = await call('POST', '/api/v1/session', {}, { email: first!.email, password: first!.password });
    expect(signIn.body).toMatchObject({ person: { mustChangePassword: true }, workspaces: [{ slug: 'test', role: 'admin' }, { slug: 'other', role: 'admin' }] });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': signIn.body.csrfToken as string };
    expect((await call('GET', '/api/v1/workspaces/test/customers', headers)).body.error).toMatchObject({ code: 'forbidden', details: { reason: 'password_change_required' } });
    const weak = await call('POST', '/api/v1/session/password', headers, { currentPassword: first!.password, newPassword: 'short' });
    expect(weak).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', details: [{ path: 'newPassword' }] } } });
    const wrong = await call('POST', '/api/v1/session/password', headers, { currentPassword: 'not it at all', newPassword: 'a much better password' });
    expect(wrong.status).toBe(400);
    const changed = await call('POST', '/api/v1/session/password', headers, { currentPassword: first!.password, newPassword: 'a much better password' });
    expect(changed).toMatchObject({ status: 200, body: { person: { mustChangePassword: false } } });
    expect((await call('GET', '/api/v1/workspaces/test/customers', headers)).status).toBe(200);
    expect((await call('POST', '/api/v1/session', {}, { email: first!.email, password: first!.password })).status).toBe(401);
  });

  it('sets a new password with a one-time link from an admin of all the person\'s workspaces', async () => {
    const admin = await signedIn(ctx, 'alice@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    const added = await call('POST', '/api/v1/workspaces/test/people', admin.headers, { email: 'Dan@A.example', name: 'Dan', role: 'care_agent', trainee: true });
    expect(added).toMatchObject({ status: 201, body: { person: { email: 'dan@a.example', role: 'care_agent', trainee: true, hasPassword: false }, link: { path: expect.stringMatching(/^\/reset\//) } } });
    const token = added.body.link.token as string;
    expect((await call('GET', `/api/v1/password-resets/${token}`)).body).toMatchObject({ email: 'dan@a.example', name: 'Dan' });
    expect((await call('POST', `/api/v1/password-resets/${token}`, {}, { password: 'short' })).status).toBe(400);
    expect((await call('POST', `/api/v1/password-resets/${token}`, {}, { password: 'dans first password' })).body).toEqual({ email: 'dan@a.example' });
    expect((await call('POST', `/api/v1/password-resets/${token}`, {}, { password: 'dans second password' })).status).toBe(404);
    expect((await call('GET', `/api/v1/password-resets/${token}`)).status).toBe(404);
    const dan = await call('POST', '/api/v1/session', {}, { email: 'dan@a.example', password: 'dans first password' });
    expect(dan.status).toBe(200);

    // Reset by link: the old sessions end when it is used.
    const reset = await call('POST', `/api/v1/workspaces/test/people/${added.body.person.id}/reset-link`, admin.headers);
    expect(reset.status).toBe(201);
    await call('POST', `/api/v1/password-resets/${reset.body.token}`, {}, { password: 'dans newer password' });
    expect((await call('GET', '/api/v1/session', { cookie: String(dan.headers['set-cookie']).split(';')[0]! })).status).toBe(401);

    // Dan also joins B: only an admin of both may now take over his account.
    await ctx.repos.people.setMembership({ personId: added.body.person.id, workspaceId: b.id, role: 'analyst', trainee: false, now: ctx.now() });
    const refused = await call('POST', `/api/v1/workspaces/test/people/${added.body.person.id}/reset-link`, admin.headers);
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call('POST', '/api/v1/workspaces/test/people', admin.headers, { email: 'dan@a.example', name: 'Dan', role: 'pr' })).status).toBe(409);
  });

  it('keeps an admin in every workspace', async () => {
    const alice = await signedIn(ctx, 'alice@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    const self = `/api/v1/workspaces/test/people/${alice.personId}`;
    expect((await call('PATCH', self, alice.headers, { role: 'analyst' }))).toMatchObject({ status: 409, body: { error: { code: 'conflict' } } });
    expect((await call('DELETE', self, alice.headers)).status).toBe(409);
    expect((await call('PATCH', self, alice.headers, {})).status).toBe(400);
    const bea = await signedIn(ctx, 'bea@a.example', [{ workspace: ctx.workspace, role: 'pr' }]);
    expect((await call('PATCH', `/api/v1/workspaces/test/people/${bea.personId}`, alice.headers, { role: 'admin' })).body).toMatchObject({ role: 'admin' });
    expect((await call('PATCH', self, alice.headers, { role: 'analyst' })).body).toMatchObject({ role: 'analyst' });
    // The change applies at once to the signed-in session.
    expect((await call('GET', '/api/v1/workspaces/test/people', alice.headers)).status).toBe(403);
    expect((await call('DELETE', self, bea.headers)).status).toBe(204);
    expect((await call('GET', '/api/v1/workspaces/test/customers', alice.headers)).status).toBe(404);
  });

  it('limits sign-in attempts per email and per address, and API requests per token, with 429 and Retry-After', async () => {
    await app.close();
    app = await build({ PULSE_SIGNIN_RATE_LIMIT: 3, PULSE_API_RATE_LIMIT: 5 });
    const attempt = (email: string, ip: string) => app.inject({ method: 'POST', url: '/api/v1/session', remoteAddress: ip, payload: { email, password: 'guess guess guess' } });
    for (let i = 0; i < 3; i++) expect((await attempt('victim@a.example', `10.0.0.${i}`)).statusCode).toBe(401);
    const perEmail = await attempt('victim@a.example', '10.0.0.9');
    expect(perEmail.statusCode).toBe(429);
    expect(perEmail.json().error).toMatchObject({ code: 'rate_limited', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number(perEmail.headers['retry-after'])).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect((await attempt(`someone${i}@a.example`, '10.0.1.1')).statusCode).toBe(401);
    expect((await attempt('someone-else@a.example', '10.0.1.1')).statusCode).toBe(429);

    const token = await tokenHeaders(ctx, ctx.workspace, ['read']);
    for (let i = 0; i < 5; i++) expect((await call('GET', '/api/v1/workspaces/test', token)).status).toBe(200);
    const limited = await call('GET', '/api/v1/workspaces/test', token);
    expect(limited).toMatchObject({ status: 429, body: { error: { code: 'rate_limited' } } });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await call('GET', '/api/v1/workspaces/test', await tokenHeaders(ctx, ctx.workspace, ['read']))).status).toBe(200);
  });

  it('refuses bodies over the limit with 413', async () => {
    const { headers } = await signedIn(ctx, 'alice@a.example', [{ workspace: ctx.workspace, role: 'admin' }]);
    const big = await call('POST', '/api/v1/workspaces/test/people', headers, { email: 'x@a.example', name: 'x'.repeat(20_000), role: 'pr' });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
  });

  it('writes sign-ins, failures, tokens, role changes, merges and rule changes to the audit log', async () => {
    await ensurePerson(ctx.repos, { email: 'alice@a.example', name: 'Alice', password: 'alices long password', workspaceId: ctx.workspace.id, role: 'admin' }, ctx.now());
    expect((await call('POST', '/api/v1/session', {}, { email: 'alice@a.example', password: 'not alices password' })).status).toBe(401);
    const signIn = await call('POST', '/api/v1/session', { 'x-forwarded-for': '203.0.113.9' }, { email: 'alice@a.example', password: 'alices long password' });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': signIn.body.csrfToken as string };
    const [c1, c2] = (await customerIds(ctx.workspace)) as [number, number];
    const token = (await call('POST', '/api/v1/workspaces/test/tokens', headers, { name: 'bi', scopes: ['read'] })).body;
    await call('DELETE', `/api/v1/workspaces/test/tokens/${token.id}`, headers);
    const bea = await signedIn(ctx, 'bea@a.example', [{ workspace: ctx.workspace, role: 'pr' }]);
    await call('PATCH', `/api/v1/workspaces/test/people/${bea.personId}`, headers, { role: 'head_of_social' });
    const merge = (await call('POST', '/api/v1/workspaces/test/merges', headers, { targetId: c1, mergedId: c2, reason: 'same' })).body;
    await call('POST', `/api/v1/workspaces/test/merges/${merge.id}/undo`, headers);
    await call('PUT', '/api/v1/workspaces/test/routes', headers, defaultRoute(300));
    await call('POST', '/api/v1/session', {}, { email: 'nobody@a.example', password: 'whatever it is' });

    const log = (await call('GET', '/api/v1/workspaces/test/audit?limit=100', headers)).body;
    const actions = (log.items as { action: string }[]).map((e) => e.action).reverse();
    expect(actions).toEqual(['session.sign_in_failed', 'session.signed_in', 'token.created', 'token.revoked', 'person.role_changed', 'customer.merged', 'customer.unmerged', 'route.saved']);
    const byAction = (a: string) => (log.items as Record<string, unknown>[]).find((e) => e.action === a)!;
    expect(byAction('session.signed_in')).toMatchObject({ actor: { kind: 'person', label: 'alice@a.example' }, ip: '127.0.0.1', at: expect.stringMatching(/Z$/) });
    expect(byAction('session.sign_in_failed')).toMatchObject({ actor: { label: 'alice@a.example' }, details: { reason: 'wrong_password' } });
    expect(byAction('token.created')).toMatchObject({ target: `token:${token.id}`, details: { name: 'bi', scopes: ['read'] } });
    expect(byAction('person.role_changed')).toMatchObject({ details: { from: { role: 'pr' }, to: { role: 'head_of_social' } } });
    expect(byAction('customer.merged')).toMatchObject({ details: { targetId: c1, mergedId: c2, reason: 'same' } });
    expect(byAction('route.saved')).toMatchObject({ details: { name: 'Customer journey', version: 2 } });
    // An unknown email belongs to no workspace: it is not in this one's log.
    expect(JSON.stringify(log)).not.toContain('nobody@a.example');

    const page1 = (await call('GET', '/api/v1/audit?workspace=test&limit=3', headers)).body;
    expect(page1.items).toHaveLength(3);
    const page2 = (await call('GET', `/api/v1/audit?workspace=test&limit=10&before=${encodeURIComponent(page1.next.before)}&beforeId=${page1.next.beforeId}`, headers)).body;
    expect([...page1.items, ...page2.items].map((e: { id: number }) => e.id)).toEqual(log.items.map((e: { id: number }) => e.id));
    expect(page2.next).toBeNull();
    expect((await call('GET', '/api/v1/workspaces/test/audit?action=token.revoked', headers)).body.items).toHaveLength(1);
    expect((await call('GET', '/api/v1/workspaces/test/audit', bea.headers)).status).toBe(403);
  });
});
