/** The shape of a route as people write it (CLI file, API body) and as it is stored. */
import { z } from 'zod';
import { MAX_STAGES, type RouteDefinition } from '../domain/stages/route.js';

// Empty names and keys pass here on purpose: compileRoute reports them together with every other
// problem of the route (a schema error would hide the rest).
export const StageDefinitionSchema = z.object({
  key: z.string().trim().max(40),
  name: z.string().trim().max(80),
  rule: z.string().max(2000),
  mode: z.enum(['sticky', 'live']),
});

export const RouteDefinitionSchema = z.object({
  name: z.string().trim().max(80),
  stages: z.array(StageDefinitionSchema).max(MAX_STAGES),
});
export type RouteDefinitionInput = z.input<typeof RouteDefinitionSchema>;

/** Reads a stored route definition back (it was checked when saved; a hand-edited row fails here). */
export const parseStoredRoute = (json: string): RouteDefinition => RouteDefinitionSchema.parse(JSON.parse(json));
