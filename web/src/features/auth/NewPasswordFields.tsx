/** A new password typed twice, with the rule shown and checked as people type. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-rules.js';

export const NewPasswordFields = ({ password, repeated, onChange, showProblem }: {
  password: string;
  repeated: string;
  onChange(next: { password: string; repeated: string }): void;
  /** Show a problem only once the person tried to submit, or typed the repetition. */
  showProblem: boolean;
}) => {
  const { t } = useTranslation();
  const newId = useId();
  const repeatId = useId();
  const problem = passwordProblem(password, repeated);
  const visible = showProblem || (repeated !== '' && repeated.length >= password.length) ? problem : null;
  return (
    <>
      <div className="field">
        <label htmlFor={newId}>{t('auth.newPassword')}</label>
        <input id={newId} type="password" autoComplete="new-password" required maxLength={200} value={password}
          aria-describedby={`${newId}-hint`} aria-invalid={visible === 'tooShort' || visible === 'tooLong'}
          onChange={(e) => onChange({ password: e.target.value, repeated })} />
        <p id={`${newId}-hint`} className="hint">{t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}</p>
      </div>
      <div className="field">
        <label htmlFor={repeatId}>{t('auth.repeatPassword')}</label>
        <input id={repeatId} type="password" autoComplete="new-password" required maxLength={200} value={repeated}
          aria-invalid={visible === 'mismatch'} onChange={(e) => onChange({ password, repeated: e.target.value })} />
      </div>
      {visible !== null && <p className="field-problem" role="alert">{t(`auth.${visible}`, { count: MIN_PASSWORD_LENGTH })}</p>}
    </>
  );
};
