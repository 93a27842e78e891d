/**
 * A small typed fetch client for the Pulse API. Every call answers the parsed JSON or throws an
 * ApiError carrying the server's error code (snake_case, unchanged from the wire).
 */
import type {
  CustomerDetail, CustomerPage, Funnel, Merge, PasswordResetInfo, PulseEvent, RouteCheck, RouteDefinition, RouteSaved, RouteSummary, Session,
  StageCounts, WorkspaceOverview, WorkspaceSummary,
} from './types.js';
import type { Delivery, DeliveryPage, DeliveryStatus, Webhook, WebhookWithSecret } from './types.js';
import type { ApiToken, ApiTokenWithSecret, AuditPage, Member, PasswordLink, PersonAdded, PolicyView, Role, TokenScope } from './types.js';

export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  /** The error's `details` as the server sent them (e.g. the problems of a route), unparsed. */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

const isErrorBody = (body: unknown): body is { error: { code: string; message: string; details?: unknown } } =>
  typeof body === 'object' && body !== null && 'error' in body &&
  typeof (body as { error: unknown }).error === 'object' && (body as { error: object | null }).error !== null;

/**
 * The session's CSRF token (GET /api/v1/session gives it): sent with every write, which the server
 * refuses without it when the request is authenticated by the session cookie.
 */
let csrfToken: string | null = null;
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

/** Fired when the server says the session has ended (401), so the app shows the sign-in page. */
export const SESSION_ENDED = 'pulse:session-ended';

const SAFE = new Set(['GET', 'HEAD']);

const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  try {
    res = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(SAFE.has(method) || csrfToken === null ? {} : { 'x-csrf-token': csrfToken }),
        ...init.headers,
      },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/v1/session') && !path.startsWith('/api/v1/password-resets')) window.dispatchEvent(new Event(SESSION_ENDED));
    if (isErrorBody(body)) throw new ApiError(res.status, body.error.code, body.error.message, body.error.details);
    throw new ApiError(res.status, 'http_error', `HTTP ${res.status}`);
  }
  return body as T;
};

const ws = (slug: string): string => `/api/v1/workspaces/${encodeURIComponent(slug)}`;

const query = (params: Record<string, string | number | undefined>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
};

export const api = {
  /** Who is signed in, with their workspaces, roles and permissions (401 when no one). */
  session: (signal?: AbortSignal) =>
    request<Session>('/api/v1/session', { signal }),
  signIn: (body: { email: string; password: string }) =>
    request<Session>('/api/v1/session', { method: 'POST', body: JSON.stringify(body) }),
  signOut: () =>
    request<null>('/api/v1/session', { method: 'DELETE' }),
  changePassword: (body: { currentPassword: string; newPassword: string }) =>
    request<Session>('/api/v1/session/password', { method: 'POST', body: JSON.stringify(body) }),
  /** Whose a set-password link is (404 when it was used, expired or never existed). */
  passwordReset: (token: string, signal?: AbortSignal) =>
    request<PasswordResetInfo>(`/api/v1/password-resets/${encodeURIComponent(token)}`, { signal }),
  completePasswordReset: (token: string, password: string) =>
    request<{ email: string }>(`/api/v1/password-resets/${encodeURIComponent(token)}`, { method: 'POST', body: JSON.stringify({ password }) }),
  workspaces: (signal?: AbortSignal) =>
    request<{ items: WorkspaceSummary[] }>('/api/v1/workspaces', { signal }),
  workspace: (slug: string, signal?: AbortSignal) =>
    request<WorkspaceOverview>(ws(slug), { signal }),
  customers: (slug: string, p: { q?: string; limit?: number; offset?: number }, signal?: AbortSignal) =>
    request<CustomerPage>(`${ws(slug)}/customers${query(p)}`, { signal }),
  customer: (slug: string, id: number, p: { asOf?: string; events?: number } = {}, signal?: AbortSignal) =>
    request<CustomerDetail>(`${ws(slug)}/customers/${id}${query(p)}`, { signal }),
  events: (slug: string, id: number, p: { before?: string; beforeId?: number; limit?: number }, signal?: AbortSignal) =>
    request<{ items: PulseEvent[] }>(`${ws(slug)}/customers/${id}/events${query(p)}`, { signal }),
  merge: (slug: string, body: { targetId: number; mergedId: number; reason?: string }) =>
    request<Merge>(`${ws(slug)}/merges`, { method: 'POST', body: JSON.stringify(body) }),
  undoMerge: (slug: string, mergeId: number) =>
    request<Merge>(`${ws(slug)}/merges/${mergeId}/undo`, { method: 'POST' }),
  routes: (slug: string, signal?: AbortSignal) =>
    request<{ items: RouteSummary[] }>(`${ws(slug)}/routes`, { signal }),
  /** Checks a route without saving it: answers every problem found (200 either way). */
  checkRoute: (slug: string, body: RouteDefinition, signal?: AbortSignal) =>
    request<RouteCheck>(`${ws(slug)}/routes/check`, { method: 'POST', body: JSON.stringify(body), signal }),
  /** Saves a route by name (the same name replaces it) and re-evaluates every customer. */
  saveRoute: (slug: string, body: RouteDefinition) =>
    request<RouteSaved>(`${ws(slug)}/routes`, { method: 'PUT', body: JSON.stringify(body) }),
  /** Per stage of a route: who entered it in the period, conversion to the next, median days to reach it. */
  funnel: (slug: string, p: { route?: number; from?: string; to?: string }, signal?: AbortSignal) =>
    request<Funnel>(`${ws(slug)}/funnel${query(p)}`, { signal }),
  /** The same funnel for a file taken away: needs the export permission, and the audit log records it. */
  exportFunnel: (slug: string, body: { route: number; from: string; to: string }) =>
    request<Funnel>(`${ws(slug)}/funnel/exports`, { method: 'POST', body: JSON.stringify(body) }),
  stageCounts: (slug: string, p: { route?: number } = {}, signal?: AbortSignal) =>
    request<StageCounts>(`${ws(slug)}/stages${query(p)}`, { signal }),
  webhooks: (slug: string, signal?: AbortSignal) =>
    request<{ items: Webhook[] }>(`${ws(slug)}/webhooks`, { signal }),
  /** Subscribes a URL; the answer carries the signing secret, this once. */
  createWebhook: (slug: string, body: { url: string; description?: string; events?: string[] }) =>
    request<WebhookWithSecret>(`${ws(slug)}/webhooks`, { method: 'POST', body: JSON.stringify(body) }),
  updateWebhook: (slug: string, id: number, body: { url?: string; description?: string | null; active?: boolean; events?: string[] }) =>
    request<Webhook>(`${ws(slug)}/webhooks/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
  deleteWebhook: (slug: string, id: number) =>
    request<null>(`${ws(slug)}/webhooks/${id}`, { method: 'DELETE' }),
  rotateWebhookSecret: (slug: string, id: number) =>
    request<WebhookWithSecret>(`${ws(slug)}/webhooks/${id}/rotate-secret`, { method: 'POST' }),
  /** Sends a `ping` now; answers the delivery after its first attempt. */
  testWebhook: (slug: string, id: number) =>
    request<Delivery>(`${ws(slug)}/webhooks/${id}/test`, { method: 'POST' }),
  deliveries: (slug: string, id: number, p: { status?: DeliveryStatus; before?: number; limit?: number }, signal?: AbortSignal) =>
    request<DeliveryPage>(`${ws(slug)}/webhooks/${id}/deliveries${query(p)}`, { signal }),
  retryDelivery: (slug: string, id: number, deliveryId: number) =>
    request<Delivery>(`${ws(slug)}/webhooks/${id}/deliveries/${deliveryId}/retry`, { method: 'POST' }),
  people: (slug: string, signal?: AbortSignal) =>
    request<{ items: Member[] }>(`${ws(slug)}/people`, { signal }),
  /** Adds a person; someone new to Pulse comes with a set-password link, answered this once. */
  addPerson: (slug: string, body: { email: string; name: string; role: Role; trainee: boolean }) =>
    request<PersonAdded>(`${ws(slug)}/people`, { method: 'POST', body: JSON.stringify(body) }),
  updatePerson: (slug: string, id: number, body: { role?: Role; trainee?: boolean }) =>
    request<Member>(`${ws(slug)}/people/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
  removePerson: (slug: string, id: number) =>
    request<null>(`${ws(slug)}/people/${id}`, { method: 'DELETE' }),
  /** A one-time link for the person to set a new password (their current one keeps working until then). */
  resetLink: (slug: string, id: number) =>
    request<PasswordLink>(`${ws(slug)}/people/${id}/reset-link`, { method: 'POST' }),
  tokens: (slug: string, signal?: AbortSignal) =>
    request<{ items: ApiToken[] }>(`${ws(slug)}/tokens`, { signal }),
  /** Creates an API token; the answer carries its secret, this once. */
  createToken: (slug: string, body: { name: string; scopes: TokenScope[] }) =>
    request<ApiTokenWithSecret>(`${ws(slug)}/tokens`, { method: 'POST', body: JSON.stringify(body) }),
  revokeToken: (slug: string, id: number) =>
    request<ApiToken>(`${ws(slug)}/tokens/${id}`, { method: 'DELETE' }),
  policy: (slug: string, signal?: AbortSignal) =>
    request<PolicyView>(`${ws(slug)}/policy`, { signal }),
  /** Publishes the text as the next version: everyone must acknowledge it again. */
  publishPolicy: (slug: string, text: string) =>
    request<PolicyView>(`${ws(slug)}/policy`, { method: 'PUT', body: JSON.stringify({ text }) }),
  /** Acknowledges the version read (409 when a newer one was published meanwhile). */
  acknowledgePolicy: (slug: string, version: number) =>
    request<PolicyView>(`${ws(slug)}/policy/acknowledgements`, { method: 'POST', body: JSON.stringify({ version }) }),
  /** The audit log, newest first; pass the previous page's `next` for older entries. */
  audit: (slug: string, p: { action?: string; limit?: number; before?: string; beforeId?: number }, signal?: AbortSignal) =>
    request<AuditPage>(`${ws(slug)}/audit${query(p)}`, { signal }),
};
