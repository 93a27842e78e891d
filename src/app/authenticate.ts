/**
 * Who is asking: turns a session id (from the cookie) or an API token into a principal, and a
 * principal into an actor inside one workspace. Resolving must be cheap on every request: a SHA-256
 * and a look-up by it, kept in a small in-memory cache for a few seconds. Whatever changes a
 * principal in this process (sign-out, revocation, a role change) drops it from the cache at once,
 * and in the peer processes serving the same store (`CredentialPeers`, PULSE_HTTP_PROCESSES) too;
 * changes made by another program (the CLI) are seen when the entry expires.
 */
import type { Actor } from './access.js';
import { sha256 } from './credentials.js';
import type { ApiToken, Membership, PeopleStore, Person, SessionStore, TokenStore, Workspace, WorkspaceStore } from './ports.js';

export type Principal =
  | {
    kind: 'session';
    sessionId: number;
    /** SHA-256 of the session id: how the session is stored, found and dropped from the cache. */
    sessionHash: string;
    csrfToken: string;
    expiresAt: number;
    person: Person;
    memberships: Membership[];
  }
  | { kind: 'token'; token: ApiToken };

/** What use cases tell the cache when they change who may do what. */
export interface CredentialCache {
  forgetPerson(personId: number): void;
  forgetSession(sessionHash: string): void;
  forgetToken(tokenId: number): void;
}

/** What one process dropped from its cache, for its peers to drop too. */
export type Forgotten = { kind: 'person'; personId: number } | { kind: 'session'; sessionHash: string } | { kind: 'token'; tokenId: number };

/** The other processes serving the same store with caches of their own (the HTTP cluster). */
export interface CredentialPeers {
  /** Tells every peer to drop what this process dropped. */
  publish(forgotten: Forgotten): void;
  /** Calls `listener` with what a peer dropped. */
  subscribe(listener: (forgotten: Forgotten) => void): void;
  /** Resolves when every peer has dropped what was published so far; null when nothing is pending. */
  settled(): Promise<void> | null;
}

export interface Authenticator extends CredentialCache {
  /** The principal of a session id from a cookie, or null (unknown, expired, signed out, disabled). */
  session(sessionId: string, now: number): Promise<Principal | null>;
  /** The principal of an API token, or null (unknown or revoked). */
  token(secret: string, now: number): Promise<Principal | null>;
  /** A workspace by slug, cached like principals. */
  workspace(slug: string): Promise<Workspace | null>;
}

interface Entry<T> {
  value: T;
  until: number;
}

/**
 * A map whose entries live `ttlMs` of real time (not the app's clock, which tests and `--as-of`
 * move); the oldest entry goes when it is full.
 */
const ttlCache = <T>(ttlMs: number, max: number) => {
  const map = new Map<string, Entry<T>>();
  return {
    get(key: string): T | undefined {
      const e = map.get(key);
      if (e === undefined) return undefined;
      if (e.until <= performance.now()) {
        map.delete(key);
        return undefined;
      }
      return e.value;
    },
    set(key: string, value: T): void {
      if (map.size >= max) map.delete(map.keys().next().value as string);
      map.set(key, { value, until: performance.now() + ttlMs });
    },
    deleteWhere(test: (value: T, key: string) => boolean): void {
      for (const [key, e] of map) if (test(e.value, key)) map.delete(key);
    },
  };
};

/** Last-seen and last-used times are written at most this often per session or token. */
const TOUCH_EVERY_MS = 60_000;

export const createAuthenticator = (
  deps: { people: PeopleStore; sessions: SessionStore; tokens: TokenStore; workspaces: WorkspaceStore },
  opts: { ttlMs: number; maxEntries?: number; onBackgroundError?: (err: unknown) => void; peers?: CredentialPeers },
): Authenticator => {
  const principals = ttlCache<Principal>(opts.ttlMs, opts.maxEntries ?? 10_000);
  const workspaces = ttlCache<Workspace>(opts.ttlMs, 1_000);
  const touched = new Map<string, number>();
  const onError = opts.onBackgroundError ?? (() => undefined);

  // Not awaited: a request never waits for a bookkeeping write (SQLite may be busy with an import).
  const touch = (key: string, at: number, write: () => Promise<void>) => {
    if ((touched.get(key) ?? 0) + TOUCH_EVERY_MS > at) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(key, at);
    write().catch(onError);
  };

  const drop = (f: Forgotten): void => {
    if (f.kind === 'person') principals.deleteWhere((p) => p.kind === 'session' && p.person.id === f.personId);
    else if (f.kind === 'session') principals.deleteWhere((_p, key) => key === `s:${f.sessionHash}`);
    else principals.deleteWhere((p) => p.kind === 'token' && p.token.id === f.tokenId);
  };
  const forget = (f: Forgotten): void => {
    drop(f);
    opts.peers?.publish(f);
  };
  opts.peers?.subscribe(drop);

  const live = (p: Principal, now: number): boolean => p.kind === 'token' ? p.token.revokedAt === null : p.expiresAt > now && p.person.disabledAt === null;

  return {
    async session(sessionId, now) {
      const hash = sha256(sessionId);
      const key = `s:${hash}`;
      let p = principals.get(key);
      if (p === undefined) {
        const s = await deps.sessions.findByHash(hash);
        if (s === null) return null;
        const person = await deps.people.get(s.personId);
        if (person === null) return null;
        const { passwordHash: _secret, ...visible } = person;
        p = { kind: 'session', sessionId: s.id, sessionHash: hash, csrfToken: s.csrfToken, expiresAt: s.expiresAt, person: visible, memberships: await deps.people.memberships(person.id) };
        principals.set(key, p);
      }
      if (!live(p, now)) return null;
      const id = p.kind === 'session' ? p.sessionId : 0;
      touch(key, now, () => deps.sessions.touch(id, now));
      return p;
    },
    async token(secret, now) {
      const hash = sha256(secret);
      const key = `t:${hash}`;
      let p = principals.get(key);
      if (p === undefined) {
        const token = await deps.tokens.findByHash(hash);
        if (token === null) return null;
        p = { kind: 'token', token };
        principals.set(key, p);
      }
      if (!live(p, now)) return null;
      const id = p.kind === 'token' ? p.token.id : 0;
      touch(key, now, () => deps.tokens.touch(id, now));
      return p;
    },
    async workspace(slug) {
      const cached = workspaces.get(slug);
      if (cached !== undefined) return cached;
      const ws = await deps.workspaces.findBySlug(slug);
      if (ws !== null) workspaces.set(slug, ws);
      return ws;
    },
    forgetPerson: (personId) => forget({ kind: 'person', personId }),
    forgetSession: (sessionHash) => forget({ kind: 'session', sessionHash }),
    forgetToken: (tokenId) => forget({ kind: 'token', tokenId }),
  };
};

/**
 * The principal as an actor in a workspace, or null when it has no business there (not a member,
 * or a token of another workspace): the caller answers as if the workspace did not exist.
 */
export const actorIn = (principal: Principal, workspaceId: number): Actor | null => {
  if (principal.kind === 'token') {
    const t = principal.token;
    return t.workspaceId === workspaceId ? { kind: 'token', tokenId: t.id, name: t.name, scopes: t.scopes } : null;
  }
  const m = principal.memberships.find((x) => x.workspaceId === workspaceId);
  return m === undefined ? null : { kind: 'person', personId: principal.person.id, email: principal.person.email, role: m.role, trainee: m.trainee };
};
