/**
 * A secret shown once (an API token, a webhook's signing secret, a set-password link): the value, a
 * button to copy it, and a button to put it away. Nothing keeps it after that.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export const ShownOnce = ({ title, hint, value, testId, doneLabel, onDone, children }: {
  title: string;
  hint: string;
  value: string;
  testId: string;
  /** The label of the button that hides it ("I have stored it"). */
  doneLabel: string;
  onDone: () => void;
  /** More to show below the value (an example of its use). */
  children?: ReactNode;
}) => {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () => {
    // The clipboard needs a secure context (https or localhost); otherwise the value stays selectable.
    if (navigator.clipboard === undefined) {
      setCopied(false);
      return;
    }
    navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false));
  };
  return (
    <div className="notice secret-notice" role="status">
      <p><strong>{title}</strong></p>
      <p>{hint}</p>
      <p><code className="secret" data-testid={testId}>{value}</code></p>
      {children}
      <p className="row-actions">
        <button type="button" className="button button--small" onClick={copy}>{copied === true ? t('shownOnce.copied') : t('shownOnce.copy')}</button>
        <button type="button" className="button button--small" onClick={onDone}>{doneLabel}</button>
        {copied === false && <span className="small field-problem" role="alert"> {t('shownOnce.copyFailed')}</span>}
      </p>
    </div>
  );
};
