/**
 * The database tables as Kysely sees them. Times are epoch milliseconds (bigint), booleans are 0/1
 * integers and JSON is text, so one schema reads the same on SQLite and PostgreSQL.
 */
import type { CustomerDayTable, CustomerTable, EventPayloadTable, EventTable, IdentityTable, MergeTable, WorkspaceTable } from './tables/core.js';
import type { CustomerStageTable, RouteTable, StageTransitionTable } from './tables/stages.js';
import type { ApiTokenTable, AuditLogTable, MembershipTable, PasswordResetTable, PersonTable, PolicyAcknowledgementTable, PolicyTable, SessionTable } from './tables/people.js';
import type { WebhookAttemptTable, WebhookDeliveryTable, WebhookTable } from './tables/webhooks.js';

export type * from './tables/core.js';
export type * from './tables/stages.js';
export type * from './tables/people.js';
export type * from './tables/webhooks.js';

export interface Tables {
  workspaces: WorkspaceTable;
  customers: CustomerTable;
  customer_days: CustomerDayTable;
  identities: IdentityTable;
  events: EventTable;
  event_payloads: EventPayloadTable;
  merges: MergeTable;
  routes: RouteTable;
  customer_stages: CustomerStageTable;
  stage_transitions: StageTransitionTable;
  people: PersonTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  password_resets: PasswordResetTable;
  policies: PolicyTable;
  policy_acknowledgements: PolicyAcknowledgementTable;
  audit_log: AuditLogTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_attempts: WebhookAttemptTable;
}
