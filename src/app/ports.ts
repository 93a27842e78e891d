/**
 * The narrow interfaces the use cases need from the store. The store adapters (SQLite, PostgreSQL)
 * implement them; use cases never see a driver.
 */
export type * from './ports/ingest.js';
export type * from './ports/stages.js';
export type * from './ports/customers.js';
export type * from './ports/people.js';
export type * from './ports/webhooks.js';
