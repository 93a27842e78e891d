/**
 * A customer's page reads the merges the customer took part in (as target or as merged): by
 * target and by merged customer, instead of every merge of the workspace.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('merges_target').on('merges').column('target_id').execute();
  await db.schema.createIndex('merges_merged').on('merges').column('merged_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('merges_merged').execute();
  await db.schema.dropIndex('merges_target').execute();
}
