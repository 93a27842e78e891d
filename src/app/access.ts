/**
 * Who may do what: the one place where each permission rule lives. The HTTP edge turns a session or
 * an API token into an `Access` (a workspace and the actor in it); use cases ask `requirePermission`
 * before they act. The CLI acts as the local operator (`system`), who has a shell on the store anyway.
 */
import { AppError } from '../domain/errors.js';
import type { Workspace } from './ports.js';

export const ROLES = ['admin', 'head_of_social', 'pr', 'marketing', 'care_agent', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** What an API token may do; `admin` includes the others, `write` includes `read`. */
export const TOKEN_SCOPES = ['read', 'write', 'ingest', 'admin'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export type Actor =
  | { kind: 'person'; personId: number; email: string; role: Role; trainee: boolean }
  | { kind: 'token'; tokenId: number; name: string; scopes: readonly TokenScope[] }
  | { kind: 'system'; name: string };

/** An actor inside one workspace, and where the request came from (for the audit log). */
export interface Access {
  workspace: Workspace;
  actor: Actor;
  ip: string | null;
}

export const PERMISSIONS = [
  'read', // customers, stages, funnel, routes, metrics
  'export', // download data (audited)
  'mergeCustomers', // merge and unmerge
  'editRoutes', // KPI route rules
  'replyPublicly', // public replies (trainees need approval; see replyDecision)
  'ingest', // POST events
  'managePeople', // invite, roles, reset links
  'manageTokens',
  'manageChannels',
  'manageWebhooks',
  'editPolicy', // the social media policy
  'readAudit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL_ROLES = ROLES;
/** Per permission: the roles that have it, and the token scope that grants it. */
const RULES: Record<Permission, { roles: readonly Role[]; scope: TokenScope | null }> = {
  read: { roles: ALL_ROLES, scope: 'read' },
  export: { roles: ['admin', 'head_of_social', 'analyst', 'marketing'], scope: 'read' },
  mergeCustomers: { roles: ['admin', 'head_of_social', 'care_agent', 'marketing', 'pr'], scope: 'write' },
  editRoutes: { roles: ['admin', 'head_of_social', 'marketing'], scope: 'write' },
  // Public replies speak for the brand: a person answers for them, so no token may send one.
  replyPublicly: { roles: ['admin', 'head_of_social', 'pr', 'marketing', 'care_agent'], scope: null },
  ingest: { roles: ['admin'], scope: 'ingest' },
  managePeople: { roles: ['admin'], scope: 'admin' },
  manageTokens: { roles: ['admin'], scope: 'admin' },
  manageChannels: { roles: ['admin'], scope: 'admin' },
  manageWebhooks: { roles: ['admin'], scope: 'admin' },
  editPolicy: { roles: ['admin', 'head_of_social'], scope: 'admin' },
  readAudit: { roles: ['admin'], scope: 'admin' },
};

const scopeGrants = (have: readonly TokenScope[], need: TokenScope): boolean =>
  have.includes('admin') || have.includes(need) || (need === 'read' && have.includes('write'));

export const can = (access: Pick<Access, 'actor'>, permission: Permission): boolean => {
  const rule = RULES[permission];
  const { actor } = access;
  switch (actor.kind) {
    case 'system':
      return true;
    case 'person':
      return rule.roles.includes(actor.role);
    case 'token':
      return rule.scope !== null && scopeGrants(actor.scopes, rule.scope);
  }
};

/** Every permission the actor has in the workspace (the UI shows or hides controls by it). */
export const permissionsOf = (access: Pick<Access, 'actor'>): Permission[] => PERMISSIONS.filter((p) => can(access, p));

/** Throws `forbidden` unless the actor has the permission in this workspace. */
export const requirePermission = (access: Pick<Access, 'actor'>, permission: Permission): void => {
  if (!can(access, permission)) throw new AppError('forbidden', `not allowed to ${permission.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)} in this workspace`);
};

/**
 * May this actor reply publicly now? People must have acknowledged the workspace's current social
 * media policy; trainees' replies wait for approval (the inbox's approval flow uses this).
 */
export const replyDecision = (access: Pick<Access, 'actor'>, policyAcknowledged: boolean): 'allowed' | 'needs_approval' | 'needs_policy_acknowledgement' | 'forbidden' => {
  if (!can(access, 'replyPublicly')) return 'forbidden';
  if (access.actor.kind !== 'person') return 'allowed';
  if (!policyAcknowledged) return 'needs_policy_acknowledgement';
  return access.actor.trainee ? 'needs_approval' : 'allowed';
};

/**
 * May the actor give this person a password reset link? The link takes over the person's account in
 * every workspace they belong to, so an admin may only reset people whose every workspace they
 * administer (`adminOf`: the workspaces where the actor has `managePeople`).
 */
export const canResetPasswordOf = (actor: Actor, adminOf: readonly number[], targetWorkspaces: readonly number[]): boolean =>
  actor.kind === 'system' || targetWorkspaces.every((ws) => adminOf.includes(ws));

/** How the actor is named in the audit log and on merges. */
export const actorLabel = (actor: Actor): string => {
  switch (actor.kind) {
    case 'person': return actor.email;
    case 'token': return `token:${actor.name}`;
    case 'system': return actor.name;
  }
};

/** The CLI and scheduled jobs act as the local operator. */
export const systemAccess = (workspace: Workspace, name = 'cli'): Access => ({ workspace, actor: { kind: 'system', name }, ip: null });
