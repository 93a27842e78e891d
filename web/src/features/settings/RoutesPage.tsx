/**
 * Settings → Routes: pick a KPI route, edit its stages, save (every customer is re-evaluated), or
 * start a new route from a copy of the one shown. Beside it, how rules are written. People whose role
 * may not edit routes (analysts, PR, care agents) see the routes read-only.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { RouteSaved, RouteSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { ErrorState, Loading } from '../common/StatusMessage.js';
import { useDocumentTitle } from '../common/useDocumentTitle.js';
import { useCan } from '../auth/useAuth.js';
import { useWorkspace } from '../workspace/useWorkspace.js';
import { addStage, copyDraft, draftOf, isDirty, type Draft } from './route-draft.js';
import { RouteEditor } from './RouteEditor.js';
import { RuleHelp } from './RuleHelp.js';
import { SettingsTabs } from './SettingsTabs.js';

/** A workspace with no route yet starts from one empty stage. */
const emptyDraft = (): Draft => addStage({ base: null, name: '', stages: [] });

const RouteSettings = ({ slug, canEdit }: { slug: string; canEdit: boolean }) => {
  const { t } = useTranslation();
  const selectId = useId();
  const list = useApi(`routes:${slug}`, (signal) => api.routes(slug, signal));
  const routes: readonly RouteSummary[] | null = list.data?.items ?? list.lastData?.items ?? null;
  const [draft, setDraft] = useState<Draft | null>(null);
  // Where "discard" goes back to when editing a new route.
  const [origin, setOrigin] = useState<RouteSummary | null>(null);
  const [saved, setSaved] = useState<RouteSaved | null>(null);

  useEffect(() => {
    if (draft === null && routes !== null) setDraft(routes[0] === undefined ? emptyDraft() : draftOf(routes[0]));
  }, [routes, draft]);

  if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
  if (routes === null || draft === null) return <Loading />;

  const dirty = isDirty(draft);
  // Just saved under a new name, before the list has reloaded: offer it anyway.
  const options = draft.base !== null && !routes.some((r) => r.id === draft.base?.id) ? [...routes, draft.base] : routes;
  const edit = (next: Draft) => {
    setSaved(null);
    setDraft(next);
  };
  const select = (id: number) => {
    const route = routes.find((r) => r.id === id);
    if (route !== undefined) edit(draftOf(route));
  };
  const startNew = () => {
    setOrigin(draft.base);
    edit(copyDraft(draft, t('routes.copyName', { name: draft.name })));
  };
  const discard = () => {
    const back = draft.base ?? origin ?? routes[0];
    edit(back === undefined ? emptyDraft() : draftOf(back));
  };
  const onSaved = (result: RouteSaved) => {
    setDraft(draftOf(result.route));
    setSaved(result);
    list.reload();
  };

  return (
    <>
      <div className="route-toolbar">
        <div className="field field--inline">
          <label htmlFor={selectId}>{t('routes.route')}</label>
          <select id={selectId} value={draft.base?.id ?? 'new'} disabled={dirty} aria-describedby={dirty ? `${selectId}-hint` : undefined}
            onChange={(e) => select(Number(e.target.value))}>
            {options.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            {draft.base === null && <option value="new">{t('routes.unsaved', { name: draft.name.trim() || t('routes.newRoute') })}</option>}
          </select>
        </div>
        {canEdit && <button type="button" className="button" disabled={draft.base === null} onClick={startNew}>{t('routes.newRoute')}</button>}
        {canEdit && dirty && routes.length > 0 && <button type="button" className="button" onClick={discard}>{t('routes.discard')}</button>}
        {dirty && <p id={`${selectId}-hint`} className="hint">{t('routes.switchHint')}</p>}
      </div>
      {saved !== null && (
        <p className="route-saved" role="status">
          {t('routes.saved', { count: saved.recompute.customers, moved: saved.recompute.transitions })}
        </p>
      )}
      {!canEdit && <p className="notice route-read-only" role="note">{t('routes.readOnly')}</p>}
      <RouteEditor slug={slug} draft={draft} savedNames={routes.map((r) => r.name)} readOnly={!canEdit} onChange={edit} onSaved={onSaved} />
    </>
  );
};

export const RoutesPage = () => {
  const { t } = useTranslation();
  const { current } = useWorkspace();
  const canEdit = useCan('editRoutes');
  useDocumentTitle(t('routes.title'));
  return (
    <div className="page page--wide">
      <header className="page-header">
        <p className="eyebrow">{t('nav.settings')}</p>
        <h1>{t('routes.title')}</h1>
        <p className="lede">{t('routes.intro')}</p>
      </header>
      <SettingsTabs current="settings_routes" />
      {current !== null && <RouteSettings key={current.slug} slug={current.slug} canEdit={canEdit} />}
      <RuleHelp />
    </div>
  );
};
