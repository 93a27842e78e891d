/**
 * A webhook's delivery log: every delivery with its status, attempts, the receiver's last answer and
 * when the next attempt is due; open one to see each attempt and the payload as sent; retry it.
 */
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, DeliveryStatus, Webhook } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { ErrorState, Loading } from '../common/StatusMessage.js';
import { deliveryTone, lastAnswer, payloadText, retryAction } from './delivery-view.js';
import { useDeliveryLog } from './useDeliveryLog.js';

const FILTERS: readonly (DeliveryStatus | null)[] = [null, 'pending', 'delivered', 'failed'];

const Attempts = ({ delivery }: { delivery: Delivery }) => {
  const { t, i18n } = useTranslation();
  return (
    <div className="delivery-detail">
      {delivery.attemptLog.length === 0 ? <p className="muted">{t('webhooks.log.noAttempts')}</p> : (
        <ol className="attempt-list">
          {delivery.attemptLog.map((a) => (
            <li key={a.attempt}>
              <strong>{t('webhooks.log.attempt', { n: a.attempt })}</strong>{' '}
              <time dateTime={a.at}>{formatDateTime(a.at, i18n.language)}</time>{' — '}
              {a.error ?? `HTTP ${a.responseStatus}`}{' '}
              <span className="muted">({t('webhooks.log.took', { ms: Math.round(a.durationMs) })})</span>
              {a.nextAttemptAt !== null && <span className="muted"> · {t('webhooks.log.nextAt', { at: formatDateTime(a.nextAttemptAt, i18n.language) })}</span>}
            </li>
          ))}
        </ol>
      )}
      <p className="small muted">{t('webhooks.log.payload', { id: delivery.id })}</p>
      <pre className="payload">{payloadText(delivery.payload)}</pre>
    </div>
  );
};

export const DeliveryLog = ({ slug, webhook, canManage }: { slug: string; webhook: Webhook; canManage: boolean }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const log = useDeliveryLog(slug, webhook.id, status);

  const retry = async (d: Delivery) => {
    setBusy(d.id);
    setProblem(null);
    try {
      await log.retry(d);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card delivery-log" aria-labelledby="delivery-log-title">
      <div className="card-header">
        <h2 id="delivery-log-title">{t('webhooks.log.title', { url: webhook.url })}</h2>
        <button type="button" className="button button--small" onClick={log.reload}>{t('webhooks.log.refresh')}</button>
      </div>
      <fieldset className="segmented" aria-label={t('webhooks.log.filter')}>
        {FILTERS.map((f) => (
          <label key={f ?? 'all'} className="segmented-option">
            <input type="radio" name="delivery-status" checked={status === f} onChange={() => setStatus(f)} />
            <span>{t(`webhooks.status.${f ?? 'all'}`)}</span>
          </label>
        ))}
      </fieldset>
      {problem !== null && <p className="field-problem" role="alert">{problem}</p>}
      {log.error ? <ErrorState error={log.error} onRetry={log.reload} /> : log.items === null ? <Loading /> : log.items.length === 0 ? (
        <p className="muted">{t('webhooks.log.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact deliveries-table">
            <caption className="visually-hidden">{t('webhooks.log.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('webhooks.log.col.created')}</th>
                <th scope="col">{t('webhooks.log.col.event')}</th>
                <th scope="col">{t('webhooks.log.col.status')}</th>
                <th scope="col" className="num">{t('webhooks.log.col.attempts')}</th>
                <th scope="col">{t('webhooks.log.col.answer')}</th>
                <th scope="col">{t('webhooks.log.col.next')}</th>
                <th scope="col">{t('webhooks.log.col.delivered')}</th>
                <th scope="col"><span className="visually-hidden">{t('webhooks.log.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((d) => (
                <Fragment key={d.id}>
                  <tr>
                    <td><time dateTime={d.createdAt}>{formatDateTime(d.createdAt, lang)}</time></td>
                    <td><code>{d.eventType}</code></td>
                    <td><span className={`badge badge--delivery-${deliveryTone(d)}`}>{t(`webhooks.status.${d.status}`)}</span></td>
                    <td className="num">{d.attempts}</td>
                    <td className="delivery-answer">{lastAnswer(d) ?? <span className="muted">—</span>}</td>
                    <td>{d.nextAttemptAt === null ? <span className="muted">—</span> : <time dateTime={d.nextAttemptAt}>{formatDateTime(d.nextAttemptAt, lang)}</time>}</td>
                    <td>{d.deliveredAt === null ? <span className="muted">—</span> : <time dateTime={d.deliveredAt}>{formatDateTime(d.deliveredAt, lang)}</time>}</td>
                    <td className="row-actions">
                      <button type="button" className="button button--small" aria-expanded={open === d.id} onClick={() => setOpen(open === d.id ? null : d.id)}>
                        {t('webhooks.log.details')}
                      </button>
                      {canManage && webhook.active && (
                        <button type="button" className="button button--small" disabled={busy === d.id} onClick={() => void retry(d)}>
                          {t(`webhooks.log.${retryAction(d)}`)}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === d.id && (
                    <tr className="delivery-detail-row">
                      <td colSpan={8}><Attempts delivery={d} /></td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {log.hasMore && (
        <button type="button" className="button" disabled={log.loadingMore} onClick={log.loadMore}>{t('webhooks.log.more')}</button>
      )}
    </section>
  );
};
