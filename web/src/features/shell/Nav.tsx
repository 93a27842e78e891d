/**
 * The main navigation over the areas of the product. Areas not built yet are shown, disabled, with a
 * "coming" label, so people see where Pulse is going without landing on empty pages.
 */
import { useTranslation } from 'react-i18next';
import { Link } from '../../routing/Link.js';
import { FUNNEL_PATH, ROUTES_SETTINGS_PATH, type Route } from '../../routing/routes.js';
import { SETTINGS_ROUTES } from '../settings/settings-tabs.js';

interface Area {
  key: string;
  /** Where it lives, for the areas that exist. */
  to?: string;
  /** Which routes belong to it, for aria-current. */
  routes?: Route['name'][];
}

const AREAS: readonly Area[] = [
  { key: 'dashboard', to: '/', routes: ['dashboard'] },
  { key: 'inbox' },
  { key: 'customers', to: '/customers', routes: ['customers', 'customer'] },
  { key: 'funnel', to: FUNNEL_PATH, routes: ['funnel'] },
  { key: 'metrics' },
  { key: 'playbooks' },
  { key: 'ecosystem' },
  { key: 'maturity' },
  { key: 'ideas' },
  { key: 'settings', to: ROUTES_SETTINGS_PATH, routes: [...SETTINGS_ROUTES] },
];

export const Nav = ({ route }: { route: Route['name'] }) => {
  const { t } = useTranslation();
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      <ul>
        {AREAS.map((area) => {
          const label = t(`nav.${area.key}`);
          if (area.to === undefined) {
            return (
              <li key={area.key}>
                <span className="nav-item nav-item--disabled" aria-disabled="true" title={t('nav.comingHint')}>
                  <span>{label}</span>
                  <span className="nav-coming">{t('nav.coming')}</span>
                </span>
              </li>
            );
          }
          const active = area.routes?.includes(route) ?? false;
          // The area's own page gets "page"; a page inside it (one customer) marks the area as "location".
          const current = active ? (area.routes?.[0] === route ? 'page' : 'location') : undefined;
          return (
            <li key={area.key}>
              <Link to={area.to} className={`nav-item${active ? ' nav-item--active' : ''}`} aria-current={current}>
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
};
