/** Migrations go down and up again cleanly on both stores. */
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDown, migrateToLatest } from '../src/store/migrate.js';
import { DIALECTS, openTestContext, type TestContext } from './stores.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let ctx: TestContext;
  afterEach(async () => ctx?.close());

  it('reverts the latest migration and reapplies it', async () => {
    ctx = await openTestContext(dialect);
    expect(await migrateDown(ctx.store.db)).toEqual(['0001-create-core']);
    await expect(ctx.repos.workspaces.list()).rejects.toThrow();
    expect(await migrateToLatest(ctx.store.db)).toEqual(['0001-create-core']);
    expect(await ctx.repos.workspaces.list()).toEqual([]);
    expect(await migrateToLatest(ctx.store.db)).toEqual([]);
  });
});
