/** Request shapes of the people, token, policy and audit routes (bodies: the use cases' schemas). */
import { z } from 'zod';
import { WorkspaceParamsSchema } from './customers.schema.js';

export const PersonParamsSchema = WorkspaceParamsSchema.extend({ id: z.coerce.number().int().positive() });
export const TokenParamsSchema = WorkspaceParamsSchema.extend({ id: z.coerce.number().int().positive() });

const isoInstant = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO-8601 date-time').transform((s) => Date.parse(s));

export const AuditQuerySchema = z.object({
  /** A cursor: entries strictly older than (before, beforeId). */
  before: isoInstant.optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  action: z.string().regex(/^[a-z_]+\.[a-z_]+$/, 'expected an action such as token.created').optional(),
}).refine((q) => (q.before === undefined) === (q.beforeId === undefined), { path: ['beforeId'], message: 'give before and beforeId together' });

/** `GET /api/v1/audit?workspace=slug`: the same query, naming the workspace. */
export const GlobalAuditQuerySchema = z.object({ workspace: WorkspaceParamsSchema.shape.ws }).and(AuditQuerySchema);
