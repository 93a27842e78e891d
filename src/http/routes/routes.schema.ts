/** Request shapes of the route routes. The route body itself is RouteDefinitionSchema (app/route-input.ts). */
import { z } from 'zod';

const isoInstant = z.string().max(40).refine((s) => Number.isFinite(Date.parse(s)), 'expected an ISO-8601 date-time').transform((s) => Date.parse(s));

export const FunnelQuerySchema = z.object({
  /** The route's id or name; the first route when absent. */
  route: z.string().min(1).max(200).optional(),
  from: isoInstant.optional(),
  to: isoInstant.optional(),
});

export const StageCountsQuerySchema = z.object({ route: z.coerce.number().int().positive().optional() });
