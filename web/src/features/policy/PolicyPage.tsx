/**
 * Settings → Policy (everyone): the workspace's social media policy, its version, and whether the
 * person has accepted it — needed before replying publicly; a new version needs a new acceptance.
 * Those who may edit it publish new versions here. The text is shown as text, its line breaks kept.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.js';
import type { PolicyView } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { formatDateTime } from '../../i18n/format.js';
import { useCan } from '../auth/useAuth.js';
import { useRefreshSession } from '../auth/useRefreshSession.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { PolicyEditor } from './PolicyEditor.js';

const CurrentPolicy = ({ slug, view, onChanged }: { slug: string; view: PolicyView; onChanged: () => void }) => {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { policy, acknowledgedAt } = view;
  if (policy === null) return <EmptyState title={t('policy.none')} hint={t('policy.noneHint')} />;

  const acknowledge = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await api.acknowledgePolicy(slug, policy.version);
      onChanged();
    } catch (err) {
      // A newer version came meanwhile: show it, to be read before it is accepted.
      if (err instanceof ApiError && err.code === 'conflict') {
        setProblem(t('policy.newerMeanwhile'));
        onChanged();
      } else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article className="card policy" aria-labelledby="policy-title">
      <div className="card-header">
        <h2 id="policy-title">{t('policy.version', { version: policy.version })}</h2>
        <p className="small muted">{t('policy.published', { by: policy.createdBy, at: formatDateTime(policy.createdAt, i18n.language) })}</p>
      </div>
      <div className="policy-text" data-testid="policy-text">{policy.text}</div>
      <div className="policy-acknowledgement">
        {acknowledgedAt !== null ? (
          <p className="route-saved" role="status">{t('policy.acknowledged', { version: policy.version, at: formatDateTime(acknowledgedAt, i18n.language) })}</p>
        ) : (
          <>
            <p className="policy-pending">{t('policy.pending')}</p>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void acknowledge()}>{t('policy.accept')}</button>
          </>
        )}
        {problem !== null && <p className="field-problem" role="alert">{problem}</p>}
      </div>
    </article>
  );
};

const PolicySettings = ({ slug, canEdit }: { slug: string; canEdit: boolean }) => {
  const { t } = useTranslation();
  const view = useApi(`policy:${slug}`, (signal) => api.policy(slug, signal));
  const refreshSession = useRefreshSession();
  const [published, setPublished] = useState<number | null>(null);
  const data = view.data ?? view.lastData;

  if (view.error) return <ErrorState error={view.error} onRetry={view.reload} />;
  if (data === null) return <Loading />;

  const changed = () => {
    view.reload();
    // The banner and the session's policy status follow.
    void refreshSession().catch(() => undefined);
  };
  return (
    <>
      {published !== null && <p className="route-saved" role="status">{t('policy.editor.done', { version: published })}</p>}
      <CurrentPolicy slug={slug} view={data} onChanged={changed} />
      {canEdit && (
        <PolicyEditor key={data.policy?.version ?? 0} slug={slug} policy={data.policy} onPublished={(version) => {
          setPublished(version);
          changed();
        }} />
      )}
    </>
  );
};

export const PolicyPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const canEdit = useCan('editPolicy');
  useDocumentTitle(t('policy.title'));
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('policy.title')}</h1>
        <p className="lede">{t('policy.intro')}</p>
      </header>
      <SettingsTabs current="settings_policy" />
      {current !== null && <PolicySettings key={current.slug} slug={current.slug} canEdit={canEdit} />}
    </div>
  );
};
