/**
 * Settings → Webhooks (admins): the URLs that receive this workspace's events, signed. Subscribe a
 * URL (its secret is shown once), send a test, pause, rotate the secret or delete, and read each
 * webhook's delivery log.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.js';
import type { Webhook, WebhookWithSecret } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { formatDateTime } from '../../i18n/format.js';
import { useCan } from '../auth/useAuth.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { DeliveryLog } from './DeliveryLog.js';

const messageOf = (err: unknown): string => (err instanceof ApiError || err instanceof Error ? err.message : String(err));

/** What an action says afterwards: a success, or what went wrong. */
interface Message {
  text: string;
  ok: boolean;
}

/** The secret of a webhook just created or rotated: shown once, with a way to copy it. */
const SecretNotice = ({ hook, onDone }: { hook: WebhookWithSecret; onDone: () => void }) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    void navigator.clipboard?.writeText(hook.secret).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="notice secret-notice" role="status">
      <p><strong>{t('webhooks.secret.title', { url: hook.url })}</strong></p>
      <p>{t('webhooks.secret.hint')}</p>
      <p><code className="secret" data-testid="webhook-secret">{hook.secret}</code></p>
      <p className="row-actions">
        <button type="button" className="button button--small" onClick={copy}>{copied ? t('webhooks.secret.copied') : t('webhooks.secret.copy')}</button>
        <button type="button" className="button button--small" onClick={onDone}>{t('webhooks.secret.done')}</button>
      </p>
    </div>
  );
};

const AddWebhook = ({ slug, onCreated }: { slug: string; onCreated: (hook: WebhookWithSecret) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const hook = await api.createWebhook(slug, { url: url.trim(), ...(description.trim() === '' ? {} : { description: description.trim() }) });
      setUrl('');
      setDescription('');
      onCreated(hook);
    } catch (err) {
      setProblem(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card webhook-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('webhooks.add.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('webhooks.add.url')}</label>
        <input id={`${id}-url`} type="url" required maxLength={2048} placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)}
          aria-invalid={problem !== null} aria-describedby={problem === null ? `${id}-hint` : `${id}-problem`} />
        <p id={`${id}-hint`} className="hint">{t('webhooks.add.urlHint')}</p>
        {problem !== null && <p id={`${id}-problem`} className="field-problem" role="alert">{problem}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('webhooks.add.description')}</label>
        <input id={`${id}-description`} type="text" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <p className="hint">{t('webhooks.add.events')}</p>
      <button type="submit" className="button button--primary" disabled={busy || url.trim() === ''}>{t('webhooks.add.submit')}</button>
    </form>
  );
};

const WebhookRow = ({ slug, hook, selected, canManage, onSelect, onChanged, onSecret }: {
  slug: string; hook: Webhook; selected: boolean; canManage: boolean;
  onSelect: () => void; onChanged: (message: Message | null) => void; onSecret: (hook: WebhookWithSecret) => void;
}) => {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const act = async (fn: () => Promise<Message | null>) => {
    setBusy(true);
    try {
      onChanged(await fn());
    } catch (err) {
      onChanged({ text: messageOf(err), ok: false });
    } finally {
      setBusy(false);
    }
  };
  const test = () => act(async () => {
    const d = await api.testWebhook(slug, hook.id);
    return d.status === 'delivered'
      ? { text: t('webhooks.test.ok', { status: d.lastResponseStatus }), ok: true }
      : { text: t('webhooks.test.failed', { answer: d.lastError ?? `HTTP ${d.lastResponseStatus}` }), ok: false };
  });
  const toggle = () => act(async () => {
    await api.updateWebhook(slug, hook.id, { active: !hook.active });
    return null;
  });
  const rotate = () => act(async () => {
    if (!window.confirm(t('webhooks.rotate.confirm'))) return null;
    onSecret(await api.rotateWebhookSecret(slug, hook.id));
    return null;
  });
  const remove = () => act(async () => {
    if (!window.confirm(t('webhooks.delete.confirm', { url: hook.url }))) return null;
    await api.deleteWebhook(slug, hook.id);
    return { text: t('webhooks.delete.done', { url: hook.url }), ok: true };
  });
  return (
    <tr className={selected ? 'is-selected' : undefined}>
      <th scope="row" className="webhook-url">
        <code>{hook.url}</code>
        {hook.description !== null && <span className="small muted webhook-description">{hook.description}</span>}
      </th>
      <td>{hook.events.map((e) => <code key={e}>{e}</code>)}</td>
      <td><span className={`badge ${hook.active ? 'badge--delivery-ok' : 'badge--muted'}`}>{hook.active ? t('webhooks.active') : t('webhooks.paused')}</span></td>
      <td className="small">{hook.createdBy}<br /><time dateTime={hook.createdAt} className="muted">{formatDateTime(hook.createdAt, i18n.language)}</time></td>
      <td className="row-actions">
        <button type="button" className="button button--small" aria-pressed={selected} onClick={onSelect}>{t('webhooks.showLog')}</button>
        {canManage && (
          <>
            <button type="button" className="button button--small" disabled={busy || !hook.active} onClick={() => void test()}>{t('webhooks.test.button')}</button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => void toggle()}>{hook.active ? t('webhooks.pause') : t('webhooks.resume')}</button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => void rotate()}>{t('webhooks.rotate.button')}</button>
            <button type="button" className="button button--small button--danger" disabled={busy} onClick={() => void remove()}>{t('webhooks.delete.button')}</button>
          </>
        )}
      </td>
    </tr>
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
      )}
      {shown !== undefined && <DeliveryLog key={`${shown.id}:${logVersion}`} slug={slug} webhook={shown} canManage={canManage} />}
      {canManage && <AddWebhook slug={slug} onCreated={created} />}
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
