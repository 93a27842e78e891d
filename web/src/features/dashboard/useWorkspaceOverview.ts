/** The dashboard's data: the workspace's counts, its most recently active customers, and stage counts. */
import { api } from '../../api/client.js';
import type { CustomerPage, StageCounts, WorkspaceOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';

export const RECENT_COUNT = 10;

export const useWorkspaceOverview = (slug: string | null) => {
  const overview = useApi<WorkspaceOverview>(slug && `overview:${slug}`, slug === null ? null : (signal) => api.workspace(slug, signal));
  // The list is ordered by last activity, newest first.
  const recent = useApi<CustomerPage>(slug && `recent:${slug}`, slug === null ? null : (signal) => api.customers(slug, { limit: RECENT_COUNT }, signal));
  // Without a route id the server counts the workspace's first route.
  const stages = useApi<StageCounts>(slug && `stages:${slug}`, slug === null ? null : (signal) => api.stageCounts(slug, {}, signal));
  return { overview, recent, stages };
};
