/**
 * Loads one API resource for a component: re-fetches when `key` changes, aborts the stale request,
 * and offers `reload`. `load` is null while there is nothing to fetch (e.g. no workspace yet).
 */
import { useCallback, useEffect, useState } from 'react';

export interface ApiState<T> {
  data: T | null;
  /** The last data loaded, possibly for an earlier key: lets a list stay on screen while the next page loads. */
  lastData: T | null;
  error: Error | null;
  loading: boolean;
  reload: () => void;
}

export const useApi = <T>(key: string | null, load: ((signal: AbortSignal) => Promise<T>) | null): ApiState<T> => {
  const [state, setState] = useState<{ key: string | null; data: T | null; error: Error | null }>({ key: null, data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (key === null || load === null) return;
    const ctrl = new AbortController();
    load(ctrl.signal).then(
      (data) => setState({ key, data, error: null }),
      (error: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ key, data: null, error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => ctrl.abort();
    // `load` is a fresh closure every render; `key` names everything it depends on.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : null,
    lastData: state.data,
    error: current ? state.error : null,
    loading: key !== null && !current,
    reload,
  };
};
