/** One API token: name, prefix, scopes, who made it and when, when it was last used, revoked or not; revoke it. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ApiToken } from '../../api/types.js';
import { formatDateTime } from '../../i18n/format.js';
import { ConfirmButton } from '../common/ConfirmButton.js';

export const TokenRow = ({ slug, token, onRevoked }: { slug: string; token: ApiToken; onRevoked: (token: ApiToken) => void }) => {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const revoke = async () => {
    setBusy(true);
    setProblem(null);
    try {
      onRevoked(await api.revokeToken(slug, token.id));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const revoked = token.revokedAt !== null;
  return (
    <tr className={revoked ? 'is-revoked' : undefined}>
      <th scope="row">{token.name}</th>
      <td><code>{token.prefix}…</code></td>
      <td><span className="badges">{token.scopes.map((s) => <span key={s} className="badge badge--scope">{s}</span>)}</span></td>
      <td className="small">{token.createdBy}<br /><time dateTime={token.createdAt} className="muted">{formatDateTime(token.createdAt, lang)}</time></td>
      <td className="small">{token.lastUsedAt === null ? <span className="muted">{t('tokens.never')}</span> : <time dateTime={token.lastUsedAt}>{formatDateTime(token.lastUsedAt, lang)}</time>}</td>
      <td>
        {revoked
          ? <span className="badge badge--delivery-failed">{t('tokens.revokedAt', { at: formatDateTime(token.revokedAt!, lang) })}</span>
          : <span className="badge badge--delivery-ok">{t('tokens.active')}</span>}
      </td>
      <td className="row-actions">
        {!revoked && (
          <ConfirmButton label={t('tokens.revoke.button')} ariaLabel={t('tokens.revoke.buttonOf', { name: token.name })}
            question={t('tokens.revoke.confirm', { name: token.name })} confirmLabel={t('tokens.revoke.yes')} disabled={busy} onConfirm={() => void revoke()} />
        )}
        {problem !== null && <p className="field-problem" role="alert">{problem}</p>}
      </td>
    </tr>
  );
};
