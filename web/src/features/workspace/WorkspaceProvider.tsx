/** Loads the workspaces once and keeps the chosen one (remembered in localStorage). */
import { useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { navigate } from '../../routing/history.js';
import { pickWorkspace, WorkspaceContext, type WorkspaceState } from './workspace-context.js';

const STORAGE_KEY = 'pulse.workspace';

const readStored = (): string | null => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

export const WorkspaceProvider = ({ children }: { children: ReactNode }) => {
  const list = useApi('workspaces', (signal) => api.workspaces(signal));
  const [chosen, setChosen] = useState<string | null>(readStored);

  const value = useMemo<WorkspaceState>(() => {
    const items = list.data?.items ?? null;
    return {
      workspaces: items,
      current: items === null ? null : pickWorkspace(items, chosen),
      error: list.error,
      reload: list.reload,
      select: (slug) => {
        try {
          window.localStorage.setItem(STORAGE_KEY, slug);
        } catch {
          // Storage disabled: the choice lasts for this page only.
        }
        setChosen(slug);
        // A customer id means nothing in another workspace: go to that workspace's list.
        if (window.location.pathname.startsWith('/customers/')) navigate('/customers');
      },
    };
  }, [list.data, list.error, list.reload, chosen]);

  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
};
