/**
 * One stage of the route editor: name, key, rule (monospace) and mode, with the check's problems
 * beside the field they are about; a rule problem shows the rule with the offending part marked.
 */
import { useId, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StageMode } from '../../api/types.js';
import type { DraftStage, StagePatch } from './route-draft.js';
import { splitRule, type PlacedProblem } from './route-problems.js';

const MODES: readonly StageMode[] = ['sticky', 'live'];

interface Props {
  stage: DraftStage;
  index: number;
  count: number;
  problems: readonly PlacedProblem[];
  /** The rule as it was checked: the problems' positions point into it. */
  checkedRule: string;
  onChange(patch: StagePatch): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

const RuleProblem = ({ problem: p, rule }: { problem: PlacedProblem; rule: string }) => {
  const where = p.position === undefined || rule.trim() === '' ? null : splitRule(rule, p.position, p.length);
  return (
    <>
      <span className="field-problem-message">{p.message}</span>
      {where !== null && (
        <span className="rule-where mono" aria-hidden="true">
          {where.before}
          {where.part === '' ? <mark className="rule-mark rule-mark--point" /> : <mark className="rule-mark">{where.part}</mark>}
          {where.after}
        </span>
      )}
    </>
  );
};

/** A field's problems; `value` is the field's text, `rule` the checked rule for rule problems. */
const Problems = ({ id, problems, value, rule }: { id: string; problems: readonly PlacedProblem[]; value: string; rule?: string }) => {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  // The schema's wording ("Too small: expected string…") says less than "Required." for an empty field.
  const message = (p: PlacedProblem) => (p.schema === true && value.trim() === '' ? t('routes.required') : p.message);
  return (
    <ul className="field-problems" id={id}>
      {problems.map((p, i) => (
        <li key={i} className="field-problem">
          {rule === undefined ? message(p) : <RuleProblem problem={p} rule={rule} />}
        </li>
      ))}
    </ul>
  );
};

// A rule is one line: Enter must not put a line break in it.
const noEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
  if (e.key === 'Enter') e.preventDefault();
};

export const StageRow = ({ stage: s, index, count, problems, checkedRule, onChange, onMove, onRemove }: Props) => {
  const { t } = useTranslation();
  const id = useId();
  const n = index + 1;
  const of = (field: string) => problems.filter((p) => p.field === field);
  const nameProblems = of('name');
  const keyProblems = of('key');
  const ruleProblems = problems.filter((p) => p.field !== 'name' && p.field !== 'key');
  const describedBy = (problemsOf: readonly PlacedProblem[], what: string) => (problemsOf.length > 0 ? `${id}-${what}` : undefined);

  return (
    <tr className={`stage-row${problems.length > 0 ? ' stage-row--invalid' : ''}`} data-stage={index}>
      <td className="num stage-row-number">{n}</td>
      <td>
        <input className="stage-name-input" value={s.name} maxLength={80} aria-label={t('routes.stageName', { n })}
          aria-invalid={nameProblems.length > 0} aria-describedby={describedBy(nameProblems, 'name')}
          onChange={(e) => onChange({ name: e.target.value })} />
        <Problems id={`${id}-name`} problems={nameProblems} value={s.name} />
      </td>
      <td>
        <input className="stage-key-input mono" value={s.key} maxLength={40} spellCheck={false} autoCapitalize="off" aria-label={t('routes.stageKey', { n })}
          aria-invalid={keyProblems.length > 0} aria-describedby={describedBy(keyProblems, 'key')}
          onChange={(e) => onChange({ key: e.target.value })} />
        <Problems id={`${id}-key`} problems={keyProblems} value={s.key} />
      </td>
      <td className="rule-cell">
        <textarea className="rule-input mono" rows={1} value={s.rule} maxLength={2000} spellCheck={false} autoCapitalize="off" autoComplete="off"
          placeholder={t('routes.rulePlaceholder')} aria-label={t('routes.stageRule', { n })}
          aria-invalid={ruleProblems.length > 0} aria-describedby={describedBy(ruleProblems, 'rule')}
          onKeyDown={noEnter} onChange={(e) => onChange({ rule: e.target.value.replace(/[\r\n]+/g, ' ') })} />
        <Problems id={`${id}-rule`} problems={ruleProblems} value={s.rule} rule={checkedRule} />
      </td>
      <td>
        <select value={s.mode} aria-label={t('routes.stageMode', { n })} onChange={(e) => onChange({ mode: e.target.value as StageMode })}>
          {MODES.map((m) => <option key={m} value={m} title={t(`stage.modeHint.${m}`)}>{t(`stage.mode.${m}`)}</option>)}
        </select>
      </td>
      <td className="row-actions">
        <button type="button" className="button button--small button--icon" disabled={index === 0} onClick={() => onMove(-1)}
          aria-label={t('routes.moveUp', { n })} title={t('routes.moveUp', { n })}>↑</button>
        <button type="button" className="button button--small button--icon" disabled={index === count - 1} onClick={() => onMove(1)}
          aria-label={t('routes.moveDown', { n })} title={t('routes.moveDown', { n })}>↓</button>
        <button type="button" className="button button--small button--icon button--danger" disabled={count <= 1} onClick={onRemove}
          aria-label={t('routes.remove', { n })} title={t('routes.remove', { n })}>✕</button>
      </td>
    </tr>
  );
};
