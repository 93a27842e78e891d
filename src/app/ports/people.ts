/** Ports of people, sessions, API tokens, the policy and the audit log. */
import type { Role, TokenScope } from '../access.js';

/** A person who signs in. The password hash never leaves the app layer. */
export interface Person {
  id: number;
  email: string;
  name: string;
  /** Set for a one-time password: the person must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** False until the person has set a password (with the link an admin gave them). */
  hasPassword: boolean;
  createdAt: number;
  disabledAt: number | null;
}

export interface PersonSecret extends Person {
  passwordHash: string | null;
}

export interface Membership {
  personId: number;
  workspaceId: number;
  role: Role;
  trainee: boolean;
  createdAt: number;
}

/** A person as a member of one workspace. */
export interface Member extends Person {
  role: Role;
  trainee: boolean;
  joinedAt: number;
}

export interface PasswordReset {
  id: number;
  personId: number;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface PeopleStore {
  /** How many people there are, leaving out these emails. */
  count(exceptEmails?: readonly string[]): Promise<number>;
  get(id: number): Promise<PersonSecret | null>;
  /** By email, case-insensitively. */
  findByEmail(email: string): Promise<PersonSecret | null>;
  /** Creates a person; `conflict` when the email is taken. */
  create(input: { email: string; name: string; passwordHash: string | null; mustChangePassword: boolean; now: number }): Promise<Person>;
  setPassword(id: number, passwordHash: string, mustChangePassword: boolean): Promise<void>;
  setDisabled(id: number, at: number | null): Promise<void>;
  memberships(personId: number): Promise<Membership[]>;
  members(workspaceId: number): Promise<Member[]>;
  member(workspaceId: number, personId: number): Promise<Member | null>;
  /** Adds the membership, or changes its role and trainee flag. */
  setMembership(input: { personId: number; workspaceId: number; role: Role; trainee: boolean; now: number }): Promise<void>;
  removeMembership(workspaceId: number, personId: number): Promise<boolean>;
  createReset(input: { tokenHash: string; personId: number; createdBy: string; now: number; expiresAt: number }): Promise<PasswordReset>;
  findReset(tokenHash: string): Promise<PasswordReset | null>;
  /** Marks the link used; false when it was used already (by a concurrent request). */
  useReset(id: number, now: number): Promise<boolean>;
}

export interface SessionRecord {
  id: number;
  personId: number;
  csrfToken: string;
  createdAt: number;
  expiresAt: number;
  lastSeenAt: number;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionStore {
  create(input: { tokenHash: string; personId: number; csrfToken: string; now: number; expiresAt: number; ip: string | null; userAgent: string | null }): Promise<SessionRecord>;
  findByHash(tokenHash: string): Promise<SessionRecord | null>;
  touch(id: number, at: number): Promise<void>;
  remove(tokenHash: string): Promise<SessionRecord | null>;
  /** Ends every session of a person but one (the one that changed the password). */
  removeForPerson(personId: number, exceptId: number | null): Promise<void>;
  removeExpired(now: number): Promise<number>;
}

export interface ApiToken {
  id: number;
  workspaceId: number;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdBy: string;
  createdAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

export interface TokenStore {
  create(input: { workspaceId: number; name: string; prefix: string; tokenHash: string; scopes: TokenScope[]; createdBy: string; now: number }): Promise<ApiToken>;
  findByHash(tokenHash: string): Promise<ApiToken | null>;
  list(workspaceId: number): Promise<ApiToken[]>;
  get(workspaceId: number, id: number): Promise<ApiToken | null>;
  /** Revokes the token (once; a second revoke keeps the first time). */
  revoke(workspaceId: number, id: number, now: number): Promise<ApiToken | null>;
  touch(id: number, at: number): Promise<void>;
}

export interface Policy {
  id: number;
  workspaceId: number;
  version: number;
  text: string;
  createdBy: string;
  createdAt: number;
}

export interface PolicyStore {
  current(workspaceId: number): Promise<Policy | null>;
  /** Stores the text as the next version. */
  publish(workspaceId: number, input: { text: string; createdBy: string; now: number }): Promise<Policy>;
  acknowledge(personId: number, policyId: number, now: number): Promise<void>;
  /** When the person acknowledged this policy version, or null. */
  acknowledgedAt(personId: number, policyId: number): Promise<number | null>;
}

export interface AuditEntry {
  workspaceId: number | null;
  actor: { kind: 'person' | 'token' | 'system' | 'anonymous'; id: number | null; label: string };
  action: string;
  target: string | null;
  details: Record<string, unknown> | null;
  ip: string | null;
  at: number;
}

export interface AuditRecord extends AuditEntry {
  id: number;
}

export interface AuditStore {
  append(entries: AuditEntry[]): Promise<void>;
  /** Newest first; a page continues strictly after the cursor (at, id). */
  list(workspaceId: number | null, query: { before: { at: number; id: number } | null; limit: number; action: string | null }): Promise<AuditRecord[]>;
}
