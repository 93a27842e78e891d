/**
 * Who am I: the signed-in person (or the token), and per workspace they may enter their role, what
 * they may do (the UI shows or hides controls by it), and where they stand with the policy.
 */
import { permissionsOf, replyDecision, type Permission, type Role, type TokenScope } from './access.js';
import { actorIn, type Principal } from './authenticate.js';
import type { PolicyStore, Workspace, WorkspaceStore } from './ports.js';

export interface WorkspaceGrant {
  workspace: Workspace;
  role: Role | null;
  trainee: boolean;
  permissions: Permission[];
  /** The current policy version, and whether this person acknowledged it (null: no policy yet). */
  policy: { version: number; acknowledged: boolean } | null;
  /** May they reply publicly now (replyDecision)? */
  reply: ReturnType<typeof replyDecision>;
}

export interface SessionView {
  person: { id: number; email: string; name: string; mustChangePassword: boolean } | null;
  token: { id: number; name: string; prefix: string; scopes: TokenScope[] } | null;
  csrfToken: string | null;
  expiresAt: number | null;
  workspaces: WorkspaceGrant[];
}

/** The workspaces a principal may enter, in the order they were created. */
export const workspacesOf = async (workspaces: WorkspaceStore, principal: Principal): Promise<Workspace[]> =>
  (await workspaces.list()).filter((ws) => actorIn(principal, ws.id) !== null);

export const describeSession = async (deps: { workspaces: WorkspaceStore; policies: PolicyStore }, principal: Principal): Promise<SessionView> => {
  const grants: WorkspaceGrant[] = [];
  for (const workspace of await workspacesOf(deps.workspaces, principal)) {
    const actor = actorIn(principal, workspace.id)!;
    const policy = await deps.policies.current(workspace.id);
    const acknowledged = policy !== null && actor.kind === 'person' && (await deps.policies.acknowledgedAt(actor.personId, policy.id)) !== null;
    grants.push({
      workspace,
      role: actor.kind === 'person' ? actor.role : null,
      trainee: actor.kind === 'person' && actor.trainee,
      permissions: permissionsOf({ actor }),
      policy: policy === null ? null : { version: policy.version, acknowledged },
      reply: replyDecision({ actor }, policy === null || acknowledged),
    });
  }
  if (principal.kind === 'token') {
    const t = principal.token;
    return { person: null, token: { id: t.id, name: t.name, prefix: t.prefix, scopes: t.scopes }, csrfToken: null, expiresAt: null, workspaces: grants };
  }
  const p = principal.person;
  return {
    person: { id: p.id, email: p.email, name: p.name, mustChangePassword: p.mustChangePassword },
    token: null, csrfToken: principal.csrfToken, expiresAt: principal.expiresAt, workspaces: grants,
  };
};
