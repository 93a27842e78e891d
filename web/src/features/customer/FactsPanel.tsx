/** The customer's facts: the few people look at first, then every fact in a table on request. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format.js';
import { formatFactValue } from './fact-value.js';

export const KEY_FACTS = [
  'purchases', 'spend_total', 'spend_365d', 'interactions', 'interactions_90d', 'active_weeks_90d', 'days_since_last_interaction',
  'sentiment_avg_30d', 'positive_mentions_90d',
] as const;

export const FactsPanel = ({ facts, currency, asOf }: { facts: Record<string, number | null>; currency: string; asOf: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const show = (name: string): string => formatFactValue(name, facts[name], currency, lang, t);
  const all = Object.keys(facts).sort();

  return (
    <section className="card" aria-labelledby="facts-title">
      <div className="card-header">
        <h2 id="facts-title">{t('facts.title')}</h2>
        <span className="muted small">{t('facts.asOf', { date: formatDateTime(asOf, lang) })}</span>
      </div>
      <dl className="facts">
        {KEY_FACTS.map((name) => (
          <div key={name} className="fact" data-fact={name}>
            <dt>{t(`facts.label.${name}`)}</dt>
            <dd>{show(name)}</dd>
          </div>
        ))}
      </dl>
      <details className="all-facts">
        <summary>{t('facts.all', { count: all.length })}</summary>
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{t('facts.name')}</th>
              <th scope="col" className="num">{t('facts.value')}</th>
            </tr>
          </thead>
          <tbody>
            {all.map((name) => (
              <tr key={name}>
                <th scope="row"><code>{name}</code></th>
                <td className="num">{show(name)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
};
