/** Workspaces in the store. Settings are JSON, parsed with a schema when read back. */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Workspace, WorkspaceStore } from '../app/ports.js';
import type { Tables, WorkspaceTable } from './tables.js';
import type { WriteLock } from './write-lock.js';

const SettingsSchema = z.object({ rates: z.record(z.string(), z.number().positive()).default({}) });

const toWorkspace = (row: Selectable<WorkspaceTable>): Workspace => ({
  id: row.id, slug: row.slug, name: row.name, currency: row.currency,
  rates: SettingsSchema.parse(JSON.parse(row.settings)).rates, createdAt: row.created_at,
});

export const workspaceRepo = (db: Kysely<Tables>, writeLock: WriteLock): WorkspaceStore => ({
  async findBySlug(slug) {
    const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
    return row === undefined ? null : toWorkspace(row);
  },
  async create(input) {
    await writeLock(() => db
      .insertInto('workspaces')
      .values({ slug: input.slug, name: input.name, currency: input.currency, settings: JSON.stringify({ rates: input.rates }), created_at: input.createdAt })
      .onConflict((oc) => oc.column('slug').doNothing())
      .execute());
    const row = await db.selectFrom('workspaces').selectAll().where('slug', '=', input.slug).executeTakeFirstOrThrow();
    return toWorkspace(row);
  },
  async list() {
    return (await db.selectFrom('workspaces').selectAll().orderBy('id').execute()).map(toWorkspace);
  },
  async sources(id) {
    const rows = await db.selectFrom('events').select('source').distinct().where('workspace_id', '=', id).execute();
    return rows.map((r) => r.source);
  },
  async remove(id) {
    await writeLock(() => db.transaction().execute(async (trx) => {
      await trx.deleteFrom('customer_days').where('customer_id', 'in', trx.selectFrom('customers').select('id').where('workspace_id', '=', id)).execute();
      await trx.deleteFrom('customer_stages').where('customer_id', 'in', trx.selectFrom('customers').select('id').where('workspace_id', '=', id)).execute();
      for (const table of ['event_payloads', 'events', 'identities', 'merges', 'stage_transitions', 'routes', 'customers'] as const) {
        await trx.deleteFrom(table).where('workspace_id', '=', id).execute();
      }
      await trx.deleteFrom('policy_acknowledgements').where('policy_id', 'in', trx.selectFrom('policies').select('id').where('workspace_id', '=', id)).execute();
      for (const table of ['memberships', 'api_tokens', 'policies', 'audit_log'] as const) {
        await trx.deleteFrom(table).where('workspace_id', '=', id).execute();
      }
      for (const table of ['webhook_attempts', 'webhook_deliveries', 'webhooks'] as const) await trx.deleteFrom(table).where('workspace_id', '=', id).execute();
      await trx.deleteFrom('workspaces').where('id', '=', id).execute();
    }));
  },
});
