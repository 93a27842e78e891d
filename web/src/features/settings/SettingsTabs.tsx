/** The pages of Settings, as tabs at the top of each. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../routing/Link.js';
import { ROUTES_SETTINGS_PATH, WEBHOOKS_SETTINGS_PATH, type Route } from '../../routing/routes.js';

const TABS = [
  { route: 'settings_routes', to: ROUTES_SETTINGS_PATH, label: 'routes.title' },
  { route: 'settings_webhooks', to: WEBHOOKS_SETTINGS_PATH, label: 'webhooks.title' },
] as const satisfies readonly { route: Route['name']; to: string; label: string }[];

export const SettingsTabs = ({ current }: { current: Route['name'] }) => {
  const { t } = useTranslation();
  return (
    <nav className="settings-tabs" aria-label={t('nav.settings')}>
      {TABS.map((tab) => (
        <Link key={tab.route} to={tab.to} className={`settings-tab${tab.route === current ? ' settings-tab--active' : ''}`} aria-current={tab.route === current ? 'page' : undefined}>
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
};
