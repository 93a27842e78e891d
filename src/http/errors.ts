/** The HTTP edge's one mapping from error codes to statuses, and the wire shape of an error. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isAppError, type ErrorCode } from '../domain/errors.js';

export const HTTP_STATUS = {
  validation_failed: 400,
  not_found: 404,
  workspace_not_found: 404,
  customer_not_found: 404,
  merge_not_found: 404,
  merge_conflict: 409,
  already_merged: 409,
  not_merged: 409,
  file_not_found: 404,
  unsupported_format: 415,
  mapping_invalid: 400,
  config_invalid: 500,
  payload_too_large: 413,
  unauthenticated: 401,
  forbidden: 403,
  rate_limited: 429,
  csrf_failed: 403,
  conflict: 409,
  internal_error: 500,
} satisfies Record<ErrorCode, number>;

const body = (code: string, message: string, details?: unknown) => ({ error: { code, message, ...(details === undefined ? {} : { details }) } });

export const errorHandler = (err: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void => {
  if (isAppError(err)) {
    void reply.status(HTTP_STATUS[err.code]).send(body(err.code, err.message, err.details));
    return;
  }
  if (err instanceof ZodError) {
    const details = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    void reply.status(400).send(body('validation_failed', details.map((d) => `${d.path || '(body)'}: ${d.message}`).join('; '), details));
    return;
  }
  const status = (err as FastifyError).statusCode;
  if (status === 413) {
    void reply.status(413).send(body('payload_too_large', 'request body too large'));
    return;
  }
  if (status !== undefined && status >= 400 && status < 500) {
    void reply.status(status).send(body('validation_failed', err.message));
    return;
  }
  request.log.error({ err }, 'unhandled error');
  void reply.status(500).send(body('internal_error', 'internal error'));
};
