/** KPI routes: list, check as you type, save (which re-evaluates every customer), stage counts. */
import type { FastifyInstance } from 'fastify';
import { exportFunnel, listRoutes, previewRoute, routeFunnel, saveRoute, stageCounts } from '../../app/routes.js';
import type { Context } from '../../context.js';
import { workspaceAccess } from '../auth.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';
import { FunnelExportSchema, FunnelQuerySchema, StageCountsQuerySchema } from './routes.schema.js';

const funnelJson = (f: Awaited<ReturnType<typeof routeFunnel>>, from: number, to: number) =>
  ({ route: { id: f.route.id, name: f.route.name }, from: iso(from), to: iso(to), stages: f.stages });

export const routeRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const access = (params: unknown, req: Parameters<typeof workspaceAccess>[0]) => workspaceAccess(req, WorkspaceParamsSchema.parse(params).ws);

  app.get('/api/v1/workspaces/:ws/routes', async (req) => ({
    items: (await listRoutes(ctx.repos, await access(req.params, req))).map((r) => ({ id: r.id, name: r.name, version: r.version, updatedAt: iso(r.updatedAt), stages: r.definition.stages })),
  }));

  // Live validation for the route editor: answers 200 either way, with every problem found.
  app.post('/api/v1/workspaces/:ws/routes/check', async (req) => previewRoute(await access(req.params, req), req.body));

  app.put('/api/v1/workspaces/:ws/routes', async (req) => {
    const { route, recompute } = await saveRoute({ ...ctx.repos, bus: ctx.bus }, await access(req.params, req), req.body, ctx.now());
    return { route: { id: route.id, name: route.name, version: route.version, updatedAt: iso(route.updatedAt), stages: route.definition.stages }, recompute };
  });

  app.get('/api/v1/workspaces/:ws/funnel', async (req) => {
    const a = await access(req.params, req);
    const q = FunnelQuerySchema.parse(req.query);
    const to = q.to ?? ctx.now();
    const from = q.from ?? to - 90 * 86_400_000;
    return funnelJson(await routeFunnel(ctx.repos, a, { route: q.route, from, to }), from, to);
  });

  // The same funnel for a file taken away: audited (and needs the export permission).
  app.post('/api/v1/workspaces/:ws/funnel/exports', async (req, reply) => {
    const a = await access(req.params, req);
    const b = FunnelExportSchema.parse(req.body);
    return reply.status(201).send(funnelJson(await exportFunnel(ctx.repos, a, { route: b.route, from: b.from, to: b.to }, ctx.now()), b.from, b.to));
  });

  app.get('/api/v1/workspaces/:ws/stages', async (req) => {
    const a = await access(req.params, req);
    const q = StageCountsQuerySchema.parse(req.query);
    const { route, counts } = await stageCounts(ctx.repos, a, q.route);
    return { route: { id: route.id, name: route.name }, counts };
  });
};
