/**
 * The OpenAPI document (src/http/openapi.ts): it documents exactly the /api/v1 routes the app
 * registers (enumerated with buildApp's onRoute, so a route added without documentation fails here),
 * it is valid OpenAPI 3.1, and every route's example request passes the documented Zod schemas, is
 * accepted by the real handler — an invalid body is refused with 400 — and is answered as documented.
 */
import { validate } from '@readme/openapi-parser';
import type { FastifyInstance, InjectOptions, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, ROLES, TOKEN_SCOPES } from '../src/app/access.js';
import { EventLineSchema, toPulseEvent, type EventLineInput } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { ensurePerson } from '../src/app/people.js';
import { sha256 } from '../src/app/credentials.js';
import { buildApp } from '../src/http/app.js';
import { PUBLIC_ROUTES } from '../src/http/auth.js';
import { DOCS_CSP, ERROR_RESPONSES, permissionHolders, type OpenApiDocument } from '../src/http/openapi.js';
import { ErrorResponseSchema } from '../src/http/openapi-responses.js';
import { API_ROUTES, API_TAGS, PARAM_EXAMPLES, type ApiRoute } from '../src/http/openapi-routes.js';
import { signedIn, tokenHeaders } from './auth.js';
import { openTestContext, type TestContext } from './stores.js';
import { startReceiver, type Receiver } from './webhook-receiver.js';

type Method = NonNullable<InjectOptions['method']>;

/** The person of the examples (POST /api/v1/session signs in with these). */
const ADMIN = { email: 'admin@example.com', password: 'correct-horse-battery' };

const line = (n: number): EventLineInput => ({
  source: 'shop', source_id: `o-${n}`, kind: 'purchase', channel: 'shop', occurred_at: `2026-05-${10 + n}T10:00:00Z`,
  customer: { email: `c${n}@example.com`, name: `Customer ${n}` }, amount: 50, currency: 'EUR', order_id: `o-${n}`,
});

const key = (method: string, path: string) => `${method} ${path}`;
/** `/api/v1/workspaces/{ws}` → Fastify's `/api/v1/workspaces/:ws`. */
const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');
const fill = (r: ApiRoute) => r.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent({ ...PARAM_EXAMPLES, ...r.example?.params }[name] ?? ''));
const withQuery = (url: string, query: Record<string, string> = {}) => (Object.keys(query).length === 0 ? url : `${url}?${new URLSearchParams(query)}`);

let ctx: TestContext;
let app: FastifyInstance;
let receiver: Receiver;
let registered: string[];
let document: OpenApiDocument;

beforeAll(async () => {
  ctx = await openTestContext('sqlite', { slug: 'demo' });
  ctx.config.PULSE_WEBHOOKS_ALLOW_PRIVATE = true;
  receiver = await startReceiver();
  await ingestEvents(ctx.repos, ctx.workspace, [1, 2].map((n) => toPulseEvent(EventLineSchema.parse(line(n)), JSON.stringify(line(n)))), ctx.now());
  await ensurePerson(ctx.repos, { ...ADMIN, name: 'Admin', workspaceId: ctx.workspace.id, role: 'admin' }, ctx.now());
  registered = [];
  const onRoute = (r: RouteOptions) => {
    for (const method of [r.method].flat()) if (r.url.startsWith('/api/v1') && method !== 'HEAD') registered.push(key(method, r.url));
  };
  app = await buildApp(ctx, { logger: false, webDist: null, onRoute });
  await app.ready();
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  document = res.json();
});

afterAll(async () => {
  await app?.close();
  await receiver?.close();
  await ctx?.close();
});

describe('the OpenAPI document', () => {
  it('documents every /api/v1 route the app registers, and no other', () => {
    const documented = API_ROUTES.map((r) => key(r.method, fastifyPath(r.path)));
    expect(new Set(documented).size, 'a route is documented twice').toBe(documented.length);
    expect([...documented].sort()).toEqual([...new Set(registered)].sort());
    const inDocument = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => key(m.toUpperCase(), fastifyPath(path))));
    expect(inDocument.sort()).toEqual([...documented].sort());
    expect(registered.length).toBeGreaterThan(40);
  });

  it('is valid OpenAPI 3.1, served without credentials', async () => {
    expect(document.openapi).toBe('3.1.0');
    for (const { name, example } of Object.values(ERROR_RESPONSES)) expect(ErrorResponseSchema.safeParse(example).error, name).toBeUndefined();
    const result = await validate(structuredClone(document) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
    // Every reference resolves inside the document, and no JSON Schema $defs were left behind.
    const text = JSON.stringify(document);
    expect(text).not.toContain('$defs');
    for (const [, group, name] of text.matchAll(/"\$ref":"#\/components\/(\w+)\/(\w+)"/g)) {
      expect((document.components as Record<string, Record<string, unknown>>)[group!]?.[name!], `${group}/${name}`).toBeDefined();
    }
    for (const [path, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method} ${path}`;
        expect(Object.keys(API_TAGS), where).toContain((op.tags as string[])[0]);
        expect(op.security, where).toBeDefined();
        expect(Object.keys(op.responses as object).some((s) => s.startsWith('2')), where).toBe(true);
      }
    }
  });

  it('says who may call each route: public ones need nothing, the others a session (with CSRF on writes) or a token scope', () => {
    const op = (method: string, path: string) => document.paths[path]![method]!;
    expect(op('post', '/api/v1/session').security).toEqual([]);
    expect(op('get', '/api/v1/workspaces/{ws}/customers').security).toEqual([{ session: [] }, { token: ['read'] }]);
    expect(op('post', '/api/v1/workspaces/{ws}/people').security).toEqual([{ session: [], csrf: [] }, { token: ['admin'] }]);
    expect(op('post', '/api/v1/events').security).toEqual([{ token: ['ingest'] }]);
    expect(op('post', '/api/v1/workspaces/{ws}/merges').description).toContain('Permission `mergeCustomers`: roles admin, head_of_social, pr, marketing, care_agent; API token scope `write`');
    expect(Object.keys(op('get', '/api/v1/workspaces/{ws}/customers/{id}').responses as object).sort()).toEqual(['200', '400', '401', '403', '404', '429']);
  });

  it('names as public exactly the routes the edge lets through without credentials', () => {
    const documented = API_ROUTES.filter((r) => r.auth === 'public').map((r) => key(r.method, fastifyPath(r.path)));
    expect(documented.sort()).toEqual([...PUBLIC_ROUTES].sort());
  });

  it('has examples that pass the very schemas the handlers parse', () => {
    for (const r of API_ROUTES) {
      const where = key(r.method, r.path);
      if (r.params !== undefined) expect(r.params.safeParse({ ...PARAM_EXAMPLES, ...r.example?.params }).error, where).toBeUndefined();
      if (r.query !== undefined) expect(r.query.safeParse(r.example?.query ?? {}).error, where).toBeUndefined();
      if (r.body !== undefined) {
        expect(r.example?.body, `${where} needs an example body`).toBeDefined();
        expect(r.body.safeParse(r.example?.body).error, where).toBeUndefined();
      } else expect(r.example?.body, `${where} takes no body`).toBeUndefined();
    }
  });

  // In the registry's order, as one admin would call them: each example builds on the ones before
  // (sign in, add a person, then change them; subscribe a webhook, then test it, then delete it).
  it('has handlers that accept each example and answer as documented, and refuse an invalid body with 400', async () => {
    const token = await tokenHeaders(ctx, ctx.workspace, ['admin'], 'openapi-test');
    // The example set-password link exists, for the admin.
    const admin = (await ctx.repos.people.findByEmail(ADMIN.email))!;
    await ctx.repos.people.createReset({ tokenHash: sha256(PARAM_EXAMPLES.token!), personId: admin.id, createdBy: 'test', now: ctx.now(), expiresAt: ctx.now() + 3_600_000 });
    for (const r of API_ROUTES) {
      const where = key(r.method, r.path);
      const headers = r.auth === 'public' ? {} : r.auth.credentials === 'token' ? token : (await signedIn(ctx, ADMIN.email, [{ workspace: ctx.workspace, role: 'admin' }])).headers;
      const url = withQuery(fill(r), r.example?.query);
      const send = (payload?: unknown) => app.inject({ method: r.method as Method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
      if (r.body !== undefined) {
        const invalid = await send({ unexpected: [] });
        if (r.operationId === 'checkRoute') expect(invalid.json().ok, where).toBe(false); // answers 200 with the problems
        else {
          expect(invalid.statusCode, `${where}: invalid body`).toBe(400);
          expect(invalid.json().error.code, where).toBe('validation_failed');
          expect(ErrorResponseSchema.safeParse(invalid.json()).error, where).toBeUndefined();
        }
      }
      // The webhook of the example calls the test's receiver instead of crm.example.com.
      const body = r.operationId === 'createWebhook' ? { ...(r.example?.body as object), url: receiver.url } : r.example?.body;
      const res = await send(body);
      const ok = r.ok.find((o) => o.status === res.statusCode);
      expect(ok, `${where} answered ${res.statusCode}: ${res.body}`).toBeDefined();
      if (ok?.schema !== undefined) expect(ok.schema.safeParse(res.json()).error, `${where}: the answer is not as documented`).toBeUndefined();
    }
    expect(receiver.received.map((d) => d.json.type)).toContain('ping');
  });

  it('names the permission the use case checks: a role or token scope without it is refused with 403', async () => {
    let checked = 0;
    for (const r of API_ROUTES) {
      if (r.auth === 'public' || r.auth.permission === undefined) continue;
      const { permission, credentials } = r.auth;
      const { roles } = permissionHolders(permission);
      const callers: Record<string, string>[] = [];
      const role = ROLES.find((x) => !roles.includes(x));
      if (role !== undefined && credentials !== 'token') callers.push((await signedIn(ctx, `${role}@example.com`, [{ workspace: ctx.workspace, role }])).headers);
      const scope = TOKEN_SCOPES.find((x) => !can({ actor: { kind: 'token', tokenId: 0, name: '', scopes: [x] } }, permission));
      if (scope !== undefined && credentials !== 'session') callers.push(await tokenHeaders(ctx, ctx.workspace, [scope], `without-${permission}`));
      for (const headers of callers) {
        const res = await app.inject({ method: r.method as Method, url: withQuery(fill(r), r.example?.query), headers, ...(r.example?.body === undefined ? {} : { payload: r.example.body as object }) });
        expect(res.statusCode, `${key(r.method, r.path)} as ${JSON.stringify(Object.keys(headers))}: ${res.body}`).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('serves the reference page at /api/docs without credentials, under its own strict CSP', async () => {
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toBe(DOCS_CSP);
    expect(DOCS_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
    expect(page.body).not.toMatch(/<script>|<style>|https?:\/\//i);
    const init = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
    expect(init.body).toContain('x-csrf-token');
    const bundle = await app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    // The rest of the server keeps its own policy.
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).headers['content-security-policy']).not.toBe(DOCS_CSP);
  });
});
