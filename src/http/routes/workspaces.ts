/** Workspace routes: the actor's workspaces, and one workspace's overview for the dashboard. */
import type { FastifyInstance } from 'fastify';
import { workspacesOf } from '../../app/describe-session.js';
import { workspaceOverview } from '../../app/workspaces.js';
import type { Context } from '../../context.js';
import { principalOf, workspaceAccess } from '../auth.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';

export const workspaceRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const { workspaces, customers } = ctx.repos;

  // Only the workspaces the asker belongs to (a token: its own); the others do not exist for them.
  app.get('/api/v1/workspaces', async (req) => ({
    items: (await workspacesOf(workspaces, principalOf(req))).map((w) => ({ slug: w.slug, name: w.name, currency: w.currency, createdAt: iso(w.createdAt) })),
  }));

  app.get('/api/v1/workspaces/:ws', async (req) => {
    const ws = await workspaceOverview(customers, await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws));
    return { slug: ws.slug, name: ws.name, currency: ws.currency, createdAt: iso(ws.createdAt), customers: ws.customers, events: ws.events };
  });
};
