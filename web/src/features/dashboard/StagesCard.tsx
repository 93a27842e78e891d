/**
 * The dashboard's "Stages" card: how many customers stand at each stage of the first route, as
 * horizontal bars (SVG widths, since the CSP forbids inline styles).
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import type { StageCounts } from '../../api/types.js';
import type { ApiState } from '../../api/useApi.js';
import { formatNumber } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { ROUTES_SETTINGS_PATH } from '../../routing/routes.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';

/** A bar's length in 0–100, never invisible for a stage that has customers. */
export const barLength = (customers: number, max: number): number =>
  customers <= 0 || max <= 0 ? 0 : Math.max(1, Math.round((customers / max) * 1000) / 10);

export const StagesCard = ({ state }: { state: ApiState<StageCounts> }) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const data = state.data;
  // The server answers not_found when the workspace has no route at all.
  const noRoute = state.error instanceof ApiError && state.error.code === 'not_found';
  const max = data === null ? 0 : Math.max(0, ...data.counts.map((c) => c.customers));

  return (
    <section className="card stages-card" aria-labelledby={titleId}>
      <div className="card-header">
        <h2 id={titleId}>
          {t('dashboard.stages')}
          {data !== null && <span className="muted small stages-card-route"> · {data.route.name}</span>}
        </h2>
        <Link to={ROUTES_SETTINGS_PATH} className="card-link">{t('dashboard.editRoute')}</Link>
      </div>
      {noRoute && <EmptyState title={t('dashboard.noRoute')} />}
      {state.error !== null && !noRoute && <ErrorState error={state.error} onRetry={state.reload} />}
      {state.loading && <Loading />}
      {data !== null && (
        <ol className="stage-bars">
          {data.counts.map((c) => (
            <li key={c.stage ?? 'none'} className={`stage-bar${c.stage === null ? ' stage-bar--none' : ''}`} data-stage={c.key ?? ''}>
              <span className="stage-bar-name">{c.name ?? t('stage.none')}</span>
              <svg className="stage-bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="stage-bar-track" x="0" y="0" width="100" height="10" />
                <rect className="stage-bar-fill" x="0" y="0" width={barLength(c.customers, max)} height="10" />
              </svg>
              <span className="stage-bar-count">{formatNumber(c.customers, i18n.language)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
};
