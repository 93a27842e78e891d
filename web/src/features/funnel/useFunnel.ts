/**
 * The funnel page's data: the workspace's routes, then the funnel of the chosen one over the period.
 * `route` is the id asked for in the URL, or null for the first route.
 */
import { api } from '../../api/client.js';
import type { Funnel, RouteSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { periodInstants, type DayRange } from './funnel-period.js';

export const useFunnel = (slug: string | null, routeId: number | null, range: DayRange | null) => {
  const routes = useApi<{ items: RouteSummary[] }>(slug && `routes:${slug}`, slug === null ? null : (signal) => api.routes(slug, signal));
  const items = routes.data?.items ?? null;
  const route = items === null ? null : (routeId === null ? items[0] : items.find((r) => r.id === routeId)) ?? null;
  const instants = range === null ? null : periodInstants(range);
  const load = slug === null || route === null || instants === null ? null : { slug, route: route.id, ...instants };
  const funnel = useApi<Funnel>(
    load && JSON.stringify(load),
    load && ((signal) => api.funnel(load.slug, load, signal)),
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
