/** The merges this customer took part in (each can be undone) and a form to merge another into them. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Merge } from '../../api/types.js';
import { formatDateTime, formatPercent } from '../../i18n/format.js';
import { Link } from '../../routing/Link.js';
import { customerPath } from '../../routing/routes.js';
import { ErrorState } from '../common/StatusMessage.js';
import { useCan } from '../auth/useAuth.js';
import { useMergeActions } from './useMergeActions.js';

interface Props {
  slug: string | null;
  customerId: number;
  merges: readonly Merge[];
  /** A customer merged into another cannot take more in; merge into its target instead. */
  canMergeInto: boolean;
  onChanged(): void;
}

export const MergesPanel = ({ slug, customerId, merges, canMergeInto, onChanged }: Props) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actions = useMergeActions(slug, onChanged);
  // Only roles that may merge see the controls (analysts read); the server checks again.
  const canMerge = useCan('mergeCustomers');
  const [other, setOther] = useState('');
  const [reason, setReason] = useState('');
  const otherId = useId();
  const reasonId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const mergedId = Number(other);
    if (!Number.isSafeInteger(mergedId) || mergedId <= 0) return;
    if (await actions.merge(customerId, mergedId, reason)) {
      setOther('');
      setReason('');
    }
  };

  return (
    <section className="card" aria-labelledby="merges-title">
      <div className="card-header">
        <h2 id="merges-title">{t('merges.title')}</h2>
      </div>
      {merges.length === 0 ? <p className="muted">{t('merges.none')}</p> : (
        <ul className="merges">
          {merges.map((m) => (
            <li key={m.id} className={`merge${m.undoneAt === null ? '' : ' merge--undone'}`}>
              <p className="merge-line">
                <Link to={customerPath(m.mergedId)}>#{m.mergedId}</Link>
                {' '}<span aria-hidden="true">→</span><span className="visually-hidden">{t('merges.into')}</span>{' '}
                <Link to={customerPath(m.targetId)}>#{m.targetId}</Link>
                <span className="muted small">
                  {' · '}{t(`linkSource.${m.linkSource}`, { defaultValue: m.linkSource })}
                  {' · '}{formatPercent(m.confidence, lang)}
                </span>
              </p>
              <p className="muted small">
                {t('merges.by', { actor: m.actor, date: formatDateTime(m.createdAt, lang) })}
                {m.reason !== null && <>{' — '}<q>{m.reason}</q></>}
              </p>
              {m.undoneAt !== null ? (
                <p className="small"><span className="badge badge--muted">{t('merges.undone')}</span>{' '}
                  {t('merges.undoneBy', { actor: m.undoneBy ?? '—', date: formatDateTime(m.undoneAt, lang) })}</p>
              ) : canMerge && (
                <button type="button" className="button button--small" disabled={actions.busy} onClick={() => void actions.undo(m.id)}>
                  {t('merges.undo')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {actions.error && <ErrorState error={actions.error} />}
      {canMergeInto && canMerge && (
        <form className="merge-form" onSubmit={(e) => void submit(e)}>
          <h3>{t('merges.formTitle')}</h3>
          <div className="field">
            <label htmlFor={otherId}>{t('merges.otherId')}</label>
            <input id={otherId} inputMode="numeric" pattern="[0-9]*" required value={other} onChange={(e) => setOther(e.target.value.replace(/\D/g, ''))} />
          </div>
          <div className="field">
            <label htmlFor={reasonId}>{t('merges.reason')}</label>
            <input id={reasonId} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={actions.busy || other === ''}>{t('merges.submit')}</button>
        </form>
      )}
    </section>
  );
};
