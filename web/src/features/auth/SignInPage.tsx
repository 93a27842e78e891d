/** Sign in with email and password. Wrong ones, and too many tries, say so in the person's language. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { ErrorState } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { AuthFrame } from './AuthFrame.js';
import { useAuth } from './useAuth.js';

const retryAfter = (err: ApiError): number | null => {
  const d = err.details as { retryAfterSeconds?: unknown } | undefined;
  return typeof d?.retryAfterSeconds === 'number' ? d.retryAfterSeconds : null;
};

export const SignInPage = ({ email: initialEmail = '' }: { email?: string }) => {
  const { t } = useTranslation();
  const auth = useAuth();
  useDocumentTitle(t('auth.signInTitle'));
  const emailId = useId();
  const passwordId = useId();
  const [email, setEmail] = useState(initialEmail);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      auth.signedIn(await api.signIn({ email, password }));
    } catch (err) {
      setPassword('');
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  let problem = null;
  if (error instanceof ApiError && error.status === 401) problem = <p className="field-problem" role="alert">{t('auth.wrongCredentials')}</p>;
  else if (error instanceof ApiError && error.status === 429) problem = <p className="field-problem" role="alert">{t('auth.tooMany', { count: retryAfter(error) ?? 60 })}</p>;
  else if (error !== null) problem = <ErrorState error={error} />;

  return (
    <AuthFrame title={t('auth.signInTitle')}>
      <form className="auth-form" onSubmit={(e) => void submit(e)} aria-describedby={problem === null ? undefined : 'sign-in-problem'}>
        <div className="field">
          <label htmlFor={emailId}>{t('auth.email')}</label>
          <input id={emailId} type="email" name="email" autoComplete="username" required maxLength={254} autoFocus value={email} onChange={(e) => setEmail(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={passwordId}>{t('auth.password')}</label>
          <input id={passwordId} type="password" name="password" autoComplete="current-password" required maxLength={200} value={password} onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div id="sign-in-problem">{problem}</div>
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>{busy ? t('auth.signingIn') : t('auth.signIn')}</button>
        <p className="hint">{t('auth.forgotHint')}</p>
      </form>
    </AuthFrame>
  );
};
