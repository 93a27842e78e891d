/** The funnel page's controls: the route (when there are several), the period, custom dates. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteSummary } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import { PRESETS } from './funnel-period.js';
import type { FunnelQuery } from './useFunnelQuery.js';

export const FunnelControls = ({ query, routes, routeId }: { query: FunnelQuery; routes: readonly RouteSummary[]; routeId: number | null }) => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const { period, draft, draftProblem } = query;
  const custom = period.kind === 'custom';
  const problemId = `${id}-problem`;

  return (
    <div className="funnel-controls">
      {routes.length > 1 && (
        <div className="field field--inline">
          <label htmlFor={`${id}-route`}>{t('funnel.route')}</label>
          <select id={`${id}-route`} value={routeId ?? ''} onChange={(e) => query.selectRoute(Number(e.target.value))}>
            {routeId === null && <option value="" disabled>{t('funnel.chooseRoute')}</option>}
            {routes.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </select>
        </div>
      )}
      <fieldset className="segmented">
        <legend className="visually-hidden">{t('funnel.period')}</legend>
        {PRESETS.map((days) => (
          <label key={days} className="segmented-option">
            <input type="radio" name={`${id}-period`} checked={period.kind === 'preset' && period.days === days} onChange={() => query.selectPreset(days)} />
            <span>{t('funnel.lastDays', { days: formatNumber(days, i18n.language) })}</span>
          </label>
        ))}
        <label className="segmented-option">
          <input type="radio" name={`${id}-period`} checked={custom} onChange={query.selectCustom} />
          <span>{t('funnel.custom')}</span>
        </label>
      </fieldset>
      {custom && (
        <div className="funnel-dates">
          <div className="field field--inline">
            <label htmlFor={`${id}-from`}>{t('funnel.from')}</label>
            <input id={`${id}-from`} type="date" value={draft.from} max={draft.to || undefined} required
              aria-invalid={draftProblem !== null} aria-describedby={draftProblem !== null ? problemId : undefined}
              onChange={(e) => query.setDraft({ from: e.target.value })} />
          </div>
          <div className="field field--inline">
            <label htmlFor={`${id}-to`}>{t('funnel.to')}</label>
            <input id={`${id}-to`} type="date" value={draft.to} min={draft.from || undefined} required
              aria-invalid={draftProblem !== null} aria-describedby={draftProblem !== null ? problemId : undefined}
              onChange={(e) => query.setDraft({ to: e.target.value })} />
          </div>
          {draftProblem !== null && (
            <p id={problemId} className="field-problem" role="alert">
              {t(draftProblem === 'order' ? 'funnel.rangeOrder' : 'funnel.rangeIncomplete')}
            </p>
          )}
        </div>
      )}
    </div>
  );
};
