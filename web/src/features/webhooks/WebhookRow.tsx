/** One webhook: its URL, events, state and who added it; show its deliveries, send a test, pause or resume, rotate the secret, delete. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Webhook, WebhookWithSecret } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { ConfirmButton } from '../common/ConfirmButton.js';

/** What an action says afterwards: a success, or what went wrong. */
export interface Message {
  text: string;
  ok: boolean;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const WebhookRow = ({ slug, hook, selected, canManage, onSelect, onChanged, onSecret }: {
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
    onSecret(await api.rotateWebhookSecret(slug, hook.id));
    return null;
  });
  const remove = () => act(async () => {
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
            <ConfirmButton label={t('webhooks.rotate.button')} question={t('webhooks.rotate.confirm')} confirmLabel={t('webhooks.rotate.yes')}
              danger={false} disabled={busy} onConfirm={() => void rotate()} />
            <ConfirmButton label={t('webhooks.delete.button')} question={t('webhooks.delete.confirm', { url: hook.url })} confirmLabel={t('webhooks.delete.yes')}
              disabled={busy} onConfirm={() => void remove()} />
          </>
        )}
      </td>
    </tr>
  );
};
