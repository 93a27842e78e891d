/** The loading, error and empty states every page shares. */
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';

export const Loading = () => {
  const { t } = useTranslation();
  return <p className="status status--loading" role="status">{t('common.loading')}</p>;
};

export const ErrorState = ({ error, onRetry }: { error: Error; onRetry?: () => void }) => {
  const { t } = useTranslation();
  const code = error instanceof ApiError ? error.code : null;
  // Known codes have a sentence in every language; the server's English message follows for detail.
  const headline = code !== null && t(`errors.${code}`, { defaultValue: '' }) !== '' ? t(`errors.${code}`) : t('errors.generic');
  return (
    <div className="status status--error" role="alert">
      <p className="status-title">{headline}</p>
      <p className="status-detail">{error.message}</p>
      {onRetry && <button type="button" className="button" onClick={onRetry}>{t('common.retry')}</button>}
    </div>
  );
};

export const EmptyState = ({ title, hint }: { title: string; hint?: string }) => (
  <div className="status status--empty">
    <p className="status-title">{title}</p>
    {hint !== undefined && <p className="status-detail">{hint}</p>}
  </div>
);
