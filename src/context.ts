/**
 * What every process role needs: the configuration, an open and migrated store, and the
 * repositories over it. Server, CLI and workers all start from here.
 */
import { createEventBus, type EventBus } from './app/domain-events.js';
import type { Config } from './config.js';
import { migrateToLatest } from './store/migrate.js';
import { openStore, type Store } from './store/db.js';
import { repositoriesFor, type Repositories } from './store/repositories.js';

export interface Context {
  config: Config;
  store: Store;
  repos: Repositories;
  /** The clock, injected so tests and `--as-of` control time. */
  now: () => number;
  /** In-process domain events (customer.stage_changed…). */
  bus: EventBus;
  close(): Promise<void>;
}

export const openContext = async (config: Config, opts: { migrate?: boolean } = {}): Promise<Context> => {
  const store = openStore(config.DATABASE_URL, { readCacheMb: config.PULSE_SQLITE_READ_CACHE_MB });
  if (opts.migrate !== false) await migrateToLatest(store.db);
  return { config, store, repos: repositoriesFor(store, { stageWorkers: config.PULSE_STAGE_WORKERS, parallelStagesFrom: config.PULSE_STAGE_PARALLEL_FROM }), now: () => Date.now(), bus: createEventBus(), close: () => store.close() };
};
