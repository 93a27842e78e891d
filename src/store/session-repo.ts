/** Sessions (by the hash of the id in the cookie) and API tokens (by the hash of the token). */
import type { Kysely, Selectable } from 'kysely';
import { TOKEN_SCOPES, type TokenScope } from '../app/access.js';
import type { ApiToken, SessionRecord, SessionStore, TokenStore } from '../app/ports.js';
import { AppError } from '../domain/errors.js';
import type { ApiTokenTable, SessionTable, Tables } from './tables.js';
import type { WriteLock } from './write-lock.js';

const toSession = (r: Selectable<SessionTable>): SessionRecord => ({
  id: r.id, personId: r.person_id, csrfToken: r.csrf_token, createdAt: r.created_at, expiresAt: r.expires_at,
  lastSeenAt: r.last_seen_at, ip: r.ip, userAgent: r.user_agent,
});

export const sessionRepo = (db: Kysely<Tables>, writeLock: WriteLock): SessionStore => ({
  async create(input) {
    const row = await writeLock(() => db.insertInto('sessions').values({
      token_hash: input.tokenHash, person_id: input.personId, csrf_token: input.csrfToken, created_at: input.now,
      expires_at: input.expiresAt, last_seen_at: input.now, ip: input.ip, user_agent: input.userAgent,
    }).returningAll().executeTakeFirstOrThrow());
    return toSession(row);
  },
  async findByHash(tokenHash) {
    const row = await db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row === undefined ? null : toSession(row);
  },
  async touch(id, at) {
    await writeLock(() => db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute());
  },
  async remove(tokenHash) {
    const row = await writeLock(() => db.deleteFrom('sessions').where('token_hash', '=', tokenHash).returningAll().executeTakeFirst());
    return row === undefined ? null : toSession(row);
  },
  async removeForPerson(personId, exceptId) {
    await writeLock(() => {
      let q = db.deleteFrom('sessions').where('person_id', '=', personId);
      if (exceptId !== null) q = q.where('id', '<>', exceptId);
      return q.execute();
    });
  },
  async removeExpired(now) {
    const res = await writeLock(() => db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst());
    return Number(res.numDeletedRows);
  },
});

const toScopes = (text: string): TokenScope[] => text.split(',').filter((s) => s !== '').map((s) => {
  if ((TOKEN_SCOPES as readonly string[]).includes(s)) return s as TokenScope;
  throw new AppError('internal_error', `stored token scope "${s}" is not a scope`);
});

const toToken = (r: Selectable<ApiTokenTable>): ApiToken => ({
  id: r.id, workspaceId: r.workspace_id, name: r.name, prefix: r.prefix, scopes: toScopes(r.scopes), createdBy: r.created_by,
  createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
});

export const tokenRepo = (db: Kysely<Tables>, writeLock: WriteLock): TokenStore => {
  const get = async (workspaceId: number, id: number): Promise<ApiToken | null> => {
    const row = await db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return row === undefined ? null : toToken(row);
  };
  return {
    async create(input) {
      const row = await writeLock(() => db.insertInto('api_tokens').values({
        workspace_id: input.workspaceId, name: input.name, prefix: input.prefix, token_hash: input.tokenHash, scopes: input.scopes.join(','),
        created_by: input.createdBy, created_at: input.now, last_used_at: null, revoked_at: null,
      }).returningAll().executeTakeFirstOrThrow());
      return toToken(row);
    },
    async findByHash(tokenHash) {
      const row = await db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
      return row === undefined ? null : toToken(row);
    },
    async list(workspaceId) {
      return (await db.selectFrom('api_tokens').selectAll().where('workspace_id', '=', workspaceId).orderBy('id').execute()).map(toToken);
    },
    get,
    async revoke(workspaceId, id, now) {
      await writeLock(() => db.updateTable('api_tokens').set({ revoked_at: now }).where('workspace_id', '=', workspaceId).where('id', '=', id).where('revoked_at', 'is', null).execute());
      return get(workspaceId, id);
    },
    async touch(id, at) {
      await writeLock(() => db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute());
    },
  };
};
