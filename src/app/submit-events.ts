/**
 * Events sent to the API (a JSON array or NDJSON): each item is parsed like a line of a JSONL import,
 * the valid ones are ingested as one batch (one transaction: all of them or none) by the same
 * `ingestEvents` the import uses, and every item gets its own answer — created, duplicate (the same
 * source and source id was stored before, or earlier in the request) or rejected with the field and
 * reason. Sending the same request again stores nothing twice.
 */
import { AppError } from '../domain/errors.js';
import type { PulseEvent } from '../domain/event.js';
import { requirePermission, type Access } from './access.js';
import { describeIssues, EventLineSchema, toPulseEvent } from './event-input.js';
import { ingestEvents, type IngestDeps } from './ingest-events.js';
import type { EventKeyStore } from './ports.js';

export const MAX_EVENTS_PER_REQUEST = 10_000;

/** One item as received: its parsed JSON (or why it is not JSON), and its text for the audit copy. */
export type SubmittedItem = { ok: true; value: unknown; raw: string; line?: number } | { ok: false; reason: string; raw: string; line?: number };

export interface ItemResult {
  index: number;
  /** Line of an NDJSON body (1-based). */
  line?: number;
  status: 'created' | 'duplicate' | 'rejected';
  eventId?: number;
  customerId?: number;
  error?: { field: string; message: string };
  warnings?: { field: string; message: string }[];
}

export interface SubmitResult {
  accepted: number;
  duplicates: number;
  rejected: number;
  items: ItemResult[];
}

export const submitEvents = async (
  deps: IngestDeps & { events: EventKeyStore },
  access: Access,
  items: readonly SubmittedItem[],
  now: number,
): Promise<SubmitResult> => {
  requirePermission(access, 'ingest');
  if (items.length > MAX_EVENTS_PER_REQUEST) {
    throw new AppError('payload_too_large', `${items.length} events in one request: send at most ${MAX_EVENTS_PER_REQUEST} per request (and at most 5 MB)`, { details: { maxEvents: MAX_EVENTS_PER_REQUEST, events: items.length } });
  }
  const results: ItemResult[] = items.map((item, index) => ({ index, ...(item.line === undefined ? {} : { line: item.line }), status: 'rejected' }));
  const events: PulseEvent[] = [];
  const indexOf: number[] = [];
  items.forEach((item, index) => {
    const result = results[index]!;
    if (!item.ok) {
      result.error = { field: '(line)', message: item.reason };
      return;
    }
    const parsed = EventLineSchema.safeParse(item.value);
    if (!parsed.success) {
      const problems = describeIssues(parsed.error);
      result.error = { field: problems[0]!.field, message: problems.map((p) => (p.field === problems[0]!.field ? p.reason : `${p.field}: ${p.reason}`)).join('; ') };
      return;
    }
    events.push(toPulseEvent(parsed.data, item.raw));
    indexOf.push(index);
  });

  if (events.length > 0) {
    const batch = await ingestEvents(deps, access.workspace, events, now);
    const ids = await deps.events.idsBySource(access.workspace.id, events.map((e) => ({ source: e.source, sourceId: e.sourceId })));
    events.forEach((e, j) => {
      const result = results[indexOf[j]!]!;
      result.status = batch.outcomes[j] === 'accepted' ? 'created' : 'duplicate';
      const stored = ids.get(`${e.source}\u0000${e.sourceId}`);
      if (stored !== undefined) {
        result.eventId = stored.eventId;
        result.customerId = stored.customerId;
      }
    });
    for (const w of batch.warnings) {
      const result = results[indexOf[w.index]!]!;
      (result.warnings ??= []).push({ field: w.field, message: w.reason });
    }
  }
  const count = (status: ItemResult['status']) => results.filter((r) => r.status === status).length;
  return { accepted: count('created'), duplicates: count('duplicate'), rejected: count('rejected'), items: results };
};
