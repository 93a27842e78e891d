/**
 * Where the customer stands on each KPI route: the stage and since when, all stages as a stepper,
 * why they are there (the rule, each condition ✓/✗ with the facts it read), what the next stage
 * still needs, and the history of moves.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConditionExplanation, CustomerStage, StageWhy } from '../../api/types.js';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format.js';
import { formatFactValue } from './fact-value.js';
import { StageHistory } from './StageHistory.js';
import { shortfall } from './stage-why.js';

interface Money {
  currency: string;
}

const Condition = ({ c, currency }: { c: ConditionExplanation } & Money) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const gap = shortfall(c);
  const values = Object.entries(c.values);
  const amount = gap === null ? '' : gap.money ? formatMoney(gap.amount, currency, lang) : formatNumber(gap.amount, lang);
  return (
    <li className={`condition condition--${c.holds ? 'holds' : 'fails'}`} data-holds={String(c.holds)}>
      <span className="condition-mark" aria-hidden="true">{c.holds ? '✓' : '✗'}</span>
      <span className="visually-hidden">{c.holds ? t('stage.holds') : t('stage.fails')}: </span>
      <code className="condition-text">{c.text}</code>
      {(values.length > 0 || gap !== null) && (
        <span className="condition-detail">
          {values.map(([name, v], i) => (
            <span key={name} className="condition-value">
              {i > 0 && ', '}<code>{name}</code> {formatFactValue(name, v, currency, lang, t)}
            </span>
          ))}
          {gap !== null && (
            <span className="condition-needs">
              {values.length > 0 && ' · '}{gap.strict ? t('stage.needsMoreThan', { amount }) : t('stage.needs', { amount, count: gap.amount })}
            </span>
          )}
        </span>
      )}
    </li>
  );
};

/** A stage's rule and its conditions; the rule is shown apart only when it has several. */
const Reasons = ({ why, currency }: { why: StageWhy } & Money) => {
  const { t } = useTranslation();
  const conditions = why.explanation.conditions;
  return (
    <>
      {conditions.length !== 1 && <p className="stage-rule small">{t('stage.rule')} <code>{why.rule}</code></p>}
      <ul className="conditions">
        {conditions.map((c, i) => <Condition key={`${i}:${c.text}`} c={c} currency={currency} />)}
      </ul>
    </>
  );
};

const Stepper = ({ stage: s }: { stage: CustomerStage }) => {
  const { t } = useTranslation();
  const current = s.current?.index ?? -1;
  return (
    <ol className="stepper" aria-label={t('stage.steps')}>
      {s.stages.map((st) => {
        const where = st.index < current ? 'below' : st.index === current ? 'current' : 'above';
        return (
          <li key={st.index} className={`step step--${where}`} aria-current={where === 'current' ? 'step' : undefined}>
            <span className="step-dot" aria-hidden="true" />
            <span className="step-name">{st.name}</span>
            <span className={`step-mode step-mode--${st.mode}`} title={t(`stage.modeHint.${st.mode}`)}>{t(`stage.mode.${st.mode}`)}</span>
          </li>
        );
      })}
    </ol>
  );
};

const RouteStage = ({ stage: s, currency }: { stage: CustomerStage } & Money) => {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const cur = s.current;
  return (
    <section className="card stage-panel" aria-labelledby={titleId} data-route={s.routeId}>
      <div className="card-header">
        <h2 id={titleId}>{t('stage.title')}</h2>
        <span className="muted small">{s.routeName}</span>
      </div>
      <div className="stage-now">
        <p className={`stage-name${cur === null ? ' stage-name--none' : ''}`}>{cur?.name ?? t('stage.none')}</p>
        {cur !== null && s.since !== null && (
          <p className="muted small">
            <time dateTime={s.since}>{t('stage.since', { date: formatDate(s.since, i18n.language) })}</time>
          </p>
        )}
      </div>
      <Stepper stage={s} />
      <div className="stage-why">
        <h3>{t('stage.why')}</h3>
        {cur === null ? <p className="muted small">{t('stage.noneWhy')}</p> : (
          <>
            {cur.keptFromBefore && <p className="stage-kept small">{t('stage.kept')}</p>}
            <Reasons why={cur} currency={currency} />
          </>
        )}
      </div>
      {s.next !== null && (
        <div className="stage-next">
          <h3>{t('stage.next')} <span className="stage-next-name">{s.next.name}</span></h3>
          <Reasons why={s.next} currency={currency} />
        </div>
      )}
      <StageHistory stage={s} />
    </section>
  );
};

export const StagePanels = ({ stages, currency }: { stages: readonly CustomerStage[] } & Money) => (
  <>
    {stages.map((s) => <RouteStage key={s.routeId} stage={s} currency={currency} />)}
  </>
);
