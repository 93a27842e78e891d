/** The frame of every page: a skip link, the top bar with the switchers and who is signed in, the navigation, the page. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../routing/Link.js';
import type { Route } from '../../routing/routes.js';
import { UserMenu } from '../auth/UserMenu.js';
import { PolicyBanner } from '../policy/PolicyBanner.js';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { Nav } from './Nav.js';
import { WorkspaceSwitcher } from './WorkspaceSwitcher.js';

export const Layout = ({ route, children }: { route: Route['name']; children: ReactNode }) => {
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('common.skipToContent')}</a>
      <header className="topbar">
        <Link to="/" className="brand">
          <img src="/favicon.svg" alt="" width={24} height={24} />
          <span className="brand-name">Pulse</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        <div className="topbar-tools">
          <WorkspaceSwitcher />
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </header>
      <div className="frame">
        <aside className="sidebar">
          <Nav route={route} />
        </aside>
        <main id="main" className="main" tabIndex={-1}>
          {route !== 'settings_policy' && <PolicyBanner />}
          {children}
        </main>
      </div>
    </div>
  );
};
