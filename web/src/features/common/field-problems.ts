/**
 * The problems of a failed form submission, by field: the API answers `validation_failed` with
 * `details` naming each failing path (`[{ path: 'email', message }]`, or `field` in some routes), so
 * the form can show each message next to its field. Pure, so it is tested without a browser.
 */
import { ApiError } from '../../api/client.js';

export interface FormProblems {
  /** Per field (the path's first segment): the server's message. */
  fields: Record<string, string>;
  /** What belongs to no field of the form: shown above the submit button. */
  other: string | null;
}

export const NO_PROBLEMS: FormProblems = { fields: {}, other: null };

const pathOf = (d: unknown): string | null => {
  if (typeof d !== 'object' || d === null) return null;
  const p = (d as { path?: unknown; field?: unknown }).path ?? (d as { field?: unknown }).field;
  return typeof p === 'string' ? p : null;
};

const messageOf = (d: unknown): string | null => {
  const m = typeof d === 'object' && d !== null ? (d as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : null;
};

/**
 * Splits an error into the problems of `known` fields and the rest. An error that is not the API's
 * (a network failure) is all "other"; so are details naming fields the form does not have.
 */
export const formProblems = (err: unknown, known: readonly string[]): FormProblems => {
  const text = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return { fields: {}, other: text };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const d of err.details as unknown[]) {
    const path = pathOf(d);
    const message = messageOf(d);
    if (message === null) continue;
    const field = path?.split('.')[0] ?? '';
    if (known.includes(field)) fields[field] = fields[field] === undefined ? message : `${fields[field]}; ${message}`;
    else rest.push(path ? `${path}: ${message}` : message);
  }
  if (Object.keys(fields).length === 0 && rest.length === 0) return { fields, other: text };
  return { fields, other: rest.length === 0 ? null : rest.join('; ') };
};

/** Moves focus to the first of `fields` (in form order) that has a problem; its element id is `${idPrefix}-${field}`. */
export const focusFirstProblem = (problems: FormProblems, fields: readonly string[], idPrefix: string): void => {
  const first = fields.find((f) => problems.fields[f] !== undefined);
  if (first !== undefined) document.getElementById(`${idPrefix}-${first}`)?.focus();
};
