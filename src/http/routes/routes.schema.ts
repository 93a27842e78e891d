/** Request shapes of the route routes. The route body itself is RouteDefinitionSchema (app/route-input.ts). */
import { z } from 'zod';

export const StageCountsQuerySchema = z.object({ route: z.coerce.number().int().positive().optional() });
