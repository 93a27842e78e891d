/**
 * Limited-memory BFGS with a backtracking (Armijo) line search: minimises a smooth convex objective
 * given its value and gradient. Deterministic: the same objective and start give the same steps.
 */

export interface LbfgsOptions {
  /** Corrections kept (memory). */
  memory?: number;
  maxIterations?: number;
  /** Stop when the objective improves by less than this fraction over 5 iterations. */
  tolerance?: number;
}

/** f(x, grad) returns f(x) and writes ∇f(x) into grad. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export const minimize = (f: Objective, x: Float64Array, options: LbfgsOptions = {}): { value: number; iterations: number; stopped: string } => {
  const m = options.memory ?? 8;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-5;
  const n = x.length;
  const s: Float64Array[] = [];
  const y: Float64Array[] = [];
  const rho: number[] = [];
  const g = new Float64Array(n);
  const gNext = new Float64Array(n);
  const d = new Float64Array(n);
  const xNext = new Float64Array(n);
  const alpha = new Float64Array(m);
  let value = f(x, g);
  const history: number[] = [value];
  let iter = 0;
  let stopped = 'iterations';
  for (; iter < maxIterations; iter++) {
    // Two-loop recursion: d = −H·g.
    for (let i = 0; i < n; i++) d[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k--) {
      const a = rho[k]! * dot(s[k]!, d);
      alpha[k] = a;
      axpy(-a, y[k]!, d);
    }
    if (s.length > 0) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < n; i++) d[i] = d[i]! * gamma;
    } else {
      const norm = Math.sqrt(dot(g, g));
      if (norm === 0) {
        stopped = 'gradient';
        break;
      }
      for (let i = 0; i < n; i++) d[i] = d[i]! / norm;
    }
    for (let k = 0; k < s.length; k++) {
      const b = rho[k]! * dot(y[k]!, d);
      axpy(alpha[k]! - b, s[k]!, d);
    }
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = 0;
      y.length = 0;
      rho.length = 0;
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }
    let step = 1;
    let next = 0;
    let accepted = false;
    for (let tries = 0; tries < 30; tries++) {
      for (let i = 0; i < n; i++) xNext[i] = x[i]! + step * d[i]!;
      next = f(xNext, gNext);
      if (Number.isFinite(next) && next <= value + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      stopped = 'line search';
      break;
    }
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = xNext[i]! - x[i]!;
      yk[i] = gNext[i]! - g[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    x.set(xNext);
    g.set(gNext);
    value = next;
    history.push(value);
    if (history.length > 5) {
      const before = history[history.length - 6]!;
      if ((before - value) / Math.max(1, Math.abs(value)) < tolerance) {
        iter++;
        stopped = 'converged';
        break;
      }
    }
  }
  return { value, iterations: iter, stopped };
};

const dot = (a: Float64Array, b: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
};

const axpy = (a: number, x: Float64Array, y: Float64Array): void => {
  for (let i = 0; i < x.length; i++) y[i] = y[i]! + a * x[i]!;
};
