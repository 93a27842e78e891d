/**
 * Identity resolution for a batch of events, as a pure function of what the store already knows.
 * Rules (PRODUCT.md §1): an existing identity names its customer; a new identity that shares a
 * verified email or phone with a customer is linked to that customer (source and confidence kept);
 * otherwise the event starts a new customer. Unverified emails and phones never link anyone.
 */
import type { IdentityRef, PulseEvent } from './event.js';
import { canLinkAcrossChannels, handleKey, idKey, identityKeys, isContactIdentity, normaliseHandle } from './identity.js';

/** A customer id: positive when stored, negative for a customer this batch creates. */
export type CustomerId = number;

export interface NewIdentity {
  owner: CustomerId;
  identity: IdentityRef;
  linkSource: 'event' | 'email_match' | 'phone_match';
  confidence: number;
  /** Indexes of the batch's events that named it: it is stored only if one of them is. */
  namedBy: number[];
}

export interface Resolution {
  /** Per event of the batch, the customer whose identity it named. */
  owners: CustomerId[];
  newCustomers: { id: CustomerId; name: string | null }[];
  newIdentities: NewIdentity[];
  /**
   * Events that named identities of two or more stored customers: a verified link between them
   * (the caller merges them). `via` is the kind of identity that named the other customers.
   */
  links: { index: number; customers: CustomerId[]; via: string }[];
}

/** The link an identity makes when it attaches a new identity to an existing customer. */
const linkFrom = (identity: IdentityRef): Pick<NewIdentity, 'linkSource' | 'confidence'> =>
  identity.kind === 'email' ? { linkSource: 'email_match', confidence: 0.9 }
  : identity.kind === 'phone' ? { linkSource: 'phone_match', confidence: 0.9 }
  : { linkSource: 'event', confidence: 1 };

/** Channel accounts first, then shop ids, then contacts: the most specific identity decides. */
const rank = (identity: IdentityRef): number => (isContactIdentity(identity.kind) ? 2 : identity.kind === 'shop' ? 1 : 0);

/** Every key the batch needs looked up, with the parts the store queries by. */
export const lookupsFor = (events: readonly PulseEvent[]) => {
  const seen = new Map<string, { key: string; kind: string; externalId: string | null; handleKey: string | null }>();
  for (const event of events) {
    for (const identity of event.customer.identities) {
      if (!canLinkAcrossChannels(identity)) continue;
      if (identity.externalId !== null) {
        const key = idKey(identity.kind, identity.externalId);
        if (!seen.has(key)) seen.set(key, { key, kind: identity.kind, externalId: identity.externalId, handleKey: null });
      }
      if (identity.handle !== null) {
        const key = handleKey(identity.kind, identity.handle);
        if (!seen.has(key)) seen.set(key, { key, kind: identity.kind, externalId: null, handleKey: normaliseHandle(identity.handle) });
      }
    }
  }
  return [...seen.values()];
};

/**
 * Resolves every event of a batch in order. `known` maps identity keys to stored customers; it is
 * extended as the batch goes, so a customer created by one event is found by the next.
 */
export const resolveIdentities = (events: readonly PulseEvent[], known: ReadonlyMap<string, CustomerId>): Resolution => {
  const map = new Map(known);
  const owners: CustomerId[] = [];
  const newCustomers: Resolution['newCustomers'] = [];
  const newIdentities = new Map<string, NewIdentity>();
  const links: Resolution['links'] = [];
  let nextTemp = -1;

  events.forEach((event, index) => {
    const linkable = event.customer.identities.filter(canLinkAcrossChannels).sort((a, b) => rank(a) - rank(b));
    let owner: CustomerId | null = null;
    let via: IdentityRef | null = null;
    let bridge: string | null = null;
    const found = new Set<CustomerId>();
    for (const identity of linkable) {
      for (const key of identityKeys(identity)) {
        const hit = map.get(key);
        if (hit === undefined) continue;
        if (!found.has(hit) && found.size > 0) bridge ??= identity.kind;
        found.add(hit);
        if (owner === null) {
          owner = hit;
          via = identity;
        }
      }
    }
    if (found.size > 1) links.push({ index, customers: [...found], via: bridge ?? 'event' });
    if (owner === null) {
      owner = nextTemp--;
      newCustomers.push({ id: owner, name: displayNameOf(event) });
    }
    const link = via === null ? { linkSource: 'event' as const, confidence: 1 } : linkFrom(via);
    for (const identity of linkable) {
      const keys = identityKeys(identity);
      const primary = keys[0] as string;
      const existing = newIdentities.get(primary);
      if (existing !== undefined) {
        if (!existing.namedBy.includes(index)) existing.namedBy.push(index);
        continue;
      }
      if (map.has(primary)) continue;
      newIdentities.set(primary, { owner, identity, ...(via === identity ? { linkSource: 'event', confidence: 1 } : link), namedBy: [index] });
      for (const key of keys) if (!map.has(key)) map.set(key, owner);
    }
    owners.push(owner);
  });

  return { owners, newCustomers, newIdentities: [...newIdentities.values()], links };
};

/** The name a new customer gets: the one the event gave, else a handle, an email, or "kind id". */
export const displayNameOf = (event: PulseEvent): string | null => {
  if (event.customer.name) return event.customer.name;
  const ids = event.customer.identities;
  const withHandle = ids.find((i) => i.handle !== null);
  if (withHandle?.handle) return withHandle.handle.startsWith('@') ? withHandle.handle : `@${withHandle.handle}`;
  const email = ids.find((i) => i.kind === 'email');
  if (email?.externalId) return email.externalId;
  const any = ids.find((i) => i.externalId !== null);
  return any ? `${any.kind} ${any.externalId}` : null;
};
