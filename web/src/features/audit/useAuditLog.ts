/** The workspace's audit log, newest first: the first page, then older ones on demand (the API's cursor). */
import { api } from '../../api/client.js';
import type { AuditPage, AuditRecord } from '../../api/types.js';
import { useCursorPages, type CursorPages } from '../common/useCursorPages.js';

const PAGE = 50;

export type AuditLog = Omit<CursorPages<AuditRecord>, 'setItems'>;

export const useAuditLog = (slug: string, action: string | null): AuditLog =>
  useCursorPages<AuditRecord, NonNullable<AuditPage['next']>>(JSON.stringify([slug, action]), (cursor, signal) =>
    api.audit(slug, { action: action ?? undefined, limit: PAGE, ...(cursor === null ? {} : { before: cursor.before, beforeId: cursor.beforeId }) }, signal));
