/**
 * The Pulse event line: the one input shape every source reduces to (JSONL import, the ingest API,
 * the demo). Parsed here, at the edge, into a PulseEvent; documented in docs/events.md.
 */
import { z } from 'zod';
import type { IdentityRef, PulseEvent } from '../domain/event.js';
import { normaliseEmail, normalisePhone } from '../domain/identity.js';
import { parseInstant } from '../domain/time.js';

const snake = z.string().min(1).max(40).regex(/^[a-z][a-z0-9_]*$/, 'expected lower snake_case');
const shortText = z.string().trim().min(1).max(200);
const id = z.union([z.string().trim().min(1).max(200), z.number().int().transform(String)]);

export const IdentitySchema = z
  .object({ channel: snake, id: id.optional(), handle: shortText.optional() })
  .refine((v) => v.id !== undefined || v.handle !== undefined, { message: 'an identity needs an id or a handle' });

export const CustomerRefSchema = z
  .object({
    identities: z.array(IdentitySchema).max(20).default([]),
    email: z.string().trim().max(254).regex(/^[^@\s]+@[^@\s]+$/, 'not an email address').optional(),
    email_verified: z.boolean().default(true),
    phone: z.string().trim().max(32).regex(/^\+?[\d\s().-]{4,}$/, 'not a phone number').optional(),
    phone_verified: z.boolean().default(true),
    shop_customer_id: id.optional(),
    name: z.string().trim().max(200).optional(),
  })
  .refine((c) => c.identities.length > 0 || c.email || c.phone || c.shop_customer_id, {
    message: 'no customer identity: give identities, email, phone or shop_customer_id',
  });

export const EventLineSchema = z
  .object({
    source: z.string().trim().min(1).max(64),
    source_id: id,
    kind: snake,
    channel: snake,
    direction: z.enum(['in', 'out']).default('in'),
    occurred_at: z.string().max(40).refine((s) => parseInstant(s) !== null, 'expected an ISO-8601 date-time'),
    customer: CustomerRefSchema,
    text: z.string().max(20_000).nullish(),
    lang: z.string().regex(/^[a-z]{2,3}$/, 'expected an ISO 639 code').nullish(),
    amount: z.number().finite().nullish(),
    currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code').nullish(),
    order_id: id.nullish(),
    thread_id: id.nullish(),
    in_reply_to: id.nullish(),
    meta: z.record(z.string(), z.unknown()).nullish(),
  })
  .refine((e) => e.amount == null || e.currency != null, { message: 'an amount needs a currency', path: ['currency'] });

export type EventLineInput = z.input<typeof EventLineSchema>;
export type EventLine = z.output<typeof EventLineSchema>;

/** Turns a validated line into the event the pipeline ingests; `raw` is the payload as received. */
export const toPulseEvent = (line: EventLine, raw: string): PulseEvent => {
  const c = line.customer;
  const identities: IdentityRef[] = c.identities.map((i) => ({
    kind: i.channel, externalId: i.id ?? null, handle: i.handle ?? null, verified: true,
  }));
  if (c.shop_customer_id !== undefined) identities.push({ kind: 'shop', externalId: c.shop_customer_id, handle: null, verified: true });
  if (c.email) identities.push({ kind: 'email', externalId: normaliseEmail(c.email), handle: null, verified: c.email_verified });
  if (c.phone) identities.push({ kind: 'phone', externalId: normalisePhone(c.phone), handle: null, verified: c.phone_verified });
  return {
    source: line.source,
    sourceId: line.source_id,
    kind: line.kind,
    channel: line.channel,
    direction: line.direction,
    occurredAt: parseInstant(line.occurred_at) as number,
    customer: { identities, name: c.name ?? null },
    text: line.text ?? null,
    lang: line.lang ?? null,
    amount: line.amount ?? null,
    currency: line.currency ?? null,
    orderId: line.order_id ?? null,
    threadId: line.thread_id ?? null,
    inReplyTo: line.in_reply_to ?? null,
    meta: line.meta ?? null,
    raw,
  };
};

/** "customer.email: not an email address; amount: expected number" — one line per problem. */
export const describeIssues = (error: z.ZodError): { field: string; reason: string }[] =>
  error.issues.map((issue) => ({ field: issue.path.join('.') || '(line)', reason: issue.message }));
