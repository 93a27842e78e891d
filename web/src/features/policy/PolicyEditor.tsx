/** Publishes a new version of the policy (admins, head of social): everyone must accept it again. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Policy } from '../../api/types.js';
import { ConfirmButton } from '../common/ConfirmButton.js';
import { focusFirstProblem, formProblems, NO_PROBLEMS, type FormProblems } from '../common/field-problems.js';
import { isChanged } from './policy-view.js';

const MAX = 50_000;

export const PolicyEditor = ({ slug, policy, onPublished }: { slug: string; policy: Policy | null; onPublished: (version: number) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(policy?.text ?? '');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const next = (policy?.version ?? 0) + 1;
  const changed = isChanged(text, policy?.text ?? null);

  const publish = async () => {
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const view = await api.publishPolicy(slug, text);
      onPublished(view.policy?.version ?? next);
    } catch (err) {
      const found = formProblems(err, ['text']);
      setProblems(found);
      focusFirstProblem(found, ['text'], id);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card admin-form policy-editor" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{policy === null ? t('policy.editor.titleFirst') : t('policy.editor.title')}</h2>
      <div className="field field--wide">
        <label htmlFor={`${id}-text`}>{t('policy.editor.text')}</label>
        <textarea id={`${id}-text`} className="policy-textarea" rows={14} maxLength={MAX} value={text} onChange={(e) => setText(e.target.value)}
          aria-invalid={problems.fields.text !== undefined} aria-describedby={`${id}-hint${problems.fields.text === undefined ? '' : ` ${id}-problem`}`} />
        <p id={`${id}-hint`} className="hint">{t('policy.editor.hint', { version: next })}</p>
        {problems.fields.text !== undefined && <p id={`${id}-problem`} className="field-problem" role="alert">{problems.fields.text}</p>}
      </div>
      {problems.other !== null && <p className="field-problem" role="alert">{problems.other}</p>}
      <div>
        <ConfirmButton label={t('policy.editor.publish', { version: next })} question={t('policy.editor.confirm', { version: next })}
          confirmLabel={t('policy.editor.publishYes')} danger={false} disabled={busy || !changed} onConfirm={() => void publish()} />
        {!changed && <span className="hint"> {t('policy.editor.unchanged')}</span>}
      </div>
    </section>
  );
};
