/** A webhook's delivery log, newest first: the first page, then older ones on demand; retries in place. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { Delivery, DeliveryStatus } from '../../api/types.js';
import { appendPage, replaceDelivery } from './delivery-view.js';

const PAGE = 25;

export interface DeliveryLog {
  items: Delivery[] | null;
  error: Error | null;
  loadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  retry: (delivery: Delivery) => Promise<Delivery>;
}

export const useDeliveryLog = (slug: string, webhookId: number, status: DeliveryStatus | null): DeliveryLog => {
  const [items, setItems] = useState<Delivery[] | null>(null);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setItems(null);
    setError(null);
    api.deliveries(slug, webhookId, { status: status ?? undefined, limit: PAGE }, ctrl.signal).then(
      (page) => {
        setItems(page.items);
        setNext(page.next);
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setError(err instanceof Error ? err : new Error(String(err)));
      },
    );
    return () => ctrl.abort();
  }, [slug, webhookId, status, attempt]);

  const loadMore = useCallback(() => {
    if (next === null) return;
    setLoadingMore(true);
    api.deliveries(slug, webhookId, { status: status ?? undefined, before: next, limit: PAGE }).then(
      (page) => {
        setItems((shown) => appendPage(shown ?? [], page.items));
        setNext(page.next);
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    ).finally(() => setLoadingMore(false));
  }, [slug, webhookId, status, next]);

  const retry = useCallback(async (delivery: Delivery) => {
    const updated = await api.retryDelivery(slug, webhookId, delivery.id);
    setItems((shown) => (shown === null ? shown : replaceDelivery(shown, updated)));
    return updated;
  }, [slug, webhookId]);

  return { items, error, loadingMore, hasMore: next !== null, loadMore, reload: () => setAttempt((n) => n + 1), retry };
};
