/** Wire shapes of workspaces, customers, identities, merges and events. */
import type { CustomerStage } from './stages.js';

export interface WorkspaceSummary {
  slug: string;
  name: string;
  currency: string;
  createdAt: string;
}

export interface WorkspaceOverview extends WorkspaceSummary {
  customers: number;
  events: number;
}

export interface CustomerSummary {
  id: number;
  displayName: string | null;
  email: string | null;
  phone: string | null;
  channels: string[];
  eventsCount: number;
  interactions: number;
  purchases: number;
  spendTotal: number;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
}

export interface CustomerPage {
  total: number;
  limit: number;
  offset: number;
  currency: string;
  items: CustomerSummary[];
}

export type LinkSource = 'event' | 'email_match' | 'phone_match' | 'manual' | (string & {});

export interface Identity {
  id: number;
  customerId: number;
  kind: string;
  externalId: string | null;
  handle: string | null;
  verified: boolean;
  linkSource: LinkSource;
  confidence: number;
  createdAt: string;
}

export interface Merge {
  id: number;
  targetId: number;
  mergedId: number;
  linkSource: LinkSource;
  confidence: number;
  reason: string | null;
  actor: string;
  createdAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

export interface PulseEvent {
  id: number;
  customerId: number;
  source: string;
  sourceId: string;
  kind: string;
  channel: string;
  direction: 'in' | 'out';
  occurredAt: string;
  text: string | null;
  lang: string | null;
  /** How the text reads, when it was scored: sentiment, score (−1…1) and emotion. */
  sentiment: 'negative' | 'neutral' | 'positive' | null;
  sentimentScore: number | null;
  emotion: string | null;
  amount: number | null;
  currency: string | null;
  orderId: string | null;
  threadId: string | null;
  inReplyTo: string | null;
  meta: Record<string, unknown> | null;
}

export interface CustomerDetail extends CustomerSummary {
  mergedInto: number | null;
  mergedIds: number[];
  currency: string;
  asOf: string;
  facts: Record<string, number | null>;
  identities: Identity[];
  merges: Merge[];
  events: PulseEvent[];
  /** The customer's position on each route of the workspace, with the reasons. */
  stages: CustomerStage[];
}
