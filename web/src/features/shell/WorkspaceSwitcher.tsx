/** Chooses the workspace (brand) the UI shows. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../workspace/useWorkspace.js';

export const WorkspaceSwitcher = () => {
  const { t } = useTranslation();
  const { workspaces, current, select } = useWorkspace();
  const id = useId();
  if (workspaces === null || current === null) return null;
  return (
    <div className="switcher">
      <label htmlFor={id}>{t('workspace.label')}</label>
      <select id={id} value={current.slug} onChange={(e) => select(e.target.value)}>
        {workspaces.map((w) => (
          <option key={w.slug} value={w.slug}>{w.name}</option>
        ))}
      </select>
    </div>
  );
};
