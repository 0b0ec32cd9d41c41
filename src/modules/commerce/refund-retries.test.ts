import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { canonicalJson, sha256 } from '../../shared/hash.ts';

// A refund id sent again is a retry when it means the same refund: the amount in minor
// units, the time as an instant, the reason and the lines returned — however each was
// spelled. Regression: the hash covered the body as written, so a till's retry of
// "2.00" as "2" was a 409, and since the values are equal its message could only say "a
// field not stored differs". Refunds recorded before keep the hash of their body as
// written (a hash cannot be converted): a retry of one still replays.

const api = useTestApp({
  keys: { pos: ['read', 'write'] },
  seed: (s) => s.stores.upsert({ code: 'nyc', name: 'New York', time_zone: 'America/New_York' }, { actor: 'test' }),
});

let purchaseId: string;
const refund = (body: object, purchase = 'till-1') => api.call('POST', `/api/v1/purchases/${purchase}/refunds`, { body });

beforeAll(async () => {
  const res = await api.call('POST', '/api/v1/purchases', {
    body: {
      external_id: 'till-1', customer: { email: 'maja@example.com' }, occurred_at: '2026-05-01T10:00:00-04:00', store: 'nyc', total: '40.00',
      lines: [{ sku: 'ESP', quantity: 4, unit_price: '2.50' }, { sku: 'CAKE', quantity: 3, unit_price: '10.00' }],
    },
  });
  expect(res.statusCode).toBe(201);
  purchaseId = res.json().id;
});

/** A refund the API records, its key's hash then set as the code before this one stored it: the parsed body as written, with the purchase as named. */
async function recordedByOldCode(body: Record<string, unknown>, purchaseRef: string, storedAt?: string) {
  const first = await refund(body);
  expect(first.statusCode).toBe(201);
  const { db } = api.services;
  await db.updateTable('refund_keys').set({ request_hash: sha256(canonicalJson({ purchaseRef, ...body })) }).where('external_id', '=', body.external_id as string).execute();
  // The old code stored a refund dated by its day alone at UTC midnight.
  if (storedAt) await db.updateTable('refunds').set({ occurred_at: new Date(storedAt) }).where('external_id', '=', body.external_id as string).execute();
  return first;
}

describe('a refund sent again, spelled another way', () => {
  it('answers the first refund (200, Idempotent-Replayed) for the same amount, instant, reason and lines', async () => {
    const first = await refund({ external_id: 'ret-1', amount: '2.00', occurred_at: '2026-05-02T09:00:00-04:00', reason: 'Cold' });
    expect(first.statusCode).toBe(201);
    for (const retry of [
      { external_id: 'ret-1', amount: '2', occurred_at: '2026-05-02T09:00:00-04:00', reason: 'Cold' },
      { external_id: 'ret-1', amount: 2, occurred_at: '2026-05-02T13:00:00Z', reason: ' Cold ' },
      { external_id: ' ret-1', amount: '2.0', occurred_at: '2026-05-02T15:00:00+02:00', reason: 'Cold', lines: [] },
    ]) {
      const res = await refund(retry);
      expect(res.statusCode, JSON.stringify(retry)).toBe(200);
      expect(res.headers['idempotent-replayed']).toBe('true');
      expect(res.json()).toEqual(first.json());
    }
    // By its Regulars id as well.
    expect((await refund({ external_id: 'ret-1', amount: 2, occurred_at: '2026-05-02T13:00:00Z', reason: 'Cold' }, purchaseId)).statusCode).toBe(200);
  });

  it('reads a SKU with spaces around it as the SKU, and an empty reason as none', async () => {
    const first = await refund({ external_id: 'ret-2', lines: [{ sku: 'ESP', quantity: 1 }], reason: '' });
    expect(first.statusCode).toBe(201);
    const res = await refund({ external_id: 'ret-2', lines: [{ sku: ' ESP ', quantity: 1.0 }], reason: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(first.json());
  });

  it('is still a 409 naming the amount when the amount truly differs', async () => {
    const res = await refund({ external_id: 'ret-1', amount: '2.50', occurred_at: '2026-05-02T13:00:00Z', reason: 'Cold' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      detail: 'Refund ret-1 was already recorded with other values: amount 2.00 (this request: 2.50)',
      errors: [{ field: 'amount', reason: '2.00 (this request: 2.50)' }],
    });
  });

  // An amount or a time one request sends and the other leaves out compares equal (the one
  // left out was worked out when recorded), yet the hashes differ: the 409 said "a field not
  // stored differs" of a field that is stored. It names the field.
  it('names the amount or the time sent with one request and left out of the other', async () => {
    expect((await refund({ external_id: 'ret-sent', occurred_at: '2026-05-03T09:00:00-04:00', lines: [{ sku: 'ESP', quantity: 1 }] })).statusCode).toBe(201);
    const withAmount = await refund({ external_id: 'ret-sent', amount: '2.50', occurred_at: '2026-05-03T09:00:00-04:00', lines: [{ sku: 'ESP', quantity: 1 }] });
    expect(withAmount.statusCode).toBe(409);
    expect(withAmount.json()).toMatchObject({
      detail: 'Refund ret-sent was already recorded with other values: amount not sent, 2.50 worked out when recorded (this request: 2.50)',
      errors: [{ field: 'amount', reason: 'not sent, 2.50 worked out when recorded (this request: 2.50)' }],
    });
    const withoutTime = await refund({ external_id: 'ret-sent', lines: [{ sku: 'ESP', quantity: 1 }] }, purchaseId);
    expect(withoutTime.statusCode).toBe(409);
    expect(withoutTime.json().errors).toEqual([{ field: 'occurred_at', reason: '2026-05-03T09:00:00-04:00 (this request: not sent)' }]);
    const both = await refund({ external_id: 'ret-sent', amount: '2.5', lines: [{ sku: 'ESP', quantity: 1 }] });
    expect(both.json().errors).toEqual([
      { field: 'amount', reason: 'not sent, 2.50 worked out when recorded (this request: 2.50)' },
      { field: 'occurred_at', reason: '2026-05-03T09:00:00-04:00 (this request: not sent)' },
    ]);
    // In the request's language too.
    const sl = await api.call('POST', '/api/v1/purchases/till-1/refunds', { body: { external_id: 'ret-sent', lines: [{ sku: 'ESP', quantity: 1 }] }, headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'occurred_at', reason: expect.stringContaining('ni poslano') }]);
  });
});

describe('a refund recorded before its hash covered what it means', () => {
  it('replays a retry of the same body, with the purchase named by its order id or by its Regulars id', async () => {
    const byOrderId = { external_id: 'old-1', amount: '3.00', reason: 'Cold' };
    const first = await recordedByOldCode(byOrderId, 'till-1');
    const again = await refund(byOrderId);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const byId = { external_id: 'old-2', amount: 1, lines: [{ sku: 'CAKE', quantity: 1 }] };
    await recordedByOldCode(byId, purchaseId);
    expect((await refund(byId)).statusCode).toBe(200);
  });

  it('replays a refund dated by its day, stored then at UTC midnight, and names only what truly differs', async () => {
    const dated = { external_id: 'old-3', amount: '1.00', occurred_at: '2026-05-03' };
    await recordedByOldCode(dated, 'till-1', '2026-05-03T00:00:00Z');
    const again = await refund(dated);
    expect(again.statusCode).toBe(200);
    expect(again.json().refund.occurred_at).toBe('2026-05-03T00:00:00.000Z');
    const other = await refund({ external_id: 'old-3', amount: '1.50', occurred_at: '2026-05-03' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors).toEqual([{ field: 'amount', reason: '1.00 (this request: 1.50)' }]);
  });

  it('is a 409 naming the amount for another amount', async () => {
    const res = await refund({ external_id: 'old-1', amount: '3.50', reason: 'Cold' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'amount', reason: '3.00 (this request: 3.50)' }]);
  });
});

describe('the CSV import\'s check of a refund id recorded before', () => {
  it('counts a row spelled otherwise, or hashed by the old code, as the refund already recorded', async () => {
    const check = api.services.commerce.refundChecker();
    expect(await check([
      { purchase: 'till-1', input: { external_id: 'ret-1', amount: '2', occurred_at: '2026-05-02T13:00:00Z', reason: 'Cold' } },
      { purchase: 'till-1', input: { external_id: 'old-1', amount: '3.00', reason: 'Cold' } },
      { purchase: 'till-1', input: { external_id: 'old-1', amount: '3.5', reason: 'Cold' } },
    ])).toMatchObject([
      { duplicate: true },
      { duplicate: true },
      { kind: 'invalid', problems: [{ field: 'external_id', reason: 'refund old-1 was already recorded with other values: amount 3.00 (this request: 3.50)' }] },
    ]);
  });
});
