/**
 * Settings → People (admins): the workspace's members with their role and trainee flag. Add someone
 * (a new person gets a link to set their password, shown here once: Pulse sends no mail), change a
 * role, give a reset link, remove someone from the workspace.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Member, PasswordLink, PersonAdded } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { formatDateTime } from '../../i18n/format.js';
import { useAuth, useCan } from '../auth/useAuth.js';
import { useRefreshSession } from '../auth/useRefreshSession.js';
import { ShownOnce } from '../common/ShownOnce.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { AddPersonForm } from './AddPersonForm.js';
import { isLastAdmin, linkUrl } from './people-view.js';
import { PersonRow, type RowOutcome } from './PersonRow.js';

interface ShownLink {
  member: Member;
  link: PasswordLink;
  /** A new person's first link, or a reset of someone's password. */
  kind: 'welcome' | 'reset';
}

const LinkNotice = ({ shown, onDone }: { shown: ShownLink; onDone: () => void }) => {
  const { t, i18n } = useTranslation();
  const { member, link, kind } = shown;
  return (
    <ShownOnce title={t(`people.link.${kind}Title`, { name: member.name })} value={linkUrl(window.location.origin, link.path)} testId="password-link"
      hint={t(`people.link.${kind}Hint`, { name: member.name, email: member.email, until: formatDateTime(link.expiresAt, i18n.language) })}
      doneLabel={t('people.link.done')} onDone={onDone} />
  );
};

const PeopleSettings = ({ slug, selfId }: { slug: string; selfId: number | null }) => {
  const { t } = useTranslation();
  const list = useApi(`people:${slug}`, (signal) => api.people(slug, signal));
  const refreshSession = useRefreshSession();
  const { reload: reloadWorkspaces } = useWorkspace();
  const [link, setLink] = useState<ShownLink | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const members = list.data?.items ?? list.lastData?.items ?? null;

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (members === null) return <Loading />;

  const added = ({ person, link: first }: PersonAdded) => {
    setLink(first === null ? null : { member: person, link: first, kind: 'welcome' });
    setMessage(first === null ? { text: t('people.addedExisting', { name: person.name, email: person.email }), ok: true } : null);
    list.reload();
  };
  const done = (member: Member, outcome: RowOutcome) => {
    setMessage(outcome.message);
    setLink(outcome.link === undefined ? null : { ...outcome.link, kind: 'reset' });
    list.reload();
    // Their own role changed, or they left: what they may do (and see) changes with it.
    if (member.id === selfId && outcome.link === undefined) {
      void refreshSession().then(reloadWorkspaces, () => undefined);
    }
  };

  return (
    <>
      {link !== null && <LinkNotice shown={link} onDone={() => setLink(null)} />}
      {message !== null && <p className={message.ok ? 'route-saved' : 'notice'} role="status">{message.text}</p>}
      {members.length === 0 ? <EmptyState title={t('people.none')} /> : (
        <div className="card card--flush">
          <div className="table-wrap">
            <table className="table people-table">
              <caption className="visually-hidden">{t('people.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.col.person')}</th>
                  <th scope="col">{t('people.col.role')}</th>
                  <th scope="col">{t('people.col.trainee')}</th>
                  <th scope="col">{t('people.col.account')}</th>
                  <th scope="col"><span className="visually-hidden">{t('people.col.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <PersonRow key={`${m.id}:${m.role}:${m.trainee}`} slug={slug} member={m} isSelf={m.id === selfId} lastAdmin={isLastAdmin(m, members)} onDone={(o) => done(m, o)} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <AddPersonForm slug={slug} onAdded={added} />
    </>
  );
};

export const PeoplePage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const { state } = useAuth();
  const canManage = useCan('managePeople');
  useDocumentTitle(t('people.title'));
  const selfId = state.status === 'signed_in' ? state.session.person?.id ?? null : null;
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('people.title')}</h1>
        <p className="lede">{t('people.intro')}</p>
      </header>
      <SettingsTabs current="settings_people" />
      {!canManage ? <p className="notice" role="note">{t('people.adminsOnly')}</p>
        : current !== null && <PeopleSettings key={current.slug} slug={current.slug} selfId={selfId} />}
    </div>
  );
};
