import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A field a body does not take is refused by name, nothing written — in every request body,
// as Stripe refuses an unknown parameter. Regression: a purchase's misspelt "stor" or
// "chanel" was read as none (the purchase earned without its store's or channel's
// multipliers, and counted on the server's day for the daily cap), a customer's "frist_name"
// was saved without a word, a store's or a webhook's extra field ignored.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const purchase = (over: Record<string, unknown>) => ({ external_id: 'strict-1', customer: { external_id: 'card-S' }, occurred_at: '2026-05-20T09:15:00+02:00', total: '3.00', ...over });
const count = async (table: 'purchases' | 'customers' | 'stores' | 'webhook_endpoints') =>
  Number((await api.services.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('a field a request body does not take', () => {
  it("is refused in a purchase, its lines and its customer, named where it stands; no purchase, no customer", async () => {
    const before = [await count('purchases'), await count('customers')];
    const cases: [Record<string, unknown>, { field: string; reason: string }][] = [
      // With the field it was likely meant as, when one is near, as Stripe answers a misspelt parameter.
      [{ stor: 'LJ1' }, { field: '(body)', reason: 'unknown field "stor" — did you mean "store"?' }],
      [{ chanel: 'online' }, { field: '(body)', reason: 'unknown field "chanel" — did you mean "channel"?' }],
      [{ lines: [{ sku: 'TEA', unit_price: '3.00', categroy: 'tea' }] }, { field: 'lines.0', reason: 'unknown field "categroy" — did you mean "category"?' }],
      [{ customer: { external_id: 'card-S', frist_name: 'Ana' } }, { field: 'customer', reason: 'unknown field "frist_name" — did you mean "first_name"?' }],
      [{ colour: 'red' }, { field: '(body)', reason: 'unknown field "colour"' }],
    ];
    for (const [over, error] of cases) {
      const answer = await api.call('POST', '/api/v1/purchases', { body: purchase(over) });
      expect(answer.statusCode, JSON.stringify(over)).toBe(422);
      expect(answer.json().errors).toEqual([error]);
    }
    // In a batch, that purchase alone is refused; the others are recorded.
    const batch = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [purchase({ external_id: 'strict-2' }), purchase({ external_id: 'strict-3', chanel: 'online' })] } });
    expect(batch.statusCode).toBe(200);
    expect(batch.json().results.map((r: { status: string }) => r.status)).toEqual(['created', 'error']);
    expect(batch.json().results[1].error.errors).toEqual([{ field: '(body)', reason: 'unknown field "chanel" — did you mean "channel"?' }]);
    expect([await count('purchases'), await count('customers')]).toEqual([before[0] + 1, before[1] + 1]);
  });

  it("is refused in a customer, a store and a webhook, nothing made", async () => {
    const before = [await count('customers'), await count('stores'), await count('webhook_endpoints')];
    const customer = await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com', frist_name: 'Ana' } });
    expect([customer.statusCode, customer.json().errors]).toEqual([422, [{ field: '(body)', reason: 'unknown field "frist_name" — did you mean "first_name"?' }]]);
    // Told in the request's language, the suggestion too.
    const slovenian = await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com', frist_name: 'Ana' }, headers: { 'accept-language': 'sl' } });
    expect(slovenian.json().errors).toEqual([{ field: '(body)', reason: 'neznano polje "frist_name" — ste mislili "first_name"?' }]);
    const store = await api.call('POST', '/api/v1/stores', { body: { code: 'LJ9', name: 'Ljubljana', time_zone: 'Europe/Ljubljana', adress: 'Prešernov trg 1' } });
    expect([store.statusCode, store.json().errors]).toEqual([422, [{ field: '(body)', reason: 'unknown field "adress"' }]]);
    const webhook = await api.call('POST', '/api/v1/webhooks', { body: { url: 'https://example.com/hook', event_types: ['*'], secret: 'mine' } });
    expect([webhook.statusCode, webhook.json().errors]).toEqual([422, [{ field: '(body)', reason: 'unknown field "secret"' }]]);
    expect([await count('customers'), await count('stores'), await count('webhook_endpoints')]).toEqual(before);
  });
});
