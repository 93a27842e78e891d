/** Merging another customer into this one, and undoing a merge; the page reloads after either. */
import { useState } from 'react';
import { api } from '../../api/client.js';

export const useMergeActions = (slug: string | null, onDone: () => void) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    if (slug === null || busy) return false;
    setBusy(true);
    setError(null);
    try {
      await action();
      onDone();
      return true;
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return {
    busy,
    error,
    merge: (targetId: number, mergedId: number, reason: string) =>
      run(() => api.merge(slug as string, { targetId, mergedId, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) })),
    undo: (mergeId: number) => run(() => api.undoMerge(slug as string, mergeId)),
  };
};
