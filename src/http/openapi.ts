/**
 * The OpenAPI 3.1 document of /api/v1, generated from the route registry (openapi-routes.ts) with
 * Zod's own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1). `GET /api/openapi.json`
 * serves it to anyone (a description of the API is not customer data; every /api/v1 route still
 * needs credentials), and `/api/docs` browses it: Swagger UI, served from this server by
 * @fastify/swagger-ui under a strict CSP of its own (no inline code, no remote sources).
 */
import { readFileSync } from 'node:fs';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { can, ROLES, TOKEN_SCOPES, type Permission, type TokenScope } from '../app/access.js';
import { SESSION_COOKIE } from './auth.js';
import { responseSchemas } from './openapi-responses.js';
import { API_ROUTES, API_TAGS, PARAM_EXAMPLES, type ApiRoute, type ErrorStatus } from './openapi-routes.js';

type JsonSchema = { [key: string]: unknown };
export type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, JsonSchema>>; components: { schemas: Record<string, JsonSchema> } } & JsonSchema;

const componentRef = (id: string) => `#/components/schemas/${id}`;
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** Zod's output, tidied: no safe-integer bounds or date-time regex (noise), open response objects. */
const tidy = (io: 'input' | 'output') => ({ jsonSchema: s }: { jsonSchema: JsonSchema }): void => {
  if (s.minimum === -MAX_SAFE) delete s.minimum;
  if (s.maximum === MAX_SAFE) delete s.maximum;
  if (s.format === 'date-time') delete s.pattern;
  // Answers may gain fields; a request with an unknown field is refused only where the schema says so.
  if (io === 'output' && s.additionalProperties === false) delete s.additionalProperties;
};

const options = (io: 'input' | 'output') => ({ io, target: 'draft-2020-12' as const, unrepresentable: 'any' as const, override: tidy(io) });

/**
 * One schema as JSON Schema. Named response schemas become references to components; any other
 * shared part Zod hoists into `$defs` moves to the components too (refs there would resolve against
 * the document's root).
 */
const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output', components: Record<string, JsonSchema>): JsonSchema => {
  const { $schema: _, $defs, ...json } = z.toJSONSchema(schema, { ...options(io), metadata: responseSchemas }) as JsonSchema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? v.replace(/^#\/\$defs\//, '#/components/schemas/') : rewrite(v)]));
  };
  for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) components[id] ??= rewrite(def) as JsonSchema;
  return rewrite(json) as JsonSchema;
};

const PARAM_DESCRIPTIONS: Record<string, string> = {
  ws: 'The workspace\'s slug', id: 'The resource\'s id', mergeId: 'The merge\'s id', deliveryId: 'The delivery\'s id', token: 'The token of the set-password link',
  q: 'Search text', limit: 'Page size', offset: 'Items to skip', asOf: 'Facts as of this instant (ISO-8601)', events: 'How many recent events to include',
  before: 'Cursor: older than this', beforeId: 'Cursor: the id beside `before`', action: 'Only this action (e.g. token.created)', workspace: 'The workspace\'s slug',
  route: 'The route', from: 'Start of the period (ISO-8601)', to: 'End of the period (ISO-8601)', status: 'Only deliveries in this status',
};

const exampleValue = (schema: JsonSchema, raw: string): unknown =>
  (schema.type === 'integer' || schema.type === 'number') && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;

const parametersOf = (schema: z.ZodType, where: 'path' | 'query', examples: Record<string, string>, components: Record<string, JsonSchema>): JsonSchema[] => {
  const json = toJsonSchema(schema, 'input', components);
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, { description, ...s }]) => ({
    name, in: where, required: where === 'path' || required.has(name),
    description: description ?? PARAM_DESCRIPTIONS[name], schema: s,
    ...(examples[name] === undefined ? {} : { example: exampleValue(s, examples[name]) }),
  }));
};

/** Roles that have the permission, and the narrowest token scope that grants it (from app/access.ts). */
export const permissionHolders = (permission: Permission): { roles: string[]; scope: TokenScope | null } => ({
  roles: ROLES.filter((role) => can({ actor: { kind: 'person', personId: 0, email: '', role, trainee: false } }, permission)),
  scope: TOKEN_SCOPES.find((scope) => can({ actor: { kind: 'token', tokenId: 0, name: '', scopes: [scope] } }, permission)) ?? null,
});

const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** Someone who must first choose a new password is refused (403) everywhere but here. */
const NEVER_FORBIDDEN = new Set(['GET /api/v1/session']);

const errorStatuses = (r: ApiRoute): ErrorStatus[] => {
  const statuses = new Set<ErrorStatus>(r.errors ?? []);
  if (r.params !== undefined || r.query !== undefined || r.body !== undefined) statuses.add(400);
  if (r.auth !== 'public') {
    if (r.auth.credentials !== undefined) statuses.add(400); // the other kind of credentials
    statuses.add(401).add(429);
    if (!NEVER_FORBIDDEN.has(`${r.method} ${r.path}`)) statuses.add(403);
  }
  return [...statuses].sort((a, b) => a - b);
};

const securityOf = (r: ApiRoute): Record<string, string[]>[] => {
  if (r.auth === 'public') return [];
  const scope = r.auth.permission === undefined ? null : permissionHolders(r.auth.permission).scope;
  const session: Record<string, string[]> = SAFE_METHODS.has(r.method) ? { session: [] } : { session: [], csrf: [] };
  const token = { token: scope === null ? [] : [scope] };
  if (r.auth.credentials === 'session') return [session];
  if (r.auth.credentials === 'token') return [token];
  // A permission no token scope grants (public replies): people only.
  return r.auth.permission !== undefined && scope === null ? [session] : [session, token];
};

const accessNote = (r: ApiRoute): string => {
  if (r.auth === 'public') return 'Public: no credentials needed.';
  const { credentials, permission } = r.auth;
  if (permission === undefined) return credentials === 'session' ? 'A signed-in person only (session cookie).' : credentials === 'token' ? 'An API token only.' : 'Any signed-in person or API token.';
  const { roles, scope } = permissionHolders(permission);
  if (credentials === 'token') return `An API token only, with scope \`${scope}\` (permission \`${permission}\`).`;
  const people = `Permission \`${permission}\`: roles ${roles.join(', ')}`;
  if (credentials === 'session') return `A signed-in person only (session cookie). ${people}.`;
  return `${people}; ${scope === null ? 'no API token may' : `API token scope \`${scope}\``}.`;
};

/** The shared error answers, each with an example of the wire shape (test/openapi.test.ts parses them). */
export const ERROR_RESPONSES: Record<ErrorStatus, { name: string; description: string; example: { error: { code: string; message: string; details?: unknown } } }> = {
  400: { name: 'ValidationFailed', description: 'Invalid input (`validation_failed`): `details` lists each failing path and why',
    example: { error: { code: 'validation_failed', message: 'email: expected an email address', details: [{ path: 'email', message: 'expected an email address' }] } } },
  401: { name: 'Unauthenticated', description: 'No session or API token, or it ended or was revoked (`unauthenticated`)',
    example: { error: { code: 'unauthenticated', message: 'sign in, or send an API token (Authorization: Bearer pulse_…)' } } },
  403: { name: 'Forbidden', description: 'Your role or token may not do this (`forbidden`), or a write with the session cookie lacks `x-csrf-token` (`csrf_failed`)',
    example: { error: { code: 'forbidden', message: 'not allowed to manage people in this workspace' } } },
  404: { name: 'NotFound', description: 'Not there — a workspace you do not belong to answers `workspace_not_found` as if it did not exist',
    example: { error: { code: 'workspace_not_found', message: 'no workspace "demo"' } } },
  409: { name: 'Conflict', description: 'The request conflicts with the current state (`conflict`, `merge_conflict`, `already_merged`, `not_merged`)',
    example: { error: { code: 'conflict', message: 'a workspace needs at least one admin: make someone else admin first' } } },
  413: { name: 'PayloadTooLarge', description: 'The body is too large (`payload_too_large`)',
    example: { error: { code: 'payload_too_large', message: 'request body too large' } } },
  429: { name: 'RateLimited', description: 'Too many requests (`rate_limited`): try again after `Retry-After` seconds',
    example: { error: { code: 'rate_limited', message: 'too many sign-in attempts; try again in 42 s', details: { retryAfterSeconds: 42 } } } },
};

const operationOf = (r: ApiRoute, components: Record<string, JsonSchema>): JsonSchema => {
  const examples = { ...PARAM_EXAMPLES, ...r.example?.params };
  const parameters = [
    ...(r.params === undefined ? [] : parametersOf(r.params, 'path', examples, components)),
    ...(r.query === undefined ? [] : parametersOf(r.query, 'query', r.example?.query ?? {}, components)),
  ];
  const body = r.body === undefined ? undefined : toJsonSchema(r.body, 'input', components);
  const example = r.example?.body === undefined ? {} : { example: r.example.body };
  return {
    operationId: r.operationId, tags: [r.tag], summary: r.summary,
    description: [r.description, `**Access.** ${accessNote(r)}`].filter(Boolean).join('\n\n'),
    ...(r.auth === 'public' ? {} : { 'x-pulse-permission': r.auth.permission ?? null }),
    security: securityOf(r),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(body === undefined ? {} : {
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: body, ...example },
          ...(r.ndjson === true ? { 'application/x-ndjson': { schema: { type: 'string', description: 'One event line (JSON) per line' } } } : {}),
        },
      },
    }),
    responses: {
      ...Object.fromEntries(r.ok.map((ok) => [String(ok.status), {
        description: ok.description,
        ...(ok.schema === undefined ? {} : { content: { 'application/json': { schema: toJsonSchema(ok.schema, 'output', components) } } }),
      }])),
      ...Object.fromEntries(errorStatuses(r).map((status) => [String(status), { $ref: `#/components/responses/${ERROR_RESPONSES[status].name}` }])),
    },
  };
};

let built: OpenApiDocument | null = null;

/** The whole document. It depends only on the code, so it is built once per process. */
export const openApiDocument = (): OpenApiDocument => (built ??= buildOpenApiDocument(packageVersion()));

/** Pulse's version, from package.json (two folders up from src/http and from dist/http alike). */
const packageVersion = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const buildOpenApiDocument = (version: string): OpenApiDocument => {
  const { schemas: named } = z.toJSONSchema(responseSchemas, { ...options('output'), uri: componentRef }) as { schemas: Record<string, JsonSchema> };
  const components: Record<string, JsonSchema> = Object.fromEntries(Object.entries(named).map(([id, { $schema: _s, $id: _i, ...s }]) => [id, s]));
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const r of API_ROUTES) (paths[r.path] ??= {})[r.method.toLowerCase()] = operationOf(r, components);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pulse API',
      version,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      description: [
        'This document: `GET /api/openapi.json`. JSON over HTTP under `/api/v1`; instants are ISO-8601. Errors are `{ "error": { "code", "message", "details" } }` with the status (unexpected ones: 500 `internal_error`).',
        `Programs send an API token (\`Authorization: Bearer pulse_…\`, scopes \`read\`, \`write\`, \`ingest\`, \`admin\`); the UI signs in with the \`${SESSION_COOKIE}\` cookie, and its writes send the session's CSRF token in \`x-csrf-token\` (GET /api/v1/session gives it). What each role and scope may do: the permission named on each route.`,
      ].join('\n\n'),
    },
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      responses: Object.fromEntries(Object.values(ERROR_RESPONSES).map(({ name, description, example }) => [name, {
        description,
        ...(name === 'RateLimited' ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
        content: { 'application/json': { schema: { $ref: componentRef('Error') }, example } },
      }])),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/v1/session (HTTP-only: the browser sends it)' },
        csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: 'The session\'s CSRF token (GET /api/v1/session): needed on writes made with the cookie' },
        token: { type: 'http', scheme: 'bearer', description: 'An API token, `pulse_…`; the route names the scope it needs' },
      },
    },
  } as OpenApiDocument;
};

const PULSE_ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2f5d8a"/><path d="M4 17h6l3-7 5 13 3-6h7" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** The docs page's own policy: Swagger UI runs from files of this server; it needs nothing inline. */
export const DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Serves the document at /api/openapi.json and the reference page at /api/docs. */
export const registerApiDocs = async (app: FastifyInstance): Promise<void> => {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
  // Encapsulated: the plugins' decorators and their CSP hook (which runs after the app's) stay here.
  await app.register(async (docs) => {
    await docs.register(fastifySwagger, { mode: 'static', specification: { document: document as never } });
    await docs.register(fastifySwaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: DOCS_CSP,
      validatorUrl: false,
      theme: { title: 'Pulse API reference', favicon: [{ filename: 'favicon.svg', rel: 'icon', type: 'image/svg+xml', sizes: 'any', content: PULSE_ICON }] },
      uiConfig: {
        layout: 'BaseLayout', // no top bar: it offers to load other documents, which the CSP refuses anyway
        deepLinking: true,
        docExpansion: 'list',
        defaultModelsExpandDepth: 0,
        displayRequestDuration: true,
        // Serialized into the page's script (it runs in the browser): a signed-in person's writes
        // carry the session's CSRF token, so "Try it out" works with the cookie alone.
        requestInterceptor: async (req: Record<string, unknown>) => {
          const headers = req.headers as Record<string, string>;
          const method = String(req.method ?? 'GET').toUpperCase();
          if (method === 'GET' || method === 'HEAD' || headers['x-csrf-token'] || headers.Authorization) return req;
          const res = await fetch('/api/v1/session', { credentials: 'same-origin' });
          const session = res.ok ? ((await res.json()) as { csrfToken?: string | null }) : null;
          if (session?.csrfToken) headers['x-csrf-token'] = session.csrfToken;
          return req;
        },
      },
    });
  });
};
