/** Adds a person to the workspace: email, name, role, trainee. The API's problems show next to their field. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { PersonAdded, Role } from '../../api/types.js';
import { focusFirstProblem, formProblems, NO_PROBLEMS, type FormProblems } from '../common/field-problems.js';
import { ROLES } from './people-view.js';

const FIELDS = ['email', 'name', 'role', 'trainee'] as const;

export const AddPersonForm = ({ slug, onAdded }: { slug: string; onAdded: (added: PersonAdded) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('care_agent');
  const [trainee, setTrainee] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const added = await api.addPerson(slug, { email: email.trim(), name: name.trim(), role, trainee });
      setEmail('');
      setName('');
      setTrainee(false);
      onAdded(added);
    } catch (err) {
      const found = formProblems(err, FIELDS);
      setProblems(found);
      focusFirstProblem(found, FIELDS, id);
    } finally {
      setBusy(false);
    }
  };

  const problem = (field: (typeof FIELDS)[number]) => problems.fields[field];
  const described = (field: (typeof FIELDS)[number], hint?: string) =>
    [hint, problem(field) === undefined ? undefined : `${id}-${field}-problem`].filter(Boolean).join(' ') || undefined;
  const fieldProblem = (field: (typeof FIELDS)[number]) =>
    problem(field) !== undefined && <p id={`${id}-${field}-problem`} className="field-problem" role="alert">{problem(field)}</p>;

  return (
    <form className="card admin-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t('people.add.title')}</h2>
      <div className="admin-form-grid">
        <div className="field">
          <label htmlFor={`${id}-email`}>{t('people.add.email')}</label>
          <input id={`${id}-email`} type="email" autoComplete="off" required maxLength={254} value={email} onChange={(e) => setEmail(e.target.value)}
            aria-invalid={problem('email') !== undefined} aria-describedby={described('email')} />
          {fieldProblem('email')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('people.add.name')}</label>
          <input id={`${id}-name`} type="text" autoComplete="off" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)}
            aria-invalid={problem('name') !== undefined} aria-describedby={described('name')} />
          {fieldProblem('name')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{t('people.add.role')}</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}
            aria-invalid={problem('role') !== undefined} aria-describedby={described('role', `${id}-role-hint`)}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`roles.${r}`)}</option>)}
          </select>
          <p id={`${id}-role-hint`} className="hint">{t(`people.roleHint.${role}`)}</p>
          {fieldProblem('role')}
        </div>
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={trainee} onChange={(e) => setTrainee(e.target.checked)} aria-describedby={described('trainee', `${id}-trainee-hint`)} />
          <span>{t('people.add.trainee')}</span>
        </label>
        <p id={`${id}-trainee-hint`} className="hint">{t('people.add.traineeHint')}</p>
        {fieldProblem('trainee')}
      </div>
      {problems.other !== null && <p className="field-problem" role="alert">{problems.other}</p>}
      <p className="hint">{t('people.add.linkHint')}</p>
      <div>
        <button type="submit" className="button button--primary" disabled={busy || email.trim() === '' || name.trim() === ''}>
          {busy ? t('people.add.adding') : t('people.add.submit')}
        </button>
      </div>
    </form>
  );
};
