/** Saving a route: one request at a time; the answer says how many customers moved. */
import { useState } from 'react';
import { api } from '../../api/client.js';
import type { RouteDefinition, RouteSaved } from '../../api/types.js';

export const useSaveRoute = (slug: string) => {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const save = async (def: RouteDefinition): Promise<RouteSaved | null> => {
    if (busy) return null;
    setBusy(true);
    setError(null);
    try {
      return await api.saveRoute(slug, def);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
      return null;
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, save, clearError: () => setError(null) };
};
