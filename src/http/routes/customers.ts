import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf, sourceOf } from '../../modules/auth/index.ts';
import { CustomerInput, CustomerPatch, CustomerSearch, MergeInput } from '../../modules/customers/index.ts';
import type { Services } from '../../services.ts';
import { eraseCustomer, exportCustomer, mergeCustomers } from '../../workflows/customer-lifecycle.ts';
import { listCustomers } from '../../workflows/customer-list.ts';
import { answerFollowingMerges, followsMerges, MERGED_REFUSED, route, unknownCustomer } from '../route.ts';
import { withFields } from '../../shared/objects.ts';
import { parseInput } from '../../shared/validation.ts';
import { CustomerExport } from '../responses/customer-export.ts';
import { CustomerPage, CustomerWithStats, ErasureResult, MergedHolding, MergeResult } from '../responses/customers.ts';
import { PurchasePage } from '../responses/purchases.ts';

type IdParams = { id: string };
const Page = z.object({ limit: z.coerce.number().int().min(1).max(200).default(20), cursor: z.string().optional() });
const MergedQuery = z.strictObject({ identity: z.string().trim().min(1).max(320).describe('An email, phone number or card id (external_id), as a search takes one') });

export function customerRoutes(app: FastifyInstance, s: Services, prefix: string) {
  const withStats = async (id: string) => withFields(await s.customers.get(id), { stats: await s.commerce.statsOf(id) });

  route(app, prefix, {
    method: 'POST', path: '/customers', tag: 'customers', scope: 'write',
    summary: 'Create a customer, or update the one its identities name: the external_id\'s holder, else the email\'s, else the phone\'s unless it is held by a customer of another email than the one given (a shared phone stays theirs and is stored on this customer\'s profile)',
    body: CustomerInput,
    responses: {
      201: { description: 'Created', schema: CustomerWithStats },
      200: { description: 'Updated an existing customer', schema: CustomerWithStats },
      409: 'The identities name two different customers',
      422: 'Invalid input',
    },
    handler: async (req, reply, p) => {
      const { customer, created } = await s.customers.upsert(req.body, { actor: actorOf(p), source: sourceOf(p) });
      return reply.code(created ? 201 : 200).send(withFields(customer, { stats: await s.commerce.statsOf(customer.id) }));
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers', tag: 'customers', scope: 'read',
    summary: 'Search customers (query matches name, email, phone, card id; exact identities are looked up directly)',
    description: 'Each customer as GET /customers/{id} answers it, with `stats`, and with `loyalty`: the points a member can spend now and their tier (what a customers list shows beside the name). '
      + 'With `first_purchase_at`, `customer_since` and `member_since`, the dates a customer imported with a history of purchases has been a customer and a member (not `created_at`, the day of the import).',
    query: CustomerSearch, responses: { 200: { description: 'A page of customers, newest record (created_at) first', schema: CustomerPage } },
    handler: async (req) => listCustomers(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id', tag: 'customers', scope: 'read', summary: 'A customer with identities, consent and running stats',
    responses: { 200: { description: 'The customer', schema: CustomerWithStats }, 404: 'Unknown, erased or merged; for a merged id the problem\'s `merged_into` is the id of the customer it was merged into and `merged_at` when, for an erased one its `erased_at` when' },
    handler: async (req) => withStats((req.params as IdParams).id),
  });

  route(app, prefix, {
    method: 'PATCH', path: '/customers/:id', tag: 'customers', scope: 'write', summary: 'Change profile fields; null clears a field',
    body: CustomerPatch, responses: { 200: { description: 'The customer', schema: CustomerWithStats }, 404: 'Unknown', 409: 'An identity belongs to another customer', 422: 'Invalid input' },
    handler: async (req, _reply, p) => {
      const id = (req.params as IdParams).id;
      await s.customers.patch(id, req.body, { actor: actorOf(p), source: sourceOf(p) });
      return withStats(id);
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/purchases', tag: 'customers', scope: 'read', summary: "The customer's purchases, newest first",
    description: followsMerges("the surviving customer's purchases (the merged customer's among them: the merge moved them)"),
    query: Page, responses: { 200: { description: 'A page of purchases', schema: PurchasePage }, 404: unknownCustomer() },
    handler: async (req, reply) => {
      const id = (req.params as IdParams).id;
      return answerFollowingMerges(req, reply, id, await s.commerce.listForCustomer(id, parseInput(Page, req.query ?? {}, 'query')));
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/customers/:id/merge', tag: 'customers', scope: 'write',
    summary: 'Merge another customer (`from`) into this one: identities, purchases and history move here',
    description: 'Safe to retry: the same merge sent again once it succeeded changes nothing and answers as it did (what it moved, the survivor as it is now — or, merged on into another customer since, that customer), with `Idempotent-Replayed: true`.',
    body: MergeInput,
    responses: {
      200: { description: 'The survivor, and what moved to it', schema: MergeResult },
      404: 'Unknown customer (this one, or `from`), or this one merged into another (unless `from` was merged into this one: then the merge is answered again)',
      409: '`from` was merged into another customer already, or has a checkout reservation in progress',
      422: 'Invalid input',
    },
    handler: async (req, reply, p) => {
      const { customer, moved, replayed } = await mergeCustomers(s, (req.params as IdParams).id, req.body, { actor: actorOf(p) });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return { customer, moved };
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/merged', tag: 'customers', scope: 'read',
    summary: 'The customer merged into this one from whom a merge moved an identity (`identity`): into whom and when',
    description: 'A merge moves the merged customer\'s identities here, so its email or card finds this customer since: this tells one this customer got by a merge from one that was theirs anyway (no item), '
      + 'as `regulars customers merge` does to answer a merge run again by the duplicate\'s email or card as done before. Merges into customers merged into this one count too (`merged_into` names which).',
    query: MergedQuery,
    responses: { 200: { description: 'The customer merged, if one was', schema: MergedHolding }, 404: unknownCustomer('Unknown customer', MERGED_REFUSED), 422: 'Invalid query' },
    handler: async (req) => {
      const merged = await s.customers.mergedHolding((req.params as IdParams).id, parseInput(MergedQuery, req.query ?? {}, 'query').identity);
      return { items: merged ? [withFields(merged, { merged_at: merged.merged_at.toISOString() })] : [] };
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/export', tag: 'customers', scope: 'read', summary: 'Everything stored about the customer, as JSON (data access request); recorded in the activity log as `customer.export` with who asked',
    responses: { 200: { description: 'The export (an attachment: customer-{id}.json)', schema: CustomerExport } },
    handler: async (req, reply, p) => {
      const id = (req.params as IdParams).id;
      reply.header('content-disposition', `attachment; filename="customer-${id}.json"`);
      return exportCustomer(s, id, { actor: actorOf(p) });
    },
  });

  route(app, prefix, {
    method: 'DELETE', path: '/customers/:id', tag: 'customers', scope: 'admin',
    summary: 'Erase a customer: personal data is removed, anonymous purchases and totals stay',
    description: 'Answers what the erasure did, from its own transaction: when, the loyalty points it forfeited and those an open checkout reservation still held. '
      + 'Earlier versions answered 204 with no body: a client that only checks for success is unaffected.',
    responses: { 200: { description: 'Erased', schema: ErasureResult }, 404: 'Unknown, or erased or merged already' },
    handler: async (req, _reply, p) => eraseCustomer(s, (req.params as IdParams).id, { actor: actorOf(p) }),
  });
}
