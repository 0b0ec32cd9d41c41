// Product recommendations from co-purchases: association rules (support, confidence,
// lift) between SKUs, item-to-item. Pure functions over arrays, no I/O.
//
// Two kinds of "together", on purpose:
// - Bought together (a product page's "often bought with") counts per BASKET: two SKUs
//   are together when they are in one purchase. That is what the phrase means to a shop.
// - The next-best product for a customer counts per CUSTOMER: two SKUs are together when
//   one customer has bought both, on any visits. A customer's next new product is bought
//   on a later visit, so what predicts it is what the customer's whole history says about
//   them (their shop, their habits, their tastes), not what shared a tray with what they
//   had. On the demo business's time split the per-customer rules hit more often than
//   the same scoring on per-basket rules (75 % against 68 % at 10, docs/benchmarks.md).

export interface Basket {
  customerId: string;
  /** The purchase's local calendar date, YYYY-MM-DD. */
  date: string;
  /** The SKUs in the purchase, each once. */
  skus: readonly string[];
}

/** How often SKUs occur, alone and in pairs, in a set of transactions (baskets or customers). */
export interface CoPurchaseCounts {
  transactions: number;
  items: Map<string, number>;
  /** pairs.get(a).get(b) = pairs.get(b).get(a) = transactions holding both a and b. */
  pairs: Map<string, Map<string, number>>;
}

export interface Association {
  sku: string;
  /** Transactions holding both. */
  count: number;
  /** P(a and b) = count / transactions. */
  support: number;
  /** P(b | a) = count / transactions with a. */
  confidence: number;
  /** P(b | a) / P(b): 1 is independence, above 1 they go together. */
  lift: number;
}

export interface Recommendation {
  sku: string;
  score: number;
  /** co-purchase: from the customer's own products; popular: the fallback. */
  source: 'co-purchase' | 'popular';
}

export interface RecommenderOptions {
  /**
   * The least number of transactions holding a pair before it counts at all: a pair seen
   * in two baskets of two rare products has a huge lift that means nothing.
   */
  minCount?: number;
  /** The least support (share of transactions) a pair needs; the larger of the two minimums applies. */
  minSupport?: number;
}

const DEFAULT_MIN_COUNT = 5;
const DEFAULT_MIN_SUPPORT = 0.0005;

export function countCoPurchases(transactions: Iterable<Iterable<string>>): CoPurchaseCounts {
  const counts: CoPurchaseCounts = { transactions: 0, items: new Map(), pairs: new Map() };
  for (const transaction of transactions) {
    const skus = [...new Set(transaction)];
    counts.transactions++;
    for (const sku of skus) counts.items.set(sku, (counts.items.get(sku) ?? 0) + 1);
    for (let i = 0; i < skus.length; i++) {
      for (let j = i + 1; j < skus.length; j++) {
        bump(counts.pairs, skus[i], skus[j]);
        bump(counts.pairs, skus[j], skus[i]);
      }
    }
  }
  return counts;
}

function bump(pairs: Map<string, Map<string, number>>, a: string, b: string) {
  let row = pairs.get(a);
  if (!row) pairs.set(a, (row = new Map()));
  row.set(b, (row.get(b) ?? 0) + 1);
}

const minPairCount = (counts: CoPurchaseCounts, options: RecommenderOptions) =>
  Math.max(1, options.minCount ?? DEFAULT_MIN_COUNT, Math.ceil((options.minSupport ?? DEFAULT_MIN_SUPPORT) * counts.transactions));

/** The SKUs that go with `sku`, strongest lift first (then confidence, then SKU), pairs below the minimum left out. */
export function associationsOf(counts: CoPurchaseCounts, sku: string, options: RecommenderOptions = {}): Association[] {
  const n = counts.transactions;
  const withA = counts.items.get(sku) ?? 0;
  const min = minPairCount(counts, options);
  const out: Association[] = [];
  for (const [other, count] of counts.pairs.get(sku) ?? []) {
    if (count < min) continue;
    const confidence = count / withA;
    out.push({ sku: other, count, support: count / n, confidence, lift: confidence / (counts.items.get(other)! / n) });
  }
  return out.sort((x, y) => y.lift - x.lift || y.confidence - x.confidence || compare(x.sku, y.sku));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** SKUs by the number of transactions holding them, most first (ties by SKU). */
export function popularity(counts: CoPurchaseCounts): { sku: string; count: number }[] {
  return [...counts.items].map(([sku, count]) => ({ sku, count })).sort((a, b) => b.count - a.count || compare(a.sku, b.sku));
}

export interface Pair extends Association {
  /** The SKU the rule starts from (the more popular of the two, so each pair shows once). */
  from: string;
}

/** The pairs with the highest lift over all products, each pair once, pairs below the minimum left out. */
export function strongestPairs(counts: CoPurchaseCounts, k: number, options: RecommenderOptions = {}): Pair[] {
  const pairs: Pair[] = [];
  for (const sku of counts.items.keys()) {
    const n = counts.items.get(sku)!;
    for (const a of associationsOf(counts, sku, options)) {
      const m = counts.items.get(a.sku)!;
      if (n > m || (n === m && sku < a.sku)) pairs.push({ from: sku, ...a });
    }
  }
  return pairs.sort((x, y) => y.lift - x.lift || y.count - x.count || compare(x.from, y.from) || compare(x.sku, y.sku)).slice(0, k);
}

export interface Recommender {
  /** Baskets and customers the model was trained on. */
  baskets: number;
  customers: number;
  /** Baskets holding the SKU; 0 for a product never bought. */
  basketsWith(sku: string): number;
  /** What is bought in the same basket as the SKU more often than by chance, by lift. */
  productsBoughtTogether(sku: string, k: number): Association[];
  /** The strongest basket pairs of the whole business, by lift. */
  strongestPairs(k: number): Pair[];
  /** For a customer who has bought `history`: products they have not bought, best first. */
  nextBestProducts(history: Iterable<string>, k: number): Recommendation[];
  /** The baseline: the most popular products the customer has not bought. */
  mostPopular(history: Iterable<string>, k: number): Recommendation[];
}

export function trainRecommender(baskets: readonly Basket[], options: RecommenderOptions = {}): Recommender {
  const perBasket = countCoPurchases(baskets.map((b) => b.skus));
  const perCustomer = countCoPurchases(customerHistories(baskets).values());
  // Popularity by reach (customers who bought it) for the fallback and the baseline: a
  // product one office orders every day is not popular. By baskets it scores the same
  // on the demo business (docs/benchmarks.md).
  const popular = popularity(perCustomer);
  const cache = new Map<string, Association[]>();
  const rulesFrom = (sku: string) => {
    let rules = cache.get(sku);
    if (!rules) cache.set(sku, (rules = associationsOf(perCustomer, sku, options)));
    return rules;
  };

  const mostPopular = (history: Iterable<string>, k: number): Recommendation[] => {
    const owned = new Set(history);
    return popular.filter((p) => !owned.has(p.sku)).slice(0, k)
      .map((p) => ({ sku: p.sku, score: p.count / perCustomer.transactions, source: 'popular' as const }));
  };

  return {
    baskets: perBasket.transactions,
    customers: perCustomer.transactions,
    basketsWith: (sku) => perBasket.items.get(sku) ?? 0,
    // Only lift above 1: a pair bought together less often than by chance is not "bought together".
    productsBoughtTogether: (sku, k) => associationsOf(perBasket, sku, options).filter((a) => a.lift > 1).slice(0, k),
    strongestPairs: (k) => strongestPairs(perBasket, k, options),
    mostPopular,
    nextBestProducts(history, k) {
      const owned = new Set(history);
      // Each product the customer has votes for the products that go with it (lift above
      // 1: more customers with it have them than customers at large) by the rule's
      // confidence, the share of its buyers who also bought the candidate. Confidence
      // ranks and lift only admits: ranking by summed lift, or confidence × log lift,
      // pushes rare products to the top and lost to popularity on the time split.
      const scores = new Map<string, number>();
      for (const sku of owned) {
        for (const rule of rulesFrom(sku)) {
          if (rule.lift > 1 && !owned.has(rule.sku)) scores.set(rule.sku, (scores.get(rule.sku) ?? 0) + rule.confidence);
        }
      }
      const ranked: Recommendation[] = [...scores].map(([sku, score]) => ({ sku, score, source: 'co-purchase' as const }))
        .sort((a, b) => b.score - a.score || compare(a.sku, b.sku))
        .slice(0, k);
      if (ranked.length < k) ranked.push(...mostPopular([...owned, ...ranked.map((r) => r.sku)], k - ranked.length));
      return ranked;
    },
  };
}

/** Each customer's SKUs, over all their baskets. */
export function customerHistories(baskets: readonly Basket[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const b of baskets) {
    let skus = out.get(b.customerId);
    if (!skus) out.set(b.customerId, (skus = new Set()));
    for (const sku of b.skus) skus.add(sku);
  }
  return out;
}

export interface HitRate {
  hits: number;
  customers: number;
  rate: number;
  /** 95 % Wilson score interval of the rate. */
  low: number;
  high: number;
}

export interface HitRateReport {
  k: number;
  /** Train on baskets dated before it, test on those from it on. */
  cutoff: string;
  train_baskets: number;
  train_customers: number;
  /** The test: customers who bought before the cut-off and bought a product new to them from it on. */
  customers: number;
  model: HitRate;
  most_popular: HitRate;
  /** Customers only the model hit, and only the baseline hit (the discordant pairs). */
  model_only: number;
  popular_only: number;
  /** Exact two-sided McNemar test: the chance of a split this uneven if both hit equally often. */
  p_value: number;
}

/**
 * Hit rate at k on a time split: train on the baskets before the cut-off; for every
 * customer who then buys a product new to them, recommend k products they have not
 * bought, and count a hit when any of them is among the new ones. The same for the
 * most popular products they have not bought, the baseline.
 */
export function hitRateAt({ baskets, cutoff, k = 10, options = {} }: { baskets: readonly Basket[]; cutoff: string; k?: number; options?: RecommenderOptions }): HitRateReport {
  const train = baskets.filter((b) => b.date < cutoff);
  const before = customerHistories(train);
  const after = customerHistories(baskets.filter((b) => b.date >= cutoff));
  const recommender = trainRecommender(train, options);
  let [customers, modelHits, popularHits, modelOnly, popularOnly] = [0, 0, 0, 0, 0];
  for (const [customerId, bought] of after) {
    const history = before.get(customerId);
    if (!history) continue;
    const fresh = new Set([...bought].filter((sku) => !history.has(sku)));
    if (fresh.size === 0) continue;
    customers++;
    const model = recommender.nextBestProducts(history, k).some((r) => fresh.has(r.sku));
    const popular = recommender.mostPopular(history, k).some((r) => fresh.has(r.sku));
    modelHits += Number(model);
    popularHits += Number(popular);
    modelOnly += Number(model && !popular);
    popularOnly += Number(popular && !model);
  }
  return {
    k,
    cutoff,
    train_baskets: recommender.baskets,
    train_customers: recommender.customers,
    customers,
    model: hitRate(modelHits, customers),
    most_popular: hitRate(popularHits, customers),
    model_only: modelOnly,
    popular_only: popularOnly,
    p_value: mcNemar(modelOnly, popularOnly),
  };
}

export function hitRate(hits: number, customers: number): HitRate {
  if (customers === 0) return { hits, customers, rate: 0, low: 0, high: 1 };
  const z = 1.959964;
  const p = hits / customers;
  const denominator = 1 + (z * z) / customers;
  const centre = (p + (z * z) / (2 * customers)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / customers + (z * z) / (4 * customers * customers))) / denominator;
  return { hits, customers, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Exact two-sided McNemar p-value from the discordant counts: 2·P(X ≤ min) for X ~ Binomial(b + c, ½). */
export function mcNemar(b: number, c: number): number {
  const n = b + c;
  if (n === 0) return 1;
  let logTerm = n * Math.log(0.5); // log C(n, 0) ½ⁿ, in logs so large n does not underflow to 0 too early
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= Math.min(b, c); i++) {
    logTerm += Math.log(n - i + 1) - Math.log(i);
    tail += Math.exp(logTerm);
  }
  return Math.min(1, 2 * tail);
}
