/** The audit log: appended to, read newest first by (at, id) cursor. */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { AuditEntry, AuditRecord, AuditStore } from '../app/ports.js';
import type { AuditLogTable, Tables } from './tables.js';
import type { WriteLock } from './write-lock.js';

const ActorKind = z.enum(['person', 'token', 'system', 'anonymous']);
const Details = z.record(z.string(), z.unknown()).nullable();

const toRecord = (r: Selectable<AuditLogTable>): AuditRecord => ({
  id: r.id, workspaceId: r.workspace_id,
  actor: { kind: ActorKind.parse(r.actor_kind), id: r.actor_id, label: r.actor_label },
  action: r.action, target: r.target, details: Details.parse(r.details === null ? null : JSON.parse(r.details)), ip: r.ip, at: r.at,
});

const toRow = (e: AuditEntry) => ({
  workspace_id: e.workspaceId, actor_kind: e.actor.kind, actor_id: e.actor.id, actor_label: e.actor.label, action: e.action,
  target: e.target, details: e.details === null ? null : JSON.stringify(e.details), ip: e.ip, at: e.at,
});

export const auditRepo = (db: Kysely<Tables>, writeLock: WriteLock): AuditStore => ({
  async append(entries) {
    if (entries.length === 0) return;
    await writeLock(() => db.insertInto('audit_log').values(entries.map(toRow)).execute());
  },
  async list(workspaceId, query) {
    let q = db.selectFrom('audit_log').selectAll();
    q = workspaceId === null ? q.where('workspace_id', 'is', null) : q.where('workspace_id', '=', workspaceId);
    if (query.action !== null) q = q.where('action', '=', query.action);
    const before = query.before;
    if (before !== null) q = q.where((eb) => eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]));
    return (await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute()).map(toRecord);
  },
});
