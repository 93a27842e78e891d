/**
 * A small typed fetch client for the Pulse API. Every call answers the parsed JSON or throws an
 * ApiError carrying the server's error code (snake_case, unchanged from the wire).
 */
import type {
  CustomerDetail, CustomerPage, Funnel, Merge, PulseEvent, RouteCheck, RouteDefinition, RouteSaved, RouteSummary, StageCounts,
  WorkspaceOverview, WorkspaceSummary,
} from './types.js';

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

const request = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(path, {
      ...init,
      headers: { accept: 'application/json', ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers },
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', err instanceof Error ? err.message : String(err));
  }
  const body: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
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
  stageCounts: (slug: string, p: { route?: number } = {}, signal?: AbortSignal) =>
    request<StageCounts>(`${ws(slug)}/stages${query(p)}`, { signal }),
};
