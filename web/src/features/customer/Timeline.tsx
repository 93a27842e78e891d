/** The customer's events, newest first: what, where, which way, when, what they said or paid. */
import { useTranslation } from 'react-i18next';
import type { PulseEvent } from '../../api/types.js';
import { formatDateTime, formatMoney, formatNumber, formatRelative } from '../../i18n/format.js';
import { ChannelBadge } from '../common/ChannelBadges.js';
import { ErrorState } from '../common/StatusMessage.js';
import { EventIcon } from './EventIcon.js';
import type { Timeline as TimelineState } from './useCustomer.js';

const TimelineEvent = ({ event: e }: { event: PulseEvent }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <li className={`event event--${e.direction}`} data-kind={e.kind}>
      <EventIcon kind={e.kind} />
      <div className="event-body">
        <p className="event-head">
          <span className="event-kind">{t(`kind.${e.kind}`, { defaultValue: e.kind })}</span>
          <ChannelBadge channel={e.channel} />
          <span className={`badge badge--dir badge--${e.direction}`}>{t(`direction.${e.direction}`)}</span>
          <time dateTime={e.occurredAt} title={formatDateTime(e.occurredAt, lang)} className="event-time">
            {formatRelative(e.occurredAt, Date.now(), lang)}
          </time>
        </p>
        {e.text !== null && e.text !== '' && (
          // Customer text, rendered as text: React escapes it.
          <p className="event-text" lang={e.lang ?? undefined}>{e.text}</p>
        )}
        {e.sentiment !== null && (
          <p className="event-tone">
            <span className={`badge badge--sentiment badge--${e.sentiment}`} title={e.sentimentScore === null ? undefined : t('timeline.score', { score: formatNumber(e.sentimentScore, lang, { signDisplay: 'always', maximumFractionDigits: 2 }) })}>
              {t(`sentiment.${e.sentiment}`)}
            </span>
            {e.emotion !== null && e.emotion !== 'none' && <span className="badge badge--emotion">{t(`emotion.${e.emotion}`, { defaultValue: e.emotion })}</span>}
            {e.lang !== null && <span className="muted small">{t(`languageName.${e.lang}`, { defaultValue: e.lang })}</span>}
          </p>
        )}
        {e.amount !== null && (
          <p className="event-amount">
            <strong>{e.currency === null ? e.amount : formatMoney(e.amount, e.currency, lang)}</strong>
            {e.orderId !== null && <span className="muted small"> · {t('timeline.order', { id: e.orderId })}</span>}
          </p>
        )}
      </div>
    </li>
  );
};

export const Timeline = ({ timeline }: { timeline: TimelineState }) => {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card-header">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
      </div>
      {timeline.events.length === 0 ? <p className="muted">{t('timeline.empty')}</p> : (
        <ol className="timeline">
          {timeline.events.map((e) => <TimelineEvent key={e.id} event={e} />)}
        </ol>
      )}
      {timeline.error && <ErrorState error={timeline.error} onRetry={timeline.loadMore} />}
      {timeline.hasMore && (
        <div className="timeline-more">
          <button type="button" className="button" onClick={timeline.loadMore} disabled={timeline.loadingMore} aria-busy={timeline.loadingMore}>
            {timeline.loadingMore ? t('common.loading') : t('timeline.loadMore')}
          </button>
        </div>
      )}
      {!timeline.hasMore && timeline.events.length > 0 && <p className="muted small timeline-end">{t('timeline.end')}</p>}
    </section>
  );
};
