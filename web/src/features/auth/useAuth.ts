/** The signed-in session and the means to sign out; `useCan` asks a permission in the current workspace. */
import { useContext } from 'react';
import type { Permission } from '../../api/types.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { AuthContext, sessionCan, type Auth } from './auth-context.js';

export const useAuth = (): Auth => {
  const auth = useContext(AuthContext);
  if (auth === null) throw new Error('useAuth needs an AuthProvider above it');
  return auth;
};

export const useCan = (permission: Permission): boolean => {
  const { state } = useAuth();
  const { current } = useWorkspace();
  return sessionCan(state.status === 'signed_in' ? state.session : null, current?.slug ?? null, permission);
};
