/** Parses input inside a use case: a failure is an AppError naming each failing path, not a ZodError. */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';

export const parseInput = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError('validation_failed', details.map((d) => `${d.path || '(input)'}: ${d.message}`).join('; '), { details });
};
