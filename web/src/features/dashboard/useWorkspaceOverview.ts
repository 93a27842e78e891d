/** The dashboard's data: the workspace's counts and its most recently active customers. */
import { api } from '../../api/client.js';
import type { CustomerPage, WorkspaceOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';

export const RECENT_COUNT = 10;

export const useWorkspaceOverview = (slug: string | null) => {
  const overview = useApi<WorkspaceOverview>(slug && `overview:${slug}`, slug === null ? null : (signal) => api.workspace(slug, signal));
  // The list is ordered by last activity, newest first.
  const recent = useApi<CustomerPage>(slug && `recent:${slug}`, slug === null ? null : (signal) => api.customers(slug, { limit: RECENT_COUNT }, signal));
  return { overview, recent };
};
