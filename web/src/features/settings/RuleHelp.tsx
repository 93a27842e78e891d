/**
 * How to write an entry rule, in short (the full reference is docs/rules.md in Pulse's source,
 * which the server does not serve), with the facts most rules use and the default route as examples.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageDefinition } from '../../api/types.js';

/** The facts most rules use; every event kind has a count too (comments, reviews…), also per window. */
const COMMON_FACTS = [
  'events', 'interactions', 'purchases', 'refunds', 'spend_total', 'spend_365d', 'interactions_90d', 'active_weeks_90d',
  'days_since_last_interaction', 'comments', 'messages', 'reviews', 'positive_mentions_90d', 'reach', 'sentiment_avg_30d', 'consent.marketing',
] as const;

/** The default route (PRODUCT.md §2), as the server creates it for a new workspace. */
const DEFAULT_ROUTE: readonly StageDefinition[] = [
  { key: 'first_contact', name: 'First contact', rule: 'events >= 1', mode: 'sticky' },
  { key: 'first_interaction', name: 'First interaction', rule: 'posts + comments + messages + reviews + newsletter_signups >= 1', mode: 'sticky' },
  { key: 'regular', name: 'Regular', rule: 'active_weeks_90d >= 3', mode: 'live' },
  { key: 'buyer', name: 'Buyer', rule: 'purchases >= 1', mode: 'sticky' },
  { key: 'multiple_buyer', name: 'Multiple buyer', rule: 'purchases >= 2', mode: 'sticky' },
  { key: 'spokesperson', name: 'Spokesperson / influencer', rule: 'positive_mentions_90d + shares_90d + referrals_90d >= 3 or (reach >= 5000 and sentiment_avg_30d > 0)', mode: 'live' },
  { key: 'high_value', name: 'High-value buyer', rule: 'spend_365d >= 1000', mode: 'live' },
];

const Codes = ({ items }: { items: readonly string[] }) => (
  <>{items.map((c, i) => <span key={c}>{i > 0 && ' '}<code>{c}</code></span>)}</>
);

export const RuleHelp = () => {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="card rule-help" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('routes.help.title')}</h2>
      <div className="rule-help-grid">
        <div className="rule-help-syntax">
          <ul className="help-list">
            <li>{t('routes.help.stages')}</li>
            <li>{t('routes.help.compare')} <Codes items={['>=', '>', '<=', '<', '==', '!=']} /></li>
            <li>{t('routes.help.combine')} <Codes items={['and', 'or', 'not', '( … )']} /> {t('routes.help.arithmetic')} <Codes items={['+', '-', '*', '/']} /></li>
            <li>{t('routes.help.durations')} <Codes items={['90d', '2w', '12h']} /></li>
            <li>{t('routes.help.missing')}</li>
          </ul>
          <h3>{t('routes.help.facts')}</h3>
          <p className="fact-names"><Codes items={COMMON_FACTS} /></p>
          <p className="hint">{t('routes.help.windows')} <Codes items={['comments_30d', 'purchases_90d', 'spend_7d']} /></p>
          <p className="hint">{t('routes.help.reference')} <code>docs/rules.md</code></p>
        </div>
        <div className="rule-help-examples">
          <h3>{t('routes.help.examples')}</h3>
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">{t('routes.col.name')}</th>
                <th scope="col">{t('routes.col.rule')}</th>
                <th scope="col">{t('routes.col.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {DEFAULT_ROUTE.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{s.name}</th>
                  <td className="break"><code>{s.rule}</code></td>
                  <td>{t(`stage.mode.${s.mode}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
};
