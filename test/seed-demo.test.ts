/** The demo workspace: seeded through the real pipeline, reproducible, and never wiping imported data. */
import { afterEach, describe, expect, it } from 'vitest';
import { EventLineSchema, toPulseEvent } from '../src/app/event-input.js';
import { ingestEvents } from '../src/app/ingest-events.js';
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
});
