import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A coupon's use given back (POST /coupons/{code}/rollbacks): a single-use code used at a
// till whose sale is voided can be used again; a retry answers the first rollback; the use's
// own key, retried, is told it was rolled back; an unknown code or use is a 404 naming it,
// an unknown field a 422; a coupon expired meanwhile is rolled back and stays expired. Every
// answer is checked against the route's schema.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'], till: ['read', 'write'], report: ['read'] } });

let campaign: { id: string; codes: string[] };
let ana: string;

const redeem = (code: string, key: string, extra: Record<string, unknown> = {}) =>
  api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: key, ...extra } });
const rollback = (code: string, body: Record<string, unknown>, language?: string) =>
  api.call('POST', `/api/v1/coupons/${code}/rollbacks`, { key: api.keys.till, body, headers: language ? { 'accept-language': language } : {} });

beforeAll(async () => {
  api.services.clock.set('2026-05-01T10:00:00Z');
  ana = (await api.call('POST', '/api/v1/customers', { body: { email: 'ana@example.com', first_name: 'Ana' } })).json().id;
  const made = await api.call('POST', '/api/v1/coupons/campaigns', {
    body: { name: 'Five off', idempotency_key: 'five-off', benefit: { type: 'fixed_discount', amount: '5.00' }, count: 3, expires_at: '2026-05-31' },
  });
  expect(made.statusCode).toBe(201);
  campaign = made.json();
});

describe('POST /coupons/{code}/rollbacks', () => {
  it('gives a voided sale\'s use back: the single-use code can be used again, and the campaign no longer counts the use', async () => {
    const [code] = campaign.codes;
    expect((await redeem(code, 'sale-1', { customer_id: ana, order_ref: 'o-1' })).statusCode).toBe(201);
    expect((await redeem(code, 'sale-x')).json().detail).toMatch(/already used/);

    api.services.clock.set('2026-05-01T10:05:00Z');
    const res = await rollback(code, { use_key: 'sale-1', reason: 'Sale voided' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      created: true,
      use: { idempotency_key: 'sale-1', order_ref: 'o-1', customer_id: ana, used_at: '2026-05-01T10:00:00.000Z', discount_given: '5.00', rolled_back_at: '2026-05-01T10:05:00.000Z', reason: 'Sale voided' },
      coupon: expect.objectContaining({ code, status: 'active', uses: 0, max_uses: 1, usable: true }),
    });
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ uses: 0, usable: true, problem_code: null });
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${campaign.id}`, { key: api.keys.report })).json())
      .toMatchObject({ uses: 0, codes_used: 0, customers: 0, discount_given: '0.00', uses_without_discount: 0 });

    // A new key uses it again.
    const again = await redeem(code, 'sale-2', { customer_id: ana });
    expect(again.statusCode).toBe(201);
    expect(again.json().coupon).toMatchObject({ uses: 1, status: 'used' });
    expect((await api.call('GET', `/api/v1/coupons/campaigns/${campaign.id}`)).json()).toMatchObject({ uses: 1, codes_used: 1, customers: 1, discount_given: '5.00' });
  });

  it('answers a retry with the first rollback and gives nothing back twice; another reason is a 409 naming it', async () => {
    const [code] = campaign.codes;
    const retried = await rollback(code, { use_key: 'sale-1', reason: 'Sale voided' });
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toMatchObject({ created: false, use: { rolled_back_at: '2026-05-01T10:05:00.000Z', reason: 'Sale voided' }, coupon: { uses: 1, status: 'used' } });

    const otherwise = await rollback(code, { use_key: 'sale-1', reason: 'Typo' });
    expect(otherwise.statusCode).toBe(409);
    expect(otherwise.json().detail).toMatch(/^Coupon use sale-1 was already rolled back with other values: reason /);
    expect(otherwise.json().errors.map((e: { field: string }) => e.field)).toEqual(['reason']);
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ uses: 1 });
  });

  it("refuses a retry of the rolled-back use with its own key, rather than answering it as used", async () => {
    const [code] = campaign.codes;
    const res = await redeem(code, 'sale-1', { customer_id: ana, order_ref: 'o-1' });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe(`Coupon use sale-1 of ${code} was rolled back at 2026-05-01T12:05:00+02:00: it no longer counts, and its key does not use the coupon again; a new idempotency_key does`);
    expect(res.json().errors).toEqual([{ field: 'idempotency_key', reason: 'the use with this key was rolled back; send a new key to use the coupon again' }]);
    const sl = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { key: api.keys.till, body: { idempotency_key: 'sale-1' }, headers: { 'accept-language': 'sl' } });
    expect(sl.json().errors).toEqual([{ field: 'idempotency_key', reason: 'uporaba s tem ključem je bila razveljavljena; za ponovno uporabo kupona pošljite nov ključ' }]);
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ uses: 1 });
  });

  it('refuses an unknown code, a use of no use of the coupon and an unknown field, naming them, in the language asked', async () => {
    const [first, second] = campaign.codes;
    const unknown = await rollback('NOPE-NOPE-NOPE', { use_key: 'sale-1' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe('Coupon NOPE-NOPE-NOPE not found');

    // sale-2 is a use of the first code, not of the second.
    const noUse = await rollback(second, { use_key: 'sale-2' });
    expect(noUse.statusCode).toBe(404);
    expect(noUse.json()).toMatchObject({ detail: `Coupon ${second} has no use sale-2`, errors: [{ field: 'use_key', reason: 'is no use of this coupon' }] });
    const noUseDa = await rollback(second, { use_key: 'sale-2' }, 'da');
    expect(noUseDa.json()).toMatchObject({ detail: `Kuponen ${second} har ingen brug sale-2`, errors: [{ field: 'use_key', reason: 'er ikke en brug af denne kupon' }] });

    for (const body of [{ use_key: 'sale-2', order_ref: 'o-1' }, { reason: 'x' }, { use_key: '' }]) {
      const res = await rollback(first, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    const extra = await rollback(first, { use_key: 'sale-2', order_ref: 'o-1' });
    expect(extra.json().detail).toBe('Invalid coupon rollback: (body): unknown field "order_ref"');
    expect((await rollback(first, { reason: 'x' })).json().errors.map((e: { field: string }) => e.field)).toEqual(['use_key']);
    // A read key cannot give uses back.
    expect((await api.call('POST', `/api/v1/coupons/${first}/rollbacks`, { key: api.keys.report, body: { use_key: 'sale-2' } })).statusCode).toBe(403);
    expect((await api.call('GET', `/api/v1/coupons/${first}`)).json()).toMatchObject({ uses: 1 });
  });

  it('rolls a use of a coupon that has expired since back too: the use counts no more, and the coupon stays expired', async () => {
    const code = campaign.codes[2];
    expect((await redeem(code, 'late-sale')).statusCode).toBe(201);
    api.services.clock.set('2026-06-02T10:00:00Z');
    const res = await rollback(code, { use_key: 'late-sale' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ created: true, use: { reason: null }, coupon: { uses: 0, status: 'active', usable: false } });
    expect((await api.call('GET', `/api/v1/coupons/${code}`)).json()).toMatchObject({ uses: 0, usable: false, problem_code: 'expired' });
    const reused = await redeem(code, 'later-sale');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().detail).toMatch(/expired/);
    api.services.clock.set('2026-05-01T10:00:00Z');
  });

  it('is recorded in the activity log with the order and the reason, and sent as coupon.use_rolled_back', async () => {
    const [code] = campaign.codes;
    const res = await api.call('GET', '/api/v1/audit?action=coupon.rollback', { key: api.keys.owner });
    expect(res.statusCode).toBe(200);
    const entry = (res.json().items as { subject: string; details: Record<string, unknown>; actor: string }[]).find((e) => e.details.use_key === 'sale-1');
    expect(entry).toMatchObject({ subject: code.replaceAll('-', ''), actor: 'key:till', details: { use_key: 'sale-1', order_ref: 'o-1', reason: 'Sale voided' } });
    const events = await api.services.db.selectFrom('events').select(['type', 'customer_id', 'payload']).where('type', '=', 'coupon.use_rolled_back').execute();
    expect(events.find((e) => (e.payload as { use_key: string }).use_key === 'sale-1')).toMatchObject({
      customer_id: ana,
      payload: { code, kind: 'promotion', reward: null, campaign_id: campaign.id, customer_id: ana, order_ref: 'o-1', use_key: 'sale-1', discount_given: '5.00', currency: 'EUR', reason: 'Sale voided' },
    });
  });
});
