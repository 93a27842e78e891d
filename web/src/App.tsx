/** The app: the current route's page inside the layout, once the workspace is known. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CustomerPage } from './features/customer/CustomerPage.js';
import { CustomersPage } from './features/customers/CustomersPage.js';
import { Dashboard } from './features/dashboard/Dashboard.js';
import { EmptyState, ErrorState, Loading } from './features/common/StatusMessage.js';
import { useDocumentTitle } from './features/common/useDocumentTitle.js';
import { FunnelPage } from './features/funnel/FunnelPage.js';
import { RoutesPage } from './features/settings/RoutesPage.js';
import { Layout } from './features/shell/Layout.js';
import { WebhooksPage } from './features/webhooks/WebhooksPage.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { PeoplePage } from './features/people/PeoplePage.js';
import { PolicyPage } from './features/policy/PolicyPage.js';
import { TokensPage } from './features/tokens/TokensPage.js';
import { useWorkspace } from './features/workspace/useWorkspace.js';
import { useLocation } from './routing/history.js';
import { Link } from './routing/Link.js';
import { matchRoute, type Route } from './routing/routes.js';

const NotFound = () => {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p><Link to="/">{t('notFound.home')}</Link></p>
    </div>
  );
};

const Page = ({ route }: { route: Route }) => {
  switch (route.name) {
    case 'dashboard': return <Dashboard />;
    case 'customers': return <CustomersPage />;
    case 'customer': return <CustomerPage key={route.id} id={route.id} />;
    case 'funnel': return <FunnelPage />;
    case 'settings_routes': return <RoutesPage />;
    case 'settings_webhooks': return <WebhooksPage />;
    case 'settings_people': return <PeoplePage />;
    case 'settings_tokens': return <TokensPage />;
    case 'settings_policy': return <PolicyPage />;
    case 'settings_audit': return <AuditPage />;
    case 'not_found': return <NotFound />;
  }
};

export const App = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const route = matchRoute(pathname);
  const { workspaces, current, error, reload } = useWorkspace();

  // After a client-side navigation, move focus to the page so screen readers announce it.
  const main = useRef<string>(pathname);
  useEffect(() => {
    if (main.current === pathname) return;
    main.current = pathname;
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [pathname]);

  let body;
  if (error) body = <div className="page"><ErrorState error={error} onRetry={reload} /></div>;
  else if (workspaces === null) body = <div className="page"><Loading /></div>;
  else if (current === null) body = <div className="page"><EmptyState title={t('workspace.none')} hint={t('workspace.noneHint')} /></div>;
  else body = <Page route={route} />;

  return <Layout route={route.name}>{body}</Layout>;
};
