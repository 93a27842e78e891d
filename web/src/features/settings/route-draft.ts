/**
 * The route being edited: the saved route it started from (none for a new one), its name and its
 * stages, each with a stable id so rows keep their identity when moved. Pure updates, tested
 * without a browser.
 */
import type { RouteDefinition, RouteSummary, StageDefinition } from '../../api/types.js';

export interface DraftStage extends StageDefinition {
  /** Stable across edits and moves: React keys and labels. */
  uid: number;
  /** A new stage's key follows its name until someone edits the key itself. */
  autoKey: boolean;
}

export interface Draft {
  /** The saved route this edits; null for a new route. */
  base: RouteSummary | null;
  name: string;
  stages: DraftStage[];
}

let lastUid = 0;
const withUid = (s: StageDefinition, autoKey = false): DraftStage => ({ key: s.key, name: s.name, rule: s.rule, mode: s.mode, uid: ++lastUid, autoKey });

export const draftOf = (route: RouteSummary): Draft => ({ base: route, name: route.name, stages: route.stages.map((s) => withUid(s)) });

/** A new route starting as a copy of `from`, under another name. */
export const copyDraft = (from: Draft, name: string): Draft => ({ base: null, name, stages: from.stages.map((s) => withUid(s)) });

/** The body the API checks and saves. */
export const definitionOf = (d: { name: string; stages: readonly StageDefinition[] }): RouteDefinition => ({
  name: d.name,
  stages: d.stages.map(({ key, name, rule, mode }) => ({ key, name, rule, mode })),
});

/** A new route always has something to save; an existing one when it differs from what is saved. */
export const isDirty = (d: Draft): boolean =>
  d.base === null || JSON.stringify(definitionOf(d)) !== JSON.stringify(definitionOf(d.base));

/** A stage key from its name: lower snake_case ASCII, as the server requires ("Top fan!" → "top_fan"). */
export const keyFromName = (name: string): string => {
  // Letters with no decomposition are spelt out (Danish æ/ø, German ß); the rest lose their accents.
  const key = name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40).replace(/_+$/, '');
  return /^[0-9]/.test(key) ? `s_${key}`.slice(0, 40) : key;
};

export type StagePatch = Partial<StageDefinition>;

export const updateStage = (d: Draft, uid: number, patch: StagePatch): Draft => ({
  ...d,
  stages: d.stages.map((s) => {
    if (s.uid !== uid) return s;
    const next: DraftStage = { ...s, ...patch };
    if (patch.key !== undefined) next.autoKey = false;
    else if (patch.name !== undefined && s.autoKey) next.key = keyFromName(patch.name);
    return next;
  }),
});

export const addStage = (d: Draft): Draft => ({ ...d, stages: [...d.stages, withUid({ key: '', name: '', rule: '', mode: 'sticky' }, true)] });

export const removeStage = (d: Draft, uid: number): Draft => ({ ...d, stages: d.stages.filter((s) => s.uid !== uid) });

/** Moves a stage one place up (-1, lower on the route) or down (+1); at either end nothing moves. */
export const moveStage = (d: Draft, uid: number, by: -1 | 1): Draft => {
  const from = d.stages.findIndex((s) => s.uid === uid);
  const to = from + by;
  if (from < 0 || to < 0 || to >= d.stages.length) return d;
  const stages = [...d.stages];
  [stages[from], stages[to]] = [stages[to]!, stages[from]!];
  return { ...d, stages };
};
