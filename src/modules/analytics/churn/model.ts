// L2-regularised logistic regression, fitted by Newton's method. Pure functions, no I/O.
//
// Hand-written on purpose: there is no well-kept JS library that fits. ml-logistic-regression
// (last release 2.0.0, May 2020) is fixed-step gradient descent for a set number of steps,
// with no regularisation, no intercept of its own and no convergence test; TensorFlow.js
// is far too much for one model of a dozen features. A dozen standardised features and
// tens of thousands of rows make a 14×14 Newton system per iteration: milliseconds, and
// converged to machine precision in under ten steps.
//
// The objective is scikit-learn's LogisticRegression(C = 1 / lambda) with the default L2
// penalty: Σ log-loss + (λ / 2)·‖β‖², the intercept not penalised, so a fit can be checked
// against it. Features are standardised with the training mean and standard deviation;
// the coefficients are per standard deviation, which is what makes β_j·z_j comparable
// across features as a customer's "reasons".

export interface LogisticModel {
  features: readonly string[];
  /** training mean and standard deviation per feature (a constant feature has scale 0 and is ignored) */
  mean: number[];
  scale: number[];
  intercept: number;
  /** per standard deviation of each feature */
  coefficients: number[];
  lambda: number;
  iterations: number;
  converged: boolean;
  /** training rows and how many had label 1 */
  rows: number;
  positives: number;
}

export interface FitLogisticInput {
  features: readonly string[];
  /** row-major, rows × features */
  X: Float64Array | readonly number[];
  /** 0 or 1 per row */
  y: ArrayLike<number>;
  /** L2 penalty on the standardised coefficients (scikit-learn's 1 / C); default 1 */
  lambda?: number;
  maxIterations?: number;
  /** stop when no coefficient moves more than this (default 1e-10) */
  tolerance?: number;
}

const sigmoid = (t: number) => (t >= 0 ? 1 / (1 + Math.exp(-t)) : Math.exp(t) / (1 + Math.exp(t)));
// log(1 + e^t) without overflow.
const softplus = (t: number) => (t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)));

export function fitLogistic({ features, X, y, lambda = 1, maxIterations = 100, tolerance = 1e-10 }: FitLogisticInput): LogisticModel {
  const p = features.length;
  const n = y.length;
  if (X.length !== n * p) throw new RangeError(`X has ${X.length} values; ${n} rows × ${p} features need ${n * p}`);
  if (!(lambda >= 0)) throw new RangeError('lambda must be ≥ 0');
  if (n === 0) throw new RangeError('No rows to fit');
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`y[${i}] must be 0 or 1`);
    positives += y[i];
  }

  const { mean, scale } = standardisation(X, n, p);
  const Z = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) Z[i * p + j] = scale[j] > 0 ? (X[i * p + j] - mean[j]) / scale[j] : 0;

  // θ = [intercept, β_1..β_p]; the design row is [1, z_i].
  const k = p + 1;
  let theta = new Float64Array(k);
  const base = positives / n;
  if (base > 0 && base < 1) theta[0] = Math.log(base / (1 - base));
  let loss = objective(theta, Z, y, n, p, lambda);
  let iterations = 0;
  let converged = false;
  const gradient = new Float64Array(k);
  const hessian = new Float64Array(k * k);
  const eta = new Float64Array(n);
  while (iterations < maxIterations) {
    iterations++;
    gradient.fill(0);
    hessian.fill(0);
    linearPredictor(theta, Z, n, p, eta);
    for (let i = 0; i < n; i++) {
      const mu = sigmoid(eta[i]);
      const r = mu - y[i];
      const w = mu * (1 - mu);
      const row = i * p;
      gradient[0] += r;
      hessian[0] += w;
      for (let a = 0; a < p; a++) {
        const za = Z[row + a];
        if (za === 0) continue;
        gradient[a + 1] += r * za;
        hessian[a + 1] += w * za; // (0, a+1)
        const wa = w * za;
        for (let b = a; b < p; b++) hessian[(a + 1) * k + b + 1] += wa * Z[row + b];
      }
    }
    for (let a = 1; a < k; a++) {
      hessian[a * k] = hessian[a];
      for (let b = 1; b < a; b++) hessian[a * k + b] = hessian[b * k + a];
      gradient[a] += lambda * theta[a];
      hessian[a * k + a] += lambda;
    }
    const step = solveSpd(hessian, gradient, k);
    // Newton with step halving: the log-loss is convex, so a full step is taken almost
    // always; halving guards the first steps from far away (and separable data at λ = 0).
    let t = 1;
    let next = theta;
    let nextLoss = Infinity;
    for (let halvings = 0; halvings < 30; halvings++) {
      next = theta.map((v, j) => v - t * step[j]);
      nextLoss = objective(next, Z, y, n, p, lambda);
      if (nextLoss <= loss + 1e-12 * Math.abs(loss)) break;
      t /= 2;
    }
    const moved = Math.max(...next.map((v, j) => Math.abs(v - theta[j])));
    theta = next;
    loss = Math.min(loss, nextLoss);
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  return { features: [...features], mean, scale, intercept: theta[0], coefficients: Array.from(theta.subarray(1)), lambda, iterations, converged, rows: n, positives };
}

function standardisation(X: Float64Array | readonly number[], n: number, p: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(p).fill(0);
  const scale = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += X[i * p + j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) scale[j] += (X[i * p + j] - mean[j]) ** 2;
  // Population standard deviation (scikit-learn's StandardScaler); below 1e-12 of the
  // mean's size the feature is constant up to rounding and is left out.
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scale[j] / n);
    scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j])) ? sd : 0;
  }
  return { mean, scale };
}

function linearPredictor(theta: Float64Array, Z: Float64Array, n: number, p: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let e = theta[0];
    for (let j = 0; j < p; j++) e += theta[j + 1] * Z[i * p + j];
    out[i] = e;
  }
}

function objective(theta: Float64Array, Z: Float64Array, y: ArrayLike<number>, n: number, p: number, lambda: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) {
    let e = theta[0];
    for (let j = 0; j < p; j++) e += theta[j + 1] * Z[i * p + j];
    total += softplus(e) - y[i] * e;
  }
  let penalty = 0;
  for (let j = 1; j <= p; j++) penalty += theta[j] * theta[j];
  return total + (lambda / 2) * penalty;
}

/** Solves A x = b for a symmetric positive (semi-)definite A by Cholesky, with a tiny ridge if needed. */
function solveSpd(A: Float64Array, b: Float64Array, k: number): Float64Array {
  for (let ridge = 0; ; ridge = ridge === 0 ? 1e-10 : ridge * 100) {
    const L = new Float64Array(k * k);
    let ok = true;
    for (let i = 0; i < k && ok; i++) {
      for (let j = 0; j <= i; j++) {
        let s = A[i * k + j] + (i === j ? ridge : 0);
        for (let m = 0; m < j; m++) s -= L[i * k + m] * L[j * k + m];
        if (i === j) {
          if (!(s > 0)) {
            ok = false;
            break;
          }
          L[i * k + i] = Math.sqrt(s);
        } else L[i * k + j] = s / L[j * k + j];
      }
    }
    if (!ok) {
      if (ridge > 1e6) throw new RangeError('The Newton system is singular');
      continue;
    }
    const z = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      let s = b[i];
      for (let m = 0; m < i; m++) s -= L[i * k + m] * z[m];
      z[i] = s / L[i * k + i];
    }
    const x = new Float64Array(k);
    for (let i = k - 1; i >= 0; i--) {
      let s = z[i];
      for (let m = i + 1; m < k; m++) s -= L[m * k + i] * x[m];
      x[i] = s / L[i * k + i];
    }
    return x;
  }
}

/** Standardised values of one row (0 for a constant feature). */
export function standardise(model: LogisticModel, x: ArrayLike<number>): number[] {
  return model.mean.map((m, j) => (model.scale[j] > 0 ? (x[j] - m) / model.scale[j] : 0));
}

/** P(y = 1 | x). */
export function predictLogistic(model: LogisticModel, x: ArrayLike<number>): number {
  const z = standardise(model, x);
  let e = model.intercept;
  for (let j = 0; j < z.length; j++) e += model.coefficients[j] * z[j];
  return sigmoid(e);
}

export interface Reason {
  feature: string;
  /** the customer's value of the feature (as the model sees it) */
  value: number;
  /** β_j·z_j: log-odds added compared with a customer at the training mean */
  contribution: number;
}

/**
 * The features that push this row's probability up the most, compared with a customer at
 * the training mean (β_j × standardised value); only positive contributions.
 */
export function topReasons(model: LogisticModel, x: ArrayLike<number>, count = 3): Reason[] {
  const z = standardise(model, x);
  return z
    .map((zj, j) => ({ feature: model.features[j], value: x[j], contribution: model.coefficients[j] * zj }))
    .filter((r) => r.contribution > 0)
    .sort((a, b) => b.contribution - a.contribution)
    .slice(0, count);
}
