/** The dashboard: the workspace at a glance, where customers stand on the route, and who was active last. */
import { useTranslation } from 'react-i18next';
import { formatMoney, formatNumber, formatRelative } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { customerPath } from '../../routing/routes.js';
import { ChannelBadges } from '../common/ChannelBadges.js';
import { customerName } from '../common/customer-name.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { StagesCard } from './StagesCard.js';
import { useWorkspaceOverview } from './useWorkspaceOverview.js';

export const Dashboard = () => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { current } = useWorkspace();
  const { overview, recent, stages } = useWorkspaceOverview(current?.slug ?? null);
  useDocumentTitle(t('nav.dashboard'));
  const now = Date.now();
  const page = recent.data;

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{t('nav.dashboard')}</p>
        <h1>{overview.data?.name ?? current?.name ?? t('nav.dashboard')}</h1>
      </header>

      {overview.error && <ErrorState error={overview.error} onRetry={overview.reload} />}
      {overview.loading && <Loading />}
      {overview.data && (
        <section aria-labelledby="ws-counts">
          <h2 id="ws-counts" className="visually-hidden">{t('dashboard.atAGlance')}</h2>
          <dl className="stats">
            <div className="stat">
              <dt>{t('dashboard.customers')}</dt>
              <dd>{formatNumber(overview.data.customers, lang)}</dd>
            </div>
            <div className="stat">
              <dt>{t('dashboard.events')}</dt>
              <dd>{formatNumber(overview.data.events, lang)}</dd>
            </div>
            <div className="stat">
              <dt>{t('dashboard.currency')}</dt>
              <dd>{overview.data.currency}</dd>
            </div>
          </dl>
        </section>
      )}

      {current !== null && <StagesCard state={stages} />}

      <section className="card" aria-labelledby="recent-title">
        <div className="card-header">
          <h2 id="recent-title">{t('dashboard.recent')}</h2>
          <Link to="/customers" className="card-link">{t('dashboard.viewAll')}</Link>
        </div>
        {recent.error && <ErrorState error={recent.error} onRetry={recent.reload} />}
        {recent.loading && <Loading />}
        {page && page.items.length === 0 && <EmptyState title={t('dashboard.noCustomers')} hint={t('dashboard.noCustomersHint')} />}
        {page && page.items.length > 0 && (
          <ul className="recent-list">
            {page.items.map((c) => (
              <li key={c.id} className="recent-item">
                <div className="recent-main">
                  <Link to={customerPath(c.id)} className="recent-name">{customerName(c, t)}</Link>
                  <ChannelBadges channels={c.channels} />
                </div>
                <div className="recent-meta">
                  {c.purchases > 0 && <span className="muted">{formatMoney(c.spendTotal, page.currency, lang)}</span>}
                  {c.lastSeenAt && (
                    <time dateTime={c.lastSeenAt} title={new Date(c.lastSeenAt).toLocaleString(lang)}>
                      {formatRelative(c.lastSeenAt, now, lang)}
                    </time>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
};
