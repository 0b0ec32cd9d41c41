import { describe, expect, it } from 'vitest';
import { associationsOf, countCoPurchases, hitRate, hitRateAt, mcNemar, strongestPairs, trainRecommender, type Basket } from './recommend.ts';

const basket = (customerId: string, skus: string[], date = '2026-01-10'): Basket => ({ customerId, date, skus });
const EVERY_PAIR = { minCount: 1, minSupport: 0 };

describe('co-purchase rules', () => {
  // Six baskets: A B · A B C · A C · B D · D · A B
  // baskets with A 4, B 4, C 2, D 2; with A and B 3, A and C 2, B and C 1, B and D 1.
  const counts = countCoPurchases([['A', 'B'], ['A', 'B', 'C'], ['A', 'C'], ['B', 'D'], ['D'], ['A', 'B', 'A']]);

  it('counts items and pairs per transaction, a SKU twice in one basket once', () => {
    expect(counts.transactions).toBe(6);
    expect(Object.fromEntries(counts.items)).toEqual({ A: 4, B: 4, C: 2, D: 2 });
    expect(counts.pairs.get('A')!.get('B')).toBe(3);
    expect(counts.pairs.get('B')!.get('A')).toBe(3);
    expect(counts.pairs.get('C')!.get('D')).toBeUndefined();
  });

  it('has support, confidence and lift worked out by hand', () => {
    // A → C: support 2/6; confidence P(C|A) = 2/4 = 0.5; lift 0.5 / P(C) = 0.5 / (2/6) = 1.5
    // A → B: support 3/6; confidence 3/4 = 0.75;         lift 0.75 / (4/6) = 1.125
    // C is bought with A less often than B is, but far more than C alone: lift ranks it first.
    const fromA = associationsOf(counts, 'A', EVERY_PAIR);
    expect(fromA.map((a) => a.sku)).toEqual(['C', 'B']);
    expect(fromA[0]).toMatchObject({ sku: 'C', count: 2, support: 2 / 6, confidence: 0.5 });
    expect(fromA[0].lift).toBeCloseTo(1.5, 12);
    expect(fromA[1]).toMatchObject({ sku: 'B', count: 3, support: 0.5, confidence: 0.75 });
    expect(fromA[1].lift).toBeCloseTo(1.125, 12);
    // B → A 1.125; B → C: (1/4) / (2/6) = 0.75, B → D the same: equal lift and confidence, by SKU.
    expect(associationsOf(counts, 'B', EVERY_PAIR).map((a) => [a.sku, +a.lift.toFixed(4)])).toEqual([['A', 1.125], ['C', 0.75], ['D', 0.75]]);
  });

  it('leaves out pairs below the minimum support, so two rare products do not top the list', () => {
    // A and C are together in 2 baskets: under a minimum of 3 only A → B (3 baskets) is left.
    expect(associationsOf(counts, 'A', { minCount: 3, minSupport: 0 }).map((a) => a.sku)).toEqual(['B']);
    // As a share: 0.5 of 6 baskets is 3 again.
    expect(associationsOf(counts, 'A', { minCount: 1, minSupport: 0.5 }).map((a) => a.sku)).toEqual(['B']);
    expect(associationsOf(counts, 'X', EVERY_PAIR)).toEqual([]);
  });

  it('lists the strongest pairs once each', () => {
    // A–C 1.5, A–B 1.125, then B–C and B–D at 0.75 (each from the more popular side).
    expect(strongestPairs(counts, 10, EVERY_PAIR).map((p) => `${p.from}-${p.sku}`)).toEqual(['A-C', 'A-B', 'B-C', 'B-D']);
  });
});

describe('recommender', () => {
  // Customers: c1 bought A, then C on another visit; c2 B C; c3 A D; c4 B E; c5 D; c6 E; c7 F; c8 F.
  // Per customer (8): A 2, B 2, C 2, D 2, E 2, F 2; pairs A–C, B–C, A–D, B–E once each.
  const baskets = [
    basket('c1', ['A']), basket('c1', ['C'], '2026-01-20'), basket('c2', ['B', 'C']), basket('c3', ['A', 'D']),
    basket('c4', ['B', 'E']), basket('c5', ['D']), basket('c6', ['E']), basket('c7', ['F']), basket('c8', ['F']),
  ];
  const recommender = trainRecommender(baskets, EVERY_PAIR);

  it('counts bought-together per basket: A and C on two visits are not bought together', () => {
    expect(recommender.baskets).toBe(9);
    expect(recommender.customers).toBe(8);
    // Baskets (9): A 2, D 2; A and D in one: confidence 1/2, lift (1/2) / (2/9) = 2.25.
    const together = recommender.productsBoughtTogether('A', 5);
    expect(together.map((a) => a.sku)).toEqual(['D']);
    expect(together[0].lift).toBeCloseTo(2.25, 12);
    expect(recommender.basketsWith('A')).toBe(2);
    expect(recommender.basketsWith('Z')).toBe(0);
  });

  it('scores next-best products by summed confidence of the rules from what the customer has', () => {
    // Per customer, every rule here has confidence 1/2 and lift (1/2) / (2/8) = 2:
    // A → C, A → D, B → C, B → E. For someone with A and B: C = 1/2 + 1/2 = 1, D = 1/2,
    // E = 1/2; then the most popular product not yet listed, F (2 of 8 customers).
    const next = recommender.nextBestProducts(['A', 'B'], 4);
    expect(next.map((r) => [r.sku, r.score, r.source])).toEqual([['C', 1, 'co-purchase'], ['D', 0.5, 'co-purchase'], ['E', 0.5, 'co-purchase'], ['F', 0.25, 'popular']]);
    expect(recommender.nextBestProducts(['A', 'B'], 1).map((r) => r.sku)).toEqual(['C']);
  });

  it('never recommends what the customer has, and falls back to popularity', () => {
    expect(recommender.nextBestProducts(['A', 'C', 'D'], 10).map((r) => r.sku)).not.toContain('A');
    // Nothing goes with F: the most popular (all tied at 2, so by SKU) that F's buyer lacks.
    expect(recommender.nextBestProducts(['F'], 3).map((r) => [r.sku, r.source])).toEqual([['A', 'popular'], ['B', 'popular'], ['C', 'popular']]);
    expect(recommender.nextBestProducts([], 2).map((r) => r.sku)).toEqual(['A', 'B']);
    // Rules seen once are below a minimum of 2 customers: popularity only.
    const strict = trainRecommender(baskets, { minCount: 2, minSupport: 0 });
    expect(strict.nextBestProducts(['A', 'B'], 4).every((r) => r.source === 'popular')).toBe(true);
  });

  it('admits a rule only when its lift is above 1', () => {
    // Per customer (4): A 2, B 4; A → B has confidence 1 but lift 1 / (4/4) = 1: everyone has B,
    // so having A says nothing. B is still offered, as the most popular product.
    const r = trainRecommender([basket('x', ['A', 'B']), basket('y', ['A', 'B']), basket('z', ['B']), basket('w', ['B'])], EVERY_PAIR);
    expect(r.nextBestProducts(['A'], 1)).toEqual([{ sku: 'B', score: 1, source: 'popular' }]);
    // Per basket the same: A and B are not "bought together", however often they share a basket.
    expect(r.productsBoughtTogether('A', 5)).toEqual([]);
  });
});

describe('hit rate at k on a time split', () => {
  // Before the cut-off, per customer: c1 A C, c2 B C, c3 A D, c4 B E, c10 B E, c5 D, c6 E,
  // c7 c8 c9 c11 c12 F; t1 B, t2 A, t3 C. 15 customers: A 3, B 4, C 3, D 2, E 3, F 5.
  // From the cut-off on: t1 buys E (new) and B; t2 buys F (new); t3 only C again (not
  // tested: nothing new); t4 is new (not tested: no history to recommend from).
  const before = [
    basket('c1', ['A', 'C']), basket('c2', ['B', 'C']), basket('c3', ['A', 'D']), basket('c4', ['B', 'E']), basket('c10', ['B', 'E']),
    basket('c5', ['D']), basket('c6', ['E']), ...['c7', 'c8', 'c9', 'c11', 'c12'].map((c) => basket(c, ['F'])),
    basket('t1', ['B']), basket('t2', ['A']), basket('t3', ['C']),
  ];
  const after = [basket('t1', ['E', 'B'], '2026-03-01'), basket('t2', ['F'], '2026-04-02'), basket('t3', ['C'], '2026-03-05'), basket('t4', ['A'], '2026-03-05')];

  it('counts a hit when a recommended product is among those new to the customer', () => {
    // t1 has B: B → E confidence 2/4, lift (2/4) / (3/15) = 2.5; B → C 1/4, lift (1/4) / (3/15) = 1.25.
    //   The model's first is E: a hit. The most popular t1 lacks is F (5): a miss.
    // t2 has A: A → C and A → D both confidence 1/3 (lifts 5/3 and 2.5): C first by SKU, a miss.
    //   The most popular is F: a hit.
    const report = hitRateAt({ baskets: [...after, ...before], cutoff: '2026-03-01', k: 1, options: EVERY_PAIR });
    expect(report).toMatchObject({ k: 1, cutoff: '2026-03-01', train_baskets: 15, train_customers: 15, customers: 2, model_only: 1, popular_only: 1, p_value: 1 });
    expect(report.model).toMatchObject({ hits: 1, customers: 2, rate: 0.5 });
    expect(report.most_popular).toMatchObject({ hits: 1, customers: 2, rate: 0.5 });
  });

  it('has a Wilson interval and an exact McNemar test', () => {
    // 8 of 10: the Wilson 95 % interval is 0.490 … 0.943.
    const r = hitRate(8, 10);
    expect([r.rate, +r.low.toFixed(3), +r.high.toFixed(3)]).toEqual([0.8, 0.49, 0.943]);
    expect(hitRate(0, 0)).toMatchObject({ rate: 0, low: 0, high: 1 });
    // 0 against 6: 2 · (1/2)^6 = 0.03125. 2 against 8: 2 · (1 + 10 + 45) / 1024 = 0.109375.
    expect(mcNemar(0, 6)).toBeCloseTo(0.03125, 12);
    expect(mcNemar(8, 2)).toBeCloseTo(0.109375, 12);
    expect(mcNemar(0, 0)).toBe(1);
    expect(mcNemar(5000, 5100)).toBeGreaterThan(0.3);
  });
});
