/**
 * Identity keys: how an identity is looked up. An identity is found by (kind, external id) or,
 * when the source gave only a handle, by (kind, handle). Emails and phones are normalised so the
 * same address written twice is one identity.
 */
import type { IdentityRef } from './event.js';

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** Keeps a leading + and the digits: "+45 12 34-56 78" → "+4512345678". */
export const normalisePhone = (phone: string): string => {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') || trimmed.startsWith('00') ? `+${digits.replace(/^00/, '')}` : digits;
};

/** Handles compare case-insensitively and without the leading @. */
export const normaliseHandle = (handle: string): string => handle.trim().replace(/^@/, '').toLowerCase();

export const idKey = (kind: string, externalId: string): string => `${kind}\u0000i\u0000${externalId}`;
export const handleKey = (kind: string, handle: string): string => `${kind}\u0000h\u0000${normaliseHandle(handle)}`;

/** The lookup keys of one identity, strongest first. */
export const identityKeys = (identity: IdentityRef): string[] => {
  const keys: string[] = [];
  if (identity.externalId !== null) keys.push(idKey(identity.kind, identity.externalId));
  if (identity.handle !== null) keys.push(handleKey(identity.kind, identity.handle));
  return keys;
};

/** Contact identities (email, phone) link people across channels only when verified. */
export const isContactIdentity = (kind: string): boolean => kind === 'email' || kind === 'phone';

export const canLinkAcrossChannels = (identity: IdentityRef): boolean =>
  !isContactIdentity(identity.kind) || identity.verified;
