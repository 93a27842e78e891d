/** Request shapes of the customer routes, parsed at the edge. */
import { z } from 'zod';

const isoInstant = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO-8601 date-time').transform((s) => Date.parse(s));

export const WorkspaceParamsSchema = z.object({ ws: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a workspace slug') });
export const CustomerParamsSchema = WorkspaceParamsSchema.extend({ id: z.coerce.number().int().positive() });

export const CustomerListQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});

export const CustomerQuerySchema = z.object({
  asOf: isoInstant.optional(),
  events: z.coerce.number().int().min(0).max(500).default(50),
});

export const TimelineQuerySchema = z.object({
  /** A cursor: events strictly older than (before, beforeId) in (occurred_at, id) order. */
  before: isoInstant.optional(),
  beforeId: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const MergeBodySchema = z.object({
  targetId: z.number().int().positive(),
  mergedId: z.number().int().positive(),
  reason: z.string().trim().max(500).optional(),
});
export type MergeBodyInput = z.infer<typeof MergeBodySchema>;

export const MergeParamsSchema = WorkspaceParamsSchema.extend({ mergeId: z.coerce.number().int().positive() });
