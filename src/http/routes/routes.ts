/** KPI routes: list, check as you type, save (which re-evaluates every customer), stage counts. */
import type { FastifyInstance } from 'fastify';
import { checkRoute, routeFunnel, saveRoute } from '../../app/routes.js';
import { findWorkspace } from '../../app/workspaces.js';
import type { Context } from '../../context.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { iso } from '../json.js';
import { WorkspaceParamsSchema } from './customers.schema.js';
import { FunnelQuerySchema, StageCountsQuerySchema } from './routes.schema.js';

export const routeRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  const { workspaces, routes, stages, ingest } = ctx.repos;

  app.get('/api/v1/workspaces/:ws/routes', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    return { items: (await routes.list(ws.id)).map((r) => ({ id: r.id, name: r.name, version: r.version, updatedAt: iso(r.updatedAt), stages: r.definition.stages })) };
  });

  // Live validation for the route editor: answers 200 either way, with every problem found.
  app.post('/api/v1/workspaces/:ws/routes/check', async (req) => {
    await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    try {
      checkRoute(req.body);
      return { ok: true, problems: [] };
    } catch (err) {
      if (isAppError(err) && err.code === 'validation_failed') return { ok: false, problems: err.details };
      throw err;
    }
  });

  app.put('/api/v1/workspaces/:ws/routes', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const { route, recompute } = await saveRoute({ routes, ingest, bus: ctx.bus }, ws.id, req.body, ctx.now());
    return { route: { id: route.id, name: route.name, version: route.version, updatedAt: iso(route.updatedAt), stages: route.definition.stages }, recompute };
  });

  app.get('/api/v1/workspaces/:ws/funnel', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const q = FunnelQuerySchema.parse(req.query);
    const to = q.to ?? ctx.now();
    const from = q.from ?? to - 90 * 86_400_000;
    const f = await routeFunnel(ctx.repos, ws.id, { route: q.route, from, to });
    return { route: { id: f.route.id, name: f.route.name }, from: iso(from), to: iso(to), stages: f.stages };
  });

  app.get('/api/v1/workspaces/:ws/stages', async (req) => {
    const ws = await findWorkspace(workspaces, WorkspaceParamsSchema.parse(req.params).ws);
    const q = StageCountsQuerySchema.parse(req.query);
    const all = await routes.list(ws.id);
    const route = q.route === undefined ? all[0] : all.find((r) => r.id === q.route);
    if (route === undefined) throw new AppError('not_found', q.route === undefined ? 'this workspace has no route' : `no route ${q.route} in this workspace`);
    const counts = await stages.counts(ws.id, route.id);
    const of = (stage: number | null) => counts.find((c) => c.stage === stage)?.customers ?? 0;
    return {
      route: { id: route.id, name: route.name },
      counts: [{ stage: null, key: null, name: null, customers: of(null) }, ...route.definition.stages.map((s, index) => ({ stage: index, key: s.key, name: s.name, customers: of(index) }))],
    };
  });
};
