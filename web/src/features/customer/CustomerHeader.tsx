/** Who the customer is: name, contact points, channels, and where they were merged to. */
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../api/types.js';
import { formatDate } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { customerPath } from '../../routing/routes.js';
import { ChannelBadges } from '../common/ChannelBadges.js';
import { customerName } from '../common/customer-name.js';

export const CustomerHeader = ({ customer: c }: { customer: CustomerDetail }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <header className="page-header customer-header">
      <p className="eyebrow">
        <Link to="/customers">{t('customer.back')}</Link>
        <span aria-hidden="true"> / </span>
        <span>{t('customer.number', { id: c.id })}</span>
      </p>
      <h1>{customerName(c, t)}</h1>
      {c.mergedInto !== null && (
        <p className="notice" role="note">
          {t('customer.mergedInto')}{' '}
          <Link to={customerPath(c.mergedInto)}>#{c.mergedInto}</Link>
        </p>
      )}
      <dl className="contact">
        <div>
          <dt>{t('customer.email')}</dt>
          <dd>{c.email === null ? <span className="muted">—</span> : <a href={`mailto:${c.email}`}>{c.email}</a>}</dd>
        </div>
        <div>
          <dt>{t('customer.phone')}</dt>
          <dd>{c.phone === null ? <span className="muted">—</span> : <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>}</dd>
        </div>
        <div>
          <dt>{t('customer.channels')}</dt>
          <dd>{c.channels.length === 0 ? <span className="muted">—</span> : <ChannelBadges channels={c.channels} />}</dd>
        </div>
        <div>
          <dt>{t('customer.firstSeen')}</dt>
          <dd>{c.firstSeenAt === null ? '—' : <time dateTime={c.firstSeenAt}>{formatDate(c.firstSeenAt, lang)}</time>}</dd>
        </div>
        <div>
          <dt>{t('customer.lastSeen')}</dt>
          <dd>{c.lastSeenAt === null ? '—' : <time dateTime={c.lastSeenAt}>{formatDate(c.lastSeenAt, lang)}</time>}</dd>
        </div>
      </dl>
    </header>
  );
};
