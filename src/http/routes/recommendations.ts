import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { EvaluationQuery, recommendationsForCustomer } from '../../modules/analytics/index.ts';
import type { Services } from '../../services.ts';
import { parseInput } from '../../shared/validation.ts';
import { answerFollowingMerges, followsMerges, route, unknownCustomer } from '../route.ts';
import { BoughtTogether, CustomerRecommendations, ProductPairs, RecommendationEvaluation } from '../responses/recommendations.ts';

const Limit = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export function recommendationRoutes(app: FastifyInstance, s: Services, prefix: string) {
  // One model per server, trained on the first request and again when it is 15 minutes old.
  const { recommendations } = s;

  route(app, prefix, {
    method: 'GET', path: '/products/:sku/bought-together', tag: 'recommendations', scope: 'read',
    summary: 'Products bought in the same basket as this one more often than by chance, by lift (pairs in fewer than 5 baskets left out)',
    query: Limit, responses: { 200: { description: 'The product and its companions, by lift', schema: BoughtTogether }, 404: 'No basket holds the product', 422: 'Invalid limit' },
    handler: async (req) => {
      const { limit } = parseInput(Limit, req.query, 'query');
      return recommendations.boughtTogether({ sku: (req.params as { sku: string }).sku, limit });
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/recommendations', tag: 'recommendations', scope: 'read',
    summary: "Next-best products for the customer (by id or external id), none they have bought: from what customers with the same products bought, else the most popular",
    description: followsMerges("the surviving customer's, from everything the person bought"),
    query: Limit, responses: { 200: { description: 'The products, best first', schema: CustomerRecommendations }, 404: unknownCustomer(), 422: 'Invalid limit' },
    handler: async (req, reply) => {
      const { limit } = parseInput(Limit, req.query, 'query');
      const { id } = req.params as { id: string };
      return answerFollowingMerges(req, reply, id, await recommendationsForCustomer(s, { customer: id, limit }));
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/recommendations/pairs', tag: 'recommendations', scope: 'read',
    summary: 'The pairs of products bought in the same basket most often relative to chance, by lift (pairs in fewer than 5 baskets left out)',
    query: Limit, responses: { 200: { description: 'The pairs, by lift', schema: ProductPairs }, 422: 'Invalid limit' },
    handler: async (req) => {
      const { limit } = parseInput(Limit, req.query, 'query');
      return { items: await recommendations.strongestPairs({ limit }) };
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/recommendations/evaluation', tag: 'recommendations', scope: 'read',
    summary:
      'Hit rate at k of the recommendations against the k most popular products on a time split: trained on the baskets before cutoff, tested on the customers who bought before it ' +
      'and bought a product new to them from it on (a hit: one of the k is among those), each with its 95 % interval, and the exact McNemar test of the difference. Trains a model of its own: seconds on a large business.',
    query: EvaluationQuery, responses: { 200: { description: 'Both hit rates and the test of their difference', schema: RecommendationEvaluation }, 422: 'Invalid cutoff or k' },
    handler: async (req) => recommendations.evaluate(req.query as EvaluationQuery),
  });
}
