/**
 * Secrets: password hashing (scrypt from node:crypto, no native dependency), random secrets for
 * sessions, tokens and links, and the SHA-256 by which those are stored and looked up. A stored
 * password hash names its parameters, so they can be raised later without breaking old hashes.
 */
import { hash as digest, randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod';

/** N = 2^15, r = 8, p = 1: ~100 ms and 32 MiB per hash on a small server core. */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

const scryptAsync = (password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: 2 * 128 * (options.N ?? 1) * (options.r ?? 8) }, (err, key) => (err ? reject(err) : resolve(key)));
  });

/** A password as people choose it: long enough to resist guessing, bounded so hashing stays cheap. */
export const PasswordSchema = z.string().min(10, 'a password needs at least 10 characters').max(200, 'a password has at most 200 characters');

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

// Verifying against this when there is no hash (an unknown email) costs what a real check costs, so
// the time of an answer does not tell whether an email signs in here.
let dummyHash: Promise<string> | null = null;

/** Checks a password against a stored hash in constant time; `null` (no password set) never matches. */
export const verifyPassword = async (password: string, stored: string | null): Promise<boolean> => {
  dummyHash ??= hashPassword('not a password anyone has');
  const [kind, n, r, p, salt, hash] = (stored ?? await dummyHash).split('$');
  if (kind !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return stored !== null && key.length === expected.length && timingSafeEqual(key, expected);
};

/** A random secret, base64url (32 bytes: 43 characters). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/**
 * How secrets are stored and found: their SHA-256, hex. (They are random, so no salt is needed.) One
 * call of crypto.hash, not a Hash object: every authenticated request hashes its credential.
 */
export const sha256 = (secret: string): string => digest('sha256', secret, 'hex');

/** Compares two secrets without leaking where they differ. */
export const secretsEqual = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const TOKEN_PREFIX = 'pulse_';

/** A new API token: the secret (shown once), its display prefix and its hash. */
export const newApiToken = (): { secret: string; prefix: string; hash: string } => {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  return { secret, prefix: secret.slice(0, TOKEN_PREFIX.length + 6), hash: sha256(secret) };
};

/** A one-time password people can type: four groups of five letters and digits (~100 bits). */
export const newOneTimePassword = (): string => {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const chars = Array.from({ length: 20 }, () => alphabet[randomInt(alphabet.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
};
