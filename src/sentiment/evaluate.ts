/**
 * Accuracy and macro-F1 of the analyser on labelled records, per language (the language the file
 * gives; the detected one when it gives none). Macro-F1 averages the F1 of the classes present in
 * the gold labels (a two-class polarity file is scored over negative and positive; predicting
 * "neutral" there is simply wrong). For multi-label emotions a prediction is right when it is one of
 * the text's emotions; each gold emotion not predicted counts as a miss for that emotion.
 */
import type { Analyzer, AnalyzeOptions } from './analyzer.js';
import type { LabelledRecord } from './dataset.js';
import type { Emotion, Sentiment } from './model.js';
import type { Language } from './rules.js';

export interface ClassScore { precision: number; recall: number; f1: number; support: number }

export interface Scores {
  n: number;
  accuracy: number;
  macroF1: number;
  classes: Record<string, ClassScore>;
}

export interface LanguageEvaluation {
  n: number;
  /** Share of texts whose detected language is the file's (null when the file gives none). */
  languageAccuracy: number | null;
  sentiment: Scores | null;
  emotion: Scores | null;
}

/** Scores predictions against gold label sets (one label each, or several for multi-label gold). */
export const score = (gold: readonly (readonly string[])[], predicted: readonly string[]): Scores => {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const support = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    for (const c of g) inc(support, c);
    if (g.includes(p)) {
      correct++;
      inc(tp, p);
    } else inc(fp, p);
    for (const c of g) if (c !== p) inc(fn, c);
  }
  const classes: Record<string, ClassScore> = {};
  let sum = 0;
  const labels = [...support.keys()].sort();
  for (const c of labels) {
    const t = tp.get(c) ?? 0;
    const precision = t + (fp.get(c) ?? 0) === 0 ? 0 : t / (t + (fp.get(c) ?? 0));
    const recall = t + (fn.get(c) ?? 0) === 0 ? 0 : t / (t + (fn.get(c) ?? 0));
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    classes[c] = { precision, recall, f1, support: support.get(c) ?? 0 };
    sum += f1;
  }
  return { n: gold.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1: labels.length === 0 ? 0 : sum / labels.length, classes };
};

export interface EvaluateOptions {
  /** Give the analyser the file's language instead of detecting it. */
  useGivenLanguage?: boolean;
  /** Force one language for every text (the CLI's --lang). */
  lang?: AnalyzeOptions['lang'];
}

/** Evaluates `analyzer` on `records`, grouped by language. */
export const evaluateRecords = (analyzer: Analyzer, records: readonly LabelledRecord[], options: EvaluateOptions = {}): Record<string, LanguageEvaluation> => {
  const groups = new Map<string, { langOk: number; langN: number; sg: Sentiment[][]; sp: Sentiment[]; eg: Emotion[][]; ep: Emotion[]; n: number }>();
  for (const r of records) {
    const lang = options.lang ?? (options.useGivenLanguage === true && r.lang !== null ? r.lang : undefined);
    const a = analyzer.analyze(r.text, lang === undefined ? undefined : { lang });
    const key: Language | string = r.lang ?? a.lang;
    let g = groups.get(key);
    if (g === undefined) {
      g = { langOk: 0, langN: 0, sg: [], sp: [], eg: [], ep: [], n: 0 };
      groups.set(key, g);
    }
    g.n++;
    if (r.lang !== null) {
      g.langN++;
      if (a.lang === r.lang) g.langOk++;
    }
    if (r.sentiment !== null) {
      g.sg.push([r.sentiment]);
      g.sp.push(a.sentiment);
    }
    if (r.emotions !== null) {
      g.eg.push(r.emotions);
      g.ep.push(a.emotion);
    }
  }
  const out: Record<string, LanguageEvaluation> = {};
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    out[key] = {
      n: g.n,
      languageAccuracy: g.langN === 0 ? null : g.langOk / g.langN,
      sentiment: g.sg.length === 0 ? null : score(g.sg, g.sp),
      emotion: g.eg.length === 0 ? null : score(g.eg, g.ep),
    };
  }
  return out;
};
