/** Workspace routes: the list, and one workspace's overview for the dashboard. */
import type { FastifyInstance } from 'fastify';
import { findWorkspace } from '../../app/workspaces.js';
import type { Context } from '../../context.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';

export const workspaceRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const { workspaces, customers } = ctx.repos;

  app.get('/api/v1/workspaces', async () => ({
    items: (await workspaces.list()).map((w) => ({ slug: w.slug, name: w.name, currency: w.currency, createdAt: iso(w.createdAt) })),
  }));

  app.get('/api/v1/workspaces/:ws', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const counts = await customers.count(ws.id);
    return { slug: ws.slug, name: ws.name, currency: ws.currency, createdAt: iso(ws.createdAt), ...counts };
  });
};
