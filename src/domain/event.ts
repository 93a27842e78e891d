/**
 * Events: one interaction of a customer with the brand, appended to an immutable log.
 * This module holds the vocabulary (kinds, channels, directions) and the parsed event shape
 * that every source (file import, API, webhook, demo) produces before ingestion.
 */

/** The kinds PRODUCT.md §1 names. The log is extensible: any snake_case kind is accepted. */
export const KNOWN_EVENT_KINDS = [
  'visit', 'follow', 'unfollow', 'like', 'mention', 'comment', 'post', 'share', 'message', 'review',
  'newsletter_signup', 'purchase', 'refund', 'referral', 'idea', 'vote', 'biometric',
] as const;
export type KnownEventKind = (typeof KNOWN_EVENT_KINDS)[number];

/** Kinds that count as an interaction when the customer does them (direction `in`). */
export const INTERACTION_KINDS: ReadonlySet<string> = new Set([
  'post', 'comment', 'message', 'review', 'share', 'mention', 'newsletter_signup', 'purchase', 'idea', 'vote',
]);

/** Channels Pulse knows; custom channels are accepted too (snake_case). */
export const KNOWN_CHANNELS = [
  'facebook', 'instagram', 'x', 'whatsapp', 'community', 'email', 'newsletter', 'web', 'shop', 'phone', 'other',
] as const;

/** Identity kinds beyond the channels: contact points that can link a person across channels. */
export const CONTACT_IDENTITY_KINDS = ['email', 'phone', 'shop'] as const;

export type Direction = 'in' | 'out';

/** One identity as an event names it: a channel account, an email, a phone, a shop customer id. */
export interface IdentityRef {
  kind: string;
  /** The platform's stable id; absent when only a handle is known. */
  externalId: string | null;
  handle: string | null;
  /** Email/phone given by the customer themself (a verified link may merge). */
  verified: boolean;
}

export interface CustomerRef {
  identities: IdentityRef[];
  name: string | null;
}

/** An event after parsing and validation, ready for ingestion. Times are epoch milliseconds. */
export interface PulseEvent {
  source: string;
  sourceId: string;
  kind: string;
  channel: string;
  direction: Direction;
  occurredAt: number;
  customer: CustomerRef;
  text: string | null;
  lang: string | null;
  amount: number | null;
  currency: string | null;
  orderId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  meta: Record<string, unknown> | null;
  /** The payload as received, kept verbatim for audit. */
  raw: string;
}

export const isInteraction = (kind: string, direction: Direction): boolean =>
  direction === 'in' && INTERACTION_KINDS.has(kind);
