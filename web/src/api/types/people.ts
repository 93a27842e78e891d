/** Wire shapes of sessions, people, tokens, the policy and the audit log. */
import type { WorkspaceSummary } from './customers.js';

export type Role = 'admin' | 'head_of_social' | 'pr' | 'marketing' | 'care_agent' | 'analyst';

/** What an actor may do in a workspace (the server's rule table, src/app/access.ts). */
export type Permission =
  | 'read' | 'export' | 'mergeCustomers' | 'editRoutes' | 'replyPublicly' | 'ingest'
  | 'managePeople' | 'manageTokens' | 'manageChannels' | 'manageWebhooks' | 'editPolicy' | 'readAudit';

export interface WorkspaceGrant extends WorkspaceSummary {
  /** Null for an API token. */
  role: Role | null;
  trainee: boolean;
  permissions: Permission[];
  policy: { version: number; acknowledged: boolean } | null;
  reply: 'allowed' | 'needs_approval' | 'needs_policy_acknowledgement' | 'forbidden';
}

/** GET /api/v1/session: who is signed in. */
export interface Session {
  person: { id: number; email: string; name: string; mustChangePassword: boolean } | null;
  token: { id: number; name: string; prefix: string; scopes: string[] } | null;
  csrfToken: string | null;
  expiresAt: string | null;
  workspaces: WorkspaceGrant[];
}

export interface PasswordResetInfo {
  email: string;
  name: string;
  expiresAt: string;
}

/** A member of a workspace (GET …/people). */
export interface Member {
  id: number;
  email: string;
  name: string;
  role: Role;
  trainee: boolean;
  /** False until they have set a password with their link. */
  hasPassword: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  disabledAt: string | null;
  joinedAt: string;
}

/** A one-time link to set a password: `path` is on the UI's own origin (`/reset/<token>`). */
export interface PasswordLink {
  path: string;
  token: string;
  expiresAt: string;
}

/** POST …/people: the member, and their set-password link when they are new to Pulse (null: they already sign in). */
export interface PersonAdded {
  person: Member;
  link: PasswordLink | null;
}

export type TokenScope = 'read' | 'write' | 'ingest' | 'admin';

/** An API token as listed: never its secret. */
export interface ApiToken {
  id: number;
  workspaceId: number;
  name: string;
  /** The token's first characters, to recognise it. */
  prefix: string;
  scopes: TokenScope[];
  createdBy: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A token just created: its secret, shown this once. */
export interface ApiTokenWithSecret extends ApiToken {
  secret: string;
}

export interface Policy {
  version: number;
  text: string;
  createdBy: string;
  createdAt: string;
}

/** GET …/policy: the current version (null: none yet), and when the asking person acknowledged it. */
export interface PolicyView {
  policy: Policy | null;
  acknowledgedAt: string | null;
}

export interface AuditRecord {
  id: number;
  workspaceId: number | null;
  actor: { kind: 'person' | 'token' | 'system' | 'anonymous'; id: number | null; label: string };
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  at: string;
}

/** Pass `next` back as the query of the following (older) page; null at the end. */
export interface AuditPage {
  items: AuditRecord[];
  next: { before: string; beforeId: number } | null;
}
