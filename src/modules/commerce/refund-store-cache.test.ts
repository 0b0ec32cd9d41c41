import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A refund reads its purchase's store (its time zone) inside the refund's transaction. The
// stores are cached per process; with the cache cold — the first refund after a start, or
// after a store was added elsewhere — the store was read through the database handle, not
// the transaction. On the embedded database the process has one connection, which the
// transaction held: the read waited for it until the gate gave up, 120 s, then a 500, and
// every other request waited behind it (QA: a walkthrough's first refund after `npm start`).
// Each path is run with the cache dropped first (services.stores.forget()).

const api = useTestApp({ keys: { till: ['read', 'write'] } });
let purchase: string;

beforeAll(async () => {
  await api.services.stores.upsert({ code: 'LJ1', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  const bought = await api.call('POST', '/api/v1/purchases', {
    body: { external_id: 'cold-1', customer: { email: 'ana@example.com' }, store: 'LJ1', occurred_at: '2026-05-30T10:00:00Z', total: '30.00', lines: [{ sku: 'CAKE', quantity: 3, unit_price: '10.00' }] },
  });
  purchase = bought.json().id;
});

const refund = (body: Record<string, unknown>) => {
  api.services.stores.forget();
  return api.call('POST', `/api/v1/purchases/${purchase}/refunds`, { body });
};

describe('a refund of a store\'s purchase, the stores not cached', () => {
  it('is recorded, its retry answered, another with its id refused, one of nothing refused — each at once', async () => {
    const first = await refund({ external_id: 'r-1', amount: '5.00' });
    expect([first.statusCode, first.json().refund.amount]).toEqual([201, '5.00']);
    const retry = await refund({ external_id: 'r-1', amount: '5.00' });
    expect(retry.statusCode).toBe(200);
    const other = await refund({ external_id: 'r-1', amount: '6.00' });
    expect([other.statusCode, other.json().errors[0].field]).toEqual([409, 'amount']);
    const nothing = await refund({ external_id: 'r-2', amount: '0' });
    expect([nothing.statusCode, nothing.json().errors]).toEqual([422, [{ field: 'amount', reason: 'must be greater than 0' }]]);
    const byLines = await refund({ external_id: 'r-3', lines: [{ sku: 'CAKE', quantity: 1 }] });
    expect([byLines.statusCode, byLines.json().refund.amount]).toEqual([201, '10.00']);
  }, 30_000);
});
