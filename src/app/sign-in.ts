/**
 * Signing in and out, changing one's password, and setting a new one with a link an admin gave.
 * A session is a random id (in an HTTP-only cookie) stored only as its SHA-256, with a CSRF token
 * beside it. Every attempt, failed or not, is audited.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { recordPersonAudit } from './audit.js';
import type { CredentialCache } from './authenticate.js';
import { hashPassword, newSecret, PasswordSchema, sha256, verifyPassword } from './credentials.js';
import type { AuditStore, PeopleStore, Person, SessionRecord, SessionStore } from './ports.js';

export interface SignInDeps {
  people: PeopleStore;
  sessions: SessionStore;
  audit: AuditStore;
  cache?: CredentialCache;
}

export const SignInSchema = z.object({
  email: z.string().trim().min(3).max(254),
  password: z.string().min(1).max(200),
});
export type SignInInput = z.infer<typeof SignInSchema>;

/** Where a request came from, for the session and the audit log. */
export interface Origin {
  ip: string | null;
  userAgent: string | null;
}

export interface StartedSession {
  /** The session id for the cookie: shown to the client once, stored only hashed. */
  sessionId: string;
  session: SessionRecord;
  person: Person;
}

const WRONG = 'wrong email or password';

/** Starts a session for a person whose identity is proven. */
export const startSession = async (deps: Pick<SignInDeps, 'sessions'>, personId: number, origin: Origin, now: number, ttlMs: number): Promise<{ sessionId: string; session: SessionRecord }> => {
  const sessionId = newSecret();
  const session = await deps.sessions.create({
    tokenHash: sha256(sessionId), personId, csrfToken: newSecret(), now, expiresAt: now + ttlMs,
    ip: origin.ip, userAgent: origin.userAgent === null ? null : origin.userAgent.slice(0, 300),
  });
  return { sessionId, session };
};

/** Checks the password and starts a session; every failure answers the same `unauthenticated`. */
export const signIn = async (deps: SignInDeps, input: SignInInput, origin: Origin, now: number, ttlMs: number): Promise<StartedSession> => {
  const found = await deps.people.findByEmail(input.email);
  // Verify even when no one has this email, so the answer takes as long either way.
  const matches = await verifyPassword(input.password, found?.passwordHash ?? null);
  const reason = found === null ? 'unknown_email' : found.disabledAt !== null ? 'disabled' : found.passwordHash === null ? 'no_password' : matches ? null : 'wrong_password';
  if (found === null || reason !== null) {
    await recordPersonAudit(deps, found?.id ?? null, {
      actor: found === null ? { kind: 'anonymous', id: null, label: input.email.toLowerCase() } : { kind: 'person', id: found.id, label: found.email },
      action: 'session.sign_in_failed', target: found === null ? null : `person:${found.id}`, details: { reason }, ip: origin.ip, at: now,
    });
    throw new AppError('unauthenticated', WRONG);
  }
  const { passwordHash: _secret, ...person } = found;
  const started = await startSession(deps, person.id, origin, now, ttlMs);
  await recordPersonAudit(deps, person.id, {
    actor: { kind: 'person', id: person.id, label: person.email }, action: 'session.signed_in', target: `person:${person.id}`, details: null, ip: origin.ip, at: now,
  });
  return { ...started, person };
};

/** Ends a session (by the id from its cookie). */
export const signOut = async (deps: SignInDeps, sessionId: string, origin: Origin, now: number): Promise<void> => {
  const hash = sha256(sessionId);
  const removed = await deps.sessions.remove(hash);
  deps.cache?.forgetSession(hash);
  if (removed === null) return;
  const person = await deps.people.get(removed.personId);
  await recordPersonAudit(deps, removed.personId, {
    actor: { kind: 'person', id: removed.personId, label: person?.email ?? `person:${removed.personId}` }, action: 'session.signed_out',
    target: `person:${removed.personId}`, details: null, ip: origin.ip, at: now,
  });
};

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
}).refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'choose a password different from the current one' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;

/** Changes one's own password (the current one proves it is them); their other sessions end. */
export const changePassword = async (deps: SignInDeps, who: { personId: number; sessionId: number }, input: ChangePasswordInput, origin: Origin, now: number): Promise<void> => {
  const person = await deps.people.get(who.personId);
  if (person === null || !(await verifyPassword(input.currentPassword, person.passwordHash))) {
    throw new AppError('validation_failed', 'the current password is not right', { details: [{ path: 'currentPassword', message: 'not the current password' }] });
  }
  await deps.people.setPassword(person.id, await hashPassword(input.newPassword), false);
  await deps.sessions.removeForPerson(person.id, who.sessionId);
  deps.cache?.forgetPerson(person.id);
  await recordPersonAudit(deps, person.id, {
    actor: { kind: 'person', id: person.id, label: person.email }, action: 'person.password_changed', target: `person:${person.id}`, details: null, ip: origin.ip, at: now,
  });
};

/** How long a reset (or first) password link works. */
export const RESET_LINK_TTL_MS = 72 * 3600 * 1000;

const usableReset = async (people: PeopleStore, token: string, now: number) => {
  const reset = await people.findReset(sha256(token));
  const person = reset === null ? null : await people.get(reset.personId);
  if (reset === null || person === null || reset.usedAt !== null || reset.expiresAt <= now || person.disabledAt !== null) {
    throw new AppError('not_found', 'this link is not valid: it was used already, it expired, or it never existed. Ask an admin for a new one.');
  }
  return { reset, person };
};

/** Whose link this is, so the page can say so before a new password is typed. */
export const describePasswordReset = async (people: PeopleStore, token: string, now: number): Promise<{ email: string; name: string; expiresAt: number }> => {
  const { reset, person } = await usableReset(people, token, now);
  return { email: person.email, name: person.name, expiresAt: reset.expiresAt };
};

export const CompleteResetSchema = z.object({ password: PasswordSchema });

/** Sets a new password with a one-time link; every session of the person ends. */
export const completePasswordReset = async (deps: SignInDeps, token: string, password: string, origin: Origin, now: number): Promise<Person> => {
  const { reset, person } = await usableReset(deps.people, token, now);
  const hash = await hashPassword(password);
  if (!(await deps.people.useReset(reset.id, now))) throw new AppError('not_found', 'this link was used already');
  await deps.people.setPassword(person.id, hash, false);
  await deps.sessions.removeForPerson(person.id, null);
  deps.cache?.forgetPerson(person.id);
  await recordPersonAudit(deps, person.id, {
    actor: { kind: 'person', id: person.id, label: person.email }, action: 'person.password_reset_used', target: `person:${person.id}`,
    details: { issuedBy: reset.createdBy }, ip: origin.ip, at: now,
  });
  const { passwordHash: _secret, ...visible } = person;
  return { ...visible, hasPassword: true, mustChangePassword: false };
};
