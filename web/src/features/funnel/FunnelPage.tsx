/**
 * The funnel page: for a route and a period, how many customers entered each stage, how many went
 * on to the next, and how long it took them from first contact; as a chart and a table, exportable
 * as CSV. The route and the period live in the URL.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Funnel } from '../../api/types.js';
import { useCan } from '../auth/useAuth.js';
import { formatDate } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { ROUTES_SETTINGS_PATH } from '../../routing/routes.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { downloadFile } from './download-file.js';
import { funnelCsv, funnelFileName } from './funnel-csv.js';
import { dayOf, rangeProblem } from './funnel-period.js';
import { FunnelChart } from './FunnelChart.js';
import { FunnelControls } from './FunnelControls.js';
import { FunnelTable } from './FunnelTable.js';
import { useFunnel } from './useFunnel.js';
import { useFunnelQuery } from './useFunnelQuery.js';

const FunnelResult = ({ slug, data, busy }: { slug: string; data: Funnel; busy: boolean }) => {
  const { t, i18n } = useTranslation();
  const chartTitle = useId();
  const tableTitle = useId();
  const canExport = useCan('export');
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<Error | null>(null);
  const period = t('funnel.periodShown', { from: formatDate(data.from, i18n.language), to: formatDate(data.to, i18n.language) });
  const caption = t('funnel.caption', { route: data.route.name, period });

  // The file holds what the server gave for the export (and wrote in the audit log), not the page's copy.
  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const exported = await api.exportFunnel(slug, { route: data.route.id, from: data.from, to: data.to });
      const csv = funnelCsv(exported.stages, {
        stage: t('funnel.col.stage'), entered: t('funnel.col.entered'), conversion: t('funnel.csvConversion'), median: t('funnel.col.median'),
      });
      // The byte-order mark lets spreadsheets read the file as UTF-8 (æ, ø, å, à…).
      downloadFile(funnelFileName(exported.route.name, dayOf(new Date(exported.from)), dayOf(new Date(exported.to))), `\uFEFF${csv}`, 'text/csv;charset=utf-8');
    } catch (err) {
      setExportError(err as Error);
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <section className={`card funnel-card${busy ? ' is-busy' : ''}`} aria-labelledby={chartTitle} aria-busy={busy}>
        <div className="card-header">
          <h2 id={chartTitle}>
            {data.route.name}
            <span className="muted small funnel-period"> · {period}</span>
          </h2>
          <Link to={ROUTES_SETTINGS_PATH} className="card-link">{t('dashboard.editRoute')}</Link>
        </div>
        <FunnelChart stages={data.stages} caption={caption} />
      </section>
      <section className={`card card--flush funnel-table-card${busy ? ' is-busy' : ''}`} aria-labelledby={tableTitle} aria-busy={busy}>
        <div className="card-header funnel-table-header">
          <h2 id={tableTitle}>{t('funnel.table')}</h2>
          {canExport && <button type="button" className="button" onClick={() => void exportCsv()} disabled={busy || exporting}>{t('funnel.export')}</button>}
        </div>
        {exportError && <ErrorState error={exportError} />}
        <FunnelTable stages={data.stages} caption={caption} />
        <p className="hint funnel-notes">{t('funnel.notes')}</p>
      </section>
    </>
  );
};

const FunnelView = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const query = useFunnelQuery();
  const urlProblem = rangeProblem(query.range);
  const { routes, route, missing, funnel } = useFunnel(slug, query.routeId, urlProblem === null ? query.range : null);
  const items = routes.data?.items ?? routes.lastData?.items ?? null;

  if (routes.error) return <ErrorState error={routes.error} onRetry={routes.reload} />;
  if (items === null) return <Loading />;
  if (items.length === 0) {
    return (
      <div className="funnel-empty">
        <EmptyState title={t('funnel.noRoute')} hint={t('funnel.noRouteHint')} />
        <p><Link to={ROUTES_SETTINGS_PATH}>{t('funnel.setUpRoute')}</Link></p>
      </div>
    );
  }

  // While another period or route loads, the last funnel stays on screen, dimmed.
  const canShow = route !== null && urlProblem === null;
  const shown = canShow ? funnel.data ?? funnel.lastData : null;
  const busy = funnel.loading || query.pending;
  const nobody = shown !== null && shown.stages.every((s) => s.entered === 0);

  return (
    <>
      <FunnelControls query={query} routes={items} routeId={route?.id ?? null} />
      {missing && <EmptyState title={t('funnel.routeMissing')} hint={t('funnel.routeMissingHint')} />}
      {canShow && funnel.error && <ErrorState error={funnel.error} onRetry={funnel.reload} />}
      {canShow && !funnel.error && shown === null && <Loading />}
      {!funnel.error && shown !== null && nobody && (
        <div className={busy ? 'is-busy' : undefined} aria-busy={busy}>
          <EmptyState title={t('funnel.empty', { route: shown.route.name })} hint={t('funnel.emptyHint')} />
        </div>
      )}
      {!funnel.error && shown !== null && !nobody && <FunnelResult slug={slug} data={shown} busy={busy} />}
    </>
  );
};

export const FunnelPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  useDocumentTitle(t('funnel.title'));
  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{current?.name}</p>
        <h1>{t('funnel.title')}</h1>
        <p className="lede">{t('funnel.intro')}</p>
      </header>
      {current !== null && <FunnelView key={current.slug} slug={current.slug} />}
    </div>
  );
};
