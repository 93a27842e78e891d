/** The current workspace and the means to switch it. */
import { useContext } from 'react';
import { WorkspaceContext, type WorkspaceState } from './workspace-context.js';

export const useWorkspace = (): WorkspaceState => {
  const state = useContext(WorkspaceContext);
  if (state === null) throw new Error('useWorkspace needs a WorkspaceProvider above it');
  return state;
};
