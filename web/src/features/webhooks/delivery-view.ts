/** How a delivery reads in the log: pure, so it is tested without a browser. */
import type { Delivery } from '../../api/types.js';
import { appendById } from '../common/useCursorPages.js';

export type DeliveryTone = 'ok' | 'waiting' | 'failed';

export const deliveryTone = (d: Pick<Delivery, 'status'>): DeliveryTone =>
  d.status === 'delivered' ? 'ok' : d.status === 'failed' ? 'failed' : 'waiting';

/** The receiver's last answer in a few words: "HTTP 503", the network error, or null before any attempt. */
export const lastAnswer = (d: Pick<Delivery, 'attempts' | 'lastResponseStatus' | 'lastError'>): string | null => {
  if (d.attempts === 0) return null;
  if (d.lastError !== null) return d.lastError;
  return d.lastResponseStatus === null ? null : `HTTP ${d.lastResponseStatus}`;
};

/** What the retry button says: a delivered one is sent again, the others are tried now. */
export const retryAction = (d: Pick<Delivery, 'status'>): 'sendAgain' | 'retryNow' => (d.status === 'delivered' ? 'sendAgain' : 'retryNow');

/** The payload as sent, indented for reading. */
export const payloadText = (payload: unknown): string => (typeof payload === 'string' ? payload : JSON.stringify(payload, null, 2));

/** Appends a page to what is shown, dropping any delivery already there (a retry may have moved it). */
export const appendPage: (shown: readonly Delivery[], page: readonly Delivery[]) => Delivery[] = appendById;

/** Replaces one delivery in the list (after a retry), keeping its place. */
export const replaceDelivery = (shown: readonly Delivery[], updated: Delivery): Delivery[] =>
  shown.map((d) => (d.id === updated.id ? updated : d));
