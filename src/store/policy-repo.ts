/** The social media policy of each workspace, versioned, and who acknowledged which version. */
import type { Kysely, Selectable } from 'kysely';
import type { Policy, PolicyStore } from '../app/ports.js';
import { AppError } from '../domain/errors.js';
import type { PolicyTable, Tables } from './tables.js';
import { isUniqueViolation } from './unique-violation.js';
import type { WriteLock } from './write-lock.js';

const toPolicy = (r: Selectable<PolicyTable>): Policy => ({
  id: r.id, workspaceId: r.workspace_id, version: r.version, text: r.text, createdBy: r.created_by, createdAt: r.created_at,
});

export const policyRepo = (db: Kysely<Tables>, writeLock: WriteLock): PolicyStore => ({
  async current(workspaceId) {
    const row = await db.selectFrom('policies').selectAll().where('workspace_id', '=', workspaceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
    return row === undefined ? null : toPolicy(row);
  },
  async publish(workspaceId, input) {
    try {
      return await writeLock(() => db.transaction().execute(async (trx) => {
        const last = await trx.selectFrom('policies').select((eb) => eb.fn.max('version').as('v')).where('workspace_id', '=', workspaceId).executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        const row = await trx.insertInto('policies').values({ workspace_id: workspaceId, version, text: input.text, created_by: input.createdBy, created_at: input.now })
          .returningAll().executeTakeFirstOrThrow();
        return toPolicy(row);
      }));
    } catch (err) {
      // Two editors at once on PostgreSQL: the unique (workspace, version) index lets one win.
      if (isUniqueViolation(err)) throw new AppError('conflict', 'the policy was changed at the same time; reload and try again', { cause: err });
      throw err;
    }
  },
  async acknowledge(personId, policyId, now) {
    await writeLock(() => db.insertInto('policy_acknowledgements').values({ person_id: personId, policy_id: policyId, at: now })
      .onConflict((oc) => oc.columns(['person_id', 'policy_id']).doNothing()).execute());
  },
  async acknowledgedAt(personId, policyId) {
    const row = await db.selectFrom('policy_acknowledgements').select('at').where('person_id', '=', personId).where('policy_id', '=', policyId).executeTakeFirst();
    return row === undefined ? null : row.at;
  },
});
