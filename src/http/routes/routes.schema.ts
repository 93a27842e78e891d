/** Request shapes of the route routes. The route body itself is RouteDefinitionSchema (app/route-input.ts). */
import { z } from 'zod';

const isoInstant = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO-8601 date-time').transform((s) => Date.parse(s));

export const FunnelQuerySchema = z.object({
  /** The route's id or name; the first route when absent. */
  route: z.string().min(1).max(200).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

/** What a funnel export names: the route (id or name; the first when absent) and the period. */
export const FunnelExportSchema = z.object({
  route: z.union([z.string().min(1).max(200), z.number().int().positive()]).optional(),
  from: isoInstant,
  to: isoInstant,
});

export const StageCountsQuerySchema = z.object({ route: z.coerce.number().int().positive().optional() });
