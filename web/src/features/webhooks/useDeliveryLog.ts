/** A webhook's delivery log, newest first: the first page, then older ones on demand; retries in place. */
import { useCallback } from 'react';
import { api } from '../../api/client.js';
import type { Delivery, DeliveryStatus } from '../../api/types.js';
import { useCursorPages, type CursorPages } from '../common/useCursorPages.js';
import { replaceDelivery } from './delivery-view.js';

const PAGE = 25;

export interface DeliveryLog extends Omit<CursorPages<Delivery>, 'setItems'> {
  retry: (delivery: Delivery) => Promise<Delivery>;
}

export const useDeliveryLog = (slug: string, webhookId: number, status: DeliveryStatus | null): DeliveryLog => {
  const { setItems, ...pages } = useCursorPages<Delivery, number>(JSON.stringify([slug, webhookId, status]), (cursor, signal) =>
    api.deliveries(slug, webhookId, { status: status ?? undefined, limit: PAGE, ...(cursor === null ? {} : { before: cursor }) }, signal));

  const retry = useCallback(async (delivery: Delivery) => {
    const updated = await api.retryDelivery(slug, webhookId, delivery.id);
    setItems((shown) => (shown === null ? shown : replaceDelivery(shown, updated)));
    return updated;
  }, [slug, webhookId, setItems]);

  return { ...pages, retry };
};
