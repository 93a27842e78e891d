/** The customers page: search (kept in ?q=), a page of customers, paging. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { CustomersTable } from './CustomersTable.js';
import { Pager } from './Pager.js';
import { PAGE_SIZE, useCustomerList } from './useCustomerList.js';
import { useSearchQuery } from './useSearchQuery.js';

export const CustomersPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const search = useSearchQuery();
  const list = useCustomerList(current?.slug ?? null, search.q, search.page);
  const searchId = useId();
  const hintId = useId();
  useDocumentTitle(t('customers.title'));

  // While the next page or search loads, the last one stays on screen, dimmed.
  const shown = list.data ?? list.lastData;
  const busy = list.loading || search.pending;

  return (
    <div className="page">
      <header className="page-header">
        <p className="eyebrow">{current?.name}</p>
        <h1>{t('customers.title')}</h1>
      </header>

      <form className="search" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor={searchId}>{t('customers.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search.text}
          onChange={(e) => search.setText(e.target.value)}
          placeholder={t('customers.searchPlaceholder')}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          maxLength={200}
        />
        <p id={hintId} className="hint">{t('customers.searchHint')}</p>
      </form>

      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.error && shown === null && <Loading />}
      {!list.error && shown !== null && shown.total === 0 && (
        search.q === ''
          ? <EmptyState title={t('customers.emptyAll')} hint={t('dashboard.noCustomersHint')} />
          : <EmptyState title={t('customers.empty', { q: search.q })} hint={t('customers.emptyHint')} />
      )}
      {!list.error && shown !== null && shown.total > 0 && (
        <section className={`card card--flush${busy ? ' is-busy' : ''}`} aria-busy={busy}>
          <CustomersTable items={shown.items} currency={shown.currency} caption={t('customers.title')} />
          <Pager offset={shown.offset} shown={shown.items.length} total={shown.total} page={search.page} pageSize={PAGE_SIZE} onPage={search.goToPage} />
        </section>
      )}
    </div>
  );
};
