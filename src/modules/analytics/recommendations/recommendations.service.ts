import type { Db } from '../../../db/index.ts';
import { systemClock, type Clock } from '../../../shared/clock.ts';
import { isAppError, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { parseInput } from '../../../shared/validation.ts';
import { customerNotFound, customerToRead, type CustomerService } from '../../customers/index.ts';
import { hitRateAt, trainRecommender, type HitRateReport, type Recommender, type RecommenderOptions } from './recommend.ts';
import { customerSkus, loadBaskets, productCatalogue, type Product } from './recommendations.repository.ts';
import { EvaluationQuery } from './recommendations.schema.ts';

// Recommendations for the API and the CLI. Training reads every basket, so the model is
// kept in memory and trained again when older than `maxAgeMs`: a product page or a
// customer card then costs one small query (the customer's SKUs), not a pass over all
// purchases. Requests that arrive while it trains wait for the same training.

export interface ProductAssociation extends Product {
  count: number;
  support: number;
  confidence: number;
  lift: number;
}

export interface BoughtTogether extends Product {
  /** Baskets holding the product. */
  baskets: number;
  items: ProductAssociation[];
  trained_at: string;
}

export interface CustomerRecommendations {
  customer_id: string;
  /** Products the customer has bought (never recommended to them). */
  products_bought: number;
  items: (Product & { score: number; source: 'co-purchase' | 'popular' })[];
  trained_at: string;
}

interface Model {
  recommender: Recommender;
  catalogue: Map<string, Product>;
  trainedAt: Date;
}

export type RecommendationService = ReturnType<typeof createRecommendationService>;

export function createRecommendationService({ db, clock = systemClock, maxAgeMs = 15 * 60_000, options = {} }: { db: Db; clock?: Clock; maxAgeMs?: number; options?: RecommenderOptions }) {
  let current: Promise<Model> | undefined;
  let trainedAt = 0;

  const model = (): Promise<Model> => {
    if (current && clock.now().getTime() - trainedAt < maxAgeMs) return current;
    trainedAt = clock.now().getTime();
    const training = (async () => {
      const [baskets, catalogue] = [await loadBaskets(db), await productCatalogue(db)];
      return { recommender: trainRecommender(baskets, options), catalogue, trainedAt: new Date(trainedAt) };
    })();
    current = training;
    training.catch(() => {
      if (current === training) current = undefined; // the next request tries again
    });
    return training;
  };

  const product = (m: Model, sku: string): Product => m.catalogue.get(sku) ?? { sku, name: null, category: null };

  return {
    async boughtTogether({ sku, limit = 10 }: { sku: string; limit?: number }): Promise<BoughtTogether> {
      const m = await model();
      const baskets = m.recommender.basketsWith(sku);
      if (baskets === 0) throw notFound(say('product.not_found', { sku }));
      return {
        ...product(m, sku),
        baskets,
        items: m.recommender.productsBoughtTogether(sku, limit).map((a) => ({ ...product(m, a.sku), count: a.count, support: a.support, confidence: a.confidence, lift: a.lift })),
        trained_at: m.trainedAt.toISOString(),
      };
    },

    /** The customer must exist; the caller checks (the customers module owns that). */
    async forCustomer({ customerId, limit = 10 }: { customerId: string; limit?: number }): Promise<CustomerRecommendations> {
      const [m, history] = await Promise.all([model(), customerSkus(db, customerId)]);
      return {
        customer_id: customerId,
        products_bought: history.length,
        items: m.recommender.nextBestProducts(history, limit).map((r) => ({ ...product(m, r.sku), score: r.score, source: r.source })),
        trained_at: m.trainedAt.toISOString(),
      };
    },

    async strongestPairs({ limit = 10 }: { limit?: number } = {}) {
      const m = await model();
      return m.recommender.strongestPairs(limit).map((p) => ({ from: product(m, p.from), to: product(m, p.sku), count: p.count, support: p.support, confidence: p.confidence, lift: p.lift }));
    },

    /** Hit rate at k of the model and of the most popular products, on a split at `cutoff` (fresh data, not the cached model). */
    async evaluate(input: EvaluationQuery): Promise<HitRateReport> {
      const { cutoff, k } = parseInput(EvaluationQuery, input, 'query');
      return hitRateAt({ baskets: await loadBaskets(db), cutoff, k, options });
    },
  };
}

/**
 * The next-best products of a customer named by id or by external id, as a person types
 * it (the CLI, the API). A merged id stands for the customer it was merged into, through
 * chains (customerToRead), whose id the answer carries: a till or an app may hold an id
 * from before the merge. Not found for an unknown or erased customer, rather than the most
 * popular products.
 */
export async function recommendationsForCustomer(
  { db, customers, recommendations }: { db: Db; customers: Pick<CustomerService, 'get' | 'findByIdentity'>; recommendations: RecommendationService },
  { customer, limit }: { customer: string; limit?: number },
): Promise<CustomerRecommendations> {
  return recommendations.forCustomer({ customerId: await resolveCustomer(db, customers, customer), limit });
}

async function resolveCustomer(db: Db, customers: Pick<CustomerService, 'get' | 'findByIdentity'>, ref: string): Promise<string> {
  let gone: Awaited<ReturnType<typeof customerToRead>> | undefined;
  if (isUuid(ref)) {
    // An id of no customer (or an erased one's) may still be an external id that looks like one.
    try {
      const found = await customerToRead(db, ref);
      if (found.status === 'active') return found.id;
      gone = found;
    } catch (error) {
      if (!isAppError(error) || error.kind !== 'not_found') throw error;
    }
  }
  const id = await customers.findByIdentity({ kind: 'external_id', value: ref });
  if (!id) throw customerNotFound(ref, gone);
  return (await customers.get(id)).id; // not found for an erased or merged customer
}
