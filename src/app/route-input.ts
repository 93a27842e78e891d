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

/** Definitions by stored text: every batch and every customer page reads the same few routes. */
const parsedRoutes = new Map<string, RouteDefinition>();

/**
 * Reads a stored route definition back (it was checked when saved; a hand-edited row fails here),
 * parsed once per text. Callers share the result and must not change it.
 */
export const parseStoredRoute = (json: string): RouteDefinition => {
  let definition = parsedRoutes.get(json);
  if (definition === undefined) {
    definition = RouteDefinitionSchema.parse(JSON.parse(json));
    if (parsedRoutes.size >= 256) parsedRoutes.clear();
    parsedRoutes.set(json, definition);
  }
  return definition;
};
