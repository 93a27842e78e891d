/** Runs the migrations (up to the latest, or down one step) with Kysely's Migrator. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { isPostgres } from './dialect.js';
import { AppError } from '../domain/errors.js';
import * as createCore from './migrations/0001-create-core.js';
import * as createRoutes from './migrations/0002-create-routes.js';
import * as createPeople from './migrations/0003-create-people.js';
import * as createWebhooks from './migrations/0004-create-webhooks.js';
import * as scoreSentiment from './migrations/0005-score-sentiment.js';
import * as indexMerges from './migrations/0006-index-merges.js';
import * as eventPayloads from './migrations/0007-event-payloads.js';
import * as indexCustomerRoots from './migrations/0008-index-customer-roots.js';
import * as countCustomerRoots from './migrations/0009-count-customer-roots.js';
import * as dayEventViews from './migrations/0010-day-event-views.js';
import * as coverPageReads from './migrations/0011-cover-page-reads.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-create-core': createCore,
  '0002-create-routes': createRoutes,
  '0003-create-people': createPeople,
  '0004-create-webhooks': createWebhooks,
  '0005-score-sentiment': scoreSentiment,
  '0006-index-merges': indexMerges,
  '0007-event-payloads': eventPayloads,
  '0008-index-customer-roots': indexCustomerRoots,
  '0009-count-customer-roots': countCustomerRoots,
  '0010-day-event-views': dayEventViews,
  '0011-cover-page-reads': coverPageReads,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * On PostgreSQL the migration tables live in the connection's current schema (Kysely would otherwise
 * find another schema's tables, e.g. when each test or tenant has its own schema).
 */
const migratorFor = async (db: Kysely<any>): Promise<Migrator> => {
  // Migrations written on parallel branches land in any order; each stands on its own.
  if (!isPostgres(db)) return new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, allowUnorderedMigrations: true, migrationTableSchema: rows[0]?.schema ?? 'public' });
};

/**
 * Kysely's migrator looks at every table of every schema of the database (pg_get_serial_sequence on
 * each); a schema dropped meanwhile by someone else (another tenant, another test) makes that look
 * fail with invalid_schema_name. Nothing was migrated then: look again.
 */
const SCHEMA_VANISHED = '3F000';

export const migrateToLatest = async (db: Kysely<any>): Promise<string[]> => {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await (await migratorFor(db)).migrateToLatest();
    if (error && (error as { code?: string }).code === SCHEMA_VANISHED && attempt < 5) continue;
    if (error) throw new AppError('internal_error', `migration failed: ${String(error)}`, { cause: error });
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }
};

export const migrateDown = async (db: Kysely<any>): Promise<string[]> => {
  const { error, results } = await (await migratorFor(db)).migrateDown();
  if (error) throw new AppError('internal_error', `migration down failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
