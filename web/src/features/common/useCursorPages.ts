/**
 * A list read newest first from an API that pages with a cursor: the first page when `key` changes
 * (or on reload), then older pages on demand, appended without repeating what is shown.
 */
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

export interface CursorPages<T> {
  items: T[] | null;
  error: Error | null;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Changes the shown items in place (e.g. a row updated after an action). */
  setItems: Dispatch<SetStateAction<T[] | null>>;
}

/** The rows of `page` not shown yet (by id), after those shown: pages may overlap when rows arrive. */
export const appendById = <T extends { id: number }>(shown: readonly T[], page: readonly T[]): T[] => {
  const seen = new Set(shown.map((r) => r.id));
  return [...shown, ...page.filter((r) => !seen.has(r.id))];
};

const asError = (err: unknown): Error => (err instanceof Error ? err : new Error(String(err)));

export const useCursorPages = <T extends { id: number }, C>(
  /** What the list is of: a new key reads the first page again. */
  key: string,
  fetchPage: (cursor: C | null, signal?: AbortSignal) => Promise<{ items: T[]; next: C | null }>,
): CursorPages<T> => {
  const [items, setItems] = useState<T[] | null>(null);
  const [next, setNext] = useState<C | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The latest fetch, read when it is used: the key says when the list is another one.
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  useEffect(() => {
    const ctrl = new AbortController();
    setItems(null);
    setError(null);
    fetchRef.current(null, ctrl.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.next);
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setError(asError(err));
      },
    );
    return () => ctrl.abort();
  }, [key, attempt]);

  const loadMore = useCallback(() => {
    if (next === null) return;
    setLoadingMore(true);
    fetchRef.current(next).then(
      (page) => {
        setItems((shown) => appendById(shown ?? [], page.items));
        setNext(page.next);
      },
      (err: unknown) => setError(asError(err)),
    ).finally(() => setLoadingMore(false));
  }, [next]);

  return { items, error, loadingMore, hasMore: next !== null, loadMore, reload: () => setAttempt((n) => n + 1), setItems };
};
