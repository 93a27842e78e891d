/**
 * Route use cases: save a route (checked, then every customer re-evaluated and the moves recorded as
 * "rule change"), sweep (re-evaluate everyone as of a time, so live stages lapse on time), and read
 * a customer's stages with the reasons.
 */
import { AppError, isAppError } from '../domain/errors.js';
import { firstDayRead, type Facts } from '../domain/facts.js';
import { explainPosition, type StageWhy } from '../domain/stages/evaluate.js';
import { packedMap } from '../domain/shapes.js';
import { funnel, type FunnelStage } from '../domain/stages/funnel.js';
import { compileRoute, type RouteDefinition } from '../domain/stages/route.js';
import { requirePermission, type Access } from './access.js';
import { compileStoredRoutes, evaluateSubjects, stageFactPlan } from './advance-stages.js';
import { recordAudit } from './audit.js';
import { stageChanged, type EventBus } from './domain-events.js';
import type { AuditStore, CustomerViewRows, IngestStore, IngestTx, RouteStore, StageReadStore, StageRow, StoredRoute, TransitionCause, TransitionRow, TransitionView } from './ports.js';
import { RouteDefinitionSchema } from './route-input.js';

const PAGE = 5_000;

export interface Reevaluation {
  customers: number;
  transitions: number;
}

/**
 * Re-evaluates every customer of the workspace as of `asOf`. On worker threads when the store can
 * (one write transaction for the whole run), else page by page, one transaction each.
 */
export const reevaluateStages = async (ingest: IngestStore, ws: number, asOf: number, cause: TransitionCause, now: number, bus?: EventBus): Promise<Reevaluation> => {
  const total: Reevaluation = { customers: 0, transitions: 0 };
  let pending: TransitionRow[] = [];
  const publish = () => {
    for (const t of pending) bus?.publish(stageChanged(ws, t));
    pending = [];
  };
  const write = async (tx: IngestTx, chunk: { customers: number; changed: StageRow[]; transitions: TransitionRow[] }) => {
    await tx.saveStages(chunk.changed);
    await tx.insertTransitions(chunk.transitions, now);
    total.customers += chunk.customers;
    total.transitions += chunk.transitions.length;
    pending.push(...chunk.transitions);
  };

  const parallel = ingest.parallelStages;
  if (parallel !== undefined) {
    const done = await ingest.ingestTransaction(ws, async (tx) => {
      const stored = await tx.routes();
      if (stored.length === 0) return true;
      const sinceDay = firstDayRead(stageFactPlan(compileStoredRoutes(stored)), asOf);
      return (await parallel.evaluateAll({ ws, routes: stored, asOf, cause, sinceDay }, (chunk) => write(tx, chunk))) !== null;
    });
    if (done) {
      publish();
      return total;
    }
  }

  let after = 0;
  for (;;) {
    const done = await ingest.ingestTransaction(ws, async (tx) => {
      const routes = compileStoredRoutes(await tx.routes());
      if (routes.length === 0) return true;
      const page = await tx.stagePage(after, PAGE, firstDayRead(stageFactPlan(routes), asOf));
      if (page.length === 0) return true;
      await write(tx, { customers: page.length, ...(await evaluateSubjects(routes, page, asOf, cause)) });
      after = page[page.length - 1]!.id;
      return page.length < PAGE;
    });
    publish();
    if (done) return total;
  }
};

/** Checks a route as written by a person; every problem is reported and nothing is saved. */
export const checkRoute = (input: unknown): RouteDefinition => {
  const parsed = RouteDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { details: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })) });
  }
  const compiled = compileRoute(parsed.data);
  if (!compiled.ok) throw new AppError('validation_failed', compiled.problems.map((p) => p.message).join('; '), { details: compiled.problems });
  return parsed.data;
};

/** Checks a route as it is typed (the editor's live validation): every problem, nothing saved. */
export const previewRoute = (access: Access, input: unknown): { ok: boolean; problems: unknown } => {
  requirePermission(access, 'read');
  try {
    checkRoute(input);
    return { ok: true, problems: [] };
  } catch (err) {
    if (isAppError(err) && err.code === 'validation_failed') return { ok: false, problems: err.details };
    throw err;
  }
};

/** Saves a route (needs `editRoutes`; audited) and re-evaluates every customer. */
export const saveRoute = async (
  deps: { routes: RouteStore; ingest: IngestStore; audit: AuditStore; bus?: EventBus },
  access: Access,
  input: unknown,
  now: number,
): Promise<{ route: StoredRoute; recompute: Reevaluation }> => {
  requirePermission(access, 'editRoutes');
  const ws = access.workspace.id;
  const route = await deps.routes.save(ws, checkRoute(input), now);
  await recordAudit(deps.audit, access, { action: 'route.saved', target: `route:${route.id}`, details: { name: route.name, version: route.version, stages: route.definition.stages } }, now);
  return { route, recompute: await reevaluateStages(deps.ingest, ws, now, 'rule_change', now, deps.bus) };
};

export const listRoutes = async (deps: { routes: RouteStore }, access: Access): Promise<StoredRoute[]> => {
  requirePermission(access, 'read');
  return deps.routes.list(access.workspace.id);
};

/** Customers per stage of a route (the first, unless given), with the stages' names. */
export const stageCounts = async (
  deps: { routes: RouteStore; stages: StageReadStore },
  access: Access,
  routeId: number | undefined,
): Promise<{ route: StoredRoute; counts: { stage: number | null; key: string | null; name: string | null; customers: number }[] }> => {
  requirePermission(access, 'read');
  const all = await deps.routes.list(access.workspace.id);
  const route = routeId === undefined ? all[0] : all.find((r) => r.id === routeId);
  if (route === undefined) throw new AppError('not_found', routeId === undefined ? 'this workspace has no route' : `no route ${routeId} in this workspace`);
  const counts = await deps.stages.counts(access.workspace.id, route.id);
  const of = (stage: number | null) => counts.find((c) => c.stage === stage)?.customers ?? 0;
  return {
    route,
    counts: [{ stage: null, key: null, name: null, customers: of(null) }, ...route.definition.stages.map((s, index) => ({ stage: index, key: s.key, name: s.name, customers: of(index) }))],
  };
};

/** The funnel of a route (the first, unless named) between two times. */
export const routeFunnel = async (
  deps: { routes: RouteStore; stages: StageReadStore },
  access: Access,
  query: { route?: string | number; from: number; to: number },
): Promise<{ route: StoredRoute; stages: (FunnelStage & { key: string; name: string })[] }> => {
  requirePermission(access, 'read');
  const ws = access.workspace.id;
  if (query.from > query.to) throw new AppError('validation_failed', 'from must be before to');
  const routes = await deps.routes.list(ws);
  const route = query.route === undefined ? routes[0] : routes.find((r) => r.id === Number(query.route) || r.name === query.route);
  if (route === undefined) throw new AppError('not_found', query.route === undefined ? 'this workspace has no route' : `no route "${query.route}"`);
  const stages = funnel(await deps.stages.arrivals(ws, route.id, query.to), route.definition.stages.length, query.from, query.to);
  return { route, stages: stages.map((s) => ({ ...s, key: route.definition.stages[s.index]!.key, name: route.definition.stages[s.index]!.name })) };
};

/**
 * The funnel, for a file the person takes away: needs the `export` permission and leaves a
 * `data.exported` entry in the audit log (what, which period, how many rows).
 */
export const exportFunnel = async (
  deps: { routes: RouteStore; stages: StageReadStore; audit: AuditStore },
  access: Access,
  query: { route?: string | number; from: number; to: number },
  now: number,
): ReturnType<typeof routeFunnel> => {
  requirePermission(access, 'export');
  const f = await routeFunnel(deps, access, query);
  await recordAudit(deps.audit, access, {
    action: 'data.exported', target: `route:${f.route.id}`,
    details: { what: 'funnel', route: f.route.name, from: new Date(query.from).toISOString(), to: new Date(query.to).toISOString(), rows: f.stages.length },
  }, now);
  return f;
};

export interface CustomerStage {
  routeId: number;
  routeName: string;
  stages: { index: number; key: string; name: string; mode: string }[];
  current: StageWhy | null;
  since: number | null;
  next: StageWhy | null;
  history: TransitionView[];
}

/**
 * A customer's position on every route, why, what the next stage needs, and the history, from the
 * rows of their page and their facts as of the time asked.
 */
export const customerStages = (
  rows: Pick<CustomerViewRows, 'routes' | 'positions' | 'transitions'>,
  facts: Facts,
): CustomerStage[] => {
  const { positions, transitions: history } = rows;
  return packedMap(compileStoredRoutes(rows.routes), ({ id, route }) => {
    const position = positions.find((p) => p.routeId === id);
    const why = explainPosition(route, facts, position ?? { stage: null, reached: 0 });
    return {
      routeId: id, routeName: route.name, stages: packedMap(route.stages, (s) => ({ index: s.index, key: s.key, name: s.name, mode: s.mode })),
      current: why.current, since: position?.since ?? null, next: why.next, history: history.filter((h) => h.routeId === id),
    };
  });
};
