/**
 * One customer and their timeline: the first events come with the customer; "load more" asks for
 * the events before the oldest one shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client.js';
import type { CustomerDetail, PulseEvent } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';

export const TIMELINE_PAGE = 50;

export const useCustomer = (slug: string | null, id: number) => {
  const detail = useApi<CustomerDetail>(
    slug === null ? null : `customer:${slug}:${id}`,
    slug === null ? null : (signal) => api.customer(slug, id, { events: TIMELINE_PAGE }, signal),
  );
  return detail;
};

export interface Timeline {
  events: PulseEvent[];
  hasMore: boolean;
  loadingMore: boolean;
  error: Error | null;
  loadMore(): void;
}

export const useTimeline = (slug: string | null, customer: CustomerDetail | null): Timeline => {
  const [older, setOlder] = useState<PulseEvent[]>([]);
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // Answers for a customer no longer shown (reloaded after a merge, or another page) are dropped.
  const shown = useRef(customer);

  // A (re)loaded customer starts the timeline over.
  useEffect(() => {
    shown.current = customer;
    setOlder([]);
    setError(null);
    setHasMore(customer !== null && customer.events.length >= TIMELINE_PAGE);
  }, [customer]);

  const first = customer?.events ?? [];
  const seen = new Set(first.map((e) => e.id));
  const events = [...first, ...older.filter((e) => !seen.has(e.id))];
  const last = events.at(-1);

  const loadMore = useCallback(() => {
    if (slug === null || customer === null || last === undefined || loadingMore) return;
    setLoadingMore(true);
    setError(null);
    api.events(slug, customer.id, { before: last.occurredAt, beforeId: last.id, limit: TIMELINE_PAGE }).then(
      (page) => {
        if (shown.current !== customer) return;
        setOlder((prev) => [...prev, ...page.items]);
        setHasMore(page.items.length >= TIMELINE_PAGE);
      },
      (err: unknown) => {
        if (shown.current === customer) setError(err instanceof Error ? err : new Error(String(err)));
      },
    ).finally(() => setLoadingMore(false));
  }, [slug, customer, last, loadingMore]);

  return { events, hasMore, loadingMore, error, loadMore };
};
