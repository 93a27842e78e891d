/** Previous / next over a paged list, with "1–50 of 3,012". */
import { useTranslation } from 'react-i18next';
import { pageRange } from '../../i18n/format.js';

export interface PagerProps {
  offset: number;
  shown: number;
  total: number;
  page: number;
  pageSize: number;
  onPage(page: number): void;
}

export const Pager = ({ offset, shown, total, page, pageSize, onPage }: PagerProps) => {
  const { t, i18n } = useTranslation();
  const hasNext = offset + pageSize < total;
  return (
    <nav className="pager" aria-label={t('customers.pagination')}>
      <p className="pager-range" aria-live="polite">{t('customers.range', pageRange(offset, shown, total, i18n.language))}</p>
      <div className="pager-buttons">
        <button type="button" className="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          <span aria-hidden="true">← </span>{t('customers.prev')}
        </button>
        <button type="button" className="button" disabled={!hasNext} onClick={() => onPage(page + 1)}>
          {t('customers.next')}<span aria-hidden="true"> →</span>
        </button>
      </div>
    </nav>
  );
};
