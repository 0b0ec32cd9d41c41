import { log1mexp, logIntegrate, logIntegrateWithMeans } from './special-functions.ts';

// The hard part of the Pareto/NBD likelihood (Fader & Hardie, "A note on deriving the
// Pareto/NBD model and related expressions", 2005): the chance of dying at some τ in
// (t_x, T] after the last purchase,
//
//   I = α^r β^s ∫_{t_x}^{T} (α + τ)^−(r+x) (β + τ)^−(s+1) dτ.
//
// With m = min(α, β) and M = max(α, β) the tail integral from t has the closed form
//
//   G(t) = (M + t)^−A 2F1(A, p_m; A + 1; z) / A,  z = (M − m) / (M + t),  A = r + s + x,
//
// where p_m is the exponent on (m + τ); I = G(t_x) − G(T). That is lifetimes'
// formulation (taking the larger of α, β as the base keeps 0 ≤ z < 1, which covers
// α < β, α > β and α = β, where z = 0). Here the 2F1 goes through Euler's
// transformation to 2F1(1, p_M; A + 1; z) (1 − z)^(1 − p_m), a series of positive
// terms falling at least as fast as z^k, so its tail is bounded and the sum has no
// cancellation. When z is near 1 (one of α, β far larger than the other and t_x small,
// which is where fits with a parameter running to the boundary end up), or when t_x is
// so close to T that G(t_x) − G(T) would cancel, I is integrated numerically instead
// (adaptive Gauss–Kronrod, in a variable that absorbs the power-law decay).

const SERIES_MAX_Z = 0.9;

export interface ParetoNbdParams {
  r: number;
  alpha: number;
  s: number;
  beta: number;
}

export interface ParetoIntegrals {
  /** ln[α^r β^s (α + T)^−(r+x) (β + T)^−s] for T = times[k]: the "alive at T" term */
  logAlive(x: number, k: number): number;
  /** ln G(t) for t = times[k] (normalised like I); NaN where the series is not used */
  logTail(x: number, k: number): number;
  /** ln I between t_x = times[from] and T = times[to] */
  logDeath(x: number, range: { from: number; to: number }): number;
  /** with `withGradient`, ∂/∂(r, α, s, β) of the value each call above returned last */
  gradient: Float64Array;
}

/** The integrals at one parameter point, for a fixed list of times (t_x and T values). */
export function paretoIntegrals({ params, times, withGradient = false }: {
  params: ParetoNbdParams; times: ArrayLike<number>; withGradient?: boolean;
}): ParetoIntegrals {
  const { r, alpha, s, beta } = params;
  const n = times.length;
  const lpAlpha = new Float64Array(n);
  const lpBeta = new Float64Array(n);
  const lnAlpha = new Float64Array(n);
  const lnBeta = new Float64Array(n);
  // ∂/∂α of −log1p(t/α) is t/(α(α + t)); ∂/∂α of ln(α + t) is 1/(α + t); same for β.
  const dAlpha = new Float64Array(n);
  const invAlpha = new Float64Array(n);
  const dBeta = new Float64Array(n);
  const invBeta = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = times[k];
    lpAlpha[k] = Math.log1p(t / alpha);
    lpBeta[k] = Math.log1p(t / beta);
    lnAlpha[k] = Math.log(alpha + t);
    lnBeta[k] = Math.log(beta + t);
    invAlpha[k] = 1 / (alpha + t);
    invBeta[k] = 1 / (beta + t);
    dAlpha[k] = (t / alpha) * invAlpha[k];
    dBeta[k] = (t / beta) * invBeta[k];
  }
  const alphaIsMin = alpha <= beta;
  const m = alphaIsMin ? alpha : beta;
  const M = alphaIsMin ? beta : alpha;
  const gap = M - m;
  const gradient = new Float64Array(4);
  const scratch = new Float64Array(4);

  const logTail = (x: number, k: number): number => {
    const t = times[k];
    const z = gap / (M + t);
    if (z > SERIES_MAX_Z) return Number.NaN;
    const A = r + s + x;
    const pM = alphaIsMin ? s + 1 : r + x;
    let term = 1;
    let sum = 1;
    // Sums of term × ∂ln(term)/∂pM, ∂/∂A and k (for ∂/∂z), for the gradient.
    let sumP = 0;
    let sumA = 0;
    let sumK = 0;
    let dP = 0;
    let dA = 0;
    if (z > 0) {
      // Term ratios rise towards z, so the tail after a term is below term·z/(1 − z).
      const tailFactor = z / (1 - z);
      for (let j = 0; j < 1000; j++) {
        const invA = 1 / (A + 1 + j);
        term *= (pM + j) * invA * z;
        sum += term;
        if (withGradient) {
          dP += 1 / (pM + j);
          dA -= invA;
          sumP += term * dP;
          sumA += term * dA;
          sumK += (j + 1) * term;
        }
        if (term * tailFactor < 1e-17 * sum) break;
      }
    }
    const common = -r * lpAlpha[k] - s * lpBeta[k] + Math.log(sum) - Math.log(A);
    if (withGradient) {
      const lnSP = sumP / sum;
      const lnSA = sumA / sum - 1 / A;
      const lnSZ = z > 0 ? sumK / (z * sum) : pM / (A + 1);
      if (alphaIsMin) {
        gradient[0] = -lpAlpha[k] + lnSA;
        gradient[1] = r * dAlpha[k] + (1 - x) * invAlpha[k] - lnSZ * invBeta[k];
        gradient[2] = -lpBeta[k] + lnSP + lnSA;
        gradient[3] = s * dBeta[k] - invBeta[k] + lnSZ * (alpha + t) * invBeta[k] * invBeta[k];
      } else {
        gradient[0] = -lpAlpha[k] + lnSP + lnSA;
        gradient[1] = r * dAlpha[k] - x * invAlpha[k] + lnSZ * (beta + t) * invAlpha[k] * invAlpha[k];
        gradient[2] = -lpBeta[k] + lnSA;
        gradient[3] = s * dBeta[k] - lnSZ * invAlpha[k];
      }
    }
    return alphaIsMin ? common - lnBeta[k] + (1 - x) * lnAlpha[k] : common - x * lnAlpha[k];
  };

  // The numerical route. In v = ln((m + τ)/(m + t_x)) the log-integrand falls with slope
  // about −q (the power of m + τ, less one for dτ); integrating in w = (1 − e^{−qv})/q
  // takes that slope out and leaves a nearly flat integrand that one Kronrod panel
  // usually settles. The integrand closures are made once per parameter point and read
  // the current customer from these variables (this runs once per group).
  let qx = 0;
  let qtx = 0;
  let q = 0;
  let base = 1;
  let lnBase = 0;
  const vOf = (w: number) => (Math.abs(q * w) < 1e-12 ? w : -Math.log1p(-q * w) / q);
  const logf = (w: number) => {
    const v = vOf(w);
    const tau = qtx + base * Math.expm1(v);
    return -r * Math.log1p(tau / alpha) - qx * Math.log(alpha + tau) - s * Math.log1p(tau / beta) - Math.log(beta + tau) + lnBase + (1 + q) * v;
  };
  const moments = (w: number, out: Float64Array) => {
    const tau = qtx + base * Math.expm1(vOf(w));
    out[0] = -Math.log1p(tau / alpha);
    out[1] = (r * tau) / (alpha * (alpha + tau)) - qx / (alpha + tau);
    out[2] = -Math.log1p(tau / beta);
    out[3] = (s * tau) / (beta * (beta + tau)) - 1 / (beta + tau);
  };
  const quadrature = (x: number, range: { from: number; to: number }): number => {
    qx = x;
    qtx = times[range.from];
    base = m + qtx;
    lnBase = Math.log(base);
    q = (alphaIsMin ? r + x : s + 1) - 1;
    const V = Math.log1p((times[range.to] - qtx) / base);
    const W = Math.abs(q * V) < 1e-12 ? V : -Math.expm1(-q * V) / q;
    if (!withGradient) return logIntegrate({ logf, from: 0, to: W, relTol: 1e-12 });
    const { log, means } = logIntegrateWithMeans({ logf, from: 0, to: W, relTol: 1e-12, size: 4, moments });
    gradient.set(means);
    return log;
  };

  return {
    logAlive: (x, k) => {
      if (withGradient) {
        gradient[0] = -lpAlpha[k];
        gradient[1] = r * dAlpha[k] - x * invAlpha[k];
        gradient[2] = -lpBeta[k];
        gradient[3] = s * dBeta[k];
      }
      return -r * lpAlpha[k] - x * lnAlpha[k] - s * lpBeta[k];
    },
    logTail,
    logDeath: (x, { from, to }) => {
      if (!(times[to] > times[from])) {
        gradient.fill(0);
        return -Infinity;
      }
      const head = logTail(x, from);
      scratch.set(gradient);
      const tail = logTail(x, to);
      // Below a 0.1% gap the difference would lose more than three digits.
      if (!(tail - head < -1e-3)) return quadrature(x, { from, to });
      const rho = Math.exp(tail - head);
      if (withGradient) for (let i = 0; i < 4; i++) gradient[i] = (scratch[i] - rho * gradient[i]) / (1 - rho);
      return head + log1mexp(tail - head);
    },
    gradient,
  };
}
