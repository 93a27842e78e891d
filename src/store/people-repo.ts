/** People, their memberships of workspaces and their password reset links. */
import type { Kysely, Selectable } from 'kysely';
import { ROLES, type Role } from '../app/access.js';
import type { Member, Membership, PasswordReset, PeopleStore, PersonSecret } from '../app/ports.js';
import { AppError } from '../domain/errors.js';
import type { MembershipTable, PasswordResetTable, PersonTable, Tables } from './tables.js';
import { isUniqueViolation } from './unique-violation.js';
import type { WriteLock } from './write-lock.js';

/** Emails are compared case-insensitively: stored and looked up lower-case. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

const toRole = (role: string): Role => {
  if ((ROLES as readonly string[]).includes(role)) return role as Role;
  throw new AppError('internal_error', `stored role "${role}" is not a role`);
};

const toPerson = (r: Selectable<PersonTable>): PersonSecret => ({
  id: r.id, email: r.email, name: r.name, mustChangePassword: r.must_change_password === 1, hasPassword: r.password_hash !== null,
  createdAt: r.created_at, disabledAt: r.disabled_at, passwordHash: r.password_hash,
});

const toMembership = (r: Selectable<MembershipTable>): Membership => ({
  personId: r.person_id, workspaceId: r.workspace_id, role: toRole(r.role), trainee: r.trainee === 1, createdAt: r.created_at,
});

const toReset = (r: Selectable<PasswordResetTable>): PasswordReset => ({
  id: r.id, personId: r.person_id, createdBy: r.created_by, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at,
});

export const peopleRepo = (db: Kysely<Tables>, writeLock: WriteLock): PeopleStore => {
  const members = (workspaceId: number) => db.selectFrom('memberships').innerJoin('people', 'people.id', 'memberships.person_id')
    .selectAll('people').select(['memberships.role', 'memberships.trainee', 'memberships.created_at as joined_at'])
    .where('memberships.workspace_id', '=', workspaceId);
  const toMember = (r: Selectable<PersonTable> & { role: string; trainee: number; joined_at: number }): Member => {
    const { passwordHash: _secret, ...person } = toPerson(r);
    return { ...person, role: toRole(r.role), trainee: r.trainee === 1, joinedAt: r.joined_at };
  };

  return {
    async count(exceptEmails = []) {
      let q = db.selectFrom('people').select((eb) => eb.fn.countAll<number>().as('n'));
      if (exceptEmails.length > 0) q = q.where('email', 'not in', exceptEmails.map(normaliseEmail));
      const row = await q.executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async get(id) {
      const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      return row === undefined ? null : toPerson(row);
    },
    async findByEmail(email) {
      const row = await db.selectFrom('people').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
      return row === undefined ? null : toPerson(row);
    },
    async create(input) {
      try {
        const row = await writeLock(() => db.insertInto('people').values({
          email: normaliseEmail(input.email), name: input.name, password_hash: input.passwordHash,
          must_change_password: input.mustChangePassword ? 1 : 0, created_at: input.now, disabled_at: null,
        }).returningAll().executeTakeFirstOrThrow());
        const { passwordHash: _secret, ...person } = toPerson(row);
        return person;
      } catch (err) {
        if (isUniqueViolation(err)) throw new AppError('conflict', `someone already signs in as ${normaliseEmail(input.email)}`, { cause: err });
        throw err;
      }
    },
    async setPassword(id, passwordHash, mustChangePassword) {
      await writeLock(() => db.updateTable('people').set({ password_hash: passwordHash, must_change_password: mustChangePassword ? 1 : 0 }).where('id', '=', id).execute());
    },
    async setDisabled(id, at) {
      await writeLock(() => db.updateTable('people').set({ disabled_at: at }).where('id', '=', id).execute());
    },
    async memberships(personId) {
      return (await db.selectFrom('memberships').selectAll().where('person_id', '=', personId).orderBy('workspace_id').execute()).map(toMembership);
    },
    async members(workspaceId) {
      return (await members(workspaceId).orderBy('people.email').execute()).map(toMember);
    },
    async member(workspaceId, personId) {
      const row = await members(workspaceId).where('people.id', '=', personId).executeTakeFirst();
      return row === undefined ? null : toMember(row);
    },
    async setMembership(input) {
      await writeLock(() => db.insertInto('memberships')
        .values({ person_id: input.personId, workspace_id: input.workspaceId, role: input.role, trainee: input.trainee ? 1 : 0, created_at: input.now })
        .onConflict((oc) => oc.columns(['person_id', 'workspace_id']).doUpdateSet({ role: input.role, trainee: input.trainee ? 1 : 0 }))
        .execute());
    },
    async removeMembership(workspaceId, personId) {
      const res = await writeLock(() => db.deleteFrom('memberships').where('workspace_id', '=', workspaceId).where('person_id', '=', personId).executeTakeFirst());
      return Number(res.numDeletedRows) > 0;
    },
    async createReset(input) {
      const row = await writeLock(() => db.insertInto('password_resets').values({
        token_hash: input.tokenHash, person_id: input.personId, created_by: input.createdBy, created_at: input.now, expires_at: input.expiresAt, used_at: null,
      }).returningAll().executeTakeFirstOrThrow());
      return toReset(row);
    },
    async findReset(tokenHash) {
      const row = await db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined ? null : toReset(row);
    },
    async useReset(id, now) {
      const res = await writeLock(() => db.updateTable('password_resets').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst());
      return Number(res.numUpdatedRows) > 0;
    },
  };
};
