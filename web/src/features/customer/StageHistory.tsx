/** Every move of the customer on one route, newest first: from → to, when, what caused it, the rule. */
import { useTranslation } from 'react-i18next';
import type { CustomerStage } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { stageNameAt } from './stage-why.js';

/** Moves shown before "show all". */
const SHOWN = 5;

export const StageHistory = ({ stage: s }: { stage: CustomerStage }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const name = (index: number | null) => (index === null ? t('stage.offRoute') : stageNameAt(s, index));
  const moves = [...s.history].reverse();

  const item = (h: (typeof moves)[number], i: number) => (
    <li key={`${h.at}:${i}`} className="stage-move" data-cause={h.cause}>
      <p className="stage-move-line">
        <span className={h.from === null ? 'muted' : undefined}>{name(h.from)}</span>
        {' '}<span aria-hidden="true">→</span><span className="visually-hidden">{t('stage.to')}</span>{' '}
        <strong className={h.to === null ? 'muted' : undefined}>{name(h.to)}</strong>
      </p>
      <p className="muted small">
        <time dateTime={h.at}>{formatDateTime(h.at, lang)}</time>
        {' · '}<span className={`badge badge--cause badge--cause-${h.cause}`}>{t(`stage.cause.${h.cause}`, { defaultValue: h.cause })}</span>
      </p>
      {h.rule !== null && <p className="small break"><code>{h.rule}</code></p>}
    </li>
  );

  return (
    <div className="stage-history">
      <h3>{t('stage.history')}</h3>
      {moves.length === 0 ? <p className="muted small">{t('stage.noHistory')}</p> : (
        <>
          <ol className="stage-moves">{moves.slice(0, SHOWN).map(item)}</ol>
          {moves.length > SHOWN && (
            <details className="stage-moves-more">
              <summary>{t('stage.earlier', { count: moves.length - SHOWN })}</summary>
              <ol className="stage-moves">{moves.slice(SHOWN).map((h, i) => item(h, i + SHOWN))}</ol>
            </details>
          )}
        </>
      )}
    </div>
  );
};
