/** Builds every port implementation over an open store. */
import type { CustomerStore, CustomerViewStore, EventKeyStore, IngestStore, MergeStore, RouteStore, StageReadStore, WebhookStore, WorkspaceStore } from '../app/ports.js';
import type { AuditStore, PeopleStore, PolicyStore, SessionStore, TokenStore } from '../app/ports.js';
import { auditRepo } from './audit-repo.js';
import { peopleRepo } from './people-repo.js';
import { policyRepo } from './policy-repo.js';
import { sessionRepo, tokenRepo } from './session-repo.js';
import { customerRepo } from './customer-repo.js';
import { composedCustomerViews } from './customer-views.js';
import { sqliteCustomerList, sqliteCustomerViews } from './sqlite-customer-views.js';
import type { Store } from './db.js';
import { eventKeyRepo } from './event-key-repo.js';
import { mergeRepo } from './merge-repo.js';
import { postgresIngestStore } from './postgres-ingest.js';
import { sqliteIngestStore } from './sqlite-ingest.js';
import { sqliteParallelStages } from './sqlite-parallel-stages.js';
import { routeRepo, stageReadRepo } from './route-repo.js';
import { webhookRepo } from './webhook-repo.js';
import { workspaceRepo } from './workspace-repo.js';
import { createWriteLock, noWriteLock } from './write-lock.js';

export interface Repositories {
  workspaces: WorkspaceStore;
  customers: CustomerStore;
  /** One customer's page, read together. */
  customerViews: CustomerViewStore;
  merges: MergeStore;
  ingest: IngestStore;
  routes: RouteStore;
  stages: StageReadStore;
  webhooks: WebhookStore;
  events: EventKeyStore;
  people: PeopleStore;
  sessions: SessionStore;
  tokens: TokenStore;
  policies: PolicyStore;
  audit: AuditStore;
}

export interface StoreOptions {
  /** Worker threads for re-evaluating everyone's stages (SQLite); 0: none. */
  stageWorkers?: number;
  /** Below this many customers a workspace is re-evaluated on one thread. */
  parallelStagesFrom?: number;
}

export const repositoriesFor = (store: Store, opts: StoreOptions = {}): Repositories => {
  const writeLock = store.dialect === 'sqlite' ? createWriteLock() : noWriteLock;
  const snapshots = store.dialect === 'sqlite' ? store.snapshots : null;
  const kysely = customerRepo(store.db);
  const customers = snapshots === null ? kysely : { ...kysely, list: sqliteCustomerList(snapshots, kysely.list) };
  const routes = routeRepo(store.db, writeLock);
  const stages = stageReadRepo(store.db);
  return {
    workspaces: workspaceRepo(store.db, writeLock),
    customers,
    customerViews: snapshots === null ? composedCustomerViews({ customers, routes, stages }) : sqliteCustomerViews(snapshots),
    merges: mergeRepo(store.db, writeLock),
    ingest: store.dialect === 'sqlite'
      ? {
        ...sqliteIngestStore(store.writer, writeLock),
        ...(store.path === ':memory:' ? {} : { parallelStages: sqliteParallelStages(store.path, store.writer, { workers: opts.stageWorkers ?? 0, minCustomers: opts.parallelStagesFrom ?? 50_000 }) }),
      }
      : postgresIngestStore(store.pool),
    routes,
    stages,
    webhooks: webhookRepo(store.db, writeLock),
    events: eventKeyRepo(store.db),
    people: peopleRepo(store.db, writeLock),
    sessions: sessionRepo(store.db, writeLock),
    tokens: tokenRepo(store.db, writeLock),
    policies: policyRepo(store.db, writeLock),
    audit: auditRepo(store.db, writeLock),
  };
};
