/**
 * Loads the session once (GET /api/v1/session): signed in, or not (401). Keeps the CSRF token for
 * the API client, and goes back to the sign-in page whenever the server says the session ended.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, SESSION_ENDED, setCsrfToken } from '../../api/client.js';
import type { Session } from '../../api/types.js';
import { AuthContext, type Auth, type AuthState } from './auth-context.js';

export const AuthProvider = ({ children }: { children: ReactNode }) => {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const signedIn = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed_in', session });
  }, []);
  const signedOut = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'signed_out' });
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    api.session(ctrl.signal).then(signedIn, (error: unknown) => {
      if (ctrl.signal.aborted) return;
      if (error instanceof ApiError && error.status === 401) signedOut();
      else setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
    });
    return () => ctrl.abort();
  }, [attempt, signedIn, signedOut]);

  useEffect(() => {
    window.addEventListener(SESSION_ENDED, signedOut);
    return () => window.removeEventListener(SESSION_ENDED, signedOut);
  }, [signedOut]);

  const value = useMemo<Auth>(() => ({
    state,
    signedIn,
    signOut: async () => {
      try {
        await api.signOut();
      } catch (err) {
        // Already signed out on the server (401): the page goes to the sign-in page either way.
        if (!(err instanceof ApiError && err.status === 401)) throw err;
      }
      signedOut();
    },
    retry: () => setAttempt((n) => n + 1),
  }), [state, signedIn, signedOut]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
};
