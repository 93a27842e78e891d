/**
 * A button for an action that cannot be undone (remove, revoke, delete): the first press asks, in
 * place, with the question and a confirm and a cancel button; focus moves to the confirm button and
 * back to the first button on cancel (or Escape). No window.confirm: it blocks the page and cannot
 * be styled or translated around.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export const ConfirmButton = ({ label, question, confirmLabel, onConfirm, disabled = false, danger = true, ariaLabel, title }: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  disabled?: boolean;
  danger?: boolean;
  /** A longer name for the first button (e.g. "Remove Anna"), for screen readers. */
  ariaLabel?: string;
  title?: string;
}) => {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openerRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const tone = danger ? ' button--danger' : '';
  if (!asking) {
    return (
      <button ref={openerRef} type="button" className={`button button--small${tone}`} disabled={disabled} aria-label={ariaLabel} title={title} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question} onKeyDown={(e) => { if (e.key === 'Escape') setAsking(false); }}>
      <span className="confirm-question">{question}</span>
      <button ref={confirmRef} type="button" className={`button button--small${danger ? ' button--danger-solid' : ' button--primary'}`} disabled={disabled}
        onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmLabel}
      </button>
      <button type="button" className="button button--small" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </span>
  );
};
