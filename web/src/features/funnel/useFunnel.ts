/**
 * The funnel page's data: the workspace's routes, then the funnel of the chosen one over the period.
 * `route` is the id asked for in the URL, or null for the first route.
 */
import { ApiError, api } from '../../api/client.js';
import type { Funnel, RouteSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { periodInstants, type DayRange } from './funnel-period.js';

/**
 * GET …/funnel. api/client.ts has no call for it yet (it is outside this feature), so this mirrors
 * its request(): the parsed body, or an ApiError with the server's code.
 */
const fetchFunnel = async (slug: string, p: { route: number; from: string; to: string }, signal: AbortSignal): Promise<Funnel> => {
  const q = new URLSearchParams({ route: String(p.route), from: p.from, to: p.to });
  let res: Response;
  try {
    res = await fetch(`/api/v1/workspaces/${encodeURIComponent(slug)}/funnel?${q.toString()}`, { headers: { accept: 'application/json' }, signal });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  const body = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null;
  if (!res.ok) {
    const e = body?.error;
    if (typeof e?.code === 'string') throw new ApiError(res.status, e.code, typeof e.message === 'string' ? e.message : '', e.details);
    throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  }
  return body as unknown as Funnel;
};

export const useFunnel = (slug: string | null, routeId: number | null, range: DayRange | null) => {
  const routes = useApi<{ items: RouteSummary[] }>(slug && `routes:${slug}`, slug === null ? null : (signal) => api.routes(slug, signal));
  const items = routes.data?.items ?? null;
  const route = items === null ? null : (routeId === null ? items[0] : items.find((r) => r.id === routeId)) ?? null;
  const instants = range === null ? null : periodInstants(range);
  const load = slug === null || route === null || instants === null ? null : { slug, route: route.id, ...instants };
  const funnel = useApi<Funnel>(
    load && JSON.stringify(load),
    load && ((signal) => fetchFunnel(load.slug, load, signal)),
  );
  return {
    routes,
    /** The route shown; null while loading, when there is none, or when the asked one does not exist. */
    route,
    /** An id was asked for that this workspace does not have (a stale link, another workspace's). */
    missing: items !== null && route === null && routeId !== null,
    funnel,
  };
};
