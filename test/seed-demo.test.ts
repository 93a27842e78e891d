/** The demo workspace: seeded through the real pipeline, reproducible, and never wiping imported data. */
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
import { verifyPassword } from '../src/app/credentials.js';
import { DEMO_STAFF } from '../src/demo/staff.js';
import { seedDemo } from '../src/ingest/seed-demo.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

describe.each(DIALECTS)('demo workspace on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('is seeded reproducibly and refuses to wipe events imported into it', async () => {
    ctx = await openTestContext(dialect);
    const opts = { seed: 7, customers: 60, now: Date.parse('2026-05-15T12:00:00Z'), batchSize: 500, clock: ctx.now };
    const first = await seedDemo(ctx.repos, opts);
    expect(first.workspace).toBe('demo');
    expect(first.events).toBeGreaterThan(300);
    expect(first.customers).toBeGreaterThan(30);
    const again = await seedDemo(ctx.repos, opts);
    expect({ ...again, durationMs: 0 }).toEqual({ ...first, durationMs: 0 });

    const demo = (await ctx.repos.workspaces.findBySlug('demo'))!;
    const line = { source: 'my-shop', source_id: '1', kind: 'purchase', channel: 'shop', occurred_at: '2026-05-01T00:00:00Z', customer: { email: 'me@example.com' } };
    await ingestEvents(ctx.repos, demo, [toPulseEvent(EventLineSchema.parse(line), JSON.stringify(line))], ctx.now());
    await expect(seedDemo(ctx.repos, opts)).rejects.toMatchObject({ code: 'validation_failed', message: expect.stringContaining('my-shop') });
    expect((await seedDemo(ctx.repos, { ...opts, force: true })).events).toBe(first.events);
  });

  it('comes with one demo person per role and a policy, and keeps its members when seeded again', async () => {
    ctx = await openTestContext(dialect);
    const opts = { seed: 7, customers: 20, now: Date.parse('2026-05-15T12:00:00Z'), batchSize: 500, clock: ctx.now };
    await seedDemo(ctx.repos, opts);
    const owner = await ctx.repos.people.create({ email: 'owner@example.com', name: 'Owner', passwordHash: null, mustChangePassword: false, now: ctx.now() });
    await ctx.repos.people.setMembership({ personId: owner.id, workspaceId: (await ctx.repos.workspaces.findBySlug('demo'))!.id, role: 'admin', trainee: false, now: ctx.now() });
    await seedDemo(ctx.repos, opts);
    const demo = (await ctx.repos.workspaces.findBySlug('demo'))!;
    const members = await ctx.repos.people.members(demo.id);
    expect(members.map((m) => [m.email, m.role, m.trainee]).sort()).toEqual([
      ...DEMO_STAFF.map((p) => [p.email, p.role, p.trainee]), ['owner@example.com', 'admin', false],
    ].sort());
    const analyst = DEMO_STAFF.find((p) => p.role === 'analyst')!;
    expect(await verifyPassword(analyst.password, (await ctx.repos.people.findByEmail(analyst.email))!.passwordHash)).toBe(true);
    expect((await ctx.repos.policies.current(demo.id))?.text).toContain('Social media policy');
  });
});
