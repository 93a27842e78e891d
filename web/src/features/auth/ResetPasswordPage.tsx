/**
 * `/reset/<token>`: set a password with the one-time link an admin gave (for a new person, or a
 * forgotten password). Works signed in or not; afterwards the person signs in with it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { navigate } from '../../routing/history.js';
import { AuthFrame } from './AuthFrame.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordProblem } from './password-rules.js';

export const ResetPasswordPage = ({ token }: { token: string }) => {
  const { t } = useTranslation();
  useDocumentTitle(t('auth.resetTitle'));
  const link = useApi(`reset:${token}`, (signal) => api.passwordReset(token, signal));
  const [next, setNext] = useState({ password: '', repeated: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (busy || passwordProblem(next.password, next.repeated) !== null) return;
    setBusy(true);
    setError(null);
    try {
      setDone((await api.completePasswordReset(token, next.password)).email);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const toSignIn = (email: string) => navigate(`/?email=${encodeURIComponent(email)}`, { replace: true });
  let body;
  if (done !== null) {
    body = (
      <div className="auth-form">
        <p role="status" className="auth-done">{t('auth.resetDone')}</p>
        <button type="button" className="button button--primary" onClick={() => toSignIn(done)}>{t('auth.goToSignIn')}</button>
      </div>
    );
  } else if (link.error instanceof ApiError && link.error.status === 404) {
    body = <p className="field-problem" role="alert">{t('auth.linkInvalid')}</p>;
  } else if (link.error !== null) {
    body = <ErrorState error={link.error} onRetry={link.reload} />;
  } else if (link.data === null) {
    body = <Loading />;
  } else {
    body = (
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="lede">{t('auth.resetFor', { email: link.data.email })}</p>
        <NewPasswordFields password={next.password} repeated={next.repeated} onChange={setNext} showProblem={tried} />
        {error instanceof ApiError && error.status === 404 ? <p className="field-problem" role="alert">{t('auth.linkInvalid')}</p> : error !== null && <ErrorState error={error} />}
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>{busy ? t('auth.saving') : t('auth.savePassword')}</button>
      </form>
    );
  }
  return <AuthFrame title={t('auth.resetTitle')}>{body}</AuthFrame>;
};
