/** How the audit log reads: the actions one can filter by, a line of details, paging. Pure, so it is tested without a browser. */
import type { AuditRecord } from '../../api/types.js';
import { appendById } from '../common/useCursorPages.js';

/** The actions Pulse writes (src/app/audit.ts), grouped by what they concern, for the filter. */
export const AUDIT_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  session: ['session.signed_in', 'session.sign_in_failed', 'session.signed_out'],
  person: ['person.added', 'person.role_changed', 'person.removed', 'person.password_changed', 'person.password_reset_issued', 'person.password_reset_used', 'person.one_time_password_issued'],
  token: ['token.created', 'token.revoked'],
  policy: ['policy.published', 'policy.acknowledged'],
  customer: ['customer.merged', 'customer.unmerged'],
  route: ['route.saved'],
  export: ['data.exported'],
  webhook: ['webhook.created', 'webhook.updated', 'webhook.deleted', 'webhook.secret_rotated'],
};

/** The translation key of an action's name (`token.created` → `audit.action.token_created`); unknown ones show their code. */
export const actionKey = (action: string): string => `audit.action.${action.replace('.', '_')}`;

const valueText = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const flat = (xs: unknown[]) => xs.every((x) => typeof x !== 'object' || x === null);
  if (Array.isArray(v) && flat(v)) return v.map(valueText).join(', ');
  // A small record (a role change's from and to): its fields in brackets.
  if (typeof v === 'object' && !Array.isArray(v) && flat(Object.values(v))) {
    return `(${Object.entries(v).map(([k, x]) => `${k}: ${valueText(x)}`).join(', ')})`;
  }
  return JSON.stringify(v);
};

/** A one-line preview of an entry's details (`name: shop-sync · scopes: read, ingest`), cut at `max` characters. */
export const detailsPreview = (details: Record<string, unknown> | null, max = 90): string | null => {
  if (details === null || Object.keys(details).length === 0) return null;
  const line = Object.entries(details).map(([k, v]) => `${k}: ${valueText(v)}`).join(' · ');
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
};

/** The details in full, indented for reading. */
export const detailsText = (details: Record<string, unknown> | null): string => JSON.stringify(details ?? {}, null, 2);

/** Appends an older page to what is shown, dropping entries already there. */
export const appendEntries: (shown: readonly AuditRecord[], page: readonly AuditRecord[]) => AuditRecord[] = appendById;
