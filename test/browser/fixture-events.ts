/** The events the browser test ingests: a few customers across channels, one with hostile text. */
import type { EventLineInput } from '../../src/app/event-input.js';

export const HOSTILE_TEXT = '<img src=x onerror=alert(1)>';
export const HOSTILE_NAME = 'Mallory <script>alert(2)</script>';

const DAY = 24 * 3600 * 1000;

/** `now` minus some days, as ISO. */
const ago = (now: number, days: number): string => new Date(now - days * DAY).toISOString();

export const fixtureEvents = (now: number): EventLineInput[] => {
  const anna = { identities: [{ channel: 'instagram', id: 'ig-1001', handle: '@anna.jensen' }], email: 'anna@example.com', name: 'Anna Jensen' };
  const lines: EventLineInput[] = [
    { source: 'test', source_id: 'a-1', kind: 'comment', channel: 'instagram', occurred_at: ago(now, 20), customer: anna, text: 'Love the new autumn colours!', lang: 'en' },
    { source: 'test', source_id: 'a-2', kind: 'purchase', channel: 'shop', occurred_at: ago(now, 12), customer: anna, amount: 120, currency: 'EUR', order_id: 'A-100' },
    { source: 'test', source_id: 'a-3', kind: 'message', channel: 'instagram', occurred_at: ago(now, 2), customer: anna, text: 'Where is my order A-100?', lang: 'en' },
    { source: 'test', source_id: 'a-4', kind: 'message', channel: 'instagram', direction: 'out', occurred_at: ago(now, 1.9), customer: anna, text: 'It ships tomorrow, Anna.', lang: 'en' },
    { source: 'test', source_id: 'm-1', kind: 'review', channel: 'facebook', occurred_at: ago(now, 30), customer: { identities: [{ channel: 'facebook', id: 'fb-2002' }], email: 'marco@example.it', name: 'Marco Rossi' }, text: 'Ottimo servizio, grazie!', lang: 'it' },
    { source: 'test', source_id: 'm-2', kind: 'purchase', channel: 'shop', occurred_at: ago(now, 29), customer: { email: 'marco@example.it', shop_customer_id: 'S-77' }, amount: 89.5, currency: 'EUR', order_id: 'B-200' },
    { source: 'test', source_id: 's-1', kind: 'message', channel: 'whatsapp', occurred_at: ago(now, 5), customer: { identities: [{ channel: 'whatsapp', id: '4512345678' }], phone: '+45 12 34 56 78', name: 'Søren Kierkegaard' }, text: 'Har I åbent på søndag?', lang: 'da' },
    { source: 'test', source_id: 'x-1', kind: 'mention', channel: 'x', occurred_at: ago(now, 3), customer: { identities: [{ channel: 'x', id: 'x-666', handle: '@mallory' }], name: HOSTILE_NAME }, text: HOSTILE_TEXT },
  ];
  // Enough older visits for Anna that her timeline needs "load more" (pages of 50).
  for (let i = 0; i < 60; i++) {
    lines.push({ source: 'web', source_id: `v-${i}`, kind: 'visit', channel: 'web', occurred_at: ago(now, 40 + i), customer: { identities: [{ channel: 'instagram', id: 'ig-1001' }] }, meta: { path: `/p/${i}` } });
  }
  return lines;
};
