import { describe, expect, it } from 'vitest';
import type { Permission } from '../../api/types.js';
import { visibleTabs } from './settings-tabs.js';

const ADMIN: Permission[] = ['read', 'export', 'mergeCustomers', 'editRoutes', 'replyPublicly', 'ingest', 'managePeople', 'manageTokens', 'manageChannels', 'manageWebhooks', 'editPolicy', 'readAudit'];
const HEAD: Permission[] = ['read', 'export', 'mergeCustomers', 'editRoutes', 'replyPublicly', 'editPolicy'];
const ANALYST: Permission[] = ['read', 'export'];

describe('visibleTabs', () => {
  it.each([
    ['an admin', ADMIN, ['settings_routes', 'settings_policy', 'settings_people', 'settings_tokens', 'settings_webhooks', 'settings_audit']],
    ['a head of social', HEAD, ['settings_routes', 'settings_policy']],
    ['an analyst', ANALYST, ['settings_routes', 'settings_policy']],
  ] as const)('%s sees %j', (_who, permissions, tabs) => {
    expect(visibleTabs(permissions, 'settings_routes').map((t) => t.route)).toEqual(tabs);
  });

  it('keeps the tab of the page someone opened by its address', () => {
    expect(visibleTabs(ANALYST, 'settings_audit').map((t) => t.route)).toEqual(['settings_routes', 'settings_policy', 'settings_audit']);
  });
});
