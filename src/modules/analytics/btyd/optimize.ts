// Maximum likelihood on positive parameters: BFGS on their logarithms inside a box,
// from several starts, then the Hessian for standard errors.
//
// Logs because the parameters are positive and live on very different scales (a ≈ 0.8,
// α ≈ 4 weeks or 30 days); a box because some data sets have their optimum at the edge
// of the parameter space (a dropout rate of zero, a Poisson purchase rate with r → ∞):
// there the likelihood keeps improving towards infinity, and the parameter is reported
// as on the boundary rather than chased until something overflows.

/** Negative log-likelihood at x; fills `gradient` in place. */
export type ValueAndGradient = (x: readonly number[], gradient: number[]) => number;

export interface MinimizeResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  evaluations: number;
  converged: boolean;
  /** the final inverse-Hessian estimate, to continue from */
  inverseHessian: number[][];
}

/** Central differences, one-sided where a neighbour is infeasible. */
export function numericGradient(f: (x: readonly number[]) => number): ValueAndGradient {
  return (x, gradient) => {
    const f0 = f(x);
    if (!Number.isFinite(f0)) return f0;
    const probe = [...x];
    for (let i = 0; i < x.length; i++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[i]));
      probe[i] = x[i] + h;
      const up = f(probe);
      probe[i] = x[i] - h;
      const down = f(probe);
      probe[i] = x[i];
      if (Number.isFinite(up) && Number.isFinite(down)) gradient[i] = (up - down) / (2 * h);
      else if (Number.isFinite(up)) gradient[i] = (up - f0) / h;
      else if (Number.isFinite(down)) gradient[i] = (f0 - down) / h;
      else gradient[i] = 0;
    }
    return f0;
  };
}

interface Point {
  a: number;
  x: number[];
  f: number;
  g: number[];
  slope: number;
  ok: boolean;
}

const dot = (u: readonly number[], v: readonly number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);
const clamp = (v: number, [lo, hi]: readonly [number, number]) => Math.min(hi, Math.max(lo, v));
const identity = (n: number, scale = 1) => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));

interface LineSearch {
  fg: ValueAndGradient;
  from: Point;
  direction: number[];
  initial: number;
  maxStep: number;
  lower: readonly number[];
  upper: readonly number[];
}

// Strong Wolfe line search (Nocedal & Wright, algorithms 3.5 and 3.6). An infeasible
// point (non-finite value) counts as "too far".
function lineSearch({ fg, from, direction, initial, maxStep, lower, upper }: LineSearch): { point?: Point; evaluations: number } {
  const c1 = 1e-4;
  const c2 = 0.9;
  let evaluations = 0;
  const at = (a: number): Point => {
    const x = from.x.map((v, i) => clamp(v + a * direction[i], [lower[i], upper[i]]));
    const g = new Array<number>(x.length).fill(0);
    const f = fg(x, g);
    evaluations++;
    const ok = Number.isFinite(f) && g.every(Number.isFinite);
    return { a, x, f, g, slope: ok ? dot(g, direction) : Number.NaN, ok };
  };
  const sufficient = (p: Point) => p.ok && p.f <= from.f + c1 * p.a * from.slope;
  const curvature = (p: Point) => Math.abs(p.slope) <= -c2 * from.slope;
  const zoom = (lo: Point, hi: Point): Point | undefined => {
    for (let i = 0; i < 20; i++) {
      const width = hi.a - lo.a;
      let a: number;
      if (hi.ok) {
        const denom = 2 * (hi.f - lo.f - lo.slope * width);
        a = denom > 0 ? lo.a - (lo.slope * width * width) / denom : lo.a + 0.5 * width;
        const [min, max] = width > 0 ? [lo.a + 0.1 * width, lo.a + 0.9 * width] : [lo.a + 0.9 * width, lo.a + 0.1 * width];
        a = clamp(a, [min, max]);
      } else {
        a = lo.a + 0.3 * width;
      }
      const p = at(a);
      if (!sufficient(p) || p.f >= lo.f) hi = p;
      else {
        if (curvature(p)) return p;
        if (p.slope * width >= 0) hi = lo;
        lo = p;
      }
      if (Math.abs(hi.a - lo.a) <= 1e-14 * Math.max(1, Math.abs(lo.a))) break;
    }
    return lo.a > 0 ? lo : undefined;
  };
  let previous = from;
  let a = Math.min(initial, maxStep);
  for (let i = 0; i < 40; i++) {
    const p = at(a);
    if (!sufficient(p) || (i > 0 && p.f >= previous.f)) return { point: zoom(previous, p), evaluations };
    if (curvature(p)) return { point: p, evaluations };
    if (p.slope >= 0) return { point: zoom(p, previous), evaluations };
    // Reaching the box with the value still falling: the bound becomes active.
    if (a >= maxStep) return { point: p, evaluations };
    previous = p;
    a = Math.min(maxStep, 4 * a);
  }
  return { point: previous.a > 0 ? previous : undefined, evaluations };
}

/**
 * BFGS with a box: coordinates pushed against a bound are frozen (a small active-set
 * method), the inverse-Hessian estimate restarts whenever the active set changes.
 */
export function bfgs({ fg, start, lower, upper, maxIterations = 500, tolerance = 1e-8, inverseHessian }: {
  fg: ValueAndGradient; start: readonly number[]; lower: readonly number[]; upper: readonly number[]; maxIterations?: number;
  /** continue from an earlier run's estimate instead of the identity */
  inverseHessian?: readonly (readonly number[])[];
  /** stop when every free gradient entry is below tolerance × max(1, |value|) */
  tolerance?: number;
}): MinimizeResult {
  const n = start.length;
  const x0 = start.map((v, i) => clamp(v, [lower[i], upper[i]]));
  const g0 = new Array<number>(n).fill(0);
  const f0 = fg(x0, g0);
  let current: Point = { a: 0, x: x0, f: f0, g: g0, slope: 0, ok: Number.isFinite(f0) && g0.every(Number.isFinite) };
  let evaluations = 1;
  if (!current.ok) return { x: x0, value: Number.POSITIVE_INFINITY, gradient: g0, iterations: 0, evaluations, converged: false, inverseHessian: identity(n) };
  let H = inverseHessian ? inverseHessian.map((row) => [...row]) : identity(n);
  let fresh = !inverseHessian;
  let activeKey = x0.map((v, i) => (v <= lower[i] && g0[i] > 0) || (v >= upper[i] && g0[i] < 0)).join();
  let stalls = 0;
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    const { x, g, f } = current;
    const active = x.map((v, i) => (v <= lower[i] && g[i] > 0) || (v >= upper[i] && g[i] < 0));
    const key = active.join();
    if (key !== activeKey) {
      H = identity(n);
      fresh = true;
      activeKey = key;
    }
    const gmax = g.reduce((m, gi, i) => (active[i] ? m : Math.max(m, Math.abs(gi))), 0);
    if (gmax <= tolerance * Math.max(1, Math.abs(f))) {
      converged = true;
      break;
    }
    let direction = x.map((_, i) => (active[i] ? 0 : -H[i].reduce((s, hij, j) => (active[j] ? s : s + hij * g[j]), 0)));
    let slope = dot(direction, g);
    if (!(slope < 0)) {
      H = identity(n);
      fresh = true;
      direction = g.map((gi, i) => (active[i] ? 0 : -gi));
      slope = dot(direction, g);
    }
    let maxStep = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (direction[i] > 0) maxStep = Math.min(maxStep, (upper[i] - x[i]) / direction[i]);
      if (direction[i] < 0) maxStep = Math.min(maxStep, (lower[i] - x[i]) / direction[i]);
    }
    // Before curvature is known, the first step moves each log-parameter by at most 1.
    const longest = direction.reduce((m, d) => Math.max(m, Math.abs(d)), 0);
    const initial = fresh ? Math.min(1, 1 / longest) : 1;
    const search = lineSearch({ fg, from: { ...current, a: 0, slope }, direction, initial, maxStep, lower, upper });
    evaluations += search.evaluations;
    const next = search.point;
    if (!next) {
      if (fresh) {
        // No descent left along the gradient itself: the gradient is rounding noise.
        converged = gmax <= 100 * tolerance * Math.max(1, Math.abs(f));
        break;
      }
      H = identity(n);
      fresh = true;
      continue;
    }
    const s = next.x.map((v, i) => v - x[i]);
    const y = next.g.map((v, i) => v - g[i]);
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) H = identity(n, sy / dot(y, y));
      const Hy = H.map((row) => dot(row, y));
      const yHy = dot(y, Hy);
      const rho = 1 / sy;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) H[i][j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
      }
      fresh = false;
    }
    const decrease = f - next.f;
    current = next;
    if (decrease <= 1e-15 * Math.max(1, Math.abs(next.f))) {
      if (++stalls >= 3) {
        converged = gmax <= 100 * tolerance * Math.max(1, Math.abs(f));
        break;
      }
    } else stalls = 0;
  }
  return { x: current.x, value: current.f, gradient: current.g, iterations, evaluations, converged, inverseHessian: H };
}

/** Second derivatives at x: from differences of the gradient when there is one. */
export function hessian({ f, fg, x }: { f: (x: readonly number[]) => number; fg?: ValueAndGradient; x: readonly number[] }): number[][] {
  const n = x.length;
  const H = identity(n, 0);
  const probe = [...x];
  if (fg) {
    for (let j = 0; j < n; j++) {
      const h = 1e-5 * Math.max(1, Math.abs(x[j]));
      const up = new Array<number>(n).fill(0);
      const down = new Array<number>(n).fill(0);
      probe[j] = x[j] + h;
      fg(probe, up);
      probe[j] = x[j] - h;
      fg(probe, down);
      probe[j] = x[j];
      for (let i = 0; i < n; i++) H[i][j] = (up[i] - down[i]) / (2 * h);
    }
    for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i] = 0.5 * (H[i][j] + H[j][i]);
    return H;
  }
  const f0 = f(x);
  const steps = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
  const at = (moves: [number, number][]) => {
    for (const [i, sign] of moves) probe[i] = x[i] + sign * steps[i];
    const v = f(probe);
    for (const [i] of moves) probe[i] = x[i];
    return v;
  };
  for (let i = 0; i < n; i++) {
    H[i][i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (steps[i] * steps[i]);
    for (let j = 0; j < i; j++) {
      const v = (at([[i, 1], [j, 1]]) - at([[i, 1], [j, -1]]) - at([[i, -1], [j, 1]]) + at([[i, -1], [j, -1]])) / (4 * steps[i] * steps[j]);
      H[i][j] = H[j][i] = v;
    }
  }
  return H;
}

/** Inverse by Gauss–Jordan with partial pivoting; undefined when singular. */
export function invert(m: readonly (readonly number[])[]): number[][] | undefined {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  const scale = Math.max(...m.map((row) => Math.max(...row.map(Math.abs))));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (!(Math.abs(a[pivot][col]) > 1e-13 * scale)) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let j = 0; j < 2 * n; j++) a[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col || a[r][col] === 0) continue;
      const factor = a[r][col];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= factor * a[col][j];
    }
  }
  return a.map((row) => row.slice(n));
}

export interface LogFit<K extends string> {
  params: Record<K, number>;
  negLogLikelihood: number;
  std_errors: Record<K, number | null>;
  on_boundary: Record<K, boolean>;
  converged: boolean;
  iterations: number;
  evaluations: number;
}

// Search box and boundary flag, relative to each parameter's natural scale: a value a
// million times its scale (or a millionth) is the limit of a degenerate model, e.g. a
// gamma-distributed rate collapsing to one common rate.
const BOX = Math.log(1e8);
const BOUNDARY = Math.log(1e6);
const FAR = Math.log(1e3);

/**
 * Minimises a negative log-likelihood over positive parameters from several starting
 * points and returns the best, with standard errors from the inverted Hessian. The
 * Hessian is taken in log space (better conditioned) and carried back by the delta
 * method, se(θ) = θ · se(ln θ), exact at an interior optimum. Parameters on the boundary
 * get no standard error (null), the others get one conditional on them.
 */
export function fitLogParameters<K extends string>({ names, scales, starts, negLogLikelihood, gradient }: {
  names: readonly K[];
  /** natural size of each parameter (e.g. the mean customer age for α) */
  scales: readonly number[];
  starts: readonly (readonly number[])[];
  negLogLikelihood: (theta: readonly number[]) => number;
  /** analytic gradient in θ (natural scale): filled in place, returns the value */
  gradient?: ValueAndGradient;
}): LogFit<K> {
  const n = names.length;
  const toTheta = (u: readonly number[]) => u.map(Math.exp);
  const f = (u: readonly number[]) => negLogLikelihood(toTheta(u));
  const analytic: ValueAndGradient | undefined = gradient && ((u, g) => {
    const theta = toTheta(u);
    const value = gradient(theta, g);
    for (let i = 0; i < n; i++) g[i] *= theta[i];
    return value;
  });
  const fg = analytic ?? numericGradient(f);
  const lower = scales.map((s) => Math.log(s) - BOX);
  const upper = scales.map((s) => Math.log(s) + BOX);
  let best: MinimizeResult | undefined;
  let iterations = 0;
  let evaluations = 0;
  // Every start gets a short run; only the best is followed to convergence.
  for (const start of starts) {
    const result = bfgs({ fg, start: start.map(Math.log), lower, upper, maxIterations: 12 });
    iterations += result.iterations;
    evaluations += result.evaluations;
    if (!best || result.value < best.value) best = result;
  }
  if (!best || !Number.isFinite(best.value)) throw new Error('The likelihood is not finite at any starting point: check the summaries');
  const polished = bfgs({ fg, start: best.x, lower, upper, inverseHessian: best.inverseHessian });
  iterations += polished.iterations;
  evaluations += polished.evaluations;
  if (polished.value < best.value || (polished.value === best.value && polished.converged)) best = polished;
  const u = best.x;
  const fBest = best.value;
  const onBoundary = u.map((v, i) => {
    const offset = v - Math.log(scales[i]);
    if (Math.abs(offset) >= BOUNDARY) return true;
    if (Math.abs(offset) < FAR) return false;
    // Far out already, and the optimiser stopped only because the likelihood flattens:
    // if going e^4 times further changes it by less than 0.01, this is the limit.
    const probe = [...u];
    probe[i] = clamp(v + Math.sign(offset) * 4, [lower[i], upper[i]]);
    return f(probe) <= fBest + 0.01;
  });
  const free = names.map((_, i) => i).filter((i) => !onBoundary[i]);
  const H = hessian({ f, fg: analytic, x: u });
  const inverse = free.length ? invert(free.map((i) => free.map((j) => H[i][j]))) : undefined;
  const errors: (number | null)[] = names.map(() => null);
  free.forEach((i, k) => {
    const variance = inverse?.[k][k];
    if (variance !== undefined && Number.isFinite(variance) && variance > 0) errors[i] = Math.exp(u[i]) * Math.sqrt(variance);
  });
  const record = <V>(values: readonly V[]) => Object.fromEntries(names.map((name, i) => [name, values[i]])) as Record<K, V>;
  return {
    params: record(toTheta(u)),
    negLogLikelihood: best.value,
    std_errors: record(errors),
    on_boundary: record(onBoundary),
    converged: best.converged,
    iterations,
    evaluations,
  };
}
