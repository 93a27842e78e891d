/**
 * API tokens of a workspace: created with scopes (read, write, ingest, admin), shown once, stored
 * only as a hash, revocable. Only those with `manageTokens` (admins) handle them; all is audited.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { actorLabel, requirePermission, TOKEN_SCOPES, type Access } from './access.js';
import { recordAudit } from './audit.js';
import type { CredentialCache } from './authenticate.js';
import { newApiToken } from './credentials.js';
import { parseInput } from './parse-input.js';
import type { ApiToken, AuditStore, TokenStore } from './ports.js';

export interface TokenDeps {
  tokens: TokenStore;
  audit: AuditStore;
  cache?: CredentialCache;
}

export const NewTokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).min(1, 'give the token at least one scope').max(TOKEN_SCOPES.length)
    .transform((s) => TOKEN_SCOPES.filter((x) => s.includes(x))),
});
export type NewTokenInput = z.input<typeof NewTokenSchema>;

export const listTokens = async (deps: Pick<TokenDeps, 'tokens'>, access: Access): Promise<ApiToken[]> => {
  requirePermission(access, 'manageTokens');
  return deps.tokens.list(access.workspace.id);
};

/** Creates a token; `secret` is the only time anyone sees it. */
export const createToken = async (deps: TokenDeps, access: Access, input: NewTokenInput, now: number): Promise<{ token: ApiToken; secret: string }> => {
  requirePermission(access, 'manageTokens');
  const t = parseInput(NewTokenSchema, input);
  const { secret, prefix, hash } = newApiToken();
  const token = await deps.tokens.create({ workspaceId: access.workspace.id, name: t.name, prefix, tokenHash: hash, scopes: t.scopes, createdBy: actorLabel(access.actor), now });
  await recordAudit(deps.audit, access, { action: 'token.created', target: `token:${token.id}`, details: { name: token.name, prefix, scopes: token.scopes } }, now);
  return { token, secret };
};

/** Revokes a token: it stops working at once in this process (within seconds in others). */
export const revokeToken = async (deps: TokenDeps, access: Access, tokenId: number, now: number): Promise<ApiToken> => {
  requirePermission(access, 'manageTokens');
  const before = await deps.tokens.get(access.workspace.id, tokenId);
  if (before === null) throw new AppError('not_found', `no token ${tokenId} in this workspace`);
  const token = (await deps.tokens.revoke(access.workspace.id, tokenId, now)) ?? before;
  deps.cache?.forgetToken(tokenId);
  if (before.revokedAt === null) await recordAudit(deps.audit, access, { action: 'token.revoked', target: `token:${tokenId}`, details: { name: token.name, prefix: token.prefix } }, now);
  return token;
};
