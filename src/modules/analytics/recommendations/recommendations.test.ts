import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { runDemo } from '../../../workflows/run-demo.ts';
import { demoCustomers, demoPeriod, PRODUCTS } from '../../demo/index.ts';
import { loadBaskets } from './recommendations.repository.ts';
import { createRecommendationService } from './recommendations.service.ts';

// The demo business through the real purchase workflow, then the model on what SQL gives
// back. 1,000 customers: at a few hundred only ~50 customers buy something new after the
// cut-off, and the comparison is a coin toss on some seeds; at 1,000 (~100 tested) the
// model beat popularity on each of seeds 1 to 8 (seed 3: 74.5 % against 67.3 %; the
// closest, seed 7: 70.5 % against 65.9 %).
const CUSTOMERS = 1000;
const SEED = 3;
const generated = [...demoCustomers({ seed: SEED, count: CUSTOMERS, period: demoPeriod({ end: new Date('2026-06-01T00:00:00Z'), years: 2 }) })];

describe('recommendations on the demo business', () => {
  let s: Awaited<ReturnType<typeof openTestServices>>;
  let recommendations: ReturnType<typeof createRecommendationService>;
  beforeAll(async () => {
    s = await openTestServices();
    await runDemo(s, { customers: CUSTOMERS, seed: SEED });
    recommendations = createRecommendationService({ db: s.db, clock: s.clock });
  }, 120_000);
  afterAll(() => s?.close());

  it('reads every basket back, page by page, without the fully refunded ones', async () => {
    const kept = generated.flatMap((c) => c.purchases).filter((p) => !(p.refund && !p.refund.amount));
    const expected = kept.map((p) => [...new Set(p.input.lines.map((l) => l.sku))].sort().join(' ')).sort();
    const baskets = await loadBaskets(s.db, { pageSize: 1000 }); // several pages
    expect(baskets.length).toBeGreaterThan(3000);
    expect(baskets.map((b) => [...b.skus].sort().join(' ')).sort()).toEqual(expected);
    expect(new Set(baskets.map((b) => b.customerId)).size).toBe(generated.filter((c) => c.purchases.some((p) => !(p.refund && !p.refund.amount))).length);
  });

  it('beats the most popular products at 10 on a time split', async () => {
    const report = await recommendations.evaluate({ cutoff: '2025-12-01', k: 10 });
    expect(report.customers).toBeGreaterThan(80);
    expect(report.model.customers).toBe(report.customers);
    expect(report.model.rate).toBeGreaterThan(report.most_popular.rate);
    expect(report.model_only).toBeGreaterThan(report.popular_only);
  });

  it('finds the local specialities bought with simit', async () => {
    // The generator fills a basket from one shop's shelves at one time of day, so a
    // basket with simit (Istanbul) holds Istanbul's specialities far more than others do.
    const simit = await recommendations.boughtTogether({ sku: 'BAK-SIM', limit: 3 });
    expect(simit).toMatchObject({ sku: 'BAK-SIM', name: 'Simit', category: 'bakery' });
    expect(simit.items).toHaveLength(3);
    const istanbul = new Set(PRODUCTS.filter((p) => p.local === 'istanbul').map((p) => p.sku));
    for (const item of simit.items) {
      expect(istanbul.has(item.sku), item.sku).toBe(true);
      expect(item.lift).toBeGreaterThan(1);
    }
    await expect(recommendations.boughtTogether({ sku: 'NOPE' })).rejects.toMatchObject({ kind: 'not_found' });
  });

  it("recommends a customer ten products they have not bought", async () => {
    const regular = await s.db.selectFrom('customer_stats').select('customer_id').orderBy('purchases_count', 'desc').limit(1).executeTakeFirstOrThrow();
    const bought = new Set((await s.db.selectFrom('purchase_lines').select('sku').where('customer_id', '=', regular.customer_id).execute()).map((r) => r.sku));
    const out = await recommendations.forCustomer({ customerId: regular.customer_id, limit: 10 });
    expect(out.products_bought).toBe(bought.size);
    expect(out.items).toHaveLength(10);
    expect(out.items.some((i) => i.source === 'co-purchase')).toBe(true);
    for (const item of out.items) expect(bought.has(item.sku)).toBe(false);
    expect(out.items.every((i) => i.name)).toBe(true);
  });
});
