/** The funnel as a table: per stage, who entered, the conversion to the next stage, the median days to reach it. */
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';

export const FunnelTable = ({ stages, caption }: { stages: readonly FunnelStage[]; caption: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const none = <span className="muted">—</span>;
  return (
    <div className="table-wrap">
      <table className="table funnel-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num funnel-table-index">#</th>
            <th scope="col">{t('funnel.col.stage')}</th>
            <th scope="col" className="num">{t('funnel.col.entered')}</th>
            <th scope="col" className="num">{t('funnel.col.conversion')}</th>
            <th scope="col" className="num">{t('funnel.col.median')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => (
            <tr key={s.key} data-stage={s.key}>
              <td className="num funnel-table-index muted">{s.index + 1}</td>
              <th scope="row">{s.name}</th>
              <td className="num">{formatNumber(s.entered, lang)}</td>
              <td className="num">
                {s.conversionToNext === null ? none : formatNumber(s.conversionToNext, lang, { style: 'percent', maximumFractionDigits: 1 })}
              </td>
              <td className="num">
                {s.medianDaysToReach === null ? none : formatNumber(s.medianDaysToReach, lang, { maximumFractionDigits: 1 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
