/** The CLI's one mapping from error codes to exit codes (sysexits.h where one fits). */
import type { ErrorCode } from '../domain/errors.js';

export const EXIT_CODES = {
  validation_failed: 65,
  not_found: 66,
  workspace_not_found: 66,
  customer_not_found: 66,
  merge_not_found: 66,
  merge_conflict: 65,
  already_merged: 65,
  not_merged: 65,
  file_not_found: 66,
  unsupported_format: 64,
  mapping_invalid: 65,
  config_invalid: 78,
  payload_too_large: 65,
  unauthenticated: 77,
  forbidden: 77,
  rate_limited: 75,
  csrf_failed: 77,
  conflict: 65,
  internal_error: 70,
} satisfies Record<ErrorCode, number>;
