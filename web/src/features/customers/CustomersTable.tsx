/** The customer list as a table: who, how to reach them, what they did and when last. */
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../api/types.js';
import { formatDateTime, formatMoney, formatNumber, formatRelative } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { customerPath } from '../../routing/routes.js';
import { ChannelBadges } from '../common/ChannelBadges.js';
import { customerName } from '../common/customer-name.js';

export const CustomersTable = ({ items, currency, caption }: { items: readonly CustomerSummary[]; currency: string; caption: string }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const now = Date.now();
  return (
    <div className="table-wrap">
      <table className="table customers-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('customers.col.name')}</th>
            <th scope="col">{t('customers.col.email')}</th>
            <th scope="col">{t('customers.col.channels')}</th>
            <th scope="col" className="num">{t('customers.col.events')}</th>
            <th scope="col" className="num">{t('customers.col.purchases')}</th>
            <th scope="col" className="num">{t('customers.col.spend')}</th>
            <th scope="col">{t('customers.col.lastSeen')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row" className="cell-name">
                <Link to={customerPath(c.id)}>{customerName(c, t)}</Link>
              </th>
              <td className="cell-email" title={c.email ?? undefined}>{c.email ?? <span className="muted">—</span>}</td>
              <td><ChannelBadges channels={c.channels} /></td>
              <td className="num">{formatNumber(c.eventsCount, lang)}</td>
              <td className="num">{formatNumber(c.purchases, lang)}</td>
              <td className="num">{c.purchases > 0 || c.spendTotal !== 0 ? formatMoney(c.spendTotal, currency, lang) : <span className="muted">—</span>}</td>
              <td>
                {c.lastSeenAt === null ? <span className="muted">—</span> : (
                  <time dateTime={c.lastSeenAt} title={formatDateTime(c.lastSeenAt, lang)}>{formatRelative(c.lastSeenAt, now, lang)}</time>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
