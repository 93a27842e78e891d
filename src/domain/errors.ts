/**
 * The one error model of Pulse: every expected failure is an AppError with a code from this closed
 * union. Domain and app code throw nothing else and know nothing of HTTP or exit codes; each edge
 * (HTTP, CLI, worker) maps the code in one exhaustive table.
 */
export const ERROR_CODES = [
  'validation_failed',
  'not_found',
  'workspace_not_found',
  'customer_not_found',
  'merge_not_found',
  'merge_conflict',
  'already_merged',
  'not_merged',
  'file_not_found',
  'unsupported_format',
  'mapping_invalid',
  'config_invalid',
  'payload_too_large',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'csrf_failed',
  'conflict',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, options: { details?: unknown; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

export const isAppError = (err: unknown): err is AppError => err instanceof AppError;
