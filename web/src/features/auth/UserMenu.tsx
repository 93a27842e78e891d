/** The signed-in person in the top bar: name, role in this workspace, and signing out. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { useAuth } from './useAuth.js';

export const UserMenu = () => {
  const { t } = useTranslation();
  const auth = useAuth();
  const { current } = useWorkspace();
  const [busy, setBusy] = useState(false);
  if (auth.state.status !== 'signed_in' || auth.state.session.person === null) return null;
  const { person, workspaces } = auth.state.session;
  const grant = workspaces.find((w) => w.slug === current?.slug);
  const signOut = async () => {
    setBusy(true);
    try {
      await auth.signOut();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="user-menu">
      <span className="user-name" title={person.email}>{person.name}</span>
      {grant?.role != null && (
        <span className="badge badge--muted user-role">
          {t(`roles.${grant.role}`)}{grant.trainee ? ` · ${t('roles.trainee')}` : ''}
        </span>
      )}
      <button type="button" className="button button--small" disabled={busy} onClick={() => void signOut()}>{t('auth.signOut')}</button>
    </div>
  );
};
