/** Customer routes: the list, one customer, their timeline, merges. Logic lives in the use cases. */
import type { FastifyInstance } from 'fastify';
import { customerTimeline, listCustomers, viewCustomer } from '../../app/get-customer.js';
import { mergeCustomers, unmergeCustomers } from '../../app/merge-customers.js';
import type { Context } from '../../context.js';
import { packedMap } from '../../domain/shapes.js';
import { workspaceAccess } from '../auth.js';
import { customerJson, eventJson, iso, mergeJson } from '../json.js';
import { CustomerListQuerySchema, CustomerParamsSchema, CustomerQuerySchema, MergeBodySchema, MergeParamsSchema, TimelineQuerySchema, WorkspaceParamsSchema } from './customers.schema.js';

export const customerRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const { customers } = ctx.repos;

  // The list as it opens is asked for again and again between writes, and the store answers it with
  // the same object (CustomerStore.list): its JSON is written once per object.
  const listBodies = new WeakMap<object, { currency: string; body: string }>();
  app.get('/api/v1/workspaces/:ws/customers', async (req, reply) => {
    const access = await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws);
    const q = CustomerListQuerySchema.parse(req.query);
    const page = await listCustomers(customers, access, { q: q.q ?? null, limit: q.limit, offset: q.offset });
    const { currency } = access.workspace;
    let kept = listBodies.get(page);
    if (kept?.currency !== currency) {
      kept = {
        currency,
        body: JSON.stringify({
          total: page.total, limit: q.limit, offset: q.offset, currency,
          items: page.items.map((c) => ({ ...c, firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt) })),
        }),
      };
      listBodies.set(page, kept);
    }
    return reply.type('application/json; charset=utf-8').send(kept.body);
  });

  app.get('/api/v1/workspaces/:ws/customers/:id', async (req) => {
    const p = CustomerParamsSchema.parse(req.params);
    const q = CustomerQuerySchema.parse(req.query);
    const access = await workspaceAccess(req, p.ws);
    return customerJson(await viewCustomer(ctx.repos, access, p.id, { asOf: q.asOf ?? ctx.now(), events: q.events }), access.workspace.currency);
  });

  app.get('/api/v1/workspaces/:ws/customers/:id/events', async (req) => {
    const p = CustomerParamsSchema.parse(req.params);
    const q = TimelineQuerySchema.parse(req.query);
    const events = await customerTimeline(customers, await workspaceAccess(req, p.ws), p.id, { before: q.before ?? null, beforeId: q.beforeId ?? null, limit: q.limit });
    return { items: packedMap(events, eventJson) };
  });

  app.post('/api/v1/workspaces/:ws/merges', async (req, reply) => {
    const access = await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws);
    const b = MergeBodySchema.parse(req.body);
    const merge = await mergeCustomers({ ...ctx.repos, bus: ctx.bus }, access, { targetId: b.targetId, mergedId: b.mergedId, reason: b.reason ?? null }, ctx.now());
    return reply.status(201).send(mergeJson(merge));
  });

  app.post('/api/v1/workspaces/:ws/merges/:mergeId/undo', async (req) => {
    const p = MergeParamsSchema.parse(req.params);
    const access = await workspaceAccess(req, p.ws);
    return mergeJson(await unmergeCustomers({ ...ctx.repos, bus: ctx.bus }, access, { mergeId: p.mergeId }, ctx.now()));
  });
};
