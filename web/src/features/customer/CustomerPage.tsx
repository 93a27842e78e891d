/** One customer: who they are, their stage and why, facts, identities and merges beside their timeline. */
import { useTranslation } from 'react-i18next';
import { customerName } from '../common/customer-name.js';
import { ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { CustomerHeader } from './CustomerHeader.js';
import { FactsPanel } from './FactsPanel.js';
import { IdentitiesTable } from './IdentitiesTable.js';
import { MergesPanel } from './MergesPanel.js';
import { StagePanels } from './StagePanel.js';
import { Timeline } from './Timeline.js';
import { useCustomer, useTimeline } from './useCustomer.js';

export const CustomerPage = ({ id }: { id: number }) => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const slug = current?.slug ?? null;
  const detail = useCustomer(slug, id);
  const c = detail.data;
  const timeline = useTimeline(slug, c);
  useDocumentTitle(c === null ? t('customers.title') : customerName(c, t));

  if (detail.error) return <div className="page"><ErrorState error={detail.error} onRetry={detail.reload} /></div>;
  if (c === null) return <div className="page"><Loading /></div>;

  return (
    <div className="page page--wide">
      <CustomerHeader customer={c} />
      <div className="customer-grid">
        <div className="customer-main">
          <IdentitiesTable identities={c.identities} customerId={c.id} />
          <Timeline timeline={timeline} />
        </div>
        <div className="customer-side">
          <StagePanels stages={c.stages} currency={c.currency} />
          <FactsPanel facts={c.facts} currency={c.currency} asOf={c.asOf} />
          <MergesPanel slug={slug} customerId={c.id} merges={c.merges} canMergeInto={c.mergedInto === null} onChanged={detail.reload} />
        </div>
      </div>
    </div>
  );
};
