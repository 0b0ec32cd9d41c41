import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bgnbdExpectedPurchases, bgnbdProbabilityOfPurchases, bgnbdTotalLogLikelihood, type BgNbdParams } from './bgnbd.ts';
import { conditionalExpectedPurchases, customerLifetimeValues, probabilityAlive, type TransactionModel } from './clv.ts';
import { fitAll, type FittedModels } from './fit-all.ts';
import { gammaGammaConditionalExpectedValue, gammaGammaMeanValue, type GammaGammaParams } from './gamma-gamma.ts';
import { paretoNbdExpectedPurchases, paretoNbdTotalLogLikelihood, type ParetoNbdParams } from './pareto-nbd.ts';
import { calibrationAndHoldout, dayNumber, summarize, type CalibrationSummary, type Purchase } from './summary.ts';
import { cdnowMasterPurchases, cdnowSamplePurchases, onlineRetailPurchases } from './test-data.ts';
import { validationReport } from './validation.ts';

// Regulars against what lifetimes' own code gives on the same files: the fixtures are
// written by tools/lifetimes-reference (a numpy/scipy port of lifetimes, which cannot be
// installed here), with its summaries, fits, predictions and holdout totals.
//
// Conventions that differ, converted here rather than hidden in tolerances:
// - Time: lifetimes fits in its summary's unit; the fixtures use weeks as days / 7
//   (freq "D", freq_multiplier 7), which is Regulars' `week`. lifetimes' freq "W" instead
//   counts purchase weeks (Monday to Sunday) in whole weeks: compared by dating each
//   purchase by its week's Monday.
// - Calibration end: lifetimes compares purchase times with it (a bare date is its
//   midnight); Regulars' ends are inclusive days, so the generator passes their last moment.
// - CLV: lifetimes' month is 4.345 weeks (30 days), Regulars' 30.4375 / 7; passed explicitly.
// - Gamma-Gamma: lifetimes names γ `v`.

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/lifetimes');

type SummaryColumn = 'frequency_cal' | 'recency_cal' | 'T_cal' | 'monetary_value_cal' | 'frequency_holdout';
interface SummaryCheck {
  freq: 'D' | 'W';
  customers: number;
  duration_holdout?: number;
  totals: Partial<Record<SummaryColumn, number>>;
  chosen: Record<string, Partial<Record<SummaryColumn, number>>>;
}
interface ReferenceFit<P> {
  params: P;
  log_likelihood: number;
  converged: boolean;
  /** lifetimes gives standard errors for BG/NBD and Gamma-Gamma, when its fit converged */
  std_errors?: Record<string, number>;
}
interface CustomerPredictions { probability_alive: number; clv: number; expected_purchases: Record<string, number> }
interface HoldoutTotals {
  customers: number;
  predicted: number;
  actual: number;
  by_calibration_purchases: Record<string, { customers: number; predicted: number; actual: number }>;
}
interface LifetimesReference {
  calibration_end: string;
  holdout_end: string;
  summaries: SummaryCheck[];
  models: { bgnbd: ReferenceFit<BgNbdParams>; paretonbd: ReferenceFit<ParetoNbdParams>; gammagamma: ReferenceFit<LifetimesSpendParams> & { customers: number } };
  population: {
    bgnbd_expected_purchases: Record<string, number>;
    bgnbd_probability_of_purchases_in_52_weeks: number[];
    paretonbd_expected_purchases: Record<string, number>;
    gammagamma_mean_value: number;
  };
  clv: { months: number; monthly_discount_rate: number; periods_per_month: number };
  customers: { id: string; why: string; x: number; tx: number; T: number; monetary: number; bgnbd: CustomerPredictions; paretonbd: CustomerPredictions; expected_average_profit: number }[];
  holdout: { duration: number; bgnbd: HoldoutTotals; paretonbd: HoldoutTotals };
}

const readReference = (name: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as LifetimesReference;

// How closely Regulars must agree, and why not closer.
const SHARE = {
  // the same formula at the same parameters: rounding
  formula: 1e-10,
  // lifetimes' BFGS stops once the gradient of the mean negative log-likelihood in
  // log-parameters is below 1e-7; along the flattest direction (inverse Hessian ≈ 200 for
  // b on CDNOW) that leaves 2e-5 of play, and Regulars' optimiser stops at its own point
  bfgsFit: 2e-5,
  // lifetimes fits Pareto/NBD by Nelder–Mead with tol 1e-4 in scaled parameters: its own
  // restarts from other random starts differ by up to 5e-4
  simplexFit: 1e-3,
  // standard errors: differences of exact gradients on both sides, at optima 2e-5 apart
  standardError: 1e-4,
} as const;
// Holdout predictions from each side's own fit move less than the parameters (they hardly
// see the likelihood's flat directions): observed 4e-7 (BG/NBD) and 2e-5 (Pareto/NBD).
const HOLDOUT_SHARE = { bgnbd: 2e-6, paretonbd: 1e-4 } as const;
// Fitted log-likelihoods: Regulars' optimum may be higher (it goes on to the boundary
// where lifetimes stops), never lower.
const LOG_LIKELIHOOD = { gap: 0.01, slack: 1e-6 };

const close = ({ actual, expected, share, what }: { actual: number; expected: number; share: number; what: string }) =>
  expect(Math.abs(actual - expected), `${what}: ${actual} against lifetimes' ${expected}`).toBeLessThanOrEqual(share * Math.abs(expected));

const DATA_SETS = [
  { name: 'cdnow-sample', purchases: cdnowSamplePurchases, unidentified: [], bgnbdPredictionShare: SHARE.formula },
  { name: 'cdnow-master', purchases: cdnowMasterPurchases, unidentified: [], bgnbdPredictionShare: SHARE.formula },
  {
    name: 'online-retail',
    purchases: onlineRetailPurchases,
    // The dropout runs to its boundary (a → 0, b → ∞; s → 0, β → ∞), where the likelihood
    // stops depending on those parameters: compared through the likelihood and predictions.
    unidentified: ['a', 'b', 's', 'beta'],
    // lifetimes' closed form multiplies (a + b + x − 1)/(a − 1) ≈ −14,000 by a difference
    // from 1 of about 1e−4, computed from scipy's 2F1: it keeps 8 digits (Regulars' value
    // stays within 1e−10 of the NBD limit, see bgnbd.test.ts).
    bgnbdPredictionShare: 1e-7,
  },
] as const;

interface LifetimesSpendParams { p: number; q: number; v: number }
const spendModel = ({ p, q, v }: LifetimesSpendParams): GammaGammaParams => ({ p, q, gamma: v });
const transactionModel = (model: 'bgnbd' | 'paretonbd', fits: { bgnbd: { params: BgNbdParams }; paretonbd: { params: ParetoNbdParams } }): TransactionModel =>
  model === 'bgnbd' ? { model, params: fits.bgnbd.params } : { model, params: fits.paretonbd.params };
const SUMMARY_OF: Record<SummaryColumn, (c: CalibrationSummary & { holdoutPurchases?: number }) => number> = {
  frequency_cal: (c) => c.x,
  recency_cal: (c) => c.tx,
  T_cal: (c) => c.T,
  monetary_value_cal: (c) => c.monetary,
  frequency_holdout: (c) => c.holdoutPurchases ?? Number.NaN,
};

function compareSummaries({ check, summaries }: { check: SummaryCheck; summaries: (CalibrationSummary & { holdoutPurchases?: number })[] }) {
  expect(summaries).toHaveLength(check.customers);
  const byId = new Map(summaries.map((c) => [c.customerId, c]));
  for (const [column, total] of Object.entries(check.totals) as [SummaryColumn, number][]) {
    close({ actual: summaries.reduce((sum, c) => sum + SUMMARY_OF[column](c), 0), expected: total, share: 1e-12, what: `freq ${check.freq} total ${column}` });
  }
  for (const [id, row] of Object.entries(check.chosen)) {
    for (const [column, value] of Object.entries(row) as [SummaryColumn, number][]) {
      expect(SUMMARY_OF[column](byId.get(id)!), `freq ${check.freq} customer ${id} ${column}`).toBeCloseTo(value, 9);
    }
  }
}

// lifetimes' freq "W": purchase weeks, Monday to Sunday, whole weeks apart. Dating each
// purchase by its week's Monday turns Regulars' days / 7 into the same thing.
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const mondayOf = (day: number) => day - ((day + 3) % 7); // day 0, 1970-01-01, was a Thursday

function compareFits({ fitted, reference, unidentified }: { fitted: FittedModels; reference: LifetimesReference['models']; unidentified: readonly string[] }) {
  const ours = { bgnbd: fitted.bgnbd!, paretonbd: fitted.paretonbd!, gammagamma: fitted.gammagamma! };
  const share = { bgnbd: SHARE.bfgsFit, paretonbd: SHARE.simplexFit, gammagamma: SHARE.bfgsFit };
  for (const model of ['bgnbd', 'paretonbd', 'gammagamma'] as const) {
    const ref = reference[model];
    const params: Record<string, number> = { ...ours[model].params };
    const errors: Record<string, number | null> = { ...ours[model].std_errors };
    const referenceErrors: Record<string, number> | undefined = ref.std_errors && { ...ref.std_errors };
    for (const [name, value] of Object.entries(ref.params)) {
      const ourName = name === 'v' ? 'gamma' : name;
      if (unidentified.includes(ourName)) continue;
      close({ actual: params[ourName], expected: value, share: share[model], what: `${model} ${ourName}` });
      if (referenceErrors) close({ actual: errors[ourName]!, expected: referenceErrors[name], share: SHARE.standardError, what: `${model} se(${ourName})` });
    }
    const gain = ours[model].log_likelihood - ref.log_likelihood;
    expect(gain, `${model} log-likelihood ${ours[model].log_likelihood} against lifetimes' ${ref.log_likelihood}`).toBeGreaterThanOrEqual(-LOG_LIKELIHOOD.slack);
    expect(gain, `${model} log-likelihood ${ours[model].log_likelihood} against lifetimes' ${ref.log_likelihood}`).toBeLessThanOrEqual(LOG_LIKELIHOOD.gap);
  }
  expect(ours.gammagamma.customers).toBe(reference.gammagamma.customers);
  const onBoundary: Record<string, boolean> = { ...ours.bgnbd.on_boundary, ...ours.paretonbd.on_boundary };
  for (const name of unidentified) expect(onBoundary[name], `${name} on the boundary`).toBe(true);
}

for (const { name, purchases: load, unidentified, bgnbdPredictionShare } of DATA_SETS) {
  describe(`${name}: Regulars against lifetimes' numbers`, () => {
    const reference = readReference(name);
    const purchases = load();
    const customers = calibrationAndHoldout({ purchases, unit: 'week', calibrationEnd: reference.calibration_end, holdoutEnd: reference.holdout_end });
    const byId = new Map(customers.map((c) => [c.customerId, c]));
    const { models } = fitAll({ summaries: customers });
    const [daily, weekly] = ['D', 'W'].map((freq) => reference.summaries.find((s) => s.freq === freq)!);

    it('summarizes in days as lifetimes does at freq "D", holdout included', () => {
      const days = calibrationAndHoldout({ purchases, unit: 'day', calibrationEnd: reference.calibration_end, holdoutEnd: reference.holdout_end });
      compareSummaries({ check: daily, summaries: days });
      expect(days[0].holdoutLength).toBe(daily.duration_holdout);
      expect(customers[0].holdoutLength).toBe(reference.holdout.duration);
    });

    it('summarizes as lifetimes does at freq "W" once purchases are dated by their week', () => {
      const end = dayNumber(reference.calibration_end);
      const byWeek: Purchase[] = purchases.filter((p) => dayNumber(p.at) <= end).map((p) => ({ ...p, at: isoDay(mondayOf(dayNumber(p.at))) }));
      compareSummaries({ check: weekly, summaries: summarize({ purchases: byWeek, unit: 'week', calibrationEnd: isoDay(mondayOf(end)) }) });
    });

    it('has the same likelihoods: equal at lifetimes\' parameters, and fits to the same optimum', () => {
      const { bgnbd, paretonbd } = reference.models;
      close({ actual: bgnbdTotalLogLikelihood({ params: bgnbd.params, summaries: customers }), expected: bgnbd.log_likelihood, share: SHARE.formula, what: 'BG/NBD log-likelihood' });
      close({ actual: paretoNbdTotalLogLikelihood({ params: paretonbd.params, summaries: customers }), expected: paretonbd.log_likelihood, share: SHARE.formula, what: 'Pareto/NBD log-likelihood' });
      compareFits({ fitted: models, reference: reference.models, unidentified });
    });

    it('predicts the same for each chosen customer at lifetimes\' parameters', () => {
      const spend = spendModel(reference.models.gammagamma.params);
      const { months, monthly_discount_rate: discountRatePerMonth, periods_per_month: periodsPerMonth } = reference.clv;
      for (const chosen of reference.customers) {
        const customer = byId.get(chosen.id)!;
        expect([customer.x, customer.tx, customer.T, customer.monetary], `${chosen.id} (${chosen.why})`).toEqual([chosen.x, chosen.tx, chosen.T, chosen.monetary].map((v) => expect.closeTo(v, 9)));
        const what = (quantity: string) => `${chosen.id} (${chosen.why}): ${quantity}`;
        close({ actual: gammaGammaConditionalExpectedValue({ params: spend, x: customer.x, monetary: customer.monetary }), expected: chosen.expected_average_profit, share: SHARE.formula, what: what('expected value per purchase') });
        for (const model of ['bgnbd', 'paretonbd'] as const) {
          const share = model === 'bgnbd' ? bgnbdPredictionShare : SHARE.formula;
          const tm = transactionModel(model, reference.models);
          const expected = chosen[model];
          close({ actual: probabilityAlive({ transactionModel: tm, customer }), expected: expected.probability_alive, share, what: what(`${model} P(alive)`) });
          for (const [t, purchases] of Object.entries(expected.expected_purchases)) {
            close({ actual: conditionalExpectedPurchases({ transactionModel: tm, customer, t: Number(t) }), expected: purchases, share, what: what(`${model} purchases in ${t} weeks`) });
          }
          const [value] = customerLifetimeValues({ transactionModel: tm, spendModel: spend, customers: [customer], unit: 'week', horizonMonths: months, discountRatePerMonth, periodsPerMonth });
          close({ actual: value.clv, expected: expected.clv, share, what: what(`${model} CLV`) });
        }
      }
    });

    it('predicts the same for a new customer', () => {
      const { bgnbd, paretonbd, gammagamma } = reference.models;
      const population = reference.population;
      for (const [t, value] of Object.entries(population.bgnbd_expected_purchases)) {
        close({ actual: bgnbdExpectedPurchases({ params: bgnbd.params, t: Number(t) }), expected: value, share: bgnbdPredictionShare, what: `BG/NBD E[X(${t})]` });
      }
      population.bgnbd_probability_of_purchases_in_52_weeks.forEach((value, n) => {
        close({ actual: bgnbdProbabilityOfPurchases({ params: bgnbd.params, t: 52, n }), expected: value, share: SHARE.formula, what: `BG/NBD P(X(52) = ${n})` });
      });
      for (const [t, value] of Object.entries(population.paretonbd_expected_purchases)) {
        close({ actual: paretoNbdExpectedPurchases({ params: paretonbd.params, t: Number(t) }), expected: value, share: SHARE.formula, what: `Pareto/NBD E[X(${t})]` });
      }
      close({ actual: gammaGammaMeanValue(spendModel(gammagamma.params)), expected: population.gammagamma_mean_value, share: SHARE.formula, what: 'Gamma-Gamma mean value' });
    });

    it('predicts the same holdout purchases from its own fit, in total and by calibration purchases', () => {
      for (const model of ['bgnbd', 'paretonbd'] as const) {
        const report = validationReport({ transactionModel: transactionModel(model, { bgnbd: models.bgnbd!, paretonbd: models.paretonbd! }), customers });
        const expected = reference.holdout[model];
        expect([report.customers, report.actual_total]).toEqual([expected.customers, expected.actual]);
        close({ actual: report.predicted_total, expected: expected.predicted, share: HOLDOUT_SHARE[model], what: `${model} holdout total` });
        expect(report.by_calibration_purchases.map((g) => g.repeat_purchases)).toEqual(Object.keys(expected.by_calibration_purchases));
        for (const group of report.by_calibration_purchases) {
          const want = expected.by_calibration_purchases[group.repeat_purchases];
          expect([group.customers, group.actual_total], `${model} group ${group.repeat_purchases}`).toEqual([want.customers, want.actual]);
          close({ actual: group.predicted_total, expected: want.predicted, share: HOLDOUT_SHARE[model], what: `${model} holdout, ${group.repeat_purchases} calibration purchases` });
        }
      }
    });
  });
}

describe('regulars analyze clv against lifetimes', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-lifetimes-'));
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('fits the CDNOW sample from a purchases file to lifetimes\' parameters and holdout totals', () => {
    const reference = readReference('cdnow-sample');
    const file = path.join(work, 'cdnow-sample.csv');
    const rows = cdnowSamplePurchases().map((p) => `${p.customerId},${String(p.at)},${p.value}`);
    fs.writeFileSync(file, ['customer_external_id,occurred_at,total', ...rows].join('\n'));
    const bin = path.resolve(import.meta.dirname, '../../../../bin/regulars.js');
    const run = spawnSync(bin, ['analyze', 'clv', '--purchases', file, '--unit', 'week', '--calibration-end', reference.calibration_end, '--holdout-end', reference.holdout_end, '--json'], {
      env: { ...process.env, DATA_DIR: path.join(work, 'data'), LOG_LEVEL: 'warn' }, encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { customers: number; models: FittedModels; validation: Record<'bgnbd' | 'paretonbd', { predicted_total: number; actual_total: number }> };
    expect(out.customers).toBe(2357);
    compareFits({ fitted: out.models, reference: reference.models, unidentified: [] });
    for (const model of ['bgnbd', 'paretonbd'] as const) {
      expect(out.validation[model].actual_total).toBe(reference.holdout[model].actual);
      close({ actual: out.validation[model].predicted_total, expected: reference.holdout[model].predicted, share: HOLDOUT_SHARE[model], what: `CLI ${model} holdout total` });
    }
  }, 30_000);
});
