/**
 * The funnel as a chart: one centred bar per stage, as wide as the customers who entered it (SVG
 * attributes, since the CSP forbids inline styles), and between two bars a neck with the share that
 * went on to the next stage. The numbers are also text, so the chart reads without the bars.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FunnelStage } from '../../api/types.js';
import { formatNumber, formatPercent } from '../../i18n/format.js';

/** A bar's width in 0–100 of the widest; never invisible for a stage someone entered. */
export const barWidth = (entered: number, max: number): number =>
  entered <= 0 || max <= 0 ? 0 : Math.max(1, Math.round((entered / max) * 1000) / 10);

const left = (width: number): number => (100 - width) / 2;

export const FunnelChart = ({ stages, caption }: { stages: readonly FunnelStage[]; caption: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const captionId = useId();
  const max = Math.max(0, ...stages.map((s) => s.entered));
  const widths = stages.map((s) => barWidth(s.entered, max));

  return (
    <figure className="funnel-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="visually-hidden">{caption}</figcaption>
      <ol className="funnel-steps">
        {stages.map((s, i) => {
          const w = widths[i] ?? 0;
          const next = widths[i + 1];
          return (
            <li key={s.key} className="funnel-step" data-stage={s.key}>
              <span className="funnel-step-name">{s.name}</span>
              <svg className="funnel-step-bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                <rect className="funnel-bar-track" x="0" y="4.5" width="100" height="1" />
                {w > 0 && <rect className="funnel-bar" x={left(w)} y="0" width={w} height="10" rx="0.6" />}
              </svg>
              <span className="funnel-step-count">
                {formatNumber(s.entered, lang)}
                <span className="visually-hidden"> {t('funnel.entered')}</span>
              </span>
              {next !== undefined && (
                <div className="funnel-neck">
                  <svg className="funnel-neck-shape" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <polygon points={`${left(w)},0 ${100 - left(w)},0 ${100 - left(next)},10 ${left(next)},10`} />
                  </svg>
                  {/* Nobody entered: nobody to go on, and the 0 beside the bar says so already. */}
                  {s.conversionToNext !== null && (
                    <span className="funnel-neck-label">{t('funnel.toNext', { percent: formatPercent(s.conversionToNext, lang) })}</span>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </figure>
  );
};
