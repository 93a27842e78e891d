/** The workspace's audit log, newest first: the first page, then older ones on demand (the API's cursor). */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { AuditPage, AuditRecord } from '../../api/types.js';
import { appendEntries } from './audit-view.js';

const PAGE = 50;

export interface AuditLog {
  items: AuditRecord[] | null;
  error: Error | null;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
}

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export const useAuditLog = (slug: string, action: string | null): AuditLog => {
  const [items, setItems] = useState<AuditRecord[] | null>(null);
  const [next, setNext] = useState<AuditPage['next']>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setItems(null);
    setError(null);
    api.audit(slug, { action: action ?? undefined, limit: PAGE }, ctrl.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.next);
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setError(asError(err));
      },
    );
    return () => ctrl.abort();
  }, [slug, action, attempt]);

  const loadMore = useCallback(() => {
    if (next === null) return;
    setLoadingMore(true);
    api.audit(slug, { action: action ?? undefined, limit: PAGE, before: next.before, beforeId: next.beforeId }).then(
      (page) => {
        setItems((shown) => appendEntries(shown ?? [], page.items));
        setNext(page.next);
      },
      (err: unknown) => setError(asError(err)),
    ).finally(() => setLoadingMore(false));
  }, [slug, action, next]);

  return { items, error, loadingMore, hasMore: next !== null, loadMore, reload: () => setAttempt((n) => n + 1) };
};
