/** How API tokens read on the Tokens page, and the curl example: pure, so they are tested without a browser. */
import type { ApiToken, TokenScope } from '../../api/types.js';

/** Every scope, least first (the server's list, src/app/access.ts). */
export const SCOPES: readonly TokenScope[] = ['read', 'write', 'ingest', 'admin'];

/** Revoked tokens last; otherwise the newest first. */
export const sortTokens = (tokens: readonly ApiToken[]): ApiToken[] =>
  [...tokens].sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.id - a.id);

/** Scopes another chosen scope already includes: `admin` includes all, `write` includes `read`. */
export const impliedScopes = (chosen: readonly TokenScope[]): TokenScope[] => {
  if (chosen.includes('admin')) return SCOPES.filter((s) => s !== 'admin');
  return chosen.includes('write') ? ['read'] : [];
};

/** Toggles a scope in the chosen set, keeping the server's order. */
export const toggleScope = (chosen: readonly TokenScope[], scope: TokenScope, on: boolean): TokenScope[] =>
  SCOPES.filter((s) => (s === scope ? on : chosen.includes(s)));

const canRead = (scopes: readonly TokenScope[]): boolean => scopes.some((s) => s === 'read' || s === 'write' || s === 'admin');

/**
 * A shell command that uses the token: reading customers when it may read, otherwise sending events
 * (an ingest-only token). The secret is in single quotes, as a shell wants it.
 */
export const curlExample = (origin: string, slug: string, secret: string, scopes: readonly TokenScope[]): string => {
  const base = origin.replace(/\/+$/, '');
  const auth = `-H 'Authorization: Bearer ${secret}'`;
  if (canRead(scopes)) return `curl -s '${base}/api/v1/workspaces/${encodeURIComponent(slug)}/customers?limit=5' \\\n  ${auth}`;
  return `curl -s -X POST '${base}/api/v1/events' \\\n  ${auth} \\\n  -H 'Content-Type: application/x-ndjson' --data-binary @events.jsonl`;
};
