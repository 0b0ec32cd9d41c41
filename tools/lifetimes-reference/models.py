"""lifetimes' BG/NBD, Pareto/NBD and Gamma-Gamma fitters, ported to numpy and scipy.

Each function names the lifetimes file and function it follows. The formulas, the
optimiser (scipy.optimize.minimize with lifetimes' method, start and tolerance), the
time scaling and the standard errors are lifetimes'. Replaced, because lifetimes'
dependencies are not installed here or to make the numbers repeat:

- autograd's gradients (BetaGeoFitter, GammaGammaFitter) are written out by hand: the
  same exact derivatives of the same function, so BFGS takes the same path;
- autograd's exact Hessian (for the standard errors) is a central difference of those
  gradients (relative error about 1e-8);
- ParetoNBDFitter's unseeded random start is drawn from a seeded generator.

penalizer_coef is 0 (lifetimes' default) throughout, so its term is left out.
"""

import numpy as np
from numpy import exp, log, logaddexp
from scipy.optimize import minimize
from scipy.special import beta, digamma, expit, gamma, gammaln, hyp2f1, logsumexp


def scale_time(age):
    """lifetimes/utils.py `_scale_time`: fits run in a time unit where the oldest customer is 1."""
    return 1.0 / np.max(age)


def fit_by_bfgs(value_and_gradient, args, size, tol):
    """lifetimes/fitters/__init__.py `BaseFitter._fit`.

    lifetimes calls minimize(value_and_grad(nll), jac=True, method=None, tol=tol) from 0.1
    in every log-parameter; without bounds scipy's method=None is BFGS. Where lifetimes
    raises ConvergenceError (output.success false) the last point is returned, without a
    Hessian (lifetimes computes it only on success), so that the caller can record it.
    """
    output = minimize(value_and_gradient, x0=0.1 * np.ones(size), args=args, jac=True, method=None, tol=tol)
    if not output.success:
        return output, None
    return output, hessian_of(lambda x: value_and_gradient(x, *args)[1], output.x)


def hessian_of(gradient, x, step=1e-5):
    """Stands in for autograd's `hessian` in `BaseFitter._fit`: central differences of the exact gradient."""
    columns = []
    for i in range(len(x)):
        shift = np.zeros(len(x))
        shift[i] = step
        columns.append((gradient(x + shift) - gradient(x - shift)) / (2 * step))
    matrix = np.array(columns).T
    return (matrix + matrix.T) / 2


def standard_errors(params, hessian, customers):
    """lifetimes/fitters/__init__.py `_compute_variance_matrix` and `_compute_standard_errors`
    (None where lifetimes would have raised ConvergenceError instead)."""
    if hessian is None:
        return None
    variance = (params ** 2) * np.linalg.inv(hessian) / customers
    return np.sqrt(np.diag(variance))


class BetaGeoFitter:
    """lifetimes/fitters/beta_geo_fitter.py `BetaGeoFitter`."""

    names = ("r", "alpha", "a", "b")

    def fit(self, frequency, recency, T, tol=1e-7):
        """`BetaGeoFitter.fit` (weights of one)."""
        frequency = np.asarray(frequency).astype(int)
        recency, T = np.asarray(recency, dtype=float), np.asarray(T, dtype=float)
        weights = np.ones_like(recency, dtype=int)
        scale = scale_time(T)
        output, hessian = fit_by_bfgs(self.negative_log_likelihood, (frequency, recency * scale, T * scale, weights), 4, tol)
        self.params = np.exp(output.x)
        self.params[1] /= scale
        self.converged = bool(output.success)
        self.message = str(output.message)
        self.iterations = int(output.nit)
        self.standard_errors = standard_errors(self.params, hessian, weights.sum())
        # lifetimes keeps the minimum in scaled time; the total log-likelihood in the
        # data's own unit is the same function evaluated at the unscaled parameters.
        self.log_likelihood = -self.negative_log_likelihood(np.log(self.params), frequency, recency, T, weights)[0] * weights.sum()
        return self

    @staticmethod
    def negative_log_likelihood(log_params, freq, rec, T, weights):
        """`BetaGeoFitter._negative_log_likelihood`, with the gradient autograd would give."""
        params = np.exp(log_params)
        r, alpha, a, b = params
        A_1 = gammaln(r + freq) - gammaln(r) + r * np.log(alpha)
        A_2 = gammaln(a + b) + gammaln(b + freq) - gammaln(b) - gammaln(a + b + freq)
        A_3 = -(r + freq) * np.log(alpha + T)
        A_4 = np.log(a) - np.log(b + np.maximum(freq, 1) - 1) - (r + freq) * np.log(rec + alpha)
        alive, dropped = np.exp(A_3), np.exp(A_4) * (freq > 0)
        ll = weights * (A_1 + A_2 + np.log(alive + dropped))
        # Each customer's likelihood mixes "still alive" and "dropped after the last
        # purchase"; the derivatives of its log weight the two by their shares.
        dropped_share = dropped / (alive + dropped)
        alive_share = 1 - dropped_share
        d_r = digamma(r + freq) - digamma(r) + np.log(alpha) - alive_share * np.log(alpha + T) - dropped_share * np.log(rec + alpha)
        d_alpha = r / alpha - (r + freq) * (alive_share / (alpha + T) + dropped_share / (rec + alpha))
        d_a = digamma(a + b) - digamma(a + b + freq) + dropped_share / a
        d_b = digamma(a + b) + digamma(b + freq) - digamma(b) - digamma(a + b + freq) - dropped_share / (b + np.maximum(freq, 1) - 1)
        gradient = np.array([(weights * d).sum() for d in (d_r, d_alpha, d_a, d_b)]) * params
        return -ll.sum() / weights.sum(), -gradient / weights.sum()

    def conditional_expected_number_of_purchases_up_to_time(self, t, frequency, recency, T):
        """`BetaGeoFitter.conditional_expected_number_of_purchases_up_to_time` (FHL 2005 eq. 10)."""
        x = frequency
        r, alpha, a, b = self.params
        _a, _b, _c, _z = r + x, b + x, a + b + x - 1, t / (alpha + T + t)
        with np.errstate(divide="ignore"):
            ln_hyp_term = np.log(hyp2f1(_a, _b, _c, _z))
            ln_hyp_term_alt = np.log(hyp2f1(_c - _a, _c - _b, _c, _z)) + (_c - _a - _b) * np.log(1 - _z)
        ln_hyp_term = np.where(np.isinf(ln_hyp_term), ln_hyp_term_alt, ln_hyp_term)
        first_term = (a + b + x - 1) / (a - 1)
        second_term = 1 - np.exp(ln_hyp_term + (r + x) * np.log((alpha + T) / (alpha + t + T)))
        numerator = first_term * second_term
        denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + recency)) ** (r + x)
        return numerator / denominator

    predict = conditional_expected_number_of_purchases_up_to_time

    def conditional_probability_alive(self, frequency, recency, T):
        """`BetaGeoFitter.conditional_probability_alive`."""
        r, alpha, a, b = self.params
        log_div = (r + frequency) * np.log((alpha + T) / (alpha + recency)) + np.log(a / (b + np.maximum(frequency, 1) - 1))
        return np.atleast_1d(np.where(frequency == 0, 1.0, expit(-log_div)))

    def expected_number_of_purchases_up_to_time(self, t):
        """`BetaGeoFitter.expected_number_of_purchases_up_to_time` (FHL 2005 eq. 9)."""
        r, alpha, a, b = self.params
        hyp = hyp2f1(r, b, a + b - 1, t / (alpha + t))
        return (a + b - 1) / (a - 1) * (1 - hyp * (alpha / (alpha + t)) ** r)

    def probability_of_n_purchases_up_to_time(self, t, n):
        """`BetaGeoFitter.probability_of_n_purchases_up_to_time` (FHL 2005 eq. 8)."""
        r, alpha, a, b = self.params
        first_term = (beta(a, b + n) / beta(a, b) * gamma(r + n) / gamma(r) / gamma(n + 1)
                      * (alpha / (alpha + t)) ** r * (t / (alpha + t)) ** n)
        if n > 0:
            j = np.arange(0, n)
            finite_sum = (gamma(r + j) / gamma(r) / gamma(j + 1) * (t / (alpha + t)) ** j).sum()
            second_term = beta(a + 1, b + n - 1) / beta(a, b) * (1 - (alpha / (alpha + t)) ** r * finite_sum)
        else:
            second_term = 0
        return first_term + second_term


class ParetoNBDFitter:
    """lifetimes/fitters/pareto_nbd_fitter.py `ParetoNBDFitter`."""

    names = ("r", "alpha", "s", "beta")

    def fit(self, frequency, recency, T, tol=1e-4, maxiter=2000, random_state=0):
        """`ParetoNBDFitter.fit` and its own `_fit` (iterative_fitting=1).

        lifetimes minimises with Nelder-Mead over the parameters themselves (not their
        logs), from np.random.normal(1.0, 0.05) in each, unseeded; the seed here makes the
        reference repeatable. lifetimes computes no Hessian for this model, so there are
        no standard errors.
        """
        frequency = np.asarray(frequency).astype(int)
        recency, T = np.asarray(recency, dtype=float), np.asarray(T, dtype=float)
        weights = np.ones(recency.shape[0], dtype=np.int64)
        scale = scale_time(T)
        np.random.seed(random_state)
        start = np.random.normal(1.0, scale=0.05, size=4)
        output = minimize(self.negative_log_likelihood, method="Nelder-Mead", tol=tol, x0=start,
                          args=(frequency, recency * scale, T * scale, weights), options={"maxiter": maxiter})
        self.params = np.array(output.x, dtype=float)
        self.params[1] /= scale
        self.params[3] /= scale
        self.converged = bool(output.success)
        self.message = str(output.message)
        self.iterations = int(output.nit)
        self.log_likelihood = float(self._conditional_log_likelihood(self.params, frequency, recency, T).sum())
        return self

    @staticmethod
    def _log_A_0(params, freq, recency, age):
        """`ParetoNBDFitter._log_A_0` (Fader & Hardie 2005 note, eqs. 19 and 20)."""
        r, alpha, s, beta_ = params
        if alpha < beta_:
            min_of_alpha_beta, max_of_alpha_beta, t = (alpha, beta_, r + freq)
        else:
            min_of_alpha_beta, max_of_alpha_beta, t = (beta_, alpha, s + 1)
        abs_alpha_beta = max_of_alpha_beta - min_of_alpha_beta
        rsf = r + s + freq
        p_1 = hyp2f1(rsf, t, rsf + 1.0, abs_alpha_beta / (max_of_alpha_beta + recency))
        q_1 = max_of_alpha_beta + recency
        p_2 = hyp2f1(rsf, t, rsf + 1.0, abs_alpha_beta / (max_of_alpha_beta + age))
        q_2 = max_of_alpha_beta + age
        sign = np.ones(np.size(freq))
        with np.errstate(divide="ignore"):
            return logsumexp([log(p_1) + rsf * log(q_2), log(p_2) + rsf * log(q_1)], axis=0, b=[sign, -sign]) - rsf * log(q_1 * q_2)

    @staticmethod
    def _conditional_log_likelihood(params, freq, rec, T):
        """`ParetoNBDFitter._conditional_log_likelihood` (note eq. 18)."""
        r, alpha, s, beta_ = params
        x = freq
        A_1 = gammaln(r + x) - gammaln(r) + r * log(alpha) + s * log(beta_)
        log_A_0 = ParetoNBDFitter._log_A_0(params, x, rec, T)
        A_2 = logaddexp(-(r + x) * log(alpha + T) - s * log(beta_ + T), log(s) + log_A_0 - log(r + s + x))
        return A_1 + A_2

    @staticmethod
    def negative_log_likelihood(params, freq, rec, T, weights):
        """`ParetoNBDFitter._negative_log_likelihood`."""
        if np.any(np.asarray(params) <= 0.0):
            return np.inf
        conditional_log_likelihood = ParetoNBDFitter._conditional_log_likelihood(params, freq, rec, T)
        return -(weights * conditional_log_likelihood).sum() / weights.mean()

    def conditional_expected_number_of_purchases_up_to_time(self, t, frequency, recency, T):
        """`ParetoNBDFitter.conditional_expected_number_of_purchases_up_to_time` (note eq. 41)."""
        x, t_x = frequency, recency
        r, alpha, s, beta_ = params = self.params
        likelihood = self._conditional_log_likelihood(params, x, t_x, T)
        first_term = gammaln(r + x) - gammaln(r) + r * log(alpha) + s * log(beta_) - (r + x) * log(alpha + T) - s * log(beta_ + T)
        second_term = log(r + x) + log(beta_ + T) - log(alpha + T)
        with np.errstate(divide="ignore"):
            third_term = log((1 - ((beta_ + T) / (beta_ + T + t)) ** (s - 1)) / (s - 1))
        return exp(first_term + second_term + third_term - likelihood)

    predict = conditional_expected_number_of_purchases_up_to_time

    def conditional_probability_alive(self, frequency, recency, T):
        """`ParetoNBDFitter.conditional_probability_alive` (note eqs. 36 and 37)."""
        x, t_x = frequency, recency
        r, alpha, s, beta_ = self.params
        A_0 = self._log_A_0([r, alpha, s, beta_], x, t_x, T)
        return 1.0 / (1.0 + exp(log(s) - log(r + s + x) + (r + x) * log(alpha + T) + s * log(beta_ + T) + A_0))

    def expected_number_of_purchases_up_to_time(self, t):
        """`ParetoNBDFitter.expected_number_of_purchases_up_to_time` (note eq. 27)."""
        r, alpha, s, beta_ = self.params
        return r * beta_ / alpha / (s - 1) * (1 - (beta_ / (beta_ + t)) ** (s - 1))


class GammaGammaFitter:
    """lifetimes/fitters/gamma_gamma_fitter.py `GammaGammaFitter` (its third parameter, v, is γ)."""

    names = ("p", "q", "v")

    def fit(self, frequency, monetary_value, tol=1e-7):
        """`GammaGammaFitter.fit` (weights of one, q_constraint=False): no time scaling."""
        frequency = np.asarray(frequency).astype(float)
        monetary_value = np.asarray(monetary_value).astype(float)
        weights = np.ones_like(frequency, dtype=int)
        output, hessian = fit_by_bfgs(self.negative_log_likelihood, (frequency, monetary_value, weights), 3, tol)
        self.params = np.exp(output.x)
        self.converged = bool(output.success)
        self.message = str(output.message)
        self.iterations = int(output.nit)
        self.standard_errors = standard_errors(self.params, hessian, weights.sum())
        self.log_likelihood = -output.fun * weights.sum()
        return self

    @staticmethod
    def negative_log_likelihood(log_params, frequency, avg_monetary_value, weights):
        """`GammaGammaFitter._negative_log_likelihood` (Fader & Hardie note 025, eq. 1a), with its gradient."""
        params = np.exp(log_params)
        p, q, v = params
        x, m = frequency, avg_monetary_value
        ll = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
              + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v)) * weights
        both = digamma(p * x + q)
        d_p = x * (both - digamma(p * x) + np.log(m) + np.log(x) - np.log(x * m + v))
        d_q = both - digamma(q) + np.log(v) - np.log(x * m + v)
        d_v = q / v - (p * x + q) / (x * m + v)
        gradient = np.array([(weights * d).sum() for d in (d_p, d_q, d_v)]) * params
        return -ll.sum() / weights.sum(), -gradient / weights.sum()

    def conditional_expected_average_profit(self, frequency, monetary_value):
        """`GammaGammaFitter.conditional_expected_average_profit` (note eq. 5)."""
        p, q, v = self.params
        individual_weight = p * frequency / (p * frequency + q - 1)
        population_mean = v * p / (q - 1)
        return (1 - individual_weight) * population_mean + individual_weight * monetary_value

    def customer_lifetime_value(self, transaction_prediction_model, frequency, recency, T, monetary_value,
                                time=12, discount_rate=0.01, freq="D"):
        """`GammaGammaFitter.customer_lifetime_value` and lifetimes/utils.py `_customer_lifetime_value`.

        Month by month: the expected purchases in the month (a difference of the
        cumulative prediction) times the expected profit, discounted by (1 + rate)^month.
        A month is `factor` model periods: 30 days, 4.345 weeks.
        """
        adjusted_monetary_value = self.conditional_expected_average_profit(frequency, monetary_value)
        clv = np.zeros(len(frequency))
        factor = {"W": 4.345, "M": 1.0, "D": 30, "H": 30 * 24}[freq]
        for i in np.arange(1, time + 1) * factor:
            expected_number_of_transactions = (transaction_prediction_model.predict(i, frequency, recency, T)
                                               - transaction_prediction_model.predict(i - factor, frequency, recency, T))
            clv += (adjusted_monetary_value * expected_number_of_transactions) / (1 + discount_rate) ** (i / factor)
        return clv
