/**
 * Every /api/v1 route as the OpenAPI document describes it: what it does, who may call it, the Zod
 * schemas the handler parses (imported from the routes' *.schema.ts files and the use cases, so the
 * document cannot describe a different shape than the code accepts), what it answers, and an example
 * request. test/openapi.test.ts fails when a registered route is missing here (or one here is gone),
 * and sends every example to the real handler.
 */
import { z } from 'zod';
import type { Permission } from '../app/access.js';
import { EventLineSchema, type EventLineInput } from '../app/event-input.js';
import { MemberChangeSchema, NewPersonSchema } from '../app/people.js';
import { AcknowledgementSchema, PolicyTextSchema } from '../app/policy.js';
import { RouteDefinitionSchema } from '../app/route-input.js';
import { ChangePasswordSchema, CompleteResetSchema, SignInSchema } from '../app/sign-in.js';
import { MAX_EVENTS_PER_REQUEST } from '../app/submit-events.js';
import { NewTokenSchema } from '../app/tokens.js';
import { WebhookCreateSchema, WebhookUpdateSchema } from '../app/webhook-input.js';
import { defaultRoute } from '../domain/stages/route.js';
import * as R from './openapi-responses.js';
import { CustomerListQuerySchema, CustomerParamsSchema, CustomerQuerySchema, MergeBodySchema, MergeParamsSchema, TimelineQuerySchema, WorkspaceParamsSchema } from './routes/customers.schema.js';
import { AuditQuerySchema, GlobalAuditQuerySchema, PersonParamsSchema, TokenParamsSchema } from './routes/people.schema.js';
import { FunnelExportSchema, FunnelQuerySchema, StageCountsQuerySchema } from './routes/routes.schema.js';
import { ResetParamsSchema } from './routes/session.schema.js';
import { DeliveryListQuerySchema, DeliveryParamsSchema, WebhookParamsSchema } from './routes/webhooks.schema.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** The error statuses a route can answer beyond those every authenticated route can (see openapi.ts). */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429;

export const API_TAGS = {
  Session: 'Signing in and out, who is asking, passwords.',
  Workspaces: 'The workspaces you belong to.',
  Customers: 'Customers, their facts, stages and timelines; merging and unmerging them.',
  Routes: 'KPI routes (stages and their rules), customers per stage, the funnel.',
  Events: 'Sending events in (the ingest API).',
  People: 'People and roles of a workspace (admins).',
  Tokens: 'API tokens of a workspace (admins).',
  Policy: 'The social media policy and its acknowledgements.',
  Audit: 'Who did what (admins).',
  Webhooks: 'Outbound webhooks and their delivery log (admins).',
} as const;
export type ApiTag = keyof typeof API_TAGS;

export interface ApiRoute {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/workspaces/{ws}/customers/{id}` (Fastify's `:ws` becomes `{ws}`). */
  path: string;
  operationId: string;
  tag: ApiTag;
  summary: string;
  description?: string;
  /**
   * Who may call it: anyone (`public`), or a session or an API token — only one of them when
   * `credentials` says so — with the permission the use case checks (src/app/access.ts).
   */
  auth: 'public' | { credentials?: 'session' | 'token'; permission?: Permission };
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A body may also come as NDJSON (one JSON item per line). */
  ndjson?: boolean;
  ok: { status: number; description: string; schema?: z.ZodType }[];
  /** Statuses this route answers besides 400 (when it takes input), 401, 403 and 429 (when authenticated). */
  errors?: ErrorStatus[];
  /** One valid request; path parameters default to PARAM_EXAMPLES. */
  example?: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };
}

/** Example values of path parameters, by name. */
export const PARAM_EXAMPLES: Record<string, string> = { ws: 'demo', id: '1', mergeId: '1', deliveryId: '1', token: 'pF3k9Qw2Zr7Lx1Vb8Nc4Hs6Jd0Tm5Yg2Ue8Ka3Wq1Ro' };

const exampleEvent: EventLineInput = {
  source: 'shopify', source_id: '820982911946154508', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-02T10:00:00Z',
  customer: { shop_customer_id: '115310627314723954', email: 'john@example.com', name: 'John Smith' }, amount: 403, currency: 'USD', order_id: '#9999',
};

const EventsBodySchema = z.array(EventLineSchema).max(MAX_EVENTS_PER_REQUEST)
  .describe(`Up to ${MAX_EVENTS_PER_REQUEST.toLocaleString('en')} event lines (docs/events.md), 5 MB. Each is parsed on its own: an invalid one is rejected in the answer, not the request.`);

const eventsOk = [
  { status: 200, description: 'Every event was stored or was a duplicate', schema: R.SubmitResultSchema },
  { status: 207, description: 'Some events were rejected (each with field and message)', schema: R.SubmitResultSchema },
];

const read = { permission: 'read' } as const;
const admin = (permission: Permission) => ({ permission });

export const API_ROUTES: readonly ApiRoute[] = [
  // Session
  { method: 'POST', path: '/api/v1/session', operationId: 'signIn', tag: 'Session', auth: 'public', summary: 'Sign in',
    description: 'Sets the `pulse_session` cookie (HTTP-only, SameSite=Lax) and answers as GET /api/v1/session. Wrong email or password: 401. Limited per email and per IP a minute.',
    body: SignInSchema, ok: [{ status: 200, description: 'Signed in', schema: R.SessionSchema }], errors: [401, 413, 429],
    example: { body: { email: 'admin@example.com', password: 'correct-horse-battery' } } },
  { method: 'GET', path: '/api/v1/session', operationId: 'getSession', tag: 'Session', auth: {}, summary: 'Who is asking',
    description: 'The person signed in (with the CSRF token for writes) or the API token, and per workspace the role, permissions and policy status.',
    ok: [{ status: 200, description: 'The session or token', schema: R.SessionSchema }] },
  { method: 'DELETE', path: '/api/v1/session', operationId: 'signOut', tag: 'Session', auth: { credentials: 'session' }, summary: 'Sign out',
    ok: [{ status: 204, description: 'Signed out; the cookie is cleared' }] },
  { method: 'POST', path: '/api/v1/session/password', operationId: 'changePassword', tag: 'Session', auth: { credentials: 'session' }, summary: 'Change your password',
    description: 'Your other sessions end. A wrong current password is a 400 on `currentPassword`.',
    body: ChangePasswordSchema, ok: [{ status: 200, description: 'Changed; the session as GET /api/v1/session', schema: R.SessionSchema }], errors: [413],
    example: { body: { currentPassword: 'correct-horse-battery', newPassword: 'staple-lantern-orbit' } } },
  { method: 'GET', path: '/api/v1/password-resets/{token}', operationId: 'getPasswordReset', tag: 'Session', auth: 'public', summary: 'Whose set-password link this is',
    params: ResetParamsSchema, ok: [{ status: 200, description: 'The person the link is for', schema: R.PasswordResetInfoSchema }], errors: [404] },
  { method: 'POST', path: '/api/v1/password-resets/{token}', operationId: 'completePasswordReset', tag: 'Session', auth: 'public', summary: 'Set a password with a link (once)',
    description: 'Every session of the person ends. Limited per IP a minute.',
    params: ResetParamsSchema, body: CompleteResetSchema, ok: [{ status: 200, description: 'The password is set', schema: z.object({ email: z.string() }) }], errors: [404, 413, 429],
    example: { body: { password: 'staple-lantern-orbit' } } },

  // Workspaces
  { method: 'GET', path: '/api/v1/workspaces', operationId: 'listWorkspaces', tag: 'Workspaces', auth: {}, summary: 'The workspaces you belong to',
    description: 'A token: its own workspace.', ok: [{ status: 200, description: 'Your workspaces', schema: R.itemsOf(R.WorkspaceSchema) }] },
  { method: 'GET', path: '/api/v1/workspaces/{ws}', operationId: 'getWorkspace', tag: 'Workspaces', auth: read, summary: 'One workspace with its counts',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The workspace', schema: R.WorkspaceOverviewSchema }], errors: [404] },

  // Customers
  { method: 'GET', path: '/api/v1/workspaces/{ws}/customers', operationId: 'listCustomers', tag: 'Customers', auth: read, summary: 'Customers, most recently active first',
    description: '`q` searches name, email, phone, handle and id.', params: WorkspaceParamsSchema, query: CustomerListQuerySchema,
    ok: [{ status: 200, description: 'A page of customers', schema: R.CustomerPageSchema }], errors: [404], example: { query: { q: 'rossi', limit: '20' } } },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/customers/{id}', operationId: 'getCustomer', tag: 'Customers', auth: read, summary: 'One customer',
    description: 'Identities, facts as of `asOf` (default: now), stages on every route with why, merges, and the `events` most recent events.',
    params: CustomerParamsSchema, query: CustomerQuerySchema, ok: [{ status: 200, description: 'The customer', schema: R.CustomerSchema }], errors: [404],
    example: { query: { asOf: '2026-06-01T00:00:00Z', events: '20' } } },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/customers/{id}/events', operationId: 'listCustomerEvents', tag: 'Customers', auth: read, summary: 'Older events of the timeline',
    description: 'Events strictly older than (`before`, `beforeId`) — the last event of the page before.',
    params: CustomerParamsSchema, query: TimelineQuerySchema, ok: [{ status: 200, description: 'Events, newest first', schema: R.EventPageSchema }], errors: [404],
    example: { query: { limit: '50' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/merges', operationId: 'mergeCustomers', tag: 'Customers', auth: { permission: 'mergeCustomers' }, summary: 'Merge a customer into another',
    description: 'The merged customer\'s identities and events show on the target from now on; undo restores both exactly.',
    params: WorkspaceParamsSchema, body: MergeBodySchema, ok: [{ status: 201, description: 'The merge', schema: R.MergeSchema }], errors: [404, 409, 413],
    example: { body: { targetId: 1, mergedId: 2, reason: 'same person, two emails' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/merges/{mergeId}/undo', operationId: 'undoMerge', tag: 'Customers', auth: { permission: 'mergeCustomers' }, summary: 'Undo a merge',
    params: MergeParamsSchema, ok: [{ status: 200, description: 'The merge, now undone', schema: R.MergeSchema }], errors: [404, 409] },

  // Routes
  { method: 'GET', path: '/api/v1/workspaces/{ws}/routes', operationId: 'listRoutes', tag: 'Routes', auth: read, summary: 'The KPI routes',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The routes', schema: R.itemsOf(R.RouteSchema) }], errors: [404] },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/routes/check', operationId: 'checkRoute', tag: 'Routes', auth: read, summary: 'Check a route as it is typed',
    description: 'Answers 200 either way, with every problem (stage, field, position in the rule). Nothing is saved.',
    params: WorkspaceParamsSchema, body: RouteDefinitionSchema, ok: [{ status: 200, description: 'Whether the route is valid, and its problems', schema: R.RouteCheckSchema }], errors: [404, 413],
    example: { body: defaultRoute() } },
  { method: 'PUT', path: '/api/v1/workspaces/{ws}/routes', operationId: 'saveRoute', tag: 'Routes', auth: { permission: 'editRoutes' }, summary: 'Save a route (by name)',
    description: 'Every customer is re-evaluated against the new rules; stage changes are recorded (cause `rule_change`) and sent to webhooks.',
    params: WorkspaceParamsSchema, body: RouteDefinitionSchema,
    ok: [{ status: 200, description: 'The saved route, and how many customers were re-evaluated and moved', schema: z.object({ route: R.RouteSchema, recompute: z.object({ customers: z.number().int(), transitions: z.number().int() }) }) }],
    errors: [404, 413], example: { body: defaultRoute() } },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/stages', operationId: 'stageCounts', tag: 'Routes', auth: read, summary: 'Customers per stage',
    description: 'Of the route `route` (an id), or the first route.', params: WorkspaceParamsSchema, query: StageCountsQuerySchema,
    ok: [{ status: 200, description: 'Counts per stage', schema: R.StageCountsSchema }], errors: [404] },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/funnel', operationId: 'routeFunnel', tag: 'Routes', auth: read, summary: 'The funnel of a period',
    description: 'Per stage: customers who entered it between `from` and `to` (default: the 90 days before now), the share that went on, the median days to reach it. `route`: an id or name (default: the first route).',
    params: WorkspaceParamsSchema, query: FunnelQuerySchema, ok: [{ status: 200, description: 'The funnel', schema: R.FunnelSchema }], errors: [404],
    example: { query: { from: '2026-01-01T00:00:00Z', to: '2026-06-30T00:00:00Z' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/funnel/exports', operationId: 'exportFunnel', tag: 'Routes', auth: { permission: 'export' }, summary: 'Export the funnel of a period',
    description: 'The funnel as `GET …/funnel` gives it, for a file taken away (the UI\'s CSV): recorded in the audit log as `data.exported` with the route, the period and the rows.',
    params: WorkspaceParamsSchema, body: FunnelExportSchema, ok: [{ status: 201, description: 'The funnel exported', schema: R.FunnelSchema }], errors: [404, 413],
    example: { body: { from: '2026-01-01T00:00:00Z', to: '2026-06-30T00:00:00Z' } } },

  // Events
  { method: 'POST', path: '/api/v1/events', operationId: 'sendEvents', tag: 'Events', auth: { credentials: 'token', permission: 'ingest' }, summary: 'Send events (the token\'s workspace)',
    description: 'A JSON array of event lines, or NDJSON (`Content-Type: application/x-ndjson`, one per line). The valid ones are stored in one transaction; sending a request again is safe (`source` + `source_id` is the idempotency key).',
    body: EventsBodySchema, ndjson: true, ok: eventsOk, errors: [404, 413], example: { body: [exampleEvent] } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/events', operationId: 'sendWorkspaceEvents', tag: 'Events', auth: { permission: 'ingest' }, summary: 'Send events to a workspace',
    description: 'As POST /api/v1/events, naming the workspace (for a signed-in admin, or a token).',
    params: WorkspaceParamsSchema, body: EventsBodySchema, ndjson: true, ok: eventsOk, errors: [404, 413], example: { body: [{ ...exampleEvent, source_id: '820982911946154509' }] } },

  // People
  { method: 'GET', path: '/api/v1/workspaces/{ws}/people', operationId: 'listPeople', tag: 'People', auth: admin('managePeople'), summary: 'People and their roles',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The members', schema: R.itemsOf(R.MemberSchema) }], errors: [404] },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/people', operationId: 'addPerson', tag: 'People', auth: admin('managePeople'), summary: 'Add a person',
    description: 'Someone new gets a one-time link to set their password (`link`, answered once, for the admin to pass on); someone who signs in elsewhere just joins.',
    params: WorkspaceParamsSchema, body: NewPersonSchema,
    ok: [{ status: 201, description: 'The member, and their link (null: they already have a password)', schema: z.object({ person: R.MemberSchema, link: R.PasswordLinkSchema.nullable() }) }],
    errors: [404, 409, 413], example: { body: { email: 'giulia@example.com', name: 'Giulia Rossi', role: 'care_agent', trainee: true } } },
  { method: 'PATCH', path: '/api/v1/workspaces/{ws}/people/{id}', operationId: 'updatePerson', tag: 'People', auth: admin('managePeople'), summary: 'Change a role or the trainee flag',
    description: 'One admin always stays (409).', params: PersonParamsSchema, body: MemberChangeSchema,
    ok: [{ status: 200, description: 'The member', schema: R.MemberSchema }], errors: [404, 409, 413], example: { params: { id: '2' }, body: { role: 'head_of_social', trainee: false } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/people/{id}/reset-link', operationId: 'issuePasswordReset', tag: 'People', auth: admin('managePeople'), summary: 'A one-time link to set a new password',
    description: 'Only for people whose every workspace you administer.', params: PersonParamsSchema,
    ok: [{ status: 201, description: 'The link, answered once', schema: R.PasswordLinkSchema }], errors: [404], example: { params: { id: '2' } } },
  { method: 'DELETE', path: '/api/v1/workspaces/{ws}/people/{id}', operationId: 'removePerson', tag: 'People', auth: admin('managePeople'), summary: 'Remove a person from the workspace',
    description: 'One admin always stays (409).', params: PersonParamsSchema, ok: [{ status: 204, description: 'Removed' }], errors: [404, 409], example: { params: { id: '2' } } },

  // Tokens
  { method: 'GET', path: '/api/v1/workspaces/{ws}/tokens', operationId: 'listTokens', tag: 'Tokens', auth: admin('manageTokens'), summary: 'API tokens',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The tokens (revoked ones too)', schema: R.itemsOf(R.TokenSchema) }], errors: [404] },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/tokens', operationId: 'createToken', tag: 'Tokens', auth: admin('manageTokens'), summary: 'Create a token',
    description: 'Scopes: `read`, `write` (includes read), `ingest`, `admin` (includes all). The `secret` is answered once; Pulse keeps only its hash.',
    params: WorkspaceParamsSchema, body: NewTokenSchema, ok: [{ status: 201, description: 'The token and its secret', schema: R.TokenSchema.extend({ secret: z.string() }) }],
    errors: [404, 413], example: { body: { name: 'crm-sync', scopes: ['read', 'ingest'] } } },
  { method: 'DELETE', path: '/api/v1/workspaces/{ws}/tokens/{id}', operationId: 'revokeToken', tag: 'Tokens', auth: admin('manageTokens'), summary: 'Revoke a token (at once)',
    params: TokenParamsSchema, ok: [{ status: 200, description: 'The revoked token', schema: R.TokenSchema }], errors: [404], example: { params: { id: '2' } } },

  // Policy
  { method: 'GET', path: '/api/v1/workspaces/{ws}/policy', operationId: 'getPolicy', tag: 'Policy', auth: read, summary: 'The social media policy',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The current version and your acknowledgement', schema: R.PolicyViewSchema }], errors: [404] },
  { method: 'PUT', path: '/api/v1/workspaces/{ws}/policy', operationId: 'publishPolicy', tag: 'Policy', auth: admin('editPolicy'), summary: 'Publish a new version',
    description: 'Everyone must acknowledge it again before replying publicly. Body up to 256 KB.', params: WorkspaceParamsSchema, body: PolicyTextSchema,
    ok: [{ status: 200, description: 'The new version', schema: R.PolicyViewSchema }], errors: [404, 413], example: { body: { text: 'Be kind, be quick, never argue in public.' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/policy/acknowledgements', operationId: 'acknowledgePolicy', tag: 'Policy', auth: { credentials: 'session', permission: 'read' }, summary: 'Acknowledge the current version',
    description: 'Needed before replying publicly. A version that is no longer current: 409.', params: WorkspaceParamsSchema, body: AcknowledgementSchema,
    ok: [{ status: 201, description: 'Acknowledged', schema: R.PolicyViewSchema }], errors: [404, 409, 413], example: { body: { version: 1 } } },

  // Audit
  { method: 'GET', path: '/api/v1/workspaces/{ws}/audit', operationId: 'listAudit', tag: 'Audit', auth: admin('readAudit'), summary: 'The audit log',
    description: 'Newest first; pass `next` of a page as `before` and `beforeId` for the following one.', params: WorkspaceParamsSchema, query: AuditQuerySchema,
    ok: [{ status: 200, description: 'A page of entries', schema: R.AuditPageSchema }], errors: [404], example: { query: { action: 'token.created', limit: '20' } } },
  { method: 'GET', path: '/api/v1/audit', operationId: 'listAuditByQuery', tag: 'Audit', auth: admin('readAudit'), summary: 'The audit log, naming the workspace in the query',
    query: GlobalAuditQuerySchema, ok: [{ status: 200, description: 'A page of entries', schema: R.AuditPageSchema }], errors: [404], example: { query: { workspace: 'demo' } } },

  // Webhooks
  { method: 'GET', path: '/api/v1/workspaces/{ws}/webhooks', operationId: 'listWebhooks', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Webhooks',
    params: WorkspaceParamsSchema, ok: [{ status: 200, description: 'The webhooks', schema: R.itemsOf(R.WebhookSchema) }], errors: [404] },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/webhooks', operationId: 'createWebhook', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Subscribe a URL',
    description: 'Deliveries are signed with the `secret`, answered once (docs/webhooks.md). Private and local addresses are refused unless the operator allows them.',
    params: WorkspaceParamsSchema, body: WebhookCreateSchema, ok: [{ status: 201, description: 'The webhook and its secret', schema: R.WebhookWithSecretSchema }],
    errors: [404, 413], example: { body: { url: 'https://crm.example.com/hooks/pulse', events: ['customer.stage_changed'], description: 'CRM sync' } } },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/webhooks/{id}', operationId: 'getWebhook', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'One webhook',
    params: WebhookParamsSchema, ok: [{ status: 200, description: 'The webhook', schema: R.WebhookSchema }], errors: [404] },
  { method: 'PATCH', path: '/api/v1/workspaces/{ws}/webhooks/{id}', operationId: 'updateWebhook', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Change or pause a webhook',
    description: '`active: false` pauses it (events while paused are not sent later); `true` resumes it.', params: WebhookParamsSchema, body: WebhookUpdateSchema,
    ok: [{ status: 200, description: 'The webhook', schema: R.WebhookSchema }], errors: [404, 413], example: { body: { description: 'CRM sync (production)' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/webhooks/{id}/rotate-secret', operationId: 'rotateWebhookSecret', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'A new signing secret',
    description: 'Deliveries from now on (retries too) are signed with it.',
    params: WebhookParamsSchema, ok: [{ status: 200, description: 'The webhook and its new secret, answered once', schema: R.WebhookWithSecretSchema }], errors: [404] },
  { method: 'GET', path: '/api/v1/workspaces/{ws}/webhooks/{id}/deliveries', operationId: 'listDeliveries', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'The delivery log',
    description: 'Newest first, with every attempt; pass `next` as `before` for the following page.', params: WebhookParamsSchema, query: DeliveryListQuerySchema,
    ok: [{ status: 200, description: 'A page of deliveries', schema: z.object({ items: z.array(R.DeliverySchema), next: z.number().int().nullable() }) }], errors: [404],
    example: { query: { status: 'failed' } } },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/webhooks/{id}/test', operationId: 'pingWebhook', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Send a test (`ping`)',
    params: WebhookParamsSchema, ok: [{ status: 200, description: 'The delivery and its first attempt', schema: R.DeliverySchema }], errors: [404] },
  { method: 'POST', path: '/api/v1/workspaces/{ws}/webhooks/{id}/deliveries/{deliveryId}/retry', operationId: 'retryDelivery', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Send a delivery again now',
    params: DeliveryParamsSchema, ok: [{ status: 200, description: 'The delivery with the new attempt', schema: R.DeliverySchema }], errors: [404] },
  { method: 'DELETE', path: '/api/v1/workspaces/{ws}/webhooks/{id}', operationId: 'deleteWebhook', tag: 'Webhooks', auth: admin('manageWebhooks'), summary: 'Delete a webhook',
    params: WebhookParamsSchema, ok: [{ status: 204, description: 'Deleted' }], errors: [404] },
];
