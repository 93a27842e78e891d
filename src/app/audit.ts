/**
 * The audit log: who did what, when and from where. Use cases record what they did with `recordAudit`;
 * admins read their workspace's log with `listAudit`.
 */
import { actorLabel, requirePermission, type Access, type Actor } from './access.js';
import type { AuditEntry, AuditRecord, AuditStore, PeopleStore } from './ports.js';

/** The actions written to the log (`details` add what changed). */
export type AuditAction =
  | 'session.signed_in' | 'session.sign_in_failed' | 'session.signed_out'
  | 'person.added' | 'person.role_changed' | 'person.removed' | 'person.password_changed'
  | 'person.password_reset_issued' | 'person.password_reset_used' | 'person.one_time_password_issued'
  | 'token.created' | 'token.revoked'
  | 'policy.published' | 'policy.acknowledged'
  | 'customer.merged' | 'customer.unmerged' | 'route.saved' | 'data.exported'
  | 'webhook.created' | 'webhook.updated' | 'webhook.deleted' | 'webhook.secret_rotated';

export const auditActor = (actor: Actor): AuditEntry['actor'] => ({
  kind: actor.kind,
  id: actor.kind === 'person' ? actor.personId : actor.kind === 'token' ? actor.tokenId : null,
  label: actorLabel(actor),
});

/** Records what an actor did in their workspace. */
export const recordAudit = (
  audit: AuditStore,
  access: Access,
  entry: { action: AuditAction; target?: string | null; details?: Record<string, unknown> | null },
  now: number,
): Promise<void> =>
  audit.append([{ workspaceId: access.workspace.id, actor: auditActor(access.actor), action: entry.action, target: entry.target ?? null, details: entry.details ?? null, ip: access.ip, at: now }]);

/**
 * Records what happened to a person's account (sign-in, password) in the log of every workspace they
 * belong to, so each workspace's admins see it and no one else does; with no workspace, in the log
 * of none (the operator reads it with `pulse audit --instance`).
 */
export const recordPersonAudit = async (
  deps: { people: PeopleStore; audit: AuditStore },
  personId: number | null,
  entry: Omit<AuditEntry, 'workspaceId'>,
): Promise<void> => {
  const workspaces = personId === null ? [] : (await deps.people.memberships(personId)).map((m) => m.workspaceId);
  await deps.audit.append((workspaces.length === 0 ? [null] : workspaces).map((workspaceId) => ({ ...entry, workspaceId })));
};

export interface AuditQuery {
  before: { at: number; id: number } | null;
  limit: number;
  action: string | null;
}

/** A page of the workspace's log, newest first, and the cursor of the next page. */
export const listAudit = async (audit: AuditStore, access: Access, query: AuditQuery): Promise<{ items: AuditRecord[]; next: { at: number; id: number } | null }> => {
  requirePermission(access, 'readAudit');
  const items = await audit.list(access.workspace.id, { ...query, limit: query.limit + 1 });
  const page = items.slice(0, query.limit);
  const last = page[page.length - 1];
  return { items: page, next: items.length > query.limit && last !== undefined ? { at: last.at, id: last.id } : null };
};
