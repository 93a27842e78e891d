/**
 * Fits one linear head: multinomial logistic regression with L2 regularisation, by L-BFGS, over the
 * hashed features (only the buckets the data uses are parameters) and the dense inputs.
 *
 * Targets are distributions (multi-label emotions share their mass). A document may restrict the
 * classes it is compared over: a positive/negative-only label says "positive rather than negative",
 * not "not neutral", so the softmax is taken over the allowed classes only.
 */
import { minimize } from './lbfgs.js';

export interface Design {
  docs: number;
  /** CSR of hashed features: row d is cols/vals[rowPtr[d] .. rowPtr[d+1]). */
  rowPtr: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  /** Dense inputs per doc (docs × denseWidth): shared features then the language copies. */
  dense: Float64Array;
  denseWidth: number;
}

export interface Targets {
  classes: number;
  /** docs × classes, each row sums to 1 over its allowed classes. */
  y: Float32Array;
  /** docs × classes, 1 where the class takes part in the doc's softmax. */
  allowed: Uint8Array;
  weight: Float32Array;
}

export interface Regularisation {
  hashed: number;
  /** Per dense input: the shared features usually lighter, the per-language copies heavier. */
  dense: Float64Array;
}

export interface FittedHead {
  /** buckets × classes (only used buckets non-zero). */
  hashed: Float64Array;
  dense: Float64Array;
  iterations: number;
  loss: number;
  stopped: string;
}

export const fitHead = (
  design: Design, targets: Targets, reg: Regularisation, buckets: number, options: { maxIterations: number; include?: Uint8Array },
): FittedHead => {
  const C = targets.classes;
  const { docs, rowPtr, cols, vals, dense, denseWidth } = design;
  const include = options.include;
  // Compact the used buckets.
  const compact = new Int32Array(buckets).fill(-1);
  let used = 0;
  for (let d = 0; d < docs; d++) {
    if (include !== undefined && include[d] === 0) continue;
    for (let i = rowPtr[d]!; i < rowPtr[d + 1]!; i++) if (compact[cols[i]!] === -1) compact[cols[i]!] = used++;
  }
  const localCols = new Int32Array(cols.length);
  for (let i = 0; i < cols.length; i++) localCols[i] = compact[cols[i]!]!;
  const hashedSize = used * C;
  const x = new Float64Array(hashedSize + denseWidth * C);
  let totalWeight = 0;
  for (let d = 0; d < docs; d++) if (include === undefined || include[d] === 1) totalWeight += targets.weight[d]!;
  const z = new Float64Array(C);
  const p = new Float64Array(C);

  const objective = (w: Float64Array, grad: Float64Array): number => {
    grad.fill(0);
    let loss = 0;
    for (let d = 0; d < docs; d++) {
      if (include !== undefined && include[d] === 0) continue;
      const wd = targets.weight[d]!;
      if (wd === 0) continue;
      z.fill(0);
      for (let i = rowPtr[d]!; i < rowPtr[d + 1]!; i++) {
        const base = localCols[i]! * C;
        const v = vals[i]!;
        for (let k = 0; k < C; k++) z[k] = z[k]! + w[base + k]! * v;
      }
      const db = d * denseWidth;
      for (let j = 0; j < denseWidth; j++) {
        const v = dense[db + j]!;
        if (v === 0) continue;
        const base = hashedSize + j * C;
        for (let k = 0; k < C; k++) z[k] = z[k]! + w[base + k]! * v;
      }
      let max = -Infinity;
      for (let k = 0; k < C; k++) if (targets.allowed[d * C + k] === 1 && z[k]! > max) max = z[k]!;
      let sum = 0;
      for (let k = 0; k < C; k++) {
        const e = targets.allowed[d * C + k] === 1 ? Math.exp(z[k]! - max) : 0;
        p[k] = e;
        sum += e;
      }
      const scale = wd / totalWeight;
      for (let k = 0; k < C; k++) {
        p[k] = p[k]! / sum;
        const yk = targets.y[d * C + k]!;
        if (yk > 0) loss -= scale * yk * Math.log(Math.max(p[k]!, 1e-300));
        p[k] = scale * (p[k]! - yk);
      }
      for (let i = rowPtr[d]!; i < rowPtr[d + 1]!; i++) {
        const base = localCols[i]! * C;
        const v = vals[i]!;
        for (let k = 0; k < C; k++) grad[base + k] = grad[base + k]! + p[k]! * v;
      }
      for (let j = 0; j < denseWidth; j++) {
        const v = dense[db + j]!;
        if (v === 0) continue;
        const base = hashedSize + j * C;
        for (let k = 0; k < C; k++) grad[base + k] = grad[base + k]! + p[k]! * v;
      }
    }
    for (let i = 0; i < hashedSize; i++) {
      loss += 0.5 * reg.hashed * w[i]! * w[i]!;
      grad[i] = grad[i]! + reg.hashed * w[i]!;
    }
    for (let j = 0; j < denseWidth; j++) {
      const r = reg.dense[j]!;
      for (let k = 0; k < C; k++) {
        const i = hashedSize + j * C + k;
        loss += 0.5 * r * w[i]! * w[i]!;
        grad[i] = grad[i]! + r * w[i]!;
      }
    }
    return loss;
  };

  const result = minimize(objective, x, { maxIterations: options.maxIterations, tolerance: 1e-6 });
  const hashed = new Float64Array(buckets * C);
  for (let b = 0; b < buckets; b++) {
    const l = compact[b]!;
    if (l < 0) continue;
    for (let k = 0; k < C; k++) hashed[b * C + k] = x[l * C + k]!;
  }
  return { hashed, dense: x.slice(hashedSize), iterations: result.iterations, loss: result.value, stopped: result.stopped };
};
