/** The audit log's entries: when, who, what, on what, from where, and the details (collapsed). */
import { useTranslation } from 'react-i18next';
import type { AuditRecord } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { actionKey, detailsPreview, detailsText } from './audit-view.js';

const Details = ({ entry }: { entry: AuditRecord }) => {
  const { t } = useTranslation();
  const preview = detailsPreview(entry.details);
  if (preview === null) return <span className="muted">—</span>;
  return (
    <details className="audit-details">
      <summary><span className="visually-hidden">{t('audit.showDetails')}: </span>{preview}</summary>
      <pre className="payload">{detailsText(entry.details)}</pre>
    </details>
  );
};

export const AuditTable = ({ items }: { items: readonly AuditRecord[] }) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table table--compact audit-table">
        <caption className="visually-hidden">{t('audit.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.when')}</th>
            <th scope="col">{t('audit.col.who')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col">{t('audit.col.ip')}</th>
            <th scope="col">{t('audit.col.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td className="audit-when"><time dateTime={e.at}>{formatDateTime(e.at, i18n.language)}</time></td>
              <td className="audit-who">
                {e.actor.label}
                {e.actor.kind !== 'person' && <span className="badge badge--muted audit-kind">{t(`audit.actor.${e.actor.kind}`)}</span>}
              </td>
              <td>
                <span className="audit-action">{t(actionKey(e.action), { defaultValue: e.action })}</span>
                <code className="small muted audit-code">{e.action}</code>
              </td>
              <td>{e.target === null ? <span className="muted">—</span> : <code>{e.target}</code>}</td>
              <td>{e.ip === null ? <span className="muted">—</span> : <code>{e.ip}</code>}</td>
              <td className="audit-details-cell"><Details entry={e} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};
