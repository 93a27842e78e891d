/**
 * One member of the workspace: name and email, role and trainee flag, account state; change the
 * role or flag (Edit, then Save), give a reset link, or remove them from the workspace.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Member, PasswordLink, Role } from '../../api/types.js';
import { formatDate } from '../../i18n/format.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { accountState, ROLES } from './people-view.js';

export interface RowOutcome {
  /** What to say after the action (null: nothing). */
  message: { text: string; ok: boolean } | null;
  /** A reset link to show once. */
  link?: { member: Member; link: PasswordLink };
}

export const PersonRow = ({ slug, member, isSelf, lastAdmin, onDone }: {
  slug: string;
  member: Member;
  isSelf: boolean;
  /** The only admin left: cannot be removed or given another role. */
  lastAdmin: boolean;
  onDone: (outcome: RowOutcome) => void;
}) => {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [role, setRole] = useState<Role>(member.role);
  const [trainee, setTrainee] = useState(member.trainee);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const act = async (fn: () => Promise<RowOutcome | null>) => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await fn();
      if (outcome !== null) onDone(outcome);
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const save = () => act(async () => {
    const change = { ...(role === member.role ? {} : { role }), ...(trainee === member.trainee ? {} : { trainee }) };
    if (Object.keys(change).length > 0) await api.updatePerson(slug, member.id, change);
    setEditing(false);
    return Object.keys(change).length === 0 ? null : { message: { text: t('people.changed', { name: member.name }), ok: true } };
  });
  const cancel = () => {
    setRole(member.role);
    setTrainee(member.trainee);
    setProblem(null);
    setEditing(false);
  };
  const reset = () => act(async () => ({ message: null, link: { member, link: await api.resetLink(slug, member.id) } }));
  const remove = () => act(async () => {
    await api.removePerson(slug, member.id);
    return { message: { text: t('people.remove.done', { name: member.name }), ok: true } };
  });

  const state = accountState(member);
  return (
    <tr>
      <th scope="row">
        <span className="person-name">{member.name}</span>
        {isSelf && <span className="badge badge--muted person-you">{t('people.you')}</span>}
        <span className="small muted person-email">{member.email}</span>
      </th>
      <td>
        {editing ? (
          <>
            <label htmlFor={`${id}-role`} className="visually-hidden">{t('people.roleOf', { name: member.name })}</label>
            <select id={`${id}-role`} value={role} disabled={busy} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => <option key={r} value={r} disabled={lastAdmin && r !== 'admin'}>{t(`roles.${r}`)}</option>)}
            </select>
          </>
        ) : t(`roles.${member.role}`)}
      </td>
      <td>
        {editing ? (
          <label className="checkbox">
            <input type="checkbox" checked={trainee} disabled={busy} onChange={(e) => setTrainee(e.target.checked)} aria-label={t('people.traineeOf', { name: member.name })} />
            <span aria-hidden="true">{t('people.col.trainee')}</span>
          </label>
        ) : member.trainee ? <span className="badge badge--trainee">{t('roles.trainee')}</span> : <span className="muted">—</span>}
      </td>
      <td>
        <span className={`badge badge--account-${state}`}>{t(`people.state.${state}`)}</span>
        <span className="small muted person-joined">{t('people.joined', { date: formatDate(member.joinedAt, i18n.language) })}</span>
      </td>
      <td className="row-actions">
        {editing ? (
          <>
            <button type="button" className="button button--small button--primary" disabled={busy} onClick={() => void save()}>{t('people.save')}</button>
            <button type="button" className="button button--small" disabled={busy} onClick={cancel}>{t('common.cancel')}</button>
          </>
        ) : (
          <>
            <button type="button" className="button button--small" disabled={busy} onClick={() => setEditing(true)} aria-label={t('people.editOf', { name: member.name })}>{t('people.edit')}</button>
            <button type="button" className="button button--small" disabled={busy} onClick={() => void reset()} aria-label={t('people.reset.buttonOf', { name: member.name })}>{t('people.reset.button')}</button>
            <ConfirmButton label={t('people.remove.button')} ariaLabel={t('people.remove.buttonOf', { name: member.name })}
              question={t(isSelf ? 'people.remove.confirmSelf' : 'people.remove.confirm', { name: member.name })} confirmLabel={t('people.remove.yes')}
              disabled={busy || lastAdmin} title={lastAdmin ? t('people.lastAdmin') : undefined} onConfirm={() => void remove()} />
          </>
        )}
        {problem !== null && <p className="field-problem" role="alert">{problem}</p>}
      </td>
    </tr>
  );
};
