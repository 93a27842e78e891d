/**
 * Settings → Webhooks (admins): the URLs that receive this workspace's events, signed. Subscribe a
 * URL to events (its secret is shown once), send a test, pause, rotate the secret or delete, and read
 * each webhook's delivery log.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { WebhookWithSecret } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useCan } from '../auth/useAuth.js';
import { ShownOnce } from '../common/ShownOnce.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { AddWebhookForm } from './AddWebhookForm.js';
import { DeliveryLog } from './DeliveryLog.js';
import { WebhookRow, type Message } from './WebhookRow.js';

/** The secret of a webhook just created or rotated: shown once, with a way to copy it. */
const SecretNotice = ({ hook, onDone }: { hook: WebhookWithSecret; onDone: () => void }) => {
  const { t } = useTranslation();
  return (
    <ShownOnce title={t('webhooks.secret.title', { url: hook.url })} hint={t('webhooks.secret.hint')} value={hook.secret} testId="webhook-secret"
      doneLabel={t('webhooks.secret.done')} onDone={onDone} />
  );
};

const WebhookSettings = ({ slug, canManage }: { slug: string; canManage: boolean }) => {
  const { t } = useTranslation();
  const list = useApi(`webhooks:${slug}`, (signal) => api.webhooks(slug, signal));
  const [selected, setSelected] = useState<number | null>(null);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [logVersion, setLogVersion] = useState(0);
  const hooks = list.data?.items ?? list.lastData?.items ?? null;

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (hooks === null) return <Loading />;
  const shown = hooks.find((h) => h.id === selected) ?? hooks[0];
  const changed = (m: Message | null) => {
    setMessage(m);
    setLogVersion((n) => n + 1);
    list.reload();
  };
  const created = (hook: WebhookWithSecret) => {
    setSecret(hook);
    setSelected(hook.id);
    list.reload();
  };

  return (
    <>
      {secret !== null && <SecretNotice hook={secret} onDone={() => setSecret(null)} />}
      {message !== null && <p className={message.ok ? 'route-saved' : 'notice'} role="status">{message.text}</p>}
      {hooks.length === 0 ? <EmptyState title={t('webhooks.none')} hint={t('webhooks.noneHint')} /> : (
        <div className="card card--flush">
          <div className="table-wrap">
            <table className="table webhooks-table">
              <caption className="visually-hidden">{t('webhooks.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('webhooks.col.url')}</th>
                  <th scope="col">{t('webhooks.col.events')}</th>
                  <th scope="col">{t('webhooks.col.state')}</th>
                  <th scope="col">{t('webhooks.col.created')}</th>
                  <th scope="col"><span className="visually-hidden">{t('webhooks.col.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {hooks.map((hook) => (
                  <WebhookRow key={hook.id} slug={slug} hook={hook} selected={hook.id === shown?.id} canManage={canManage}
                    onSelect={() => setSelected(hook.id)} onChanged={changed} onSecret={created} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {shown !== undefined && <DeliveryLog key={`${shown.id}:${logVersion}`} slug={slug} webhook={shown} canManage={canManage} />}
      {canManage && <AddWebhookForm slug={slug} onCreated={created} />}
    </>
  );
};

export const WebhooksPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const canManage = useCan('manageWebhooks');
  useDocumentTitle(t('webhooks.title'));
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('webhooks.title')}</h1>
        <p className="lede">{t('webhooks.intro')}</p>
      </header>
      <SettingsTabs current="settings_webhooks" />
      {!canManage ? <p className="notice" role="note">{t('webhooks.adminsOnly')}</p>
        : current !== null && <WebhookSettings key={current.slug} slug={current.slug} canManage={canManage} />}
    </div>
  );
};
