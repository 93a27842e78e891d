/** The pages of Settings, as tabs at the top of each: only those the person's role may use. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../routing/Link.js';
import type { Route } from '../../routing/routes.js';
import { useAuth } from '../auth/useAuth.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { visibleTabs } from './settings-tabs.js';

export const SettingsTabs = ({ current }: { current: Route['name'] }) => {
  const { t } = useTranslation();
  const { state } = useAuth();
  const { current: workspace } = useWorkspace();
  const grant = state.status === 'signed_in' ? state.session.workspaces.find((w) => w.slug === workspace?.slug) : undefined;
  return (
    <nav className="settings-tabs" aria-label={t('nav.settings')}>
      {visibleTabs(grant?.permissions ?? [], current).map((tab) => (
        <Link key={tab.route} to={tab.to} className={`settings-tab${tab.route === current ? ' settings-tab--active' : ''}`} aria-current={tab.route === current ? 'page' : undefined}>
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
};
