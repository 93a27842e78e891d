/**
 * What the HTTP processes of `pulse serve` tell each other (src/cluster/peers.ts), without processes:
 * the primary's relay and each process's end joined by an asynchronous in-memory channel, like IPC.
 * A principal one process forgets is forgotten by the others before that process answers.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemAccess } from '../src/app/access.js';
import { createAuthenticator, type Authenticator } from '../src/app/authenticate.js';
import { createToken, revokeToken } from '../src/app/tokens.js';
import { createForgetRelay, createIpcPeers, type ToPrimary, type ToWorker } from '../src/cluster/peers.js';
import { signedIn } from './auth.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

const tick = () => new Promise((r) => setImmediate(r));

/** Processes 1..n and a primary; `listening`: the processes whose servers listen (all by default). */
const cluster = (n: number, opts: { timeoutMs?: number } = {}) => {
  const alive = new Set(Array.from({ length: n }, (_, i) => i + 1));
  const listening = new Set(alive);
  const received: { to: number; message: ToWorker }[] = [];
  const relay = createForgetRelay({
    listening: () => listening,
    send: (id, message) => {
      if (!alive.has(id)) return false;
      received.push({ to: id, message });
      setImmediate(() => alive.has(id) && ends.get(id)!.receive(message));
      return true;
    },
  });
  const toPrimary = (from: number) => (m: ToPrimary) => {
    if (!alive.has(from)) throw new Error('channel closed');
    setImmediate(() => {
      if (m.pulse === 'forget') relay.forget(from, m.id, m.forgotten);
      else if (m.pulse === 'forgot') relay.forgot(from, m.ref);
    });
  };
  const timeouts: number[] = [];
  const ends = new Map([...alive].map((id) => [id, createIpcPeers(toPrimary(id), { timeoutMs: opts.timeoutMs, onTimeout: () => timeouts.push(id) })]));
  return {
    peers: (id: number) => ends.get(id)!.peers,
    received,
    timeouts,
    /** The process exits: the primary learns it from the cluster's `exit` event. */
    kill(id: number) {
      alive.delete(id);
      listening.delete(id);
      relay.gone(id);
    },
    notListening: (id: number) => listening.delete(id),
  };
};

describe('the forget relay', () => {
  it('answers once every other listening process has dropped it, not before', async () => {
    const c = cluster(3);
    const seen: string[] = [];
    c.peers(2).subscribe((f) => seen.push(`2:${f.kind}`));
    c.peers(3).subscribe((f) => seen.push(`3:${f.kind}`));
    c.peers(1).subscribe((f) => seen.push(`1:${f.kind}`));
    expect(c.peers(1).settled()).toBeNull();
    c.peers(1).publish({ kind: 'token', tokenId: 7 });
    const settled = c.peers(1).settled();
    expect(settled).not.toBeNull();
    let done = false;
    void settled!.then(() => (done = true));
    await tick();
    expect(done).toBe(false);
    await settled;
    expect(seen.sort()).toEqual(['2:token', '3:token']);
    expect(c.peers(1).settled()).toBeNull();
    expect(c.timeouts).toEqual([]);
  });

  it('waits for nobody when it is the only process, or the others do not listen yet', async () => {
    const alone = cluster(1);
    alone.peers(1).publish({ kind: 'person', personId: 1 });
    await alone.peers(1).settled();
    expect(alone.received.map((r) => r.message.pulse)).toEqual(['forgotten']);

    const starting = cluster(2);
    starting.notListening(2);
    starting.peers(1).publish({ kind: 'session', sessionHash: 'ab' });
    await starting.peers(1).settled();
    expect(starting.received.filter((r) => r.to === 2)).toEqual([]);
  });

  it('counts a process that exits as having forgotten, and forgets one that asked and exited', async () => {
    const c = cluster(3);
    c.peers(1).publish({ kind: 'token', tokenId: 1 });
    await tick(); // the primary has asked 2 and 3…
    expect(c.received.filter((r) => r.message.pulse === 'forget').map((r) => r.to)).toEqual([2, 3]);
    c.kill(3); // …and 3 exits before it confirms
    await c.peers(1).settled();
    expect(c.timeouts).toEqual([]);

    c.peers(2).publish({ kind: 'token', tokenId: 2 });
    await tick();
    c.kill(2); // the asker exits: nobody to answer
    for (let i = 0; i < 4; i++) await tick();
    expect(c.received.filter((r) => r.to === 2 && r.message.pulse === 'forgotten')).toEqual([]);
    expect(c.received.filter((r) => r.to === 1 && r.message.pulse === 'forget')).toHaveLength(1);
  });

  it('gives up waiting after the timeout (a peer busy with a long batch), and at once when the primary is gone', async () => {
    const timedOut: number[] = [];
    // A channel that takes the message and never answers.
    const silent = createIpcPeers(() => undefined, { timeoutMs: 20, onTimeout: () => timedOut.push(3) });
    silent.peers.publish({ kind: 'token', tokenId: 3 });
    expect(silent.peers.settled()).not.toBeNull();
    await silent.peers.settled();
    expect(timedOut).toEqual([3]);

    const gone = createIpcPeers(() => {
      throw new Error('channel closed');
    });
    gone.peers.publish({ kind: 'token', tokenId: 4 });
    expect(gone.peers.settled()).toBeNull();
  });
});

describe.each(DIALECTS)('authenticators of two processes on %s', (dialect) => {
  let ctx: TestContext;
  let c: ReturnType<typeof cluster>;
  let one: Authenticator;
  let two: Authenticator;
  beforeEach(async () => {
    ctx = await openTestContext(dialect);
    c = cluster(2);
    // Each "process" caches for a minute: only the relay can make the second one forget in time.
    one = createAuthenticator(ctx.repos, { ttlMs: 60_000, peers: c.peers(1) });
    two = createAuthenticator(ctx.repos, { ttlMs: 60_000, peers: c.peers(2) });
  });
  afterEach(() => ctx.close());

  it('a token revoked through one is refused by the other once the first has settled', async () => {
    const access = systemAccess(ctx.workspace, 'test');
    const { token, secret } = await createToken(ctx.repos, access, { name: 'ci', scopes: ['read'] }, ctx.now());
    expect(await one.token(secret, ctx.now())).not.toBeNull();
    expect(await two.token(secret, ctx.now())).not.toBeNull();
    await revokeToken({ ...ctx.repos, cache: one }, access, token.id, ctx.now());
    expect(await one.token(secret, ctx.now())).toBeNull();
    // What the HTTP process waits for before it answers the revocation.
    await c.peers(1).settled();
    expect(await two.token(secret, ctx.now())).toBeNull();
  });

  it('without the relay, the other process would keep the revoked token for its cache\'s lifetime', async () => {
    const alone = createAuthenticator(ctx.repos, { ttlMs: 60_000 });
    const access = systemAccess(ctx.workspace, 'test');
    const { token, secret } = await createToken(ctx.repos, access, { name: 'ci', scopes: ['read'] }, ctx.now());
    expect(await alone.token(secret, ctx.now())).not.toBeNull();
    await revokeToken({ ...ctx.repos, cache: one }, access, token.id, ctx.now());
    await c.peers(1).settled();
    expect(await alone.token(secret, ctx.now())).not.toBeNull();
  });

  it('a role changed through one is seen by the other once the first has settled (forgetPerson)', async () => {
    const anna = await signedIn(ctx, 'anna@example.com', [{ workspace: ctx.workspace, role: 'analyst' }]);
    const roleIn = async (a: Authenticator) => {
      const p = await a.session(anna.sessionId, ctx.now());
      return p?.kind === 'session' ? p.memberships[0]?.role : null;
    };
    expect(await roleIn(two)).toBe('analyst');
    await ctx.repos.people.setMembership({ personId: anna.personId, workspaceId: ctx.workspace.id, role: 'admin', trainee: false, now: ctx.now() });
    one.forgetPerson(anna.personId);
    await c.peers(1).settled();
    expect(await roleIn(two)).toBe('admin');
  });
});
