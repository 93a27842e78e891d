import { describe, expect, it } from 'vitest';
import { can, canResetPasswordOf, permissionsOf, replyDecision, requirePermission, ROLES, type Actor } from './access.js';

const person = (role: (typeof ROLES)[number], trainee = false): { actor: Actor } => ({ actor: { kind: 'person', personId: 1, email: 'a@b.c', role, trainee } });
const token = (...scopes: ('read' | 'write' | 'ingest' | 'admin')[]): { actor: Actor } => ({ actor: { kind: 'token', tokenId: 1, name: 't', scopes } });

describe('permissions', () => {
  it('lets analysts read and nothing else', () => {
    expect(can(person('analyst'), 'read')).toBe(true);
    for (const p of ['mergeCustomers', 'editRoutes', 'replyPublicly', 'ingest', 'managePeople', 'manageTokens', 'manageWebhooks', 'readAudit'] as const) {
      expect(can(person('analyst'), p), p).toBe(false);
    }
  });

  it('keeps people, tokens, channels and webhooks to admins', () => {
    for (const role of ROLES) {
      for (const p of ['managePeople', 'manageTokens', 'manageChannels', 'manageWebhooks', 'readAudit'] as const) expect(can(person(role), p), `${role} ${p}`).toBe(role === 'admin');
    }
  });

  it('grants token scopes: admin includes all, write includes read, ingest only ingests', () => {
    expect(can(token('read'), 'read')).toBe(true);
    expect(can(token('read'), 'mergeCustomers')).toBe(false);
    expect(can(token('write'), 'read')).toBe(true);
    expect(can(token('write'), 'editRoutes')).toBe(true);
    expect(can(token('ingest'), 'ingest')).toBe(true);
    expect(can(token('ingest'), 'read')).toBe(false);
    expect(can(token('admin'), 'manageWebhooks')).toBe(true);
    expect(can(token('admin'), 'replyPublicly')).toBe(false);
  });

  it('says why a public reply may not go out', () => {
    expect(replyDecision(person('care_agent'), false)).toBe('needs_policy_acknowledgement');
    expect(replyDecision(person('care_agent'), true)).toBe('allowed');
    expect(replyDecision(person('care_agent', true), true)).toBe('needs_approval');
    expect(replyDecision(person('analyst'), true)).toBe('forbidden');
  });

  it('lets an admin reset only people whose every workspace they administer', () => {
    const admin = person('admin').actor;
    expect(canResetPasswordOf(admin, [1, 2], [1])).toBe(true);
    expect(canResetPasswordOf(admin, [1], [1, 2])).toBe(false);
    expect(canResetPasswordOf({ kind: 'system', name: 'cli' }, [], [1, 2])).toBe(true);
  });

  it('lists the permissions of a role', () => {
    expect(permissionsOf(person('analyst'))).toEqual(['read', 'export']);
    expect(permissionsOf(token('ingest'))).toEqual(['ingest']);
  });

  it('refuses with a forbidden error naming the action', () => {
    expect(() => requirePermission(person('analyst'), 'editRoutes')).toThrow(/not allowed to edit routes/);
  });
});
