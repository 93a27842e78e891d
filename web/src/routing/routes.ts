/** The client routes of the UI, matched from a pathname. Pure, so it is tested without a browser. */

export type Route =
  | { name: 'dashboard' }
  | { name: 'customers' }
  | { name: 'customer'; id: number }
  | { name: 'funnel' }
  | { name: 'settings_routes' }
  | { name: 'settings_webhooks' }
  | { name: 'settings_people' }
  | { name: 'settings_tokens' }
  | { name: 'settings_policy' }
  | { name: 'settings_audit' }
  | { name: 'not_found' };

/** The funnel of a route over a period. */
export const FUNNEL_PATH = '/funnel';

/** Settings → Routes: the KPI route editor. */
export const ROUTES_SETTINGS_PATH = '/settings/routes';

/** Settings → Webhooks: outbound webhooks and their delivery log. */
export const WEBHOOKS_SETTINGS_PATH = '/settings/webhooks';

/** Settings → People: the workspace's members and their roles (admins). */
export const PEOPLE_SETTINGS_PATH = '/settings/people';

/** Settings → API tokens (admins). */
export const TOKENS_SETTINGS_PATH = '/settings/tokens';

/** Settings → Policy: the social media policy, to read and accept (everyone) or publish anew. */
export const POLICY_SETTINGS_PATH = '/settings/policy';

/** Settings → Audit log (admins). */
export const AUDIT_SETTINGS_PATH = '/settings/audit';

export const matchRoute = (pathname: string): Route => {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/' || path === '') return { name: 'dashboard' };
  if (path === '/customers') return { name: 'customers' };
  if (path === FUNNEL_PATH) return { name: 'funnel' };
  if (path === ROUTES_SETTINGS_PATH) return { name: 'settings_routes' };
  if (path === WEBHOOKS_SETTINGS_PATH) return { name: 'settings_webhooks' };
  if (path === PEOPLE_SETTINGS_PATH) return { name: 'settings_people' };
  if (path === TOKENS_SETTINGS_PATH) return { name: 'settings_tokens' };
  if (path === POLICY_SETTINGS_PATH) return { name: 'settings_policy' };
  if (path === AUDIT_SETTINGS_PATH) return { name: 'settings_audit' };
  const m = /^\/customers\/(\d{1,15})$/.exec(path);
  if (m) {
    const id = Number(m[1]);
    if (Number.isSafeInteger(id) && id > 0) return { name: 'customer', id };
  }
  return { name: 'not_found' };
};

export const customerPath = (id: number): string => `/customers/${id}`;

/** The token of a set-password link (`/reset/<token>`), or null for any other path. */
export const matchResetToken = (pathname: string): string | null => /^\/reset\/([A-Za-z0-9_-]{20,100})\/?$/.exec(pathname)?.[1] ?? null;

/** `/customers?q=anna&page=2`, leaving out empty or default values. */
export const customersPath = (params: { q?: string; page?: number } = {}): string => {
  const q = new URLSearchParams();
  if (params.q) q.set('q', params.q);
  if (params.page !== undefined && params.page > 1) q.set('page', String(params.page));
  const s = q.toString();
  return s === '' ? '/customers' : `/customers?${s}`;
};

/** `/funnel?route=2&period=30` or `/funnel?route=2&from=2026-01-01&to=2026-03-31`, leaving out what is not given. */
export const funnelPath = (params: { route?: number | null; period?: number; from?: string; to?: string } = {}): string => {
  const q = new URLSearchParams();
  if (params.route !== undefined && params.route !== null) q.set('route', String(params.route));
  if (params.period !== undefined) q.set('period', String(params.period));
  if (params.from !== undefined) q.set('from', params.from);
  if (params.to !== undefined) q.set('to', params.to);
  const s = q.toString();
  return s === '' ? FUNNEL_PATH : `${FUNNEL_PATH}?${s}`;
};
