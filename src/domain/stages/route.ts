/**
 * KPI routes (PRODUCT.md §2): ordered stages, each a milestone with an entry rule over facts and a
 * mode — sticky (kept once reached) or live (lost when the rule stops holding). A workspace may
 * keep several routes (B2C, B2B…). Routes are checked and compiled once, when saved.
 */
import { compileRule, type CompiledRule, type RuleError } from '../rules/index.js';
import { factNames } from '../facts.js';

export type StageMode = 'sticky' | 'live';

export interface StageDefinition {
  key: string;
  name: string;
  rule: string;
  mode: StageMode;
}

export interface RouteDefinition {
  name: string;
  /** In order: the first stage is the lowest. */
  stages: StageDefinition[];
}

export interface CompiledStage extends StageDefinition {
  index: number;
  compiled: CompiledRule;
}

export interface CompiledRoute {
  name: string;
  stages: CompiledStage[];
}

export interface RouteProblem {
  /** Index of the stage, or null for the route as a whole. */
  stage: number | null;
  field: 'name' | 'key' | 'rule' | 'stages';
  message: string;
  /** Where in the rule text, for rule errors. */
  position?: number;
  length?: number;
}

let known: ReadonlySet<string> | null = null;
/** Every fact a rule may name. */
export const knownFacts = (): ReadonlySet<string> => (known ??= new Set(factNames()));

export const MAX_STAGES = 20;

/** Checks a route and compiles its rules; every problem is reported, nothing half-accepted. */
export const compileRoute = (def: RouteDefinition): { ok: true; route: CompiledRoute } | { ok: false; problems: RouteProblem[] } => {
  const problems: RouteProblem[] = [];
  if (def.name.trim() === '') problems.push({ stage: null, field: 'name', message: 'a route needs a name' });
  if (def.stages.length === 0 || def.stages.length > MAX_STAGES) problems.push({ stage: null, field: 'stages', message: `a route has 1 to ${MAX_STAGES} stages` });
  const keys = new Set<string>();
  const stages: CompiledStage[] = [];
  def.stages.forEach((s, index) => {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(s.key)) problems.push({ stage: index, field: 'key', message: `stage ${index + 1}: key "${s.key}" must be lower snake_case` });
    else if (keys.has(s.key)) problems.push({ stage: index, field: 'key', message: `stage ${index + 1}: key "${s.key}" is used twice` });
    keys.add(s.key);
    if (s.name.trim() === '') problems.push({ stage: index, field: 'name', message: `stage ${index + 1} needs a name` });
    const result = compileRule(s.rule, knownFacts());
    if (result.ok) stages.push({ ...s, index, compiled: result.rule });
    else problems.push(ruleProblem(index, result.error));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, route: { name: def.name, stages } };
};

const ruleProblem = (index: number, error: RuleError): RouteProblem => ({
  stage: index, field: 'rule', message: `stage ${index + 1}: ${error.message}`, position: error.position, length: error.length,
});

/** The default route of PRODUCT.md §2. `threshold` is the high-value spend in the workspace currency. */
export const defaultRoute = (threshold = 1000): RouteDefinition => ({
  name: 'Customer journey',
  stages: [
    { key: 'first_contact', name: 'First contact', rule: 'events >= 1', mode: 'sticky' },
    { key: 'first_interaction', name: 'First interaction', rule: 'posts + comments + messages + reviews + newsletter_signups >= 1', mode: 'sticky' },
    { key: 'regular', name: 'Regular', rule: 'active_weeks_90d >= 3', mode: 'live' },
    { key: 'buyer', name: 'Buyer', rule: 'purchases >= 1', mode: 'sticky' },
    { key: 'multiple_buyer', name: 'Multiple buyer', rule: 'purchases >= 2', mode: 'sticky' },
    { key: 'spokesperson', name: 'Spokesperson / influencer', rule: 'positive_mentions_90d + shares_90d + referrals_90d >= 3 or (reach >= 5000 and sentiment_avg_30d > 0)', mode: 'live' },
    { key: 'high_value', name: 'High-value buyer', rule: `spend_365d >= ${threshold}`, mode: 'live' },
  ],
});
