/** Tables of people, memberships, sessions, tokens, reset links, the policy and the audit log. */
import type { Generated } from 'kysely';

export interface PersonTable {
  id: Generated<number>;
  /** Lower-case (the repository normalises it), so unique case-insensitively. */
  email: string;
  name: string;
  /** scrypt hash (app/credentials.ts), or null until the person sets a password with their link. */
  password_hash: string | null;
  must_change_password: number;
  created_at: number;
  disabled_at: number | null;
}

export interface MembershipTable {
  person_id: number;
  workspace_id: number;
  /** A Role (app/access.ts). */
  role: string;
  trainee: number;
  created_at: number;
}

export interface SessionTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the session id in the cookie; the id itself is never stored. */
  token_hash: string;
  person_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
  last_seen_at: number;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  workspace_id: number;
  name: string;
  /** The first characters of the token, to recognise it in a list. */
  prefix: string;
  /** SHA-256 (hex) of the token. */
  token_hash: string;
  /** Comma-separated TokenScopes. */
  scopes: string;
  created_by: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface PasswordResetTable {
  id: Generated<number>;
  /** SHA-256 (hex) of the secret in the link. */
  token_hash: string;
  person_id: number;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface PolicyTable {
  id: Generated<number>;
  workspace_id: number;
  version: number;
  text: string;
  created_by: string;
  created_at: number;
}

export interface PolicyAcknowledgementTable {
  person_id: number;
  policy_id: number;
  at: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Null for what belongs to no workspace (a failed sign-in with an unknown email). */
  workspace_id: number | null;
  /** person, token or system */
  actor_kind: string;
  actor_id: number | null;
  actor_label: string;
  action: string;
  target: string | null;
  /** JSON object, or null. */
  details: string | null;
  ip: string | null;
  at: number;
}
