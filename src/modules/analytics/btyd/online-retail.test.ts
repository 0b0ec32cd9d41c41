import { describe, expect, it } from 'vitest';
import { fitBgNbd } from './bgnbd.ts';
import { conditionalExpectedPurchases, customerLifetimeValues, probabilityAlive, type TransactionModel } from './clv.ts';
import { fitAll } from './fit-all.ts';
import { calibrationAndHoldout, summarize } from './summary.ts';
import { onlineRetailPurchases } from './test-data.ts';
import { validationReport } from './validation.ts';

// UCI Online Retail: a wholesaler's customers hardly ever stop buying within the year, so
// the dropout part of the models runs to its limit (no dropout at all).
const purchases = onlineRetailPurchases();

describe('Online Retail, where the dropout parameters run to the boundary', () => {
  const customers = summarize({ purchases, unit: 'week', calibrationEnd: '2011-12-09' });
  const { models } = fitAll({ summaries: customers });

  it('fits without throwing and flags the runaway parameters', () => {
    expect(customers.length).toBeGreaterThan(4000);
    for (const fit of [models.bgnbd!, models.paretonbd!, models.gammagamma!]) {
      expect(Number.isFinite(fit.log_likelihood)).toBe(true);
      for (const v of Object.values(fit.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
    }
    // Pareto/NBD: s → 0 with β → ∞ (lifetimes ends up at the same edge).
    expect(models.paretonbd!.on_boundary).toMatchObject({ s: true, beta: true, r: false, alpha: false });
    expect(models.paretonbd!.std_errors.s).toBeNull();
    expect(models.paretonbd!.std_errors.beta).toBeNull();
    expect(models.paretonbd!.std_errors.r).toBeGreaterThan(0);
    // In that limit both purchase models are the same NBD: equal likelihoods and r.
    expect(Math.abs(models.paretonbd!.log_likelihood - models.bgnbd!.log_likelihood)).toBeLessThan(1);
    expect(models.paretonbd!.params.r).toBeCloseTo(models.bgnbd!.params.r, 2);
  });

  it('predicts finite numbers for every customer', () => {
    const transactionModels: TransactionModel[] = [{ model: 'bgnbd', params: models.bgnbd!.params }, { model: 'paretonbd', params: models.paretonbd!.params }];
    for (const transactionModel of transactionModels) {
      for (const customer of customers) {
        const next = conditionalExpectedPurchases({ transactionModel, customer, t: 52 });
        const alive = probabilityAlive({ transactionModel, customer });
        expect(Number.isFinite(next) && next >= 0, `${transactionModel.model} ${JSON.stringify(customer)}`).toBe(true);
        expect(alive >= 0 && alive <= 1).toBe(true);
      }
      const values = customerLifetimeValues({ transactionModel, spendModel: models.gammagamma!.params, customers, unit: 'week' });
      expect(values.every((v) => Number.isFinite(v.clv) && v.clv >= 0)).toBe(true);
    }
  });

  it('flags a BG/NBD dropout probability running to zero on a calibration/holdout split', () => {
    const split = calibrationAndHoldout({ purchases, unit: 'week', calibrationEnd: '2011-09-09', holdoutEnd: '2011-12-09' });
    const fit = fitBgNbd(split);
    expect(fit.on_boundary.a).toBe(true);
    expect(fit.std_errors.a).toBeNull();
    expect(Number.isFinite(fit.log_likelihood)).toBe(true);
    const report = validationReport({ transactionModel: { model: 'bgnbd', params: fit.params }, customers: split });
    expect(Number.isFinite(report.predicted_total)).toBe(true);
    expect(report.predicted_total).toBeGreaterThan(0);
  });
});
