/**
 * People and what secures them: people (sign-in by email and password), their memberships of
 * workspaces (a role each), sessions, API tokens, password reset links, the social media policy with
 * its acknowledgements, and the audit log. Secrets are never stored: sessions, tokens and reset links
 * are kept as SHA-256 hashes, passwords as scrypt hashes.
 */
import type { Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const idType = pg ? 'bigserial' : 'integer';
  const big = pg ? 'bigint' : 'integer';

  // Emails are stored lower-case (the repository normalises them), so the unique index is case-insensitive.
  await db.schema
    .createTable('people')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('disabled_at', big)
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('person_id', big, (c) => c.notNull())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('trainee', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['person_id', 'workspace_id'])
    .execute();
  await db.schema.createIndex('memberships_workspace').on('memberships').column('workspace_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', big, (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('last_seen_at', big, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('last_used_at', big)
    .addColumn('revoked_at', big)
    .execute();
  await db.schema.createIndex('api_tokens_workspace').on('api_tokens').column('workspace_id').execute();

  await db.schema
    .createTable('password_resets')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('person_id', big, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .addColumn('expires_at', big, (c) => c.notNull())
    .addColumn('used_at', big)
    .execute();
  await db.schema.createIndex('password_resets_person').on('password_resets').column('person_id').execute();

  await db.schema
    .createTable('policies')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('policies_workspace_version').unique().on('policies').columns(['workspace_id', 'version']).execute();

  await db.schema
    .createTable('policy_acknowledgements')
    .addColumn('person_id', big, (c) => c.notNull())
    .addColumn('policy_id', big, (c) => c.notNull())
    .addColumn('at', big, (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_acknowledgements_pk', ['person_id', 'policy_id'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('workspace_id', big)
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_id', big)
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('details', 'text')
    .addColumn('ip', 'text')
    .addColumn('at', big, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_log_workspace_at').on('audit_log').columns(['workspace_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'policy_acknowledgements', 'policies', 'password_resets', 'api_tokens', 'sessions', 'memberships', 'people']) {
    await db.schema.dropTable(table).execute();
  }
}
