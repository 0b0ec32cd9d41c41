import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { buildApp } from '../../http/app.ts';

// A card (external id) is how a till finds a customer at the next scan. An upsert that
// finds the customer by their phone or email and brings a new card adds it; it never cuts
// off the card the customer already carries. Replacing a card is an explicit PATCH.

let s: Awaited<ReturnType<typeof openTestServices>>;
let app: FastifyInstance;
let key: string;

beforeAll(async () => {
  s = await openTestServices();
  app = await buildApp(s);
  key = (await s.auth.createApiKey({ name: 'till', scopes: ['read', 'write'] }, { actor: 'test' })).key;
});
afterAll(async () => {
  await app?.close();
  await s?.close();
});

const call = (method: 'POST' | 'PATCH' | 'GET', url: string, body?: object) =>
  app.inject({ method, url: `/api/v1${url}`, payload: body, headers: { authorization: `Bearer ${key}` } });

let order = 0;
/** The customer a till's purchase with this card is recorded for. */
async function buyerOf(card: string): Promise<string> {
  const bought = await call('POST', '/purchases', { external_id: `o-card-${++order}`, occurred_at: '2026-05-30T10:00:00Z', total: '10.00', currency: 'EUR', customer: { external_id: card } });
  expect(bought.statusCode, bought.body).toBe(201);
  return bought.json().customer_id as string;
}

describe('cards on upsert', () => {
  it('adds a new card found by phone beside the card the customer holds', async () => {
    const bor = await call('POST', '/customers', { external_id: 'c-bor', phone: '+38640111222', first_name: 'Bor' });
    expect(bor.statusCode, bor.body).toBe(201);
    const id = bor.json().id as string;

    const again = await call('POST', '/customers', { external_id: 'f-phone', phone: '+38640111222', last_name: 'Kos' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id, external_id: 'c-bor', first_name: 'Bor', last_name: 'Kos' });
    const cards = (again.json().identities as { kind: string; value: string }[]).filter((i) => i.kind === 'external_id').map((i) => i.value).sort();
    expect(cards).toEqual(['c-bor', 'f-phone']);

    // Both cards find Bor at the next scan.
    for (const card of ['c-bor', 'f-phone']) expect(await buyerOf(card)).toBe(id);
  });

  it('adds a new card found by email, and the card is the customer\'s at the till', async () => {
    const ana = (await call('POST', '/customers', { external_id: 'c-ana', email: 'ana@example.com' })).json().id as string;
    const updated = await call('POST', '/customers', { external_id: 'tag-ana', email: 'Ana@Example.com' });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({ id: ana, external_id: 'c-ana' });
    expect(await buyerOf('tag-ana')).toBe(ana);
  });

  it('replaces a card by an explicit PATCH, and the old card finds no one', async () => {
    const id = (await call('POST', '/customers', { external_id: 'c-old', phone: '+38640333444' })).json().id as string;
    const patched = await call('PATCH', `/customers/${id}`, { external_id: 'c-new' });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().external_id).toBe('c-new');
    expect(await buyerOf('c-new')).toBe(id);
    // The old card is nobody's now: a scan of it is a new customer.
    expect(await buyerOf('c-old')).not.toBe(id);
  });

  it('refuses a card that is another customer\'s, changing nothing', async () => {
    const cene = (await call('POST', '/customers', { external_id: 'c-cene', phone: '+38640555666' })).json().id as string;
    await call('POST', '/customers', { external_id: 'c-dan', email: 'dan@example.com' });
    const clash = await call('POST', '/customers', { external_id: 'c-dan', phone: '+38640555666' });
    expect(clash.statusCode, clash.body).toBe(409);
    expect((await call('GET', `/customers/${cene}`)).json()).toMatchObject({ external_id: 'c-cene', phone: '+38640555666' });
  });
});
