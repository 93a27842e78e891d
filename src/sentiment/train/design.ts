/** Training data as the fitter reads it: design matrices of featurized examples, targets, and int8 heads. */
import { DENSE } from '../dense-features.js';
import { Featurizer } from '../features.js';
import { DENSE_INPUTS, LANGUAGE_CLASSES, type Head } from '../model.js';
import type { ModelLanguage } from '../rules.js';
import type { Design, FittedHead, Targets } from './fit.js';

export interface Example { text: string; lang: ModelLanguage; y: number[]; allowed: number[]; weight: number; source: string }

export const languageCopy = (lang: ModelLanguage | 'other'): number => LANGUAGE_CLASSES.indexOf(lang);

/** Featurizes examples into a design matrix (dense inputs: shared, then the example's language copy). */
export const designOf = (fz: Featurizer, examples: readonly { text: string; lang: ModelLanguage | null }[], withDense: boolean): Design => {
  const rowPtr = new Int32Array(examples.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  const width = withDense ? DENSE_INPUTS : 1;
  const dense = new Float64Array(examples.length * width);
  examples.forEach((ex, d) => {
    fz.hashed(ex.text);
    // The language head reads every word; the others skip non-opinion words ("tak", "grazie").
    const words = withDense ? fz.wordOpinion : fz.wordCount;
    const chars = withDense ? fz.charOpinion : fz.charCount;
    for (let i = 0; i < words; i++) {
      cols.push(fz.words[i]!);
      vals.push(1);
    }
    for (let i = 0; i < chars; i++) {
      cols.push(fz.chars[i]!);
      vals.push(fz.config.charWeight);
    }
    rowPtr[d + 1] = cols.length;
    if (!withDense) return; // the language head has no bias: only evidence decides
    fz.denseFor(ex.lang ?? 'en');
    const own = DENSE * (1 + languageCopy(ex.lang ?? 'other'));
    for (let j = 0; j < DENSE; j++) {
      dense[d * width + j] = fz.dense[j]!;
      dense[d * width + own + j] = fz.dense[j]!;
    }
  });
  return { docs: examples.length, rowPtr, cols: Int32Array.from(cols), vals: Float32Array.from(vals), dense, denseWidth: width };
};

export const targetsOf = (examples: readonly Example[], classes: number, balance: boolean): Targets => {
  const y = new Float32Array(examples.length * classes);
  const allowed = new Uint8Array(examples.length * classes);
  const weight = new Float32Array(examples.length);
  // Class mass per source, for balancing.
  const mass = new Map<string, Float64Array>();
  const count = new Map<string, number>();
  for (const ex of examples) {
    let m = mass.get(ex.source);
    if (m === undefined) {
      m = new Float64Array(classes);
      mass.set(ex.source, m);
    }
    for (let k = 0; k < classes; k++) m[k] = m[k]! + ex.y[k]!;
    count.set(ex.source, (count.get(ex.source) ?? 0) + 1);
  }
  examples.forEach((ex, d) => {
    for (let k = 0; k < classes; k++) {
      y[d * classes + k] = ex.y[k]!;
      allowed[d * classes + k] = ex.allowed[k]!;
    }
    let w = ex.weight;
    if (balance) {
      const m = mass.get(ex.source)!;
      const present = m.filter((v) => v > 0).length;
      let factor = 0;
      for (let k = 0; k < classes; k++) if (ex.y[k]! > 0) factor += (ex.y[k]! * count.get(ex.source)!) / (present * m[k]!);
      w *= factor;
    }
    weight[d] = w;
  });
  return { classes, y, allowed, weight };
};

/** int8 weights with one scale: the 99.99th percentile of |w| maps to 127 (beyond it, clipped). */
export const quantiseHead = (fitted: FittedHead, classes: number, denseLength: number): Head => {
  const abs: number[] = [];
  for (const v of fitted.hashed) if (v !== 0) abs.push(Math.abs(v));
  abs.sort((a, b) => a - b);
  const top = abs.length === 0 ? 1 : abs[Math.min(abs.length - 1, Math.floor(abs.length * 0.9999))]!;
  const scale = top / 127;
  const hashed = new Int8Array(fitted.hashed.length);
  for (let i = 0; i < hashed.length; i++) hashed[i] = Math.max(-127, Math.min(127, Math.round(fitted.hashed[i]! / scale)));
  const dense = new Float32Array(denseLength);
  for (let i = 0; i < denseLength; i++) dense[i] = fitted.dense[i] ?? 0;
  return { classes, hashed, scale: Math.fround(scale), dense };
};

export const oneHot = (k: number, classes: number): number[] => Array.from({ length: classes }, (_, i) => (i === k ? 1 : 0));
