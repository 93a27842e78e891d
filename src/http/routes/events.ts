/**
 * The ingest API: `POST /api/v1/events` (the workspace of the API token) and
 * `POST /api/v1/workspaces/:ws/events`, with a JSON array of event lines or NDJSON
 * (`application/x-ndjson`). Answers 200 when every event was stored or was a duplicate, 207 when some
 * were rejected — with a result per item either way — and 413 above 5 MB or 10,000 events.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Access } from '../../app/access.js';
import { MAX_EVENTS_PER_REQUEST, submitEvents, type SubmittedItem } from '../../app/submit-events.js';
import type { Context } from '../../context.js';
import { AppError } from '../../domain/errors.js';
import { principalOf, workspaceAccess } from '../auth.js';
import { errorHandler } from '../errors.js';
import { WorkspaceParamsSchema } from './customers.schema.js';

export const MAX_EVENTS_BODY = 5 * 1024 * 1024;
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];

/** An NDJSON body, split into lines by the content-type parser. */
class NdjsonBody {
  constructor(readonly text: string) {}
}

const tooLarge = (what: string) =>
  new AppError('payload_too_large', `${what}: send at most 5 MB and ${MAX_EVENTS_PER_REQUEST.toLocaleString('en')} events per request`, { details: { maxBytes: MAX_EVENTS_BODY, maxEvents: MAX_EVENTS_PER_REQUEST } });

const itemsOf = (body: unknown): SubmittedItem[] => {
  if (body instanceof NdjsonBody) {
    const items: SubmittedItem[] = [];
    const lines = body.text.split('\n');
    if (lines.filter((l) => l.trim() !== '').length > MAX_EVENTS_PER_REQUEST) throw tooLarge('too many events');
    lines.forEach((text, i) => {
      const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (raw.trim() === '') return;
      try {
        items.push({ ok: true, value: JSON.parse(raw) as unknown, raw, line: i + 1 });
      } catch (err) {
        items.push({ ok: false, reason: `not JSON: ${(err as Error).message}`, raw, line: i + 1 });
      }
    });
    return items;
  }
  if (!Array.isArray(body)) {
    throw new AppError('validation_failed', 'expected a JSON array of events (docs/events.md), or NDJSON with content-type application/x-ndjson');
  }
  if (body.length > MAX_EVENTS_PER_REQUEST) throw tooLarge('too many events');
  return body.map((value: unknown) => ({ ok: true, value, raw: JSON.stringify(value) ?? 'null' }));
};

export const eventRoutes = async (app: FastifyInstance, ctx: Context): Promise<void> => {
  await app.register(async (scope) => {
    scope.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string', bodyLimit: MAX_EVENTS_BODY }, (_req, body, done) => done(null, new NdjsonBody(body as string)));
    // Say what the limits are when a body is too large (the shared table says only "too large").
    scope.setErrorHandler((err: FastifyError | Error, req: FastifyRequest, reply: FastifyReply) =>
      errorHandler((err as FastifyError).statusCode === 413 ? tooLarge('request body over 5 MB') : err, req, reply));

    const handle = async (access: Access, req: FastifyRequest, reply: FastifyReply) => {
      const result = await submitEvents({ ...ctx.repos, bus: ctx.bus }, access, itemsOf(req.body), ctx.now());
      return reply.status(result.rejected > 0 ? 207 : 200).send(result);
    };

    scope.post('/api/v1/events', { bodyLimit: MAX_EVENTS_BODY }, async (req, reply) => {
      const principal = principalOf(req);
      if (principal.kind !== 'token') {
        throw new AppError('validation_failed', 'POST /api/v1/events takes its workspace from an API token; signed in, use POST /api/v1/workspaces/:ws/events');
      }
      const ws = (await ctx.repos.workspaces.list()).find((w) => w.id === principal.token.workspaceId);
      if (ws === undefined) throw new AppError('workspace_not_found', 'the workspace of this token no longer exists');
      return handle(await workspaceAccess(req, ws.slug), req, reply);
    });

    scope.post('/api/v1/workspaces/:ws/events', { bodyLimit: MAX_EVENTS_BODY }, async (req, reply) =>
      handle(await workspaceAccess(req, WorkspaceParamsSchema.parse(req.params).ws), req, reply));
  });
};
