/** Settings → Audit log (admins): who did what in the workspace, when and from where; newest first, filtered by action. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/useAuth.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { actionKey, AUDIT_ACTIONS } from './audit-view.js';
import { AuditTable } from './AuditTable.js';
import { useAuditLog } from './useAuditLog.js';

const AuditLog = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const id = useId();
  const [action, setAction] = useState<string | null>(null);
  const log = useAuditLog(slug, action);
  return (
    <section className="card audit-log" aria-labelledby={`${id}-title`}>
      <div className="card-header">
        <h2 id={`${id}-title`}>{t('audit.entries')}</h2>
        <div className="route-toolbar">
          <div className="field field--inline">
            <label htmlFor={`${id}-action`}>{t('audit.filter')}</label>
            <select id={`${id}-action`} value={action ?? ''} onChange={(e) => setAction(e.target.value === '' ? null : e.target.value)}>
              <option value="">{t('audit.allActions')}</option>
              {Object.entries(AUDIT_ACTIONS).map(([group, actions]) => (
                <optgroup key={group} label={t(`audit.group.${group}`)}>
                  {actions.map((a) => <option key={a} value={a}>{t(actionKey(a))}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
          <button type="button" className="button button--small" onClick={log.reload}>{t('audit.refresh')}</button>
        </div>
      </div>
      {log.error ? <ErrorState error={log.error} onRetry={log.reload} /> : log.items === null ? <Loading /> : log.items.length === 0 ? (
        <EmptyState title={action === null ? t('audit.empty') : t('audit.emptyFiltered', { action: t(actionKey(action)) })} />
      ) : <AuditTable items={log.items} />}
      {log.items !== null && log.items.length > 0 && (log.hasMore
        ? <div><button type="button" className="button" disabled={log.loadingMore} onClick={log.loadMore}>{log.loadingMore ? t('common.loading') : t('audit.more')}</button></div>
        : <p className="small muted">{t('audit.end')}</p>)}
    </section>
  );
};

export const AuditPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const canRead = useCan('readAudit');
  useDocumentTitle(t('audit.title'));
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('audit.title')}</h1>
        <p className="lede">{t('audit.intro')}</p>
      </header>
      <SettingsTabs current="settings_audit" />
      {!canRead ? <p className="notice" role="note">{t('audit.adminsOnly')}</p>
        : current !== null && <AuditLog key={current.slug} slug={current.slug} />}
    </div>
  );
};
