/** One page of the workspace's customers for a search. */
import { api } from '../../api/client.js';
import type { CustomerPage } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';

export const PAGE_SIZE = 50;

export const useCustomerList = (slug: string | null, q: string, page: number) => {
  const offset = (page - 1) * PAGE_SIZE;
  return useApi<CustomerPage>(
    slug === null ? null : JSON.stringify([slug, q, offset]),
    slug === null ? null : (signal) => api.customers(slug, { q: q === '' ? undefined : q, limit: PAGE_SIZE, offset }, signal),
  );
};
