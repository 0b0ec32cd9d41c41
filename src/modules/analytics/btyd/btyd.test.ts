import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bgnbdConditionalExpected, bgnbdExpectedPurchases, customerLifetimeValue, fitBgNbd, fitGammaGamma, fitParetoNbd, holdoutReport,
  paretoNbdConditionalExpected, summarize, type CustomerSummary, type HoldoutCustomer,
} from './index.ts';

const DATA = path.resolve(import.meta.dirname, '../../../../../shared/data/cdnow');
const rows = (file: string) => fs.readFileSync(path.join(DATA, file), 'utf8').trim().split('\n');
const close = (actual: number, expected: number, share = 0.005) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(Math.abs(expected) * share);

// The 2,357-customer CDNOW sample in weeks, calibration to 1997-09-30, as published.
const sample: CustomerSummary[] = rows('cdnow_customers_summary_with_transactions.csv').slice(1).map((line) => {
  const [, x, tx, T, zbar] = line.split(',').map(Number);
  return { x, tx, T, monetary: zbar };
});

describe('BG/NBD on the CDNOW sample', () => {
  const fit = fitBgNbd(sample);
  it('reproduces Fader, Hardie & Lee (2005)', () => {
    close(fit.params.r, 0.243);
    close(fit.params.alpha, 4.414);
    close(fit.params.a, 0.793);
    close(fit.params.b, 2.426);
    expect(Math.abs(fit.log_likelihood - -9582.4)).toBeLessThan(0.5);
    expect(fit.std_errors.r).toBeGreaterThan(0);
  });
  it('gives the published checkpoints', () => {
    expect(bgnbdExpectedPurchases(fit.params, 52)).toBeCloseTo(1.444, 2);
    expect(bgnbdConditionalExpected(fit.params, { x: 2, tx: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 2);
  });
});

describe('Pareto/NBD on the CDNOW sample', () => {
  it('reproduces the published parameters and likelihood', () => {
    const fit = fitParetoNbd(sample);
    close(fit.params.r, 0.553);
    close(fit.params.alpha, 10.578);
    close(fit.params.s, 0.606);
    close(fit.params.beta, 11.669);
    expect(Math.abs(fit.log_likelihood - -9595.0)).toBeLessThan(0.5);
  });
});

describe('Gamma-Gamma on the CDNOW sample', () => {
  it('reproduces Fader & Hardie on the 946 repeat buyers', () => {
    const fit = fitGammaGamma(sample);
    expect(fit.customers).toBe(946);
    close(fit.params.p, 6.25);
    close(fit.params.q, 3.74);
    close(fit.params.gamma, 15.44);
    expect(Math.abs(fit.log_likelihood - -4055.9)).toBeLessThan(0.5);
  });
});

describe('summary from purchases', () => {
  it('rebuilds the published summary from CDNOW_sample.txt', () => {
    const purchases = rows('CDNOW_sample.txt').map((line) => {
      const [, id, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: id, at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, value: Number(dollars) };
    });
    const built = new Map(summarize({ purchases, unit: 'week', calibrationEnd: '1997-09-30' }).map((c) => [Number(c.customerId), c]));
    const published = rows('cdnow_customers_summary.csv').slice(1).map((l) => l.split(',').map(Number));
    expect(built.size).toBe(published.length);
    for (const [id, frequency, recency, T] of published) {
      const c = built.get(id)!;
      expect(c.x).toBe(frequency);
      expect(Math.abs(c.tx - recency)).toBeLessThan(0.01);
      expect(Math.abs(c.T - T)).toBeLessThan(0.01);
    }
  });
});

describe('the full CDNOW master file', () => {
  // Fitted on the 39-week calibration, the models under-predict this cohort's next 39
  // weeks by about 14% (16,874 predicted repeat purchase days against 19,684 for
  // BG/NBD): the same shape the literature reports for CDNOW's second year.
  it('fits and predicts the holdout (1997-10-01 .. 1998-06-30) within 20%', () => {
    const purchases = rows('CDNOW_master.txt').slice(1).map((line) => {
      const [id, date, , dollars] = line.trim().split(/\s+/);
      return { customerId: id, at: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`, value: Number(dollars) };
    });
    const customers = summarize({ purchases, unit: 'week', calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30' });
    expect(customers).toHaveLength(23_570);
    const bg = fitBgNbd(customers);
    const pareto = fitParetoNbd(customers);
    for (const [name, predict] of [
      ['bgnbd', (c: HoldoutCustomer, t: number) => bgnbdConditionalExpected(bg.params, c, t)],
      ['paretonbd', (c: HoldoutCustomer, t: number) => paretoNbdConditionalExpected(pareto.params, c, t)],
    ] as const) {
      const report = holdoutReport(customers, predict);
      expect(Math.abs(report.predicted_total - report.actual_total) / report.actual_total, name).toBeLessThan(0.2);
      expect(report.by_calibration_purchases.map((g) => g.predicted_mean)).toEqual([...report.by_calibration_purchases.map((g) => g.predicted_mean)].sort((p, q) => p - q));
    }
  });
});

describe('Online Retail (the dropout rate runs to the boundary)', () => {
  it('fits without crashing and with finite predictions', () => {
    const lines = fs.readFileSync(path.resolve(DATA, '../online-retail/online_retail_invoices.csv'), 'utf8').trim().split('\n').slice(1);
    const purchases = lines
      .map((l) => l.split(','))
      .filter(([invoice, , customer]) => customer !== '(blank)' && !invoice.startsWith('C'))
      .map(([, when, customer, , quantity, price]) => {
        const [m, d, y] = when.split(' ')[0].split('/').map(Number);
        return { customerId: customer, at: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`, value: Number(quantity) * Number(price) };
      });
    const customers = summarize({ purchases, unit: 'week', calibrationEnd: '2011-12-09' });
    const bg = fitBgNbd(customers);
    const pareto = fitParetoNbd(customers);
    expect(Number.isFinite(bg.log_likelihood)).toBe(true);
    expect(Number.isFinite(pareto.log_likelihood)).toBe(true);
    for (const c of customers.slice(0, 200)) {
      expect(Number.isFinite(bgnbdConditionalExpected(bg.params, c, 90))).toBe(true);
      expect(Number.isFinite(paretoNbdConditionalExpected(pareto.params, c, 90))).toBe(true);
    }
    const clv = customerLifetimeValue({ transaction: bg.params, spend: fitGammaGamma(customers).params, customer: customers[0], months: 12, periodsPerMonth: 4.348 });
    expect(Number.isFinite(clv)).toBe(true);
  });
});

describe('a million customers', () => {
  it('fits BG/NBD in seconds because identical summaries are one term', () => {
    // A BG/NBD world with known parameters, observed weekly for 52 weeks.
    let seed = 12345;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
    const gamma = (shape: number): number => {
      if (shape < 1) return gamma(shape + 1) * Math.pow(random() || 1e-12, 1 / shape);
      const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
      for (;;) {
        const x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
        const v = Math.pow(1 + c * x, 3);
        if (v > 0 && Math.log(random() || 1e-12) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
      }
    };
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const customers: CustomerSummary[] = [];
    for (let i = 0; i < 1_000_000; i++) {
      const lambda = gamma(truth.r) / truth.alpha;
      const ga = gamma(truth.a);
      const p = ga / (ga + gamma(truth.b));
      const T = 1 + Math.floor(random() * 52);
      let t = 0;
      let x = 0;
      let tx = 0;
      for (;;) {
        t += -Math.log(1 - random()) / lambda;
        if (t > T) break;
        x++;
        tx = t;
        if (random() < p) break;
      }
      customers.push({ x, tx: Math.round(tx), T }); // whole weeks, as a weekly summary has
    }
    const started = performance.now();
    const fit = fitBgNbd(customers);
    expect(performance.now() - started).toBeLessThan(20_000);
    close(fit.params.r, truth.r, 0.15);
    close(fit.params.a, truth.a, 0.25);
  });
});
