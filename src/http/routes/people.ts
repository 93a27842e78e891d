/**
 * People, API tokens, the social media policy and the audit log of a workspace. Each handler finds
 * the actor's access and calls one use case, which checks the permission and audits.
 */
import type { FastifyInstance } from 'fastify';
import type { ApiToken, AuditRecord, Member, Policy } from '../../app/ports.js';
import { listAudit } from '../../app/audit.js';
import { addPerson, issuePasswordReset, listPeople, MemberChangeSchema, NewPersonSchema, removeMember, updateMember, type PasswordLink } from '../../app/people.js';
import { AcknowledgementSchema, acknowledgePolicy, getPolicy, PolicyTextSchema, publishPolicy, type PolicyView } from '../../app/policy.js';
import { createToken, listTokens, NewTokenSchema, revokeToken } from '../../app/tokens.js';
import type { Context } from '../../context.js';
import { workspaceAccess } from '../auth.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';
import { AuditQuerySchema, GlobalAuditQuerySchema, PersonParamsSchema, TokenParamsSchema } from './people.schema.js';
import { SMALL_BODY } from './session.schema.js';

const memberJson = (m: Member) => ({ ...m, createdAt: iso(m.createdAt), disabledAt: iso(m.disabledAt), joinedAt: iso(m.joinedAt) });
/** The link's path; the UI shows it on its own origin. */
const linkJson = (l: PasswordLink) => ({ path: `/reset/${l.token}`, token: l.token, expiresAt: iso(l.expiresAt) });
const tokenJson = (t: ApiToken) => ({ ...t, createdAt: iso(t.createdAt), lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) });
const policyJson = (p: Policy | null) => (p === null ? null : { version: p.version, text: p.text, createdBy: p.createdBy, createdAt: iso(p.createdAt) });
const policyViewJson = (v: PolicyView) => ({ policy: policyJson(v.policy), acknowledgedAt: iso(v.acknowledgedAt) });
const auditJson = (r: AuditRecord) => ({ ...r, at: iso(r.at) });

export const peopleRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const deps = { ...ctx.repos, cache: app.pulseAuth };
  const wsOf = (params: unknown) => WorkspaceParamsSchema.parse(params).ws;

  app.get('/api/v1/workspaces/:ws/people', async (req) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    return { items: (await listPeople(deps, access)).map(memberJson) };
  });

  app.post('/api/v1/workspaces/:ws/people', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    const { member, link } = await addPerson(deps, access, NewPersonSchema.parse(req.body), ctx.now());
    return reply.status(201).send({ person: memberJson(member), link: link === null ? null : linkJson(link) });
  });

  app.patch('/api/v1/workspaces/:ws/people/:id', { bodyLimit: SMALL_BODY }, async (req) => {
    const p = PersonParamsSchema.parse(req.params);
    const access = await workspaceAccess(req, p.ws);
    return memberJson(await updateMember(deps, access, p.id, MemberChangeSchema.parse(req.body), ctx.now()));
  });

  app.delete('/api/v1/workspaces/:ws/people/:id', async (req, reply) => {
    const p = PersonParamsSchema.parse(req.params);
    await removeMember(deps, await workspaceAccess(req, p.ws), p.id, ctx.now());
    return reply.status(204).send();
  });

  app.post('/api/v1/workspaces/:ws/people/:id/reset-link', async (req, reply) => {
    const p = PersonParamsSchema.parse(req.params);
    const link = await issuePasswordReset(deps, await workspaceAccess(req, p.ws), p.id, ctx.now());
    return reply.status(201).send(linkJson(link));
  });

  app.get('/api/v1/workspaces/:ws/tokens', async (req) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    return { items: (await listTokens(deps, access)).map(tokenJson) };
  });

  app.post('/api/v1/workspaces/:ws/tokens', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    const { token, secret } = await createToken(deps, access, NewTokenSchema.parse(req.body), ctx.now());
    return reply.status(201).send({ ...tokenJson(token), secret });
  });

  app.delete('/api/v1/workspaces/:ws/tokens/:id', async (req) => {
    const p = TokenParamsSchema.parse(req.params);
    return tokenJson(await revokeToken(deps, await workspaceAccess(req, p.ws), p.id, ctx.now()));
  });

  app.get('/api/v1/workspaces/:ws/policy', async (req) => policyViewJson(await getPolicy(deps, await workspaceAccess(req, wsOf(req.params)))));

  app.put('/api/v1/workspaces/:ws/policy', { bodyLimit: 256 * 1024 }, async (req) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    await publishPolicy(deps, access, PolicyTextSchema.parse(req.body), ctx.now());
    return policyViewJson(await getPolicy(deps, access));
  });

  app.post('/api/v1/workspaces/:ws/policy/acknowledgements', { bodyLimit: SMALL_BODY }, async (req, reply) => {
    const access = await workspaceAccess(req, wsOf(req.params));
    return reply.status(201).send(policyViewJson(await acknowledgePolicy(deps, access, AcknowledgementSchema.parse(req.body), ctx.now())));
  });

  const audit = async (slug: string, q: { before?: number; beforeId?: number; limit: number; action?: string }, req: Parameters<typeof workspaceAccess>[0]) => {
    const access = await workspaceAccess(req, slug);
    const before = q.before !== undefined && q.beforeId !== undefined ? { at: q.before, id: q.beforeId } : null;
    const page = await listAudit(deps.audit, access, { before, limit: q.limit, action: q.action ?? null });
    return { items: page.items.map(auditJson), next: page.next === null ? null : { before: iso(page.next.at), beforeId: page.next.id } };
  };
  app.get('/api/v1/workspaces/:ws/audit', async (req) => audit(wsOf(req.params), AuditQuerySchema.parse(req.query), req));
  app.get('/api/v1/audit', async (req) => {
    const q = GlobalAuditQuerySchema.parse(req.query);
    return audit(q.workspace, q, req);
  });
};
