/** Builds every port implementation over an open store. */
import type { CustomerStore, IngestStore, MergeStore, RouteStore, StageReadStore, WorkspaceStore } from '../app/ports.js';
import { customerRepo } from './customer-repo.js';
import type { Store } from './db.js';
import { mergeRepo } from './merge-repo.js';
import { postgresIngestStore } from './postgres-ingest.js';
import { sqliteIngestStore } from './sqlite-ingest.js';
import { routeRepo, stageReadRepo } from './route-repo.js';
import { workspaceRepo } from './workspace-repo.js';
import { createWriteLock, noWriteLock } from './write-lock.js';

export interface Repositories {
  workspaces: WorkspaceStore;
  customers: CustomerStore;
  merges: MergeStore;
  ingest: IngestStore;
  routes: RouteStore;
  stages: StageReadStore;
}

export const repositoriesFor = (store: Store): Repositories => {
  const writeLock = store.dialect === 'sqlite' ? createWriteLock() : noWriteLock;
  return {
    workspaces: workspaceRepo(store.db, writeLock),
    customers: customerRepo(store.db),
    merges: mergeRepo(store.db, writeLock),
    ingest: store.dialect === 'sqlite' ? sqliteIngestStore(store.writer, writeLock) : postgresIngestStore(store.pool),
    routes: routeRepo(store.db, writeLock),
    stages: stageReadRepo(store.db),
  };
};
