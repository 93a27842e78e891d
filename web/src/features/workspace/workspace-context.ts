/** The workspace the UI shows, shared by every page; provided by WorkspaceProvider. */
import { createContext } from 'react';
import type { WorkspaceSummary } from '../../api/types.js';

export interface WorkspaceState {
  /** Every workspace, once loaded. */
  workspaces: WorkspaceSummary[] | null;
  /** The one chosen, or null while loading or when there is none. */
  current: WorkspaceSummary | null;
  error: Error | null;
  select(slug: string): void;
  reload(): void;
}

export const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** The default: the stored choice if it still exists, else `demo`, else the first. */
export const pickWorkspace = (items: readonly WorkspaceSummary[], stored: string | null): WorkspaceSummary | null =>
  items.find((w) => w.slug === stored) ?? items.find((w) => w.slug === 'demo') ?? items[0] ?? null;
