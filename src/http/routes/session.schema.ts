/** Request shapes of the session and password routes. Bodies are parsed by the use cases' schemas. */
import { z } from 'zod';

export const ResetParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'expected the token of a reset link') });

/** Bodies here are small: a few fields. */
export const SMALL_BODY = 16 * 1024;
