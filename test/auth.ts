/**
 * Credentials for HTTP tests: an API token, or a signed-in person's cookie and CSRF header, made
 * through the use cases (no password hashing, so tests stay fast).
 */
import { systemAccess, type Role, type TokenScope } from '../src/app/access.js';
import type { Workspace } from '../src/app/ports.js';
import { startSession } from '../src/app/sign-in.js';
import { createToken } from '../src/app/tokens.js';
import type { Context } from '../src/context.js';
import { SESSION_COOKIE } from '../src/http/auth.js';

/** `Authorization: Bearer …` for a new token of the workspace. */
export const tokenHeaders = async (ctx: Context, workspace: Workspace, scopes: TokenScope[] = ['admin'], name = 'test'): Promise<{ authorization: string }> => {
  const { secret } = await createToken(ctx.repos, systemAccess(workspace, 'test'), { name, scopes }, ctx.now());
  return { authorization: `Bearer ${secret}` };
};

export interface SignedIn {
  personId: number;
  sessionId: string;
  /** The cookie and the CSRF header, as the UI sends them. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** A person with these memberships (created if new), signed in. */
export const signedIn = async (
  ctx: Context,
  email: string,
  memberships: { workspace: Workspace; role: Role; trainee?: boolean }[],
): Promise<SignedIn> => {
  const existing = await ctx.repos.people.findByEmail(email);
  const personId = existing?.id ?? (await ctx.repos.people.create({ email, name: email.split('@')[0]!, passwordHash: null, mustChangePassword: false, now: ctx.now() })).id;
  for (const m of memberships) await ctx.repos.people.setMembership({ personId, workspaceId: m.workspace.id, role: m.role, trainee: m.trainee ?? false, now: ctx.now() });
  const { sessionId, session } = await startSession(ctx.repos, personId, { ip: '127.0.0.1', userAgent: 'test' }, ctx.now(), 24 * 3600 * 1000);
  return { personId, sessionId, headers: { cookie: `${SESSION_COOKIE}=${sessionId}`, 'x-csrf-token': session.csrfToken } };
};
