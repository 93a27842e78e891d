/** Runs the migrations (up to the latest, or down one step) with Kysely's Migrator. */
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { AppError } from '../domain/errors.js';
import * as createCore from './migrations/0001-create-core.js';

const MIGRATIONS: Record<string, Migration> = {
  '0001-create-core': createCore,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

const migratorFor = (db: Kysely<any>): Migrator => new Migrator({ db, provider });

export const migrateToLatest = async (db: Kysely<any>): Promise<string[]> => {
  const { error, results } = await migratorFor(db).migrateToLatest();
  if (error) throw new AppError('internal_error', `migration failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};

export const migrateDown = async (db: Kysely<any>): Promise<string[]> => {
  const { error, results } = await migratorFor(db).migrateDown();
  if (error) throw new AppError('internal_error', `migration down failed: ${String(error)}`, { cause: error });
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
};
