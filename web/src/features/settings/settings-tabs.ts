/** The pages of Settings and who sees each: pure, so which tabs a role gets is tested without a browser. */
import type { Permission } from '../../api/types.js';
import {
  AUDIT_SETTINGS_PATH, PEOPLE_SETTINGS_PATH, POLICY_SETTINGS_PATH, ROUTES_SETTINGS_PATH, TOKENS_SETTINGS_PATH, WEBHOOKS_SETTINGS_PATH,
  type Route,
} from '../../routing/routes.js';

export interface SettingsTab {
  route: Route['name'];
  to: string;
  /** Translation key of the tab's label. */
  label: string;
  /** The permission needed to see the tab (the server checks again). */
  needs: Permission;
}

export const SETTINGS_TABS: readonly SettingsTab[] = [
  { route: 'settings_routes', to: ROUTES_SETTINGS_PATH, label: 'routes.title', needs: 'read' },
  { route: 'settings_policy', to: POLICY_SETTINGS_PATH, label: 'policy.title', needs: 'read' },
  { route: 'settings_people', to: PEOPLE_SETTINGS_PATH, label: 'people.title', needs: 'managePeople' },
  { route: 'settings_tokens', to: TOKENS_SETTINGS_PATH, label: 'tokens.title', needs: 'manageTokens' },
  { route: 'settings_webhooks', to: WEBHOOKS_SETTINGS_PATH, label: 'webhooks.title', needs: 'manageWebhooks' },
  { route: 'settings_audit', to: AUDIT_SETTINGS_PATH, label: 'audit.title', needs: 'readAudit' },
];

/** The settings routes, for the main navigation's "Settings" item. */
export const SETTINGS_ROUTES: readonly Route['name'][] = SETTINGS_TABS.map((tab) => tab.route);

/** The tabs someone with these permissions sees; the current page's tab always shows, so the page is never orphaned. */
export const visibleTabs = (permissions: readonly Permission[], current: Route['name']): SettingsTab[] =>
  SETTINGS_TABS.filter((tab) => tab.route === current || permissions.includes(tab.needs));
