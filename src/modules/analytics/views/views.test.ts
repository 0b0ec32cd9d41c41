import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { fitAll, paretoNbdProbabilityAlive, summarize, validationReport, type ParetoNbdParams } from '../btyd/index.ts';
import type { LoyaltyMetrics } from '../metrics/index.ts';
import { runDemo } from '../../../workflows/run-demo.ts';
import { holdoutGroups } from './views.repository.ts';
import { holdoutValidation } from './views.service.ts';
import { aliveMatrix, bins, clvEdges, MAX_SAMPLES_PER_BIN, oneTwoFive, shapeKpis } from './views.ts';

describe('CLV histogram edges', () => {
  it('steps 1-2-5 from about the low end to the first step above the largest value', () => {
    expect(oneTwoFive(7)).toEqual([1, 2, 5, 10, 20, 50]);
    // Minor units: 1.50 € … 987.65 € → 1 €, 2 €, 5 €, … 1,000 €
    expect(clvEdges({ low: 150, max: 98_765, maxBuckets: 14 })).toEqual([0, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000]);
    // Too many steps: the lowest ones merge into the first bucket.
    expect(clvEdges({ low: 1, max: 98_765, maxBuckets: 4 })).toEqual([0, 10_000, 20_000, 50_000, 100_000]);
    // A largest value on a step still lies inside the last bucket [from, to).
    expect(clvEdges({ low: 100, max: 500, maxBuckets: 10 })).toEqual([0, 100, 200, 500, 1000]);
    expect(clvEdges({ low: 0, max: 0, maxBuckets: 10 })).toEqual([0, 1]);
  });
});

describe('probability alive matrix', () => {
  const params: ParetoNbdParams = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }; // the published CDNOW fit, weeks
  const model = { model: 'paretonbd' as const, params };
  const p = (x: number, tx: number, T: number) => paretoNbdProbabilityAlive({ params, customer: { x, tx, T } });

  it('bins whole numbers, x = 0 alone when asked', () => {
    expect(bins({ max: 9, count: 4 })).toEqual({ width: 3, zeroAlone: false, bins: [{ from: 0, to: 2 }, { from: 3, to: 5 }, { from: 6, to: 8 }, { from: 9, to: 9 }] });
    expect(bins({ max: 6, count: 4, zeroAlone: true }).bins).toEqual([{ from: 0, to: 0 }, { from: 1, to: 2 }, { from: 3, to: 4 }, { from: 5, to: 6 }]);
    expect(bins({ max: 3, count: 25, zeroAlone: true }).bins).toHaveLength(4);
  });

  it('is the mean of Pareto/NBD over the whole x and t_x of each cell, for a customer of age T', () => {
    const T = 39;
    const grid = aliveMatrix({ model, T, frequency: [{ from: 0, to: 0 }, { from: 1, to: 2 }], recency: [{ from: 0, to: 1 }, { from: 38, to: 40 }] });
    expect(grid[0][1]).toBeCloseTo((p(1, 0, T) + p(1, 1, T) + p(2, 0, T) + p(2, 1, T)) / 4, 4);
    // t_x never exceeds T: the 40 of the last row is left out.
    expect(grid[1][1]).toBeCloseTo((p(1, 38, T) + p(1, 39, T) + p(2, 38, T) + p(2, 39, T)) / 4, 4);
    expect(grid[1][1]).toBeGreaterThan(grid[0][1]!); // bought lately: more likely alive
  });

  // QA: under BG/NBD the whole "0 repeat purchases" column was 100 % green, one-time buyers
  // of long ago included.
  it('has one cell for x = 0, at t_x = 0, falling with the age T; none above it', () => {
    const column = (T: number) => aliveMatrix({ model, T, frequency: [{ from: 0, to: 0 }], recency: [{ from: 0, to: 3 }, { from: 4, to: 7 }] }).map((row) => row[0]);
    expect(column(13)).toEqual([Number(p(0, 0, 13).toFixed(4)), null]);
    expect(column(52)[0]).toBeCloseTo(0.2332, 4);
    expect(column(104)[0]!).toBeLessThan(column(52)[0]!);
  });

  it('evaluates at most four whole numbers of a wide bin, evenly spread with both ends', () => {
    expect(MAX_SAMPLES_PER_BIN).toBe(4);
    const T = 104;
    const [[cell]] = aliveMatrix({ model, T, frequency: [{ from: 3, to: 3 }], recency: [{ from: 0, to: 9 }] });
    expect(cell).toBeCloseTo((p(3, 0, T) + p(3, 3, T) + p(3, 6, T) + p(3, 9, T)) / 4, 4);
  });
});

describe('overview KPIs', () => {
  const metrics = (m: { customers: number; purchases: number; revenue: string; repeat: number | null; check: string | null }) =>
    ({ customers: m.customers, purchases: m.purchases, revenue: m.revenue, repeat_purchase_ratio: { value: m.repeat }, average_check: { value: m.check } }) as unknown as LoyaltyMetrics;

  it('changes relative for counts and money, as a difference for shares, each with its sample', () => {
    const kpis = shapeKpis({
      current: { metrics: metrics({ customers: 30, purchases: 60, revenue: '600.00', repeat: 0.4, check: '10.00' }), knownCustomers: 120 },
      previous: { metrics: metrics({ customers: 20, purchases: 50, revenue: '400.00', repeat: 0.5, check: '8.00' }), knownCustomers: 100 },
      currency: 'EUR',
    });
    expect(kpis.customers).toEqual({ value: 30, previous: 20, change: 0.5, change_kind: 'relative', sample: 30, previous_sample: 20, sample_of: 'customers' });
    expect(kpis.revenue).toMatchObject({ value: '600.00', previous: '400.00', change: 0.5, sample: 60, sample_of: 'purchases' });
    expect(kpis.average_check).toMatchObject({ change: 0.25, sample: 60 });
    expect(kpis.repeat_purchase_ratio).toMatchObject({ value: 0.4, previous: 0.5, change: -0.1, change_kind: 'difference', sample: 30 });
    expect(kpis.active_customers_share).toEqual({ value: 0.25, previous: 0.2, change: 0.05, change_kind: 'difference', sample: 120, previous_sample: 100, sample_of: 'customers' });
  });

  it('has no change against an empty previous period', () => {
    const kpis = shapeKpis({
      current: { metrics: metrics({ customers: 3, purchases: 3, revenue: '9.00', repeat: 0, check: '3.00' }), knownCustomers: 3 },
      previous: { metrics: metrics({ customers: 0, purchases: 0, revenue: '0.00', repeat: null, check: null }), knownCustomers: 0 },
      currency: 'EUR',
    });
    expect(kpis.customers.change).toBeNull();
    expect(kpis.revenue.change).toBeNull();
    expect(kpis.repeat_purchase_ratio.change).toBeNull();
    expect(kpis.active_customers_share).toMatchObject({ value: 1, previous: null, change: null });
  });
});

// The holdout check reads grouped histories from SQL instead of every purchase; they must
// be exactly what btyd's summarize makes of the purchases themselves.
describe('holdout histories in SQL', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  beforeAll(async () => {
    s = await openTestServices({ TIMEZONE: 'Europe/Ljubljana', CURRENCY: 'EUR' });
  });
  afterAll(async () => {
    await s?.close();
  });

  const localPurchases = async () =>
    (await s.db.selectFrom('purchases').select(['customer_id', 'local_date', 'total_minor']).execute()).map((p) => ({ customerId: p.customer_id, at: p.local_date, value: p.total_minor }));

  const fromSummaries = (calibrationEnd: string, holdoutEnd: string, purchases: Awaited<ReturnType<typeof localPurchases>>) => {
    const counts = new Map<string, { x: number; span: number; tenure: number; holdout: number; customers: number }>();
    for (const c of summarize({ purchases, unit: 'day', calibrationEnd, holdoutEnd })) {
      const key = `${c.x}|${c.tx}|${c.T}|${c.holdoutPurchases}`;
      const g = counts.get(key) ?? { x: c.x, span: c.tx, tenure: c.T, holdout: c.holdoutPurchases, customers: 0 };
      g.customers++;
      counts.set(key, g);
    }
    return [...counts.values()];
  };
  const sorted = <T extends { x: number; span: number; tenure: number; holdout: number }>(rows: T[]) =>
    [...rows].map((r) => ({ ...r, x: Number(r.x), span: Number(r.span), tenure: Number(r.tenure), holdout: Number(r.holdout) }))
      .sort((a, b) => a.x - b.x || a.span - b.span || a.tenure - b.tenure || a.holdout - b.holdout);

  it('counts days, not receipts, splits at the local calibration end, and ignores later buyers and purchases', async () => {
    const buy = (id: string, card: string, occurred_at: string) => ({ external_id: id, customer: { external_id: card }, occurred_at, total: '5.00' });
    await recordPurchases(s, [
      buy('a1', 'A', '2025-01-10T09:00:00+01:00'),
      buy('a2', 'A', '2025-01-10T17:00:00+01:00'), // same day: one purchase day
      buy('a3', 'A', '2025-03-01T10:00:00+01:00'),
      buy('a4', 'A', '2025-06-30T23:30:00+02:00'), // 21:30 UTC, local day 2025-06-30: calibration
      buy('a5', 'A', '2025-07-01T00:30:00+02:00'), // 22:30 UTC on 06-30, local 07-01: holdout
      buy('a6', 'A', '2025-09-01T10:00:00+02:00'),
      buy('b1', 'B', '2025-05-01T10:00:00+02:00'),
      buy('c1', 'C', '2025-08-01T10:00:00+02:00'), // first purchase in the holdout: not a calibration customer
      buy('d1', 'D', '2025-02-01T10:00:00+01:00'),
      buy('d2', 'D', '2026-01-05T10:00:00+01:00'), // after the holdout
    ], { source: 'test' });
    const rows = await holdoutGroups(s.db, { calibrationEnd: '2025-06-30', holdoutEnd: '2025-12-31' });
    expect(sorted(rows)).toEqual(sorted([
      { x: 0, span: 0, tenure: 60, holdout: 0, customers: 1 }, // B
      { x: 0, span: 0, tenure: 149, holdout: 0, customers: 1 }, // D
      { x: 2, span: 171, tenure: 171, holdout: 2, customers: 1 }, // A: 01-10, 03-01, 06-30 | 07-01, 09-01
    ]));
    expect(sorted(rows)).toEqual(sorted(fromSummaries('2025-06-30', '2025-12-31', await localPurchases())));
  });

  it('gives the report summarize + fitAll + validationReport give on the purchases themselves', async () => {
    await runDemo(s, { customers: 120, seed: 4 });
    const report = await holdoutValidation(s, { calibration_end: '2025-10-01', holdout_end: '2026-04-01' });
    const purchases = await localPurchases();
    const summaries = summarize({ purchases, unit: 'week', calibrationEnd: '2025-10-01', holdoutEnd: '2026-04-01' });
    const params = fitAll({ summaries, models: ['bgnbd'] }).models.bgnbd!.params;
    const direct = validationReport({ transactionModel: { model: 'bgnbd', params }, customers: summaries });
    expect(report.customers).toBe(direct.customers);
    expect(report.actual_total).toBe(direct.actual_total);
    expect(report.predicted_total).toBeCloseTo(direct.predicted_total, 2);
    expect(report.by_calibration_purchases.map((g) => [g.repeat_purchases, g.customers, g.actual_total])).toEqual(
      direct.by_calibration_purchases.map((g) => [g.repeat_purchases, g.customers, g.actual_total]),
    );
    for (const [i, g] of direct.by_calibration_purchases.entries()) expect(report.by_calibration_purchases[i].predicted_mean).toBeCloseTo(g.predicted_mean, 3);
  });
});
