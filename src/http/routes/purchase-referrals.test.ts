import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';
import { deliver } from '../../../test/helpers/deliver.ts';

// A purchase that carries the referral code its buyer came with (POST /purchases
// `referral_code`): claimed in the purchase's transaction by the claim's rules, so a new
// friend's first purchase — one that creates the customer — earns the friend's bonus in its
// own answer, and the referrer's follows from the event. A code that cannot apply never
// costs the sale: the purchase is recorded and `referral` says why not. Every answer is
// checked against the schema its route publishes (response-check.ts).

const api = useTestApp({ keys: { till: ['read', 'write'] } });

const program = {
  name: 'Friends',
  earning: { points_per_currency_unit: 1 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '10.00' } },
};

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
});

const buy = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api.call('POST', '/api/v1/purchases', { body: { occurred_at: '2026-03-02T10:00:00Z', total: '20.00', ...body }, headers });

/** How many of the referrer's loyalty.referral_qualified events were handed to their subscribers. */
const deliverQualified = async (referrer: string) => (await deliver(api.services, 'loyalty.referral_qualified', { customer: referrer })).length;
const entries = (customerId: string, key: string) =>
  api.services.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', customerId).where('idempotency_key', '=', key).execute();
const balance = async (customerId: string) => (await api.call('GET', `/api/v1/customers/${customerId}/loyalty`)).json().balance as number;

let mia: string;
let code: string;

describe('a purchase with the referral code its buyer came with', () => {
  beforeAll(async () => {
    const first = await buy({ external_id: 'ref-mia-1', customer: { email: 'mia@example.com', phone: '+38640111222' } });
    mia = first.json().customer_id;
    code = (await api.call('POST', `/api/v1/customers/${mia}/loyalty/referral-code`)).json().code;
  });

  it("creates the friend, earns the friend's bonus in its own answer, and the referrer's follows", async () => {
    // Typed as a friend reads it out: lower case, without the dash.
    const res = await buy({ external_id: 'ref-ana-1', customer: { email: 'ana@example.com' }, referral_code: ` ${code.replace('-', '').toLowerCase()} ` });
    expect(res.statusCode).toBe(201);
    expect(res.json().loyalty).toMatchObject({ points_earned: 20 + 250 });
    expect(res.json().referral).toEqual({ code, status: 'claimed', reason: null, reason_code: null });
    const ana = res.json().customer_id;
    expect(await api.services.db.selectFrom('loyalty_referrals').select(['referrer_id', 'status']).where('customer_id', '=', ana).executeTakeFirst()).toEqual({ referrer_id: mia, status: 'rewarded' });
    const before = await balance(mia);
    expect(await deliverQualified(mia)).toBe(1);
    expect(await balance(mia)).toBe(before + 500);
  });

  it('replays a retry without a second bonus for either', async () => {
    const before = await balance(mia);
    const again = await buy({ external_id: 'ref-ana-1', customer: { email: 'ana@example.com' }, referral_code: code });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().referral).toEqual({ code, status: 'claimed', reason: null, reason_code: null });
    // The receipt a till prints again says what the first answer said: the friend's bonus with the purchase's points.
    expect(again.json().loyalty).toMatchObject({ points_earned: 20 + 250 });
    const ana = again.json().customer_id;
    expect(await entries(ana, 'bonus:referral:friend')).toEqual([{ points: 250 }]);
    expect(await deliverQualified(mia)).toBe(1);
    expect(await balance(mia)).toBe(before);
  });

  it("refuses the code on the friend's next purchase (not their first), and records the purchase", async () => {
    const res = await buy({ external_id: 'ref-ana-2', customer: { email: 'ana@example.com' }, referral_code: code, total: '25.00' });
    expect(res.statusCode).toBe(201);
    expect(res.json().loyalty).toMatchObject({ points_earned: 25 });
    expect(res.json().referral).toEqual({ code, status: 'refused', reason: 'is for new customers; this customer has bought before', reason_code: 'not_new' });
    // A customer who bought before, with no referral at all, is refused the same.
    const old = await buy({ external_id: 'ref-mia-2', customer: { email: 'bo@example.com' } });
    expect(old.statusCode).toBe(201);
    expect((await buy({ external_id: 'ref-bo-2', customer: { email: 'bo@example.com' }, referral_code: code })).json().referral).toMatchObject({ status: 'refused', reason_code: 'not_new' });
  });

  it("refuses one's own code, and a code of the same inbox or phone, and keeps the purchase", async () => {
    const own = await buy({ external_id: 'ref-mia-own', customer: { email: 'mia@example.com' }, referral_code: code });
    expect(own.statusCode).toBe(201);
    expect(own.json().referral).toEqual({ code, status: 'refused', reason: 'is your own code', reason_code: 'own_code' });
    const inbox = await buy({ external_id: 'ref-mia-plus', customer: { email: 'mia+shop@example.com' }, referral_code: code });
    expect(inbox.statusCode).toBe(201);
    expect(inbox.json().referral).toMatchObject({ status: 'refused', reason_code: 'same_person' });
    expect(inbox.json().loyalty).toMatchObject({ points_earned: 20 });
    const phone = await buy({ external_id: 'ref-mia-phone', customer: { email: 'other@example.com', phone: '+38640111222' }, referral_code: code });
    expect(phone.json().referral).toMatchObject({ status: 'refused', reason_code: 'same_person' });
    expect((await api.call('GET', '/api/v1/purchases/ref-mia-plus')).statusCode).toBe(200);
    expect(await api.services.db.selectFrom('loyalty_referrals').select('customer_id').where('customer_id', '=', inbox.json().customer_id).execute()).toEqual([]);
  });

  it("records the purchase with an unknown code, the reason told in the request's language", async () => {
    const res = await buy({ external_id: 'ref-eva-1', customer: { email: 'eva@example.com' }, referral_code: 'nobody-abc123' }, { 'accept-language': 'sl' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['content-language']).toBe('sl');
    expect(res.json().referral).toEqual({ code: 'NOBODY-ABC123', status: 'refused', reason: 'koda za priporočilo nobody-abc123 ne obstaja', reason_code: 'unknown_code' });
    expect(res.json().loyalty).toMatchObject({ points_earned: 20 });
  });

  it('refuses a malformed code as bad input: 422 naming referral_code, nothing stored', async () => {
    const res = await buy({ external_id: 'ref-bad-1', customer: { email: 'bad@example.com' }, referral_code: 'ab' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'referral_code' })]);
    expect((await api.call('GET', '/api/v1/purchases/ref-bad-1')).statusCode).toBe(404);
    expect(await api.services.db.selectFrom('customer_identities').select('value').where('value', '=', 'bad@example.com').execute()).toEqual([]);
  });

  it("keeps the code on the order id's key beside its request hash, in the claim's spelling (migration 0031)", async () => {
    const key = await api.services.db.selectFrom('purchase_keys').select(['request_hash', 'referral_code']).where('external_id', '=', 'ref-ana-1').executeTakeFirstOrThrow();
    expect(key).toEqual({ request_hash: expect.stringMatching(/^[0-9a-f]{64}$/), referral_code: code });
    const plain = await api.services.db.selectFrom('purchase_keys').select('referral_code').where('external_id', '=', 'ref-mia-1').executeTakeFirstOrThrow();
    expect(plain).toEqual({ referral_code: null });
  });

  it('answers an order id sent again with another referral code, or none, as any other difference: 409 naming it', async () => {
    const other = await buy({ external_id: 'ref-ana-1', customer: { email: 'ana@example.com' }, referral_code: 'OTHER-ABC123' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors).toEqual([{ field: 'referral_code', reason: `"${code}" (this request: "OTHER-ABC123")` }]);
    const none = await buy({ external_id: 'ref-ana-1', customer: { email: 'ana@example.com' } });
    expect(none.statusCode).toBe(409);
    expect(none.json().errors).toEqual([expect.objectContaining({ field: 'referral_code' })]);
    // A purchase recorded without one, sent again with one.
    const added = await buy({ external_id: 'ref-eva-2', customer: { email: 'eva@example.com' } });
    expect(added.statusCode).toBe(201);
    const late = await buy({ external_id: 'ref-eva-2', customer: { email: 'eva@example.com' }, referral_code: code });
    expect(late.statusCode).toBe(409);
    expect(late.json().errors).toEqual([expect.objectContaining({ field: 'referral_code' })]);
  });

  it('tells the same in a batch: a retry with the code replays, another code is a 409 naming the recorded one, or the earlier item\'s', async () => {
    const ana = { customer: { email: 'ana@example.com' }, occurred_at: '2026-03-02T10:00:00Z', total: '20.00' };
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [
      { ...ana, external_id: 'ref-ana-1', referral_code: code.replace('-', ' ') },
      { ...ana, external_id: 'ref-ana-1', referral_code: 'OTHER-ABC123' },
      { ...ana, external_id: 'ref-ana-3', referral_code: 'OTHER-ABC123' },
      { ...ana, external_id: 'ref-ana-3', referral_code: code },
    ] } });
    expect(res.statusCode).toBe(200);
    const [same, other, fresh, twice] = res.json().results;
    expect(same).toMatchObject({ status: 'duplicate' });
    expect(other).toMatchObject({ status: 'error', error: { status: 409, errors: [{ field: 'referral_code', reason: `"${code}" (this request: "OTHER-ABC123")` }] } });
    expect(fresh).toMatchObject({ status: 'created' });
    expect(twice).toMatchObject({ status: 'error', error: { status: 409, errors: [{ field: 'referral_code', reason: `"OTHER-ABC123" (this request: "${code}")` }] } });
  });

  it('answers a purchase without referral_code as before: no referral key', async () => {
    const res = await buy({ external_id: 'ref-plain-1', customer: { email: 'plain@example.com' } });
    expect(res.statusCode).toBe(201);
    expect(Object.keys(res.json())).not.toContain('referral');
  });

  it('claims within a batch: a friend with two purchases in one group, the code on the later one', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [
      { external_id: 'ref-zoe-1', customer: { email: 'zoe@example.com' }, occurred_at: '2026-03-03T09:00:00Z', total: '12.00' },
      { external_id: 'ref-zoe-2', customer: { email: 'zoe@example.com' }, occurred_at: '2026-03-03T10:00:00Z', total: '30.00', referral_code: code },
      { external_id: 'ref-ivo-1', customer: { email: 'ivo@example.com' }, occurred_at: '2026-03-03T10:00:00Z', total: '30.00' },
    ] } });
    expect(res.statusCode).toBe(200);
    const [first, second, third] = res.json().results;
    // The group's purchases came before none of the friend's: the referral is theirs, paid on the first qualifying one.
    expect(second.purchase.referral).toEqual({ code, status: 'claimed', reason: null, reason_code: null });
    expect(first.purchase).not.toHaveProperty('referral');
    expect(third.purchase).not.toHaveProperty('referral');
    expect(first.purchase.loyalty.points_earned + second.purchase.loyalty.points_earned).toBe(12 + 30 + 250);
    expect(await entries(second.purchase.customer_id, 'bonus:referral:friend')).toEqual([{ points: 250 }]);
  });
});
