import { describe, expect, it } from 'vitest';
import { fitAll } from './fit-all.ts';
import { calibrationAndHoldout } from './summary.ts';
import { cdnowMasterPurchases } from './test-data.ts';
import { holdoutReport, validationReport } from './validation.ts';

describe('holdout report', () => {
  it('totals and groups by calibration repeat purchases, 7 and more together', () => {
    const customers = [0, 0, 1, 3, 7, 12].map((x, i) => ({ x, tx: x ? 5 : 0, T: 10, holdoutPurchases: i % 3, holdoutLength: 4 }));
    const report = holdoutReport(customers, (c, t) => c.x * 0.1 * t);
    expect(report.customers).toBe(6);
    expect(report.actual_total).toBe(0 + 1 + 2 + 0 + 1 + 2);
    expect(report.predicted_total).toBeCloseTo(0.4 * 23, 12);
    expect(report.by_calibration_purchases.map((g) => g.repeat_purchases)).toEqual(['0', '1', '3', '7+']);
    const sevenPlus = report.by_calibration_purchases[3];
    expect(sevenPlus).toMatchObject({ customers: 2, actual_total: 3, actual_mean: 1.5 });
    expect(sevenPlus.predicted_mean).toBeCloseTo(0.4 * 9.5, 12);
    expect(report.mean_absolute_error).toBeCloseTo((0 + 1 + 1.6 + 1.2 + 1.8 + 2.8) / 6, 12);
  });
});

describe('the full CDNOW master file (23,570 customers)', () => {
  const customers = calibrationAndHoldout({ purchases: cdnowMasterPurchases(), unit: 'week', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
  const { models } = fitAll({ summaries: customers });

  it('fits all three models sanely, in the shape the CLI prints', () => {
    expect(customers).toHaveLength(23_570);
    const { bgnbd, paretonbd, gammagamma } = models;
    expect(Object.keys(bgnbd!.params)).toEqual(['r', 'alpha', 'a', 'b']);
    expect(Object.keys(paretonbd!.params)).toEqual(['r', 'alpha', 's', 'beta']);
    expect(Object.keys(gammagamma!.params)).toEqual(['p', 'q', 'gamma']);
    for (const fit of [bgnbd!, paretonbd!, gammagamma!]) {
      expect(fit).toMatchObject({ converged: true });
      expect(Object.keys(fit)).toEqual(expect.arrayContaining(['params', 'log_likelihood', 'std_errors', 'customers', 'fit_ms']));
      expect(Object.values(fit.on_boundary).some(Boolean)).toBe(false);
      for (const se of Object.values(fit.std_errors)) expect(se).toBeGreaterThan(0);
    }
    // The master file is the sample's population: the same kind of customers.
    expect(bgnbd!.params.r).toBeCloseTo(0.2516, 3);
    expect(bgnbd!.params.a).toBeCloseTo(0.7234, 3);
    expect(bgnbd!.log_likelihood).toBeCloseTo(-95368.44, 1);
    expect(paretonbd!.params.s).toBeCloseTo(0.5222, 3);
    expect(paretonbd!.log_likelihood).toBeCloseTo(-95415.12, 1);
    expect(gammagamma!.customers).toBe(9_450); // one repeat buyer's purchases are all $0.00
    expect(gammagamma!.params.p).toBeCloseTo(6.275, 2);
  });

  // The models under-predict this cohort's second 39 weeks: 16,874 (BG/NBD) and 17,153
  // (Pareto/NBD) repeat purchase days against 19,684 actual, −14% and −13%. The sample
  // shows the same (1,653 and 1,666 against 1,882); lifetimes' formulas give these same
  // conditional expectations (checked against Monte Carlo for Pareto/NBD). Customers
  // with one or two calibration repeat purchases buy more than predicted; for those with
  // none BG/NBD is close and Pareto/NBD low (0.15 against 0.25).
  it('predicts the holdout purchases within 15%, and orders customers by calibration purchases', () => {
    for (const name of ['bgnbd', 'paretonbd'] as const) {
      const transactionModel = name === 'bgnbd' ? { model: name, params: models.bgnbd!.params } : { model: name, params: models.paretonbd!.params };
      const report = validationReport({ transactionModel, customers });
      expect(report.actual_total).toBe(19_684);
      expect(Math.abs(report.relative_error), name).toBeLessThan(0.15);
      expect(report.by_calibration_purchases).toHaveLength(8);
      const zero = report.by_calibration_purchases[0];
      if (name === 'bgnbd') expect(Math.abs(zero.predicted_mean - zero.actual_mean) / zero.actual_mean).toBeLessThan(0.1);
      const means = report.by_calibration_purchases.map((g) => g.predicted_mean);
      expect(means).toEqual([...means].sort((p, q) => p - q));
      expect(report.mean_absolute_error).toBeGreaterThan(0);
      expect(report.mean_absolute_error).toBeLessThan(1);
    }
  });
});
