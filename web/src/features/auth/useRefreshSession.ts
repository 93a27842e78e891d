/**
 * Reads the session again (GET /api/v1/session) after something that changes it: acknowledging or
 * publishing the policy, changing one's own role. The permissions and the policy banner follow.
 */
import { useCallback } from 'react';
import { api } from '../../api/client.js';
import { useAuth } from './useAuth.js';

export const useRefreshSession = (): (() => Promise<void>) => {
  const { signedIn } = useAuth();
  return useCallback(async () => {
    signedIn(await api.session());
  }, [signedIn]);
};
