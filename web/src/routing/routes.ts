/** The client routes of the UI, matched from a pathname. Pure, so it is tested without a browser. */

export type Route =
  | { name: 'dashboard' }
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'settings_routes' }
  | { name: 'not_found' };

/** Settings → Routes: the KPI route editor. */
export const ROUTES_SETTINGS_PATH = '/settings/routes';

export const matchRoute = (pathname: string): Route => {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'dashboard' };
  if (path === '/customers') return { name: 'customers' };
  if (path === ROUTES_SETTINGS_PATH) return { name: 'settings_routes' };
  const m = /^\/customers\/(\d{1,15})$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (Number.isSafeInteger(id) && id > 0) return { name: 'customer', id };
  }
  return { name: 'not_found' };
};

export const customerPath = (id: number): string => `/customers/${id}`;

/** `/customers?q=anna&page=2`, leaving out empty or default values. */
export const customersPath = (params: { q?: string; page?: number } = {}): string => {
  const q = new URLSearchParams();
  if (params.q) q.set('q', params.q);
  if (params.page !== undefined && params.page > 1) q.set('page', String(params.page));
  const s = q.toString();
  return s === '' ? '/customers' : `/customers?${s}`;
};
