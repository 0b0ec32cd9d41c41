import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services.ts';
import { parseInput } from '../../shared/validation.ts';
import { route } from '../route.ts';

const Limit = z.object({ limit: z.coerce.number().int().min(1).max(100).default(10) });

export function recommendationRoutes(app: FastifyInstance, s: Services, prefix: string) {
  // One model per server, trained on the first request and again when it is 15 minutes old.
  const { recommendations } = s;

  route(app, prefix, {
    method: 'GET', path: '/products/:sku/bought-together', tag: 'recommendations', scope: 'read',
    summary: 'Products bought in the same basket as this one more often than by chance, by lift (pairs in fewer than 5 baskets left out)',
    query: Limit, responses: { 200: '{ sku, name, category, baskets, items: [{ sku, name, category, count, support, confidence, lift }], trained_at }', 404: 'No basket holds the product', 422: 'Invalid limit' },
    handler: async (req) => {
      const { limit } = parseInput(Limit, req.query, 'query');
      return recommendations.boughtTogether({ sku: (req.params as { sku: string }).sku, limit });
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/recommendations', tag: 'recommendations', scope: 'read',
    summary: "Next-best products for the customer, none they have bought: from what customers with the same products bought, else the most popular",
    query: Limit, responses: { 200: '{ customer_id, products_bought, items: [{ sku, name, category, score, source }], trained_at }', 404: 'Unknown, erased or merged customer', 422: 'Invalid limit' },
    handler: async (req) => {
      const { limit } = parseInput(Limit, req.query, 'query');
      const id = (req.params as { id: string }).id;
      await s.customers.get(id); // 404 for an unknown customer rather than the most popular products
      return recommendations.forCustomer({ customerId: id, limit });
    },
  });
}
