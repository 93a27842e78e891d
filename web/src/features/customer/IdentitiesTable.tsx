/** The identities that make up this customer, with how each was linked and how sure we are. */
import { useTranslation } from 'react-i18next';
import type { Identity } from '../../api/types.js';
import { formatPercent } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { customerPath } from '../../routing/routes.js';
import { ChannelBadge } from '../common/ChannelBadges.js';

export const IdentitiesTable = ({ identities, customerId }: { identities: readonly Identity[]; customerId: number }) => {
  const { t, i18n } = useTranslation();
  return (
    <section className="card" aria-labelledby="identities-title">
      <div className="card-header">
        <h2 id="identities-title">{t('identities.title')}</h2>
      </div>
      {identities.length === 0 ? <p className="muted">{t('identities.none')}</p> : (
        <div className="table-wrap">
          <table className="table table--compact identities-table">
            <thead>
              <tr>
                <th scope="col">{t('identities.kind')}</th>
                <th scope="col">{t('identities.id')}</th>
                <th scope="col">{t('identities.handle')}</th>
                <th scope="col">{t('identities.verified')}</th>
                <th scope="col">{t('identities.linkSource')}</th>
                <th scope="col" className="num">{t('identities.confidence')}</th>
              </tr>
            </thead>
            <tbody>
              {identities.map((i) => (
                <tr key={i.id}>
                  <td>
                    <ChannelBadge channel={i.kind} />
                    {i.customerId !== customerId && (
                      <span className="muted small"> {t('identities.via')} <Link to={customerPath(i.customerId)}>#{i.customerId}</Link></span>
                    )}
                  </td>
                  <td className="mono break">{i.externalId ?? <span className="muted">—</span>}</td>
                  <td className="break">{i.handle ?? <span className="muted">—</span>}</td>
                  <td>{i.verified ? t('common.yes') : t('common.no')}</td>
                  <td>{t(`linkSource.${i.linkSource}`, { defaultValue: i.linkSource })}</td>
                  <td className="num">{formatPercent(i.confidence, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
};
