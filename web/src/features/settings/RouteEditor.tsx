/**
 * Edits one route: its stages in a table, checked live as people type (Save stays disabled while
 * the check is running or finds a problem), then saved, which re-evaluates every customer.
 */
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteSaved } from '../../api/types.js';
import { ErrorState } from '../common/StatusMessage.js';
import { addStage, definitionOf, isDirty, moveStage, removeStage, updateStage, type Draft } from './route-draft.js';
import { placeProblems } from './route-problems.js';
import { StageRow } from './StageRow.js';
import { useRouteCheck } from './useRouteCheck.js';
import { useSaveRoute } from './useSaveRoute.js';

/** As many stages as the server takes. */
export const MAX_STAGES = 20;

interface Props {
  slug: string;
  draft: Draft;
  /** Names of the saved routes: saving a new route under one of them replaces it. */
  savedNames: readonly string[];
  /** Shown, not edited: the person's role may not change routes. */
  readOnly?: boolean;
  onChange(draft: Draft): void;
  onSaved(saved: RouteSaved): void;
}

export const RouteEditor = ({ slug, draft, savedNames, readOnly = false, onChange, onSaved }: Props) => {
  const { t } = useTranslation();
  const nameId = useId();
  const def = definitionOf(draft);
  const check = useRouteCheck(slug, def);
  const saving = useSaveRoute(slug);
  const placed = placeProblems(check.problems);
  const dirty = isDirty(draft);
  const isNew = draft.base === null;
  const nameProblems = isNew ? placed.route.filter((p) => p.field === 'name') : [];
  const routeProblems = isNew ? placed.route.filter((p) => p.field !== 'name') : placed.route;
  const replaces = isNew && savedNames.includes(draft.name.trim());
  const canSave = !readOnly && dirty && check.ok && !saving.busy;
  const problemCount = check.problems.length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!canSave) return;
    const saved = await saving.save(def);
    if (saved !== null) onSaved(saved);
  };

  let status: string;
  if (check.checking) status = t('routes.checking');
  else if (check.error !== null) status = t('routes.checkFailed');
  else if (!check.ok) status = t('routes.problems', { count: problemCount });
  else status = dirty ? t('routes.valid') : t('routes.unchanged');

  return (
    <form className="card route-editor" onSubmit={(e) => void submit(e)} aria-label={t('routes.editor')}>
      {isNew && (
        <div className="field">
          <label htmlFor={nameId}>{t('routes.name')}</label>
          <input id={nameId} value={draft.name} maxLength={80} aria-invalid={nameProblems.length > 0}
            onChange={(e) => onChange({ ...draft, name: e.target.value })} />
          {nameProblems.map((p, i) => <p key={i} className="field-problem">{p.message}</p>)}
          {replaces && <p className="hint">{t('routes.replaces')}</p>}
        </div>
      )}
      {routeProblems.length > 0 && (
        <ul className="route-problems" aria-label={t('routes.routeProblems')}>
          {routeProblems.map((p, i) => <li key={i} className="field-problem">{p.message}</li>)}
        </ul>
      )}
      <fieldset className="route-fieldset" disabled={readOnly}>
        <div className="table-wrap">
          <table className="table route-stages">
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{t('routes.col.name')}</th>
                <th scope="col">{t('routes.col.key')}</th>
                <th scope="col">{t('routes.col.rule')}</th>
                <th scope="col">{t('routes.col.mode')}</th>
                <th scope="col"><span className="visually-hidden">{t('routes.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {draft.stages.map((s, i) => (
                <StageRow key={s.uid} stage={s} index={i} count={draft.stages.length}
                  problems={placed.stages.get(i) ?? []} checkedRule={check.checked?.stages[i]?.rule ?? s.rule}
                  onChange={(patch) => onChange(updateStage(draft, s.uid, patch))}
                  onMove={(by) => onChange(moveStage(draft, s.uid, by))}
                  onRemove={() => onChange(removeStage(draft, s.uid))} />
              ))}
            </tbody>
          </table>
        </div>
      </fieldset>
      {!readOnly && (
        <div className="route-actions">
          <button type="button" className="button" disabled={draft.stages.length >= MAX_STAGES} onClick={() => onChange(addStage(draft))}>
            {t('routes.addStage')}
          </button>
          <p className={`route-status${!check.checking && !check.ok ? ' route-status--invalid' : ''}`} role="status">{status}</p>
          <button type="submit" className="button button--primary" disabled={!canSave} aria-busy={saving.busy}>
            {saving.busy ? t('routes.saving') : t('routes.save')}
          </button>
        </div>
      )}
      {check.error !== null && <ErrorState error={check.error} />}
      {saving.error !== null && <ErrorState error={saving.error} />}
      {!readOnly && <p className="hint">{t('routes.saveHint')}</p>}
    </form>
  );
};
