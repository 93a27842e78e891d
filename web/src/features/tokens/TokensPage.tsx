/**
 * Settings → API tokens (admins): the workspace's tokens for programs (never their secrets), a new
 * one with a name and scopes — its secret shown once, with a curl example — and revoking one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ApiToken, ApiTokenWithSecret } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useCan } from '../auth/useAuth.js';
import { ShownOnce } from '../common/ShownOnce.js';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { SettingsTabs } from '../settings/SettingsTabs.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { NewTokenForm } from './NewTokenForm.js';
import { curlExample, sortTokens } from './token-view.js';
import { TokenRow } from './TokenRow.js';

const SecretNotice = ({ slug, token, onDone }: { slug: string; token: ApiTokenWithSecret; onDone: () => void }) => {
  const { t } = useTranslation();
  return (
    <ShownOnce title={t('tokens.secret.title', { name: token.name })} hint={t('tokens.secret.hint')} value={token.secret} testId="token-secret"
      doneLabel={t('tokens.secret.done')} onDone={onDone}>
      <p className="small">{t('tokens.secret.example')}</p>
      <pre className="payload curl-example">{curlExample(window.location.origin, slug, token.secret, token.scopes)}</pre>
    </ShownOnce>
  );
};

const TokenSettings = ({ slug }: { slug: string }) => {
  const { t } = useTranslation();
  const list = useApi(`tokens:${slug}`, (signal) => api.tokens(slug, signal));
  const [secret, setSecret] = useState<ApiTokenWithSecret | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const tokens = list.data?.items ?? list.lastData?.items ?? null;

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (tokens === null) return <Loading />;

  const created = (token: ApiTokenWithSecret) => {
    setSecret(token);
    setMessage(null);
    list.reload();
  };
  const revoked = (token: ApiToken) => {
    setSecret(null);
    setMessage(t('tokens.revoke.done', { name: token.name }));
    list.reload();
  };

  return (
    <>
      {secret !== null && <SecretNotice slug={slug} token={secret} onDone={() => setSecret(null)} />}
      {message !== null && <p className="route-saved" role="status">{message}</p>}
      {tokens.length === 0 ? <EmptyState title={t('tokens.none')} hint={t('tokens.noneHint')} /> : (
        <div className="card card--flush">
          <div className="table-wrap">
            <table className="table tokens-table">
              <caption className="visually-hidden">{t('tokens.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('tokens.col.name')}</th>
                  <th scope="col">{t('tokens.col.prefix')}</th>
                  <th scope="col">{t('tokens.col.scopes')}</th>
                  <th scope="col">{t('tokens.col.created')}</th>
                  <th scope="col">{t('tokens.col.lastUsed')}</th>
                  <th scope="col">{t('tokens.col.state')}</th>
                  <th scope="col"><span className="visually-hidden">{t('tokens.col.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {sortTokens(tokens).map((token) => <TokenRow key={`${token.id}:${token.revokedAt ?? ''}`} slug={slug} token={token} onRevoked={revoked} />)}
              </tbody>
            </table>
          </div>
        </div>
      )}
      <NewTokenForm slug={slug} onCreated={created} />
    </>
  );
};

export const TokensPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const canManage = useCan('manageTokens');
  useDocumentTitle(t('tokens.title'));
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('tokens.title')}</h1>
        <p className="lede">{t('tokens.intro')}</p>
      </header>
      <SettingsTabs current="settings_tokens" />
      {!canManage ? <p className="notice" role="note">{t('tokens.adminsOnly')}</p>
        : current !== null && <TokenSettings key={current.slug} slug={current.slug} />}
    </div>
  );
};
