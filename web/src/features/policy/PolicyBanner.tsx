/** A small banner in the shell while the signed-in person has not accepted the workspace's current policy. */
import { useTranslation } from 'react-i18next';
import { Link } from '../../routing/Link.js';
import { POLICY_SETTINGS_PATH } from '../../routing/routes.js';
import { useAuth } from '../auth/useAuth.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { needsAcknowledgement } from './policy-view.js';

export const PolicyBanner = () => {
  const { t } = useTranslation();
  const { state } = useAuth();
  const { current } = useWorkspace();
  if (state.status !== 'signed_in' || current === null) return null;
  const grant = state.session.workspaces.find((w) => w.slug === current.slug);
  if (!needsAcknowledgement(grant)) return null;
  return (
    <div className="policy-banner" role="note">
      <span>{t('policy.banner.text', { version: grant?.policy?.version })}</span>{' '}
      <Link to={POLICY_SETTINGS_PATH}>{t('policy.banner.link')}</Link>
    </div>
  );
};
