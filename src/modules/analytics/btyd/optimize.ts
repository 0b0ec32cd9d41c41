// Maximum likelihood needs a minimiser over a few positive parameters. Nelder–Mead on
// the logs of the parameters: no gradients to get wrong, positivity for free, and with
// restarts from the best point it reaches the optimum reliably for 2–4 parameters.

export interface Minimum {
  x: number[];
  value: number;
  iterations: number;
}

export function nelderMead(f: (x: number[]) => number, start: number[], { tolerance = 1e-10, maxIterations = 20_000, step = 0.5 } = {}): Minimum {
  const n = start.length;
  const safe = (x: number[]) => {
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + step : v)))].map((x) => ({ x, v: safe(x) }));
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (Math.abs(worst.v - best.v) <= tolerance * (Math.abs(best.v) + tolerance) && spread(simplex) < 1e-6) break;
    const centroid = Array.from({ length: n }, (_, j) => simplex.slice(0, n).reduce((s, p) => s + p.x[j], 0) / n);
    const along = (t: number) => centroid.map((c, j) => c + t * (worst.x[j] - c));
    const reflected = { x: along(-1), v: 0 };
    reflected.v = safe(reflected.x);
    if (reflected.v < best.v) {
      const expanded = { x: along(-2), v: 0 };
      expanded.v = safe(expanded.x);
      simplex[n] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < simplex[n - 1].v) {
      simplex[n] = reflected;
    } else {
      const contracted = { x: along(reflected.v < worst.v ? -0.5 : 0.5), v: 0 };
      contracted.v = safe(contracted.x);
      if (contracted.v < Math.min(worst.v, reflected.v)) simplex[n] = contracted;
      else simplex = simplex.map((p, i) => (i === 0 ? p : { x: p.x.map((v, j) => best.x[j] + 0.5 * (v - best.x[j])), v: 0 })).map((p, i) => (i === 0 ? p : { x: p.x, v: safe(p.x) }));
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { x: simplex[0].x, value: simplex[0].v, iterations };
}

function spread(simplex: { x: number[] }[]): number {
  let max = 0;
  for (const p of simplex) for (let j = 0; j < p.x.length; j++) max = Math.max(max, Math.abs(p.x[j] - simplex[0].x[j]));
  return max;
}

/** Minimises from several starts, restarting each from its own optimum until it holds. */
export function minimizeLogParams(negLogLik: (params: number[]) => number, starts: number[][]): { params: number[]; value: number } {
  let best: Minimum | undefined;
  for (const start of starts) {
    let result = nelderMead((logs) => negLogLik(logs.map(Math.exp)), start.map(Math.log));
    for (let restart = 0; restart < 4; restart++) {
      const again = nelderMead((logs) => negLogLik(logs.map(Math.exp)), result.x, { step: 0.1 });
      const improved = result.value - again.value > 1e-9;
      result = again.value < result.value ? again : result;
      if (!improved) break;
    }
    if (!best || result.value < best.value) best = result;
  }
  return { params: best!.x.map(Math.exp), value: best!.value };
}

/**
 * Standard errors from the inverse of the numerical Hessian of the negative
 * log-likelihood at the optimum. A parameter at a boundary (or a singular Hessian)
 * gets null, not a crash.
 */
export function standardErrors(negLogLik: (params: number[]) => number, params: number[]): (number | null)[] {
  const n = params.length;
  const h = params.map((p) => Math.max(1e-5, Math.abs(p) * 1e-4));
  const f0 = negLogLik(params);
  const H: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
  const at = (d: Record<number, number>) => negLogLik(params.map((p, i) => p + (d[i] ?? 0)));
  for (let i = 0; i < n; i++) {
    H[i][i] = (at({ [i]: h[i] }) - 2 * f0 + at({ [i]: -h[i] })) / (h[i] * h[i]);
    for (let j = i + 1; j < n; j++) {
      const v = (at({ [i]: h[i], [j]: h[j] }) - at({ [i]: h[i], [j]: -h[j] }) - at({ [i]: -h[i], [j]: h[j] }) + at({ [i]: -h[i], [j]: -h[j] })) / (4 * h[i] * h[j]);
      H[i][j] = v;
      H[j][i] = v;
    }
  }
  const inverse = invert(H);
  return params.map((_, i) => {
    const variance = inverse?.[i][i];
    return variance !== undefined && Number.isFinite(variance) && variance > 0 ? Math.sqrt(variance) : null;
  });
}

function invert(m: number[][]): number[][] | undefined {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
    if (Math.abs(a[pivot][col]) < 1e-300) return undefined;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    const p = a[col][col];
    for (let j = 0; j < 2 * n; j++) a[col][j] /= p;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = a[r][col];
      for (let j = 0; j < 2 * n; j++) a[r][j] -= factor * a[col][j];
    }
  }
  return a.map((row) => row.slice(n));
}
