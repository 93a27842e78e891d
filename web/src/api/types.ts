/** Wire shapes of the Pulse REST API (/api/v1), as the UI reads them. Instants are ISO strings. */
export type * from './types/customers.js';
export type * from './types/stages.js';
export type * from './types/people.js';
export type * from './types/webhooks.js';

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
