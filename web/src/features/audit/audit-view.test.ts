import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../api/types.js';
import en from '../../i18n/en.json';
import { actionKey, AUDIT_ACTIONS, appendEntries, detailsPreview, detailsText } from './audit-view.js';

const entry = (id: number): AuditRecord => ({
  id, workspaceId: 1, actor: { kind: 'person', id: 1, label: 'admin@x' }, action: 'token.created', target: `token:${id}`, details: null, ip: '127.0.0.1', at: '2026-01-01T00:00:00.000Z',
});

describe('audit view', () => {
  it('names every action it offers to filter by', () => {
    const names = (en as { audit: { action: Record<string, string> } }).audit.action;
    for (const action of Object.values(AUDIT_ACTIONS).flat()) expect(names[actionKey(action).slice('audit.action.'.length)], action).toBeTypeOf('string');
  });

  it.each([
    [null, null],
    [{}, null],
    [{ name: 'shop-sync', prefix: 'pulse_ab', scopes: ['read', 'ingest'] }, 'name: shop-sync · prefix: pulse_ab · scopes: read, ingest'],
    [{ email: 'a@x', from: { role: 'pr', trainee: false } }, 'email: a@x · from: (role: pr, trainee: false)'],
    [{ deep: { a: { b: 1 } } }, 'deep: {"a":{"b":1}}'],
    [{ reason: null, version: 3, ok: true }, 'reason: — · version: 3 · ok: true'],
  ])('previews %j as %j', (details, preview) => {
    expect(detailsPreview(details)).toBe(preview);
  });

  it('cuts a long preview', () => {
    const preview = detailsPreview({ text: 'x'.repeat(200) }, 20);
    expect(preview).toHaveLength(20);
    expect(preview?.endsWith('…')).toBe(true);
  });

  it('shows the details in full, and pages without repeats', () => {
    expect(detailsText({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(appendEntries([entry(5), entry(4)], [entry(4), entry(3)]).map((e) => e.id)).toEqual([5, 4, 3]);
  });
});
