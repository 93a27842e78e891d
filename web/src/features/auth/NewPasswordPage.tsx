/** After signing in with a one-time password: choose one's own before anything else. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import { ErrorState } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { AuthFrame } from './AuthFrame.js';
import { NewPasswordFields } from './NewPasswordFields.js';
import { passwordProblem } from './password-rules.js';
import { useAuth } from './useAuth.js';

export const NewPasswordPage = ({ email }: { email: string }) => {
  const { t } = useTranslation();
  const auth = useAuth();
  useDocumentTitle(t('auth.newPasswordTitle'));
  const currentId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState({ password: '', repeated: '' });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (busy || passwordProblem(next.password, next.repeated) !== null) return;
    setBusy(true);
    setError(null);
    try {
      auth.signedIn(await api.changePassword({ currentPassword: current, newPassword: next.password }));
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    } finally {
      setBusy(false);
    }
  };

  const wrongCurrent = error instanceof ApiError && error.code === 'validation_failed' && /current/.test(error.message);
  return (
    <AuthFrame title={t('auth.newPasswordTitle')}>
      <p className="lede">{t('auth.newPasswordIntro', { email })}</p>
      <form className="auth-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={currentId}>{t('auth.oneTimePassword')}</label>
          <input id={currentId} type="password" autoComplete="current-password" required maxLength={200} value={current} aria-invalid={wrongCurrent}
            onChange={(e) => setCurrent(e.target.value)} />
          {wrongCurrent && <p className="field-problem" role="alert">{t('auth.wrongCurrent')}</p>}
        </div>
        <NewPasswordFields password={next.password} repeated={next.repeated} onChange={setNext} showProblem={tried} />
        {error !== null && !wrongCurrent && <ErrorState error={error} />}
        <div className="auth-actions">
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>{busy ? t('auth.saving') : t('auth.savePassword')}</button>
          <button type="button" className="button" onClick={() => void auth.signOut()}>{t('auth.signOut')}</button>
        </div>
      </form>
    </AuthFrame>
  );
};
