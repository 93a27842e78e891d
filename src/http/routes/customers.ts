/** Customer routes: the list, one customer, their timeline, merges. Logic lives in the use cases. */
import type { FastifyInstance } from 'fastify';
import { getCustomer } from '../../app/get-customer.js';
import { customerStages } from '../../app/routes.js';
import { mergeCustomers, unmergeCustomers } from '../../app/merge-customers.js';
import { findWorkspace } from '../../app/workspaces.js';
import type { Context } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { eventJson, iso, mergeJson } from '../json.js';
import { CustomerListQuerySchema, CustomerParamsSchema, CustomerQuerySchema, MergeBodySchema, MergeParamsSchema, TimelineQuerySchema, WorkspaceParamsSchema } from './customers.schema.js';

export const customerRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const { customers, workspaces, merges } = ctx.repos;

  app.get('/api/v1/workspaces/:ws/customers', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const q = CustomerListQuerySchema.parse(req.query);
    const page = await customers.list(ws.id, { q: q.q ?? null, limit: q.limit, offset: q.offset });
    return {
      total: page.total, limit: q.limit, offset: q.offset, currency: ws.currency,
      items: page.items.map((c) => ({ ...c, firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt) })),
    };
  });

  app.get('/api/v1/workspaces/:ws/customers/:id', async (req) => {
    const p = CustomerParamsSchema.parse(req.params);
    const q = CustomerQuerySchema.parse(req.query);
    const ws = await findWorkspace(workspaces, p.ws);
    const asOf = q.asOf ?? ctx.now();
    const c = await getCustomer(customers, ws.id, p.id, { asOf, events: q.events });
    const stages = await customerStages(ctx.repos, ws.id, p.id, c.facts);
    return {
      stages: stages.map((s) => ({ ...s, since: iso(s.since), history: s.history.map((h) => ({ ...h, at: iso(h.at) })) })),
      ...c, currency: ws.currency, asOf: iso(c.asOf), firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt),
      identities: c.identities.map((i) => ({ ...i, createdAt: iso(i.createdAt) })),
      merges: c.merges.map(mergeJson),
      events: c.events.map(eventJson),
    };
  });

  app.get('/api/v1/workspaces/:ws/customers/:id/events', async (req) => {
    const p = CustomerParamsSchema.parse(req.params);
    const q = TimelineQuerySchema.parse(req.query);
    const ws = await findWorkspace(workspaces, p.ws);
    if ((await customers.get(ws.id, p.id)) === null) throw new AppError('customer_not_found', `no customer ${p.id} in this workspace`);
    const events = await customers.timeline(ws.id, p.id, { before: q.before ?? null, beforeId: q.beforeId ?? null, limit: q.limit });
    return { items: events.map(eventJson) };
  });

  app.post('/api/v1/workspaces/:ws/merges', async (req, reply) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const b = MergeBodySchema.parse(req.body);
    const merge = await mergeCustomers({ ...ctx.repos, bus: ctx.bus }, ws.id, { targetId: b.targetId, mergedId: b.mergedId, reason: b.reason ?? null, actor: 'api' }, ctx.now());
    return reply.status(201).send(mergeJson(merge));
  });

  app.post('/api/v1/workspaces/:ws/merges/:mergeId/undo', async (req) => {
    const p = MergeParamsSchema.parse(req.params);
    const ws = await findWorkspace(workspaces, p.ws);
    return mergeJson(await unmergeCustomers({ ...ctx.repos, bus: ctx.bus }, ws.id, { mergeId: p.mergeId, actor: 'api' }, ctx.now()));
  });
};
