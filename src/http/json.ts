/**
 * How records go over the wire: instants as ISO-8601 strings. Each shape is written out as one
 * object literal (no spreads), and lists with packedMap: a page of them is built and serialized on
 * every request.
 */
import type { CustomerDetail } from '../app/get-customer.js';
import type { EventView, IdentityView, MergeView, TransitionView } from '../app/ports.js';
import type { CustomerStage } from '../app/routes.js';
import { packedMap } from '../domain/shapes.js';

const DAY_MS = 86_400_000;
/** "YYYY-MM-DDT" of recent days: a page of records falls on few days. */
const dayPrefixes = new Map<number, string>();
const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

/**
 * `new Date(ms).toISOString()`, the same text, without a Date per instant (a page of customers or
 * events formats hundreds): the day's prefix is remembered and the time of day is arithmetic.
 */
export const iso = (ms: number | null): string | null => {
  if (ms === null) return null;
  if (!Number.isInteger(ms) || ms < 0 || ms >= 253_402_300_800_000) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefixes.size >= 4096) dayPrefixes.clear();
    dayPrefixes.set(day, prefix);
  }
  let t = ms - day * DAY_MS;
  const millis = t % 1000;
  t = (t - millis) / 1000;
  const seconds = t % 60;
  t = (t - seconds) / 60;
  const minutes = t % 60;
  return `${prefix}${pad2((t - minutes) / 60)}:${pad2(minutes)}:${pad2(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
};

export const eventJson = (e: EventView) => ({
  id: e.id, customerId: e.customerId, source: e.source, sourceId: e.sourceId, kind: e.kind, channel: e.channel, direction: e.direction,
  occurredAt: iso(e.occurredAt), text: e.text, lang: e.lang, sentiment: e.sentiment, sentimentScore: e.sentimentScore, emotion: e.emotion,
  amount: e.amount, currency: e.currency, orderId: e.orderId, threadId: e.threadId, inReplyTo: e.inReplyTo, meta: e.meta,
});

export const mergeJson = (m: MergeView) => ({
  id: m.id, targetId: m.targetId, mergedId: m.mergedId, linkSource: m.linkSource, confidence: m.confidence, reason: m.reason,
  actor: m.actor, createdAt: iso(m.createdAt), undoneAt: iso(m.undoneAt), undoneBy: m.undoneBy,
});

const identityJson = (i: IdentityView) => ({
  id: i.id, customerId: i.customerId, kind: i.kind, externalId: i.externalId, handle: i.handle, verified: i.verified,
  linkSource: i.linkSource, confidence: i.confidence, createdAt: iso(i.createdAt),
});

const transitionJson = (h: TransitionView) => ({ routeId: h.routeId, from: h.from, to: h.to, at: iso(h.at), cause: h.cause, eventId: h.eventId, rule: h.rule });

const stageJson = (s: CustomerStage) => ({
  routeId: s.routeId, routeName: s.routeName, stages: s.stages, current: s.current, since: iso(s.since), next: s.next, history: packedMap(s.history, transitionJson),
});

/** One customer's page (GET …/customers/:id). */
export const customerJson = (c: CustomerDetail & { stages: CustomerStage[] }, currency: string) => ({
  stages: packedMap(c.stages, stageJson),
  id: c.id, displayName: c.displayName, email: c.email, phone: c.phone, channels: c.channels, eventsCount: c.eventsCount,
  interactions: c.interactions, purchases: c.purchases, spendTotal: c.spendTotal, firstSeenAt: iso(c.firstSeenAt), lastSeenAt: iso(c.lastSeenAt),
  mergedInto: c.mergedInto, mergedIds: c.mergedIds, asOf: iso(c.asOf), facts: c.facts,
  identities: packedMap(c.identities, identityJson), merges: packedMap(c.merges, mergeJson), events: packedMap(c.events, eventJson), currency,
});
