/** Migrations go down and up again cleanly on both stores. */
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../src/store/migrate.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('reverts the latest migration and reapplies it', async () => {
    ctx = await openTestContext(dialect);
    expect(await migrateDown(ctx.store.db)).toEqual(['0002-create-routes']);
    await expect(ctx.store.db.selectFrom('routes').selectAll().execute()).rejects.toThrow();
    expect(await migrateToLatest(ctx.store.db)).toEqual(['0002-create-routes']);
    expect(await ctx.store.db.selectFrom('routes').selectAll().execute()).toEqual([]);
    expect((await ctx.repos.workspaces.list()).map((w) => w.slug)).toEqual(['test']);
    expect(await migrateToLatest(ctx.store.db)).toEqual([]);
  });
});
