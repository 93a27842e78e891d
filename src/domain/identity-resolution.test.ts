import { describe, expect, it } from 'vitest';
import type { IdentityRef, PulseEvent } from './event.js';
import { handleKey, idKey } from './identity.js';
import { displayNameOf, resolveIdentities } from './identity-resolution.js';

const id = (kind: string, externalId: string | null, handle: string | null = null, verified = true): IdentityRef => ({ kind, externalId, handle, verified });
const event = (identities: IdentityRef[], name: string | null = null): PulseEvent => ({
  source: 's', sourceId: Math.random().toString(), kind: 'comment', channel: 'x', direction: 'in', occurredAt: 0,
  customer: { identities, name }, text: null, lang: null, amount: null, currency: null, orderId: null, threadId: null,
  inReplyTo: null, meta: null, raw: '{}',
});

describe('resolveIdentities', () => {
  it('names the customer of a known identity, by id or by handle', () => {
    const known = new Map([[idKey('x', '42'), 7], [handleKey('instagram', 'anna'), 9]]);
    const r = resolveIdentities([event([id('x', '42')]), event([id('instagram', null, '@Anna')])], known);
    expect(r.owners).toEqual([7, 9]);
    expect(r.newCustomers).toEqual([]);
    expect(r.newIdentities).toEqual([]);
  });

  it('links a new identity to the customer of a verified email, with source and confidence', () => {
    const known = new Map([[idKey('email', 'anna@example.com'), 3]]);
    const r = resolveIdentities([event([id('facebook', 'fb1'), id('email', 'anna@example.com')])], known);
    expect(r.owners).toEqual([3]);
    expect(r.newIdentities.map((n) => [n.identity.kind, n.owner, n.linkSource, n.confidence])).toEqual([['facebook', 3, 'email_match', 0.9]]);
  });

  it('never links through an unverified email', () => {
    const known = new Map([[idKey('email', 'anna@example.com'), 3]]);
    const r = resolveIdentities([event([id('facebook', 'fb1'), id('email', 'anna@example.com', null, false)])], known);
    expect(r.owners).toEqual([-1]);
    expect(r.newIdentities.map((n) => n.identity.kind)).toEqual(['facebook']);
  });

  it('creates one customer for a new person and finds them again later in the same batch', () => {
    const r = resolveIdentities([event([id('x', '1', 'giulia')], 'Giulia'), event([id('x', null, 'GIULIA')]), event([id('x', '2')])], new Map());
    expect(r.owners).toEqual([-1, -1, -2]);
    expect(r.newCustomers).toEqual([{ id: -1, name: 'Giulia' }, { id: -2, name: 'x 2' }]);
    expect(r.newIdentities.find((n) => n.identity.externalId === '1')?.namedBy).toEqual([0]);
  });

  it('keeps an event naming two customers on the most specific identity and reports the link between them', () => {
    const known = new Map([[idKey('x', '42'), 7], [idKey('email', 'a@b.c'), 8]]);
    const r = resolveIdentities([event([id('email', 'a@b.c'), id('x', '42')])], known);
    expect(r.owners).toEqual([7]);
    expect(r.links).toEqual([{ index: 0, customers: [7, 8], via: 'email' }]);
  });
});

describe('displayNameOf', () => {
  it.each([
    [[id('x', '1', 'giulia')], 'Giulia R', 'Giulia R'],
    [[id('x', '1', 'giulia')], null, '@giulia'],
    [[id('email', 'a@b.c')], null, 'a@b.c'],
    [[id('shop', '17850')], null, 'shop 17850'],
  ])('%j named %s → %s', (identities, name, expected) => {
    expect(displayNameOf(event(identities as IdentityRef[], name as string | null))).toBe(expected);
  });
});
