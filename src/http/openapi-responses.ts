/**
 * What the /api/v1 routes answer, as Zod schemas of the wire shapes (src/http/json.ts turns instants
 * into ISO-8601 strings). Only the OpenAPI document reads them — the handlers build their answers
 * themselves — and test/openapi.test.ts checks real answers against them, so they cannot drift far.
 * Deep, open-ended parts (facts, rule explanations, payloads) are described, not spelled out.
 */
import { z } from 'zod';
import { PERMISSIONS, ROLES, TOKEN_SCOPES } from '../app/access.js';

/** Named response schemas: each becomes `#/components/schemas/<id>`. */
export const responseSchemas = z.registry<{ id: string; description?: string }>();

const named = <S extends z.ZodType>(id: string, description: string, schema: S): S => {
  responseSchemas.add(schema, { id, description });
  return schema;
};

const instant = z.iso.datetime();
const maybeInstant = instant.nullable();
const int = z.number().int();

export const ErrorResponseSchema = named('Error', 'Every error: a snake_case code, a message for people, and details (for 400: each failing path and why).', z.object({
  error: z.object({
    code: z.string().describe('snake_case, stable: validation_failed, unauthenticated, forbidden, csrf_failed, workspace_not_found, customer_not_found, not_found, conflict, payload_too_large, rate_limited, …'),
    message: z.string(),
    details: z.unknown().optional().describe('For validation_failed: [{ path, message }]; for rate_limited: { retryAfterSeconds }'),
  }),
}));

export const WorkspaceSchema = named('Workspace', 'A workspace the asker belongs to.', z.object({
  slug: z.string(), name: z.string(), currency: z.string(), createdAt: instant,
}));

export const WorkspaceOverviewSchema = named('WorkspaceOverview', 'A workspace with its counts.', WorkspaceSchema.extend({ customers: int, events: int }));

export const SessionSchema = named('Session', 'Who is asking: a signed-in person (with the CSRF token for writes) or an API token, and per workspace the role and permissions.', z.object({
  person: z.object({ id: int, email: z.string(), name: z.string(), mustChangePassword: z.boolean() }).nullable(),
  token: z.object({ id: int, name: z.string(), prefix: z.string(), scopes: z.array(z.enum(TOKEN_SCOPES)) }).nullable(),
  csrfToken: z.string().nullable().describe('Send it as x-csrf-token on every write made with the session cookie'),
  expiresAt: maybeInstant,
  workspaces: z.array(WorkspaceSchema.extend({
    role: z.enum(ROLES).nullable(),
    trainee: z.boolean(),
    permissions: z.array(z.enum(PERMISSIONS)),
    policy: z.object({ version: int, acknowledged: z.boolean() }).nullable(),
    reply: z.enum(['allowed', 'needs_approval', 'needs_policy_acknowledgement', 'forbidden']),
  })),
}));

export const PasswordResetInfoSchema = z.object({ email: z.string(), name: z.string(), expiresAt: instant });

export const MemberSchema = named('Member', 'A person as a member of the workspace.', z.object({
  id: int, email: z.string(), name: z.string(), mustChangePassword: z.boolean(), hasPassword: z.boolean(),
  createdAt: instant, disabledAt: maybeInstant, role: z.enum(ROLES), trainee: z.boolean(), joinedAt: instant,
}));

export const PasswordLinkSchema = named('PasswordLink', 'A one-time link to set a password (72 hours): open `path` on Pulse.', z.object({
  path: z.string(), token: z.string(), expiresAt: instant,
}));

export const TokenSchema = named('Token', 'An API token (never its secret).', z.object({
  id: int, workspaceId: int, name: z.string(), prefix: z.string(), scopes: z.array(z.enum(TOKEN_SCOPES)), createdBy: z.string(),
  createdAt: instant, lastUsedAt: maybeInstant, revokedAt: maybeInstant,
}));

export const PolicyViewSchema = named('PolicyView', 'The current social media policy (null: none yet) and when the asker acknowledged it.', z.object({
  policy: z.object({ version: int, text: z.string(), createdBy: z.string(), createdAt: instant }).nullable(),
  acknowledgedAt: maybeInstant,
}));

export const AuditPageSchema = named('AuditPage', 'Audit entries, newest first; `next` is the cursor of the following page.', z.object({
  items: z.array(z.object({
    id: int, workspaceId: int.nullable(),
    actor: z.object({ kind: z.enum(['person', 'token', 'system', 'anonymous']), id: int.nullable(), label: z.string() }),
    action: z.string(), target: z.string().nullable(), details: z.record(z.string(), z.unknown()).nullable(), ip: z.string().nullable(), at: instant,
  })),
  next: z.object({ before: instant, beforeId: int }).nullable(),
}));

const summary = {
  id: int, displayName: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable(), channels: z.array(z.string()),
  eventsCount: int, interactions: int, purchases: int, spendTotal: z.number(), firstSeenAt: maybeInstant, lastSeenAt: maybeInstant,
};

export const CustomerPageSchema = named('CustomerPage', 'A page of customers, most recently active first.', z.object({
  total: int, limit: int, offset: int, currency: z.string(), items: z.array(z.object(summary)),
}));

export const EventSchema = named('Event', 'An event of the timeline.', z.object({
  id: int, customerId: int, source: z.string(), sourceId: z.string(), kind: z.string(), channel: z.string(), direction: z.string(),
  occurredAt: instant, text: z.string().nullable(), lang: z.string().nullable(), sentiment: z.string().nullable(), sentimentScore: z.number().nullable(),
  emotion: z.string().nullable(), amount: z.number().nullable(), currency: z.string().nullable(), orderId: z.string().nullable(),
  threadId: z.string().nullable(), inReplyTo: z.string().nullable(), meta: z.record(z.string(), z.unknown()).nullable(),
}));

export const MergeSchema = named('Merge', 'A merge of one customer into another (undone when undoneAt is set).', z.object({
  id: int, targetId: int, mergedId: int, linkSource: z.string(), confidence: z.number(), reason: z.string().nullable(), actor: z.string(),
  createdAt: instant, undoneAt: maybeInstant, undoneBy: z.string().nullable(),
}));

const stageWhy = z.object({
  index: int, key: z.string(), name: z.string(), rule: z.string(), mode: z.enum(['sticky', 'live']), keptFromBefore: z.boolean(),
  explanation: z.object({ holds: z.boolean(), conditions: z.array(z.unknown()) }).describe('Each comparison of the rule with the fact value it read'),
});

export const CustomerSchema = named('Customer', 'One customer: contact fields, facts as of a time, stages on every route with why, identities, merges and recent events.', z.object({
  ...summary,
  mergedInto: int.nullable(), mergedIds: z.array(int), currency: z.string(), asOf: instant,
  facts: z.record(z.string(), z.number().nullable()).describe('Every fact by name (docs/rules.md), as of asOf'),
  stages: z.array(z.object({
    routeId: int, routeName: z.string(),
    stages: z.array(z.object({ index: int, key: z.string(), name: z.string(), mode: z.string() })),
    current: stageWhy.nullable(), since: maybeInstant, next: stageWhy.nullable(),
    history: z.array(z.object({ routeId: int, from: int.nullable(), to: int.nullable(), at: instant, cause: z.enum(['event', 'sweep', 'rule_change', 'merge']), eventId: int.nullable(), rule: z.string().nullable() })),
  })),
  identities: z.array(z.object({
    id: int, customerId: int, kind: z.string(), externalId: z.string().nullable(), handle: z.string().nullable(), verified: z.boolean(),
    linkSource: z.string(), confidence: z.number(), createdAt: instant,
  })),
  merges: z.array(MergeSchema),
  events: z.array(EventSchema),
}));

export const EventPageSchema = z.object({ items: z.array(EventSchema) });

const stageDefinition = z.object({ key: z.string(), name: z.string(), rule: z.string(), mode: z.enum(['sticky', 'live']) });

export const RouteSchema = named('Route', 'A KPI route: its stages in order, each with a rule.', z.object({
  id: int, name: z.string(), version: int, updatedAt: instant, stages: z.array(stageDefinition),
}));

export const RouteCheckSchema = z.object({
  ok: z.boolean(),
  problems: z.unknown().describe('Every problem: [{ stage, field, message, position?, length? }] (stage null: the route as a whole)'),
});

export const StageCountsSchema = z.object({
  route: z.object({ id: int, name: z.string() }),
  counts: z.array(z.object({ stage: int.nullable(), key: z.string().nullable(), name: z.string().nullable(), customers: int })).describe('The first row (stage null) counts customers before the first stage'),
});

export const FunnelSchema = z.object({
  route: z.object({ id: int, name: z.string() }), from: instant, to: instant,
  stages: z.array(z.object({ index: int, key: z.string(), name: z.string(), entered: int, conversionToNext: z.number().nullable(), medianDaysToReach: z.number().nullable() })),
});

export const SubmitResultSchema = named('SubmitResult', 'What became of each event sent, in order.', z.object({
  accepted: int, duplicates: int, rejected: int,
  items: z.array(z.object({
    index: int, line: int.optional(), status: z.enum(['created', 'duplicate', 'rejected']), eventId: int.optional(), customerId: int.optional(),
    error: z.object({ field: z.string(), message: z.string() }).optional(),
    warnings: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  })),
}));

export const WebhookSchema = named('Webhook', 'An outbound webhook (never its secret).', z.object({
  id: int, url: z.string(), events: z.array(z.string()), active: z.boolean(), description: z.string().nullable(), createdBy: z.string(),
  createdAt: instant, updatedAt: instant,
}));

export const WebhookWithSecretSchema = named('WebhookWithSecret', 'A webhook with its signing secret, answered only now.', WebhookSchema.extend({ secret: z.string() }));

export const DeliverySchema = named('Delivery', 'A delivery of one event to one webhook, with every attempt.', z.object({
  id: int, webhookId: int, eventType: z.string(), eventId: z.string(), status: z.enum(['pending', 'delivered', 'failed']), attempts: int,
  nextAttemptAt: maybeInstant, lastResponseStatus: int.nullable(), lastError: z.string().nullable(), createdAt: instant, deliveredAt: maybeInstant,
  payload: z.unknown().describe('The JSON body as sent'),
  attemptLog: z.array(z.object({ attempt: int, at: instant, durationMs: z.number(), responseStatus: int.nullable(), error: z.string().nullable(), nextAttemptAt: maybeInstant })),
}));

export const itemsOf = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item) });
