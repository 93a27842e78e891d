/**
 * The people of a workspace: adding someone (with a link to set their first password), changing
 * their role or trainee flag, removing them, and giving them a password reset link. Only those with
 * `managePeople` (admins) do this; every change is audited. A workspace always keeps one admin.
 * Also the first start: the first admin, with a one-time password.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { actorLabel, canResetPasswordOf, requirePermission, ROLES, type Access, type Role } from './access.js';
import { recordAudit } from './audit.js';
import type { CredentialCache } from './authenticate.js';
import { hashPassword, newOneTimePassword, newSecret, sha256 } from './credentials.js';
import type { AuditStore, Member, PeopleStore, SessionStore, WorkspaceStore } from './ports.js';
import { parseInput } from './parse-input.js';
import { RESET_LINK_TTL_MS } from './sign-in.js';

export interface PeopleDeps {
  people: PeopleStore;
  sessions: SessionStore;
  audit: AuditStore;
  cache?: CredentialCache;
}

export const EmailSchema = z.email('expected an email address').max(254).transform((e) => e.toLowerCase());

export const NewPersonSchema = z.object({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  trainee: z.boolean().default(false),
});
export type NewPersonInput = z.input<typeof NewPersonSchema>;

export const MemberChangeSchema = z.object({
  role: z.enum(ROLES).optional(),
  trainee: z.boolean().optional(),
}).refine((v) => v.role !== undefined || v.trainee !== undefined, 'change the role, the trainee flag, or both');
export type MemberChangeInput = z.infer<typeof MemberChangeSchema>;

/** A secret link for setting a password: the token goes in the URL `/reset/<token>`. */
export interface PasswordLink {
  token: string;
  expiresAt: number;
}

const memberOf = async (people: PeopleStore, access: Access, personId: number): Promise<Member> => {
  const m = await people.member(access.workspace.id, personId);
  if (m === null) throw new AppError('not_found', `no person ${personId} in this workspace`);
  return m;
};

/** Refuses a change that would leave the workspace without an admin. */
const keepAnAdmin = async (people: PeopleStore, access: Access, member: Member, nextRole: Role | null): Promise<void> => {
  if (member.role !== 'admin' || nextRole === 'admin') return;
  const admins = (await people.members(access.workspace.id)).filter((m) => m.role === 'admin' && m.disabledAt === null);
  if (admins.length <= 1) throw new AppError('conflict', 'a workspace needs at least one admin: make someone else admin first');
};

const issueLink = async (people: PeopleStore, access: Access, personId: number, now: number): Promise<PasswordLink> => {
  const token = newSecret();
  const reset = await people.createReset({ tokenHash: sha256(token), personId, createdBy: actorLabel(access.actor), now, expiresAt: now + RESET_LINK_TTL_MS });
  return { token, expiresAt: reset.expiresAt };
};

export const listPeople = async (deps: Pick<PeopleDeps, 'people'>, access: Access): Promise<Member[]> => {
  requirePermission(access, 'managePeople');
  return deps.people.members(access.workspace.id);
};

/**
 * Adds a person to the workspace. Someone new gets a link to set their first password (shown once,
 * to the admin, who passes it on); someone who already signs in (in another workspace) just joins.
 */
export const addPerson = async (deps: PeopleDeps, access: Access, input: NewPersonInput, now: number): Promise<{ member: Member; link: PasswordLink | null }> => {
  requirePermission(access, 'managePeople');
  const p = parseInput(NewPersonSchema, input);
  let person = await deps.people.findByEmail(p.email);
  let link: PasswordLink | null = null;
  if (person === null) {
    const created = await deps.people.create({ email: p.email, name: p.name, passwordHash: null, mustChangePassword: false, now });
    person = { ...created, passwordHash: null };
    link = await issueLink(deps.people, access, created.id, now);
  } else if ((await deps.people.member(access.workspace.id, person.id)) !== null) {
    throw new AppError('conflict', `${p.email} is already in this workspace`);
  }
  await deps.people.setMembership({ personId: person.id, workspaceId: access.workspace.id, role: p.role, trainee: p.trainee, now });
  deps.cache?.forgetPerson(person.id);
  await recordAudit(deps.audit, access, { action: 'person.added', target: `person:${person.id}`, details: { email: person.email, role: p.role, trainee: p.trainee } }, now);
  return { member: await memberOf(deps.people, access, person.id), link };
};

/** Changes a member's role or trainee flag. */
export const updateMember = async (deps: PeopleDeps, access: Access, personId: number, input: MemberChangeInput, now: number): Promise<Member> => {
  requirePermission(access, 'managePeople');
  const change = parseInput(MemberChangeSchema, input);
  const member = await memberOf(deps.people, access, personId);
  const role = change.role ?? member.role;
  const trainee = change.trainee ?? member.trainee;
  await keepAnAdmin(deps.people, access, member, role);
  await deps.people.setMembership({ personId, workspaceId: access.workspace.id, role, trainee, now });
  deps.cache?.forgetPerson(personId);
  await recordAudit(deps.audit, access, {
    action: 'person.role_changed', target: `person:${personId}`,
    details: { email: member.email, from: { role: member.role, trainee: member.trainee }, to: { role, trainee } },
  }, now);
  return memberOf(deps.people, access, personId);
};

/** Removes a person from the workspace (they keep their other workspaces). */
export const removeMember = async (deps: PeopleDeps, access: Access, personId: number, now: number): Promise<void> => {
  requirePermission(access, 'managePeople');
  const member = await memberOf(deps.people, access, personId);
  await keepAnAdmin(deps.people, access, member, null);
  await deps.people.removeMembership(access.workspace.id, personId);
  deps.cache?.forgetPerson(personId);
  await recordAudit(deps.audit, access, { action: 'person.removed', target: `person:${personId}`, details: { email: member.email, role: member.role } }, now);
};

/** Refuses unless the actor administers every workspace the person belongs to. */
const requireResetRight = async (people: PeopleStore, access: Access, personId: number): Promise<void> => {
  const target = (await people.memberships(personId)).map((m) => m.workspaceId);
  const actor = access.actor;
  const adminOf = actor.kind === 'person'
    ? (await people.memberships(actor.personId)).filter((m) => m.role === 'admin').map((m) => m.workspaceId)
    : [access.workspace.id];
  if (!canResetPasswordOf(actor, adminOf, target)) {
    throw new AppError('forbidden', 'this person also belongs to workspaces you do not administer; an admin of all of them can reset their password');
  }
};

/**
 * A one-time link with which the person sets a new password (no mail server: the admin passes it
 * on). Their current password keeps working until the link is used.
 */
export const issuePasswordReset = async (deps: PeopleDeps, access: Access, personId: number, now: number): Promise<PasswordLink> => {
  requirePermission(access, 'managePeople');
  const member = await memberOf(deps.people, access, personId);
  await requireResetRight(deps.people, access, personId);
  const link = await issueLink(deps.people, access, personId, now);
  await recordAudit(deps.audit, access, { action: 'person.password_reset_issued', target: `person:${personId}`, details: { email: member.email, expiresAt: new Date(link.expiresAt).toISOString() } }, now);
  return link;
};

/**
 * Gives the person a new one-time password (the operator's way, from the shell): they must choose
 * a new one at their next sign-in, and their sessions end now.
 */
export const issueOneTimePassword = async (deps: PeopleDeps, access: Access, personId: number, now: number): Promise<string> => {
  requirePermission(access, 'managePeople');
  const member = await memberOf(deps.people, access, personId);
  await requireResetRight(deps.people, access, personId);
  const password = newOneTimePassword();
  await deps.people.setPassword(personId, await hashPassword(password), true);
  await deps.sessions.removeForPerson(personId, null);
  deps.cache?.forgetPerson(personId);
  await recordAudit(deps.audit, access, { action: 'person.one_time_password_issued', target: `person:${personId}`, details: { email: member.email } }, now);
  return password;
};

/**
 * First start: when no one can sign in yet, creates the admin with a one-time password (to be
 * printed once) and makes them admin of every workspace. Answers null when there are people already
 * (`demoEmails`: the demo staff, who do not count).
 */
export const bootstrapAdmin = async (
  deps: { people: PeopleStore; workspaces: WorkspaceStore; audit: AuditStore },
  email: string,
  now: number,
  demoEmails: readonly string[] = [],
): Promise<{ email: string; password: string } | null> => {
  if ((await deps.people.count(demoEmails)) > 0) return null;
  const password = newOneTimePassword();
  const person = await deps.people.create({ email: parseInput(EmailSchema, email), name: 'Admin', passwordHash: await hashPassword(password), mustChangePassword: true, now });
  const workspaces = await deps.workspaces.list();
  for (const ws of workspaces) await deps.people.setMembership({ personId: person.id, workspaceId: ws.id, role: 'admin', trainee: false, now });
  await deps.audit.append(workspaces.map((ws) => ({
    workspaceId: ws.id, actor: { kind: 'system', id: null, label: 'first start' }, action: 'person.added', target: `person:${person.id}`,
    details: { email: person.email, role: 'admin', trainee: false }, ip: null, at: now,
  })));
  return { email: person.email, password };
};

/**
 * Makes sure a person exists with this password and is a member with this role (the demo staff and
 * test fixtures): creates them, or sets their password and membership again.
 */
export const ensurePerson = async (
  deps: { people: PeopleStore },
  input: { email: string; name: string; password: string; workspaceId: number; role: Role; trainee?: boolean },
  now: number,
): Promise<number> => {
  const hash = await hashPassword(input.password);
  const existing = await deps.people.findByEmail(input.email);
  const id = existing === null
    ? (await deps.people.create({ email: input.email, name: input.name, passwordHash: hash, mustChangePassword: false, now })).id
    : existing.id;
  if (existing !== null) await deps.people.setPassword(id, hash, false);
  await deps.people.setMembership({ personId: id, workspaceId: input.workspaceId, role: input.role, trainee: input.trainee ?? false, now });
  return id;
};
