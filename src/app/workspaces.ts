/**
 * Workspaces: one brand each. The CLI and the server find a workspace by slug; the default one is
 * created on first use so a fresh database needs no set-up.
 */
import { AppError } from '../domain/errors.js';
import { referenceRates } from '../domain/money.js';
import type { Workspace, WorkspaceStore } from './ports.js';

export const findWorkspace = async (store: WorkspaceStore, slug: string): Promise<Workspace> => {
  const ws = await store.findBySlug(slug);
  if (ws === null) throw new AppError('workspace_not_found', `no workspace "${slug}"`);
  return ws;
};

/** Returns the workspace, creating it (with reference exchange rates for its currency) if missing. */
export const ensureWorkspace = async (
  store: WorkspaceStore,
  input: { slug: string; name?: string; currency: string },
  now: number,
): Promise<Workspace> => {
  const existing = await store.findBySlug(input.slug);
  if (existing !== null) return existing;
  return store.create({ slug: input.slug, name: input.name ?? input.slug, currency: input.currency, rates: referenceRates(input.currency), createdAt: now });
};
