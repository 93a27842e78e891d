/**
 * Workspaces: one brand each. The CLI and the server find a workspace by slug; the default one is
 * created on first use so a fresh database needs no set-up.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { referenceRates } from '../domain/money.js';
import { defaultRoute } from '../domain/stages/route.js';
import { requirePermission, type Access } from './access.js';
import type { CustomerStore, RouteStore, Workspace, WorkspaceStore } from './ports.js';

export const findWorkspace = async (store: WorkspaceStore, slug: string): Promise<Workspace> => {
  const ws = await store.findBySlug(slug);
  if (ws === null) throw new AppError('workspace_not_found', `no workspace "${slug}"`);
  return ws;
};

/** The workspace with its customer and event counts (the dashboard). */
export const workspaceOverview = async (customers: CustomerStore, access: Access): Promise<Workspace & { customers: number; events: number }> => {
  requirePermission(access, 'read');
  return { ...access.workspace, ...(await customers.count(access.workspace.id)) };
};

/**
 * Returns the workspace, creating it if missing — with reference exchange rates for its currency
 * and the default KPI route (PRODUCT.md §2).
 */
export const ensureWorkspace = async (
  stores: { workspaces: WorkspaceStore; routes: RouteStore },
  input: { slug: string; name?: string; currency: string; highValueThreshold?: number },
  now: number,
): Promise<Workspace> => {
  const existing = await stores.workspaces.findBySlug(input.slug);
  if (existing !== null) return existing;
  const ws = await stores.workspaces.create({ slug: input.slug, name: input.name ?? input.slug, currency: input.currency, rates: referenceRates(input.currency), createdAt: now });
  if ((await stores.routes.list(ws.id)).length === 0) await stores.routes.save(ws.id, defaultRoute(input.highValueThreshold), now);
  return ws;
};

const NewWorkspaceSchema = z.object({
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'expected a slug: lower-case letters, digits, dashes'),
  name: z.string().trim().min(1).max(200).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR'),
});
export type NewWorkspaceInput = z.input<typeof NewWorkspaceSchema>;

/** Creates a workspace; refuses a slug that is taken. */
export const createWorkspace = async (stores: { workspaces: WorkspaceStore; routes: RouteStore }, input: NewWorkspaceInput, now: number): Promise<Workspace> => {
  const parsed = NewWorkspaceSchema.safeParse(input);
  if (!parsed.success) throw new AppError('validation_failed', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  if ((await stores.workspaces.findBySlug(parsed.data.slug)) !== null) throw new AppError('validation_failed', `workspace "${parsed.data.slug}" already exists`);
  return ensureWorkspace(stores, parsed.data, now);
};
