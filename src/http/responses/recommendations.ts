import { z } from 'zod';
import { Count, Id, Instant, LocalDate, list } from './common.ts';

// What the recommendations answer (analytics/recommendations/).

const Product = z.strictObject({ sku: z.string(), name: z.string().nullable(), category: z.string().nullable() });
const Association = {
  count: Count.describe('Baskets holding both'),
  support: z.number().describe('count ÷ baskets'),
  confidence: z.number().describe('P(this | the product asked about)'),
  lift: z.number().describe('confidence ÷ P(this): above 1 they go together'),
};

export const BoughtTogether = Product.extend({
  baskets: Count.describe('Baskets holding the product'),
  items: z.array(Product.extend(Association)),
  trained_at: Instant,
});

export const CustomerRecommendations = z.strictObject({
  customer_id: Id,
  products_bought: Count.describe('Products the customer has bought (never recommended to them)'),
  items: z.array(Product.extend({ score: z.number(), source: z.enum(['co-purchase', 'popular']) })),
  trained_at: Instant,
});

export const ProductPairs = list(z.strictObject({ from: Product, to: Product }).extend(Association));

const HitRate = z.strictObject({ hits: Count, customers: Count, rate: z.number(), low: z.number(), high: z.number() }).describe('With its 95 % Wilson interval');

export const RecommendationEvaluation = z.strictObject({
  k: Count,
  cutoff: LocalDate,
  train_baskets: Count,
  train_customers: Count,
  customers: Count.describe('The test: customers who bought before the cut-off and a product new to them from it on'),
  model: HitRate,
  most_popular: HitRate,
  model_only: Count,
  popular_only: Count,
  p_value: z.number().describe("Exact two-sided McNemar test of the difference"),
});
