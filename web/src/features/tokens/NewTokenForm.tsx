/** Creates an API token: a name and its scopes (checkboxes; a scope another includes shows as included). */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ApiTokenWithSecret, TokenScope } from '../../api/types.js';
import { focusFirstProblem, formProblems, NO_PROBLEMS, type FormProblems } from '../common/field-problems.js';
import { impliedScopes, SCOPES, toggleScope } from './token-view.js';

const FIELDS = ['name', 'scopes'] as const;

export const NewTokenForm = ({ slug, onCreated }: { slug: string; onCreated: (token: ApiTokenWithSecret) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const implied = impliedScopes(scopes);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const token = await api.createToken(slug, { name: name.trim(), scopes });
      setName('');
      setScopes(['read']);
      onCreated(token);
    } catch (err) {
      const found = formProblems(err, FIELDS);
      setProblems(found);
      focusFirstProblem(found, FIELDS, id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('tokens.add.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('tokens.add.name')}</label>
        <input id={`${id}-name`} type="text" autoComplete="off" required maxLength={100} value={name} placeholder={t('tokens.add.namePlaceholder')}
          onChange={(e) => setName(e.target.value)} aria-invalid={problems.fields.name !== undefined}
          aria-describedby={problems.fields.name === undefined ? undefined : `${id}-name-problem`} />
        {problems.fields.name !== undefined && <p id={`${id}-name-problem`} className="field-problem" role="alert">{problems.fields.name}</p>}
      </div>
      <fieldset className="scope-choices" aria-describedby={problems.fields.scopes === undefined ? undefined : `${id}-scopes-problem`}>
        <legend>{t('tokens.add.scopes')}</legend>
        {SCOPES.map((scope) => {
          const included = implied.includes(scope);
          return (
            <label key={scope} className="checkbox scope-choice">
              <input type="checkbox" name="scopes" value={scope} checked={scopes.includes(scope) || included} disabled={included}
                onChange={(e) => setScopes(toggleScope(scopes, scope, e.target.checked))} />
              <span>
                <code>{scope}</code> {t(`tokens.scope.${scope}`)}
                {included && <span className="muted"> {t('tokens.add.included')}</span>}
              </span>
            </label>
          );
        })}
        {problems.fields.scopes !== undefined && <p id={`${id}-scopes-problem`} className="field-problem" role="alert">{problems.fields.scopes}</p>}
      </fieldset>
      {problems.other !== null && <p className="field-problem" role="alert">{problems.other}</p>}
      <div>
        <button type="submit" className="button button--primary" disabled={busy || name.trim() === ''}>
          {busy ? t('tokens.add.creating') : t('tokens.add.submit')}
        </button>
      </div>
    </form>
  );
};
