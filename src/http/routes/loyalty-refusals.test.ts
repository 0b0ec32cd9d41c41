import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// Coupons, gift cards and campaigns asked for what can never work, over HTTP: a customer
// id of no customer, an expiry already past, an expiry before the start, a discount of
// nothing. Each is refused naming what is wrong, and nothing is written. And a gift card
// charge retried with its amount spelt another way is the same charge.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const nobody = '00000000-0000-4000-8000-0000000000aa';

const customer = async (email: string) => (await api.call('POST', '/api/v1/customers', { body: { email } })).json().id as string;
const count = async (table: 'coupon_uses' | 'gift_cards' | 'coupon_campaigns' | 'gift_card_transactions') =>
  Number((await api.services.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

let shared: string;

beforeAll(async () => {
  const made = await api.call('POST', '/api/v1/coupons/campaigns', {
    body: { name: 'Once each', idempotency_key: 'once-each', benefit: { type: 'percent_discount', percent: 10 }, code: 'ONCE-EACH', max_uses: 100, per_customer_limit: 1 },
  });
  expect(made.statusCode).toBe(201);
  shared = made.json().codes[0];
});

describe('a customer_id of no customer', () => {
  // QA: 201, a use burnt and the per-customer limit escaped by any made-up id.
  it('is refused when a coupon is used: 404 naming the customer, no use counted', async () => {
    const res = await api.call('POST', `/api/v1/coupons/${shared}/redeem`, { body: { idempotency_key: 'u-nobody', customer_id: nobody } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe(`Customer ${nobody} not found`);
    expect((await api.call('GET', `/api/v1/coupons/${shared}`)).json()).toMatchObject({ uses: 0 });
    expect(await count('coupon_uses')).toBe(0);
  });

  it('follows a merged id to the survivor, whose limit it counts against', async () => {
    const [a, b] = [await customer('a@example.com'), await customer('b@example.com')];
    expect((await api.call('POST', `/api/v1/customers/${b}/merge`, { body: { from: a } })).statusCode).toBe(200);
    const used = await api.call('POST', `/api/v1/coupons/${shared}/redeem`, { body: { idempotency_key: 'u-a', customer_id: a } });
    expect(used.statusCode).toBe(201);
    const uses = await api.services.db.selectFrom('coupon_uses').select('customer_id').where('idempotency_key', '=', 'u-a').execute();
    expect(uses).toEqual([{ customer_id: b }]);
    const again = await api.call('POST', `/api/v1/coupons/${shared}/redeem`, { body: { idempotency_key: 'u-b', customer_id: b } });
    expect([again.statusCode, again.json().detail]).toEqual([409, expect.stringMatching(/limit 1/)]);
  });

  // QA: 201, a card issued to nobody.
  it('is refused when a gift card is issued: 404 naming the customer, no card', async () => {
    const before = await count('gift_cards');
    const res = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '25.00', idempotency_key: 'card-nobody', customer_id: nobody } });
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe(`Customer ${nobody} not found`);
    expect(await count('gift_cards')).toBe(before);
    // A merged id: the card is the survivor's.
    const [c, d] = [await customer('c@example.com'), await customer('d@example.com')];
    await api.call('POST', `/api/v1/customers/${d}/merge`, { body: { from: c } });
    const issued = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '25.00', idempotency_key: 'card-c', customer_id: c } });
    expect([issued.statusCode, issued.json().customer_id]).toEqual([201, d]);
  });
});

describe('values that can never work', () => {
  const campaign = { name: 'Autumn', benefit: { type: 'percent_discount', percent: 10 }, count: 2 };
  const refused = async (url: string, body: Record<string, unknown>, field: string, reason: RegExp) => {
    const res = await api.call('POST', url, { body });
    expect(res.statusCode, JSON.stringify(body)).toBe(422);
    expect(res.json().errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
  };

  // QA: each of these answered 201.
  it('refuses them, naming the field and why, and writes nothing', async () => {
    const [campaigns, cards] = [await count('coupon_campaigns'), await count('gift_cards')];
    // The clock says 2026-06-01T12:00:00Z.
    await refused('/api/v1/coupons/campaigns', { ...campaign, idempotency_key: 'c-1', valid_from: '2026-09-01T00:00:00Z', expires_at: '2026-08-01T00:00:00Z' }, 'expires_at', /must be after valid_from \(2026-09-01T00:00:00.000Z\)/);
    await refused('/api/v1/coupons/campaigns', { ...campaign, idempotency_key: 'c-2', valid_from: '2026-09-01T00:00:00+02:00', expires_at: '2026-08-31T22:00:00Z' }, 'expires_at', /must be after valid_from/);
    await refused('/api/v1/coupons/campaigns', { ...campaign, idempotency_key: 'c-3', expires_at: '2026-05-01T00:00:00Z' }, 'expires_at', /is in the past \(2026-05-01T00:00:00.000Z; now 2026-06-01T12:00:00.000Z\)/);
    await refused('/api/v1/coupons/campaigns', { ...campaign, idempotency_key: 'c-4', benefit: { type: 'fixed_discount', amount: '0' } }, 'benefit.amount', /must be greater than 0/);
    await refused('/api/v1/coupons/campaigns', { ...campaign, idempotency_key: 'c-5', benefit: { type: 'fixed_discount', amount: '0.00' } }, 'benefit.amount', /must be greater than 0/);
    await refused('/api/v1/gift-cards', { amount: '10.00', idempotency_key: 'g-1', expires_at: '2026-06-01T11:59:59Z' }, 'expires_at', /is in the past/);
    expect([await count('coupon_campaigns'), await count('gift_cards')]).toEqual([campaigns, cards]);
    // What can work still does: a window in the future, an expiry ahead.
    expect((await api.call('POST', '/api/v1/coupons/campaigns', { body: { ...campaign, idempotency_key: 'c-6', valid_from: '2026-05-01T00:00:00Z', expires_at: '2026-07-01T00:00:00Z' } })).statusCode).toBe(201);
    expect((await api.call('POST', '/api/v1/gift-cards', { body: { amount: '10.00', idempotency_key: 'g-2', expires_at: '2026-07-01T00:00:00Z' } })).statusCode).toBe(201);
  });

  it('answers a retry of a campaign or a card made before its expiry passed as the first request', async () => {
    const body = { ...campaign, idempotency_key: 'c-soon', expires_at: '2026-06-01T13:00:00Z' };
    const first = await api.call('POST', '/api/v1/coupons/campaigns', { body });
    const card = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '5.00', idempotency_key: 'g-soon', expires_at: '2026-06-01T13:00:00Z' } });
    api.services.clock.set('2026-06-01T14:00:00Z');
    try {
      const again = await api.call('POST', '/api/v1/coupons/campaigns', { body });
      expect([again.statusCode, again.json().id]).toEqual([200, first.json().id]);
      const cardAgain = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '5.00', idempotency_key: 'g-soon', expires_at: '2026-06-01T13:00:00Z' } });
      expect([cardAgain.statusCode, cardAgain.json().code]).toEqual([200, card.json().code]);
    } finally {
      api.services.clock.set('2026-06-01T12:00:00Z');
    }
  });
});

describe('a gift card charge retried', () => {
  // QA: "2" then "2.00" under one key answered 409.
  it('is the same charge whether its amount is written "2", 2 or "2.00"; another amount is a conflict', async () => {
    const { code } = (await api.call('POST', '/api/v1/gift-cards', { body: { amount: '10.00', idempotency_key: 'card-spelling' } })).json();
    const first = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '2', idempotency_key: 'pay-2', order_ref: 'o-2' } });
    expect([first.statusCode, first.json().gift_card.balance]).toEqual([201, '8.00']);
    for (const amount of ['2', 2, '2.00', 2.0, '2.0']) {
      const again = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount, idempotency_key: 'pay-2', order_ref: 'o-2' } });
      expect([again.statusCode, again.headers['idempotent-replayed'], again.json()], String(amount)).toEqual([200, 'true', { created: false, charged: '2.00', gift_card: expect.objectContaining({ balance: '8.00' }) }]);
    }
    const other = await api.call('POST', `/api/v1/gift-cards/${code}/charge`, { body: { amount: '2.01', idempotency_key: 'pay-2', order_ref: 'o-2' } });
    expect(other.statusCode).toBe(409);
    const charges = await api.services.db.selectFrom('gift_card_transactions').select('amount_minor').where('idempotency_key', '=', 'pay-2').execute();
    expect(charges.map((c) => Number(c.amount_minor))).toEqual([-200]);
  });
});

describe('a campaign key used again with another body', () => {
  // QA F6: `camp-1` sent again with another amount was told only "already created with a
  // different body", naming nothing, where a gift card's or a purchase's key names what differs.
  it('is a 409 naming each field that differs, the campaign\'s value beside this request\'s, in five languages', async () => {
    const body = { name: 'Summer', idempotency_key: 'camp-1', benefit: { type: 'fixed_discount', amount: '5.00' }, count: 2, expires_at: '2026-09-01T00:00:00Z' };
    expect((await api.call('POST', '/api/v1/coupons/campaigns', { body })).statusCode).toBe(201);
    const other = { ...body, benefit: { type: 'fixed_discount', amount: '7' }, max_uses: 3 };
    const asked = (language?: string) => api.call('POST', '/api/v1/coupons/campaigns', { body: other, headers: language ? { 'accept-language': language } : {} });
    const en = await asked();
    expect(en.statusCode).toBe(409);
    expect(en.json()).toMatchObject({
      detail: 'Campaign with idempotency key camp-1 was already created with other values: benefit.amount 5.00 (this request: 7.00); max_uses 1 (this request: 3)',
      errors: [{ field: 'benefit.amount', reason: '5.00 (this request: 7.00)' }, { field: 'max_uses', reason: '1 (this request: 3)' }],
    });
    const told = Object.fromEntries(await Promise.all(['sl', 'tr', 'da', 'ru'].map(async (language) => {
      const answer = await asked(language);
      expect([answer.statusCode, answer.headers['content-language']]).toEqual([409, language]);
      return [language, answer.json().detail];
    })));
    expect(told).toEqual({
      sl: 'Kampanja s ključem idempotentnosti camp-1 je že ustvarjena z drugimi vrednostmi: benefit.amount 5.00 (ta zahteva: 7.00); max_uses 1 (ta zahteva: 3)',
      tr: 'camp-1 idempotency anahtarlı kampanya başka değerlerle zaten oluşturulmuş: benefit.amount 5.00 (bu istek: 7.00); max_uses 1 (bu istek: 3)',
      da: 'En kampagne med idempotensnøglen camp-1 er allerede oprettet med andre værdier: benefit.amount 5.00 (denne anmodning: 7.00); max_uses 1 (denne anmodning: 3)',
      ru: 'Кампания с ключом идемпотентности camp-1 уже создана с другими значениями: benefit.amount 5.00 (в этом запросе: 7.00); max_uses 1 (в этом запросе: 3)',
    });
    // The same campaign written otherwise (5 for "5.00", the instant in another offset) is a replay, not a conflict.
    const replay = await api.call('POST', '/api/v1/coupons/campaigns', { body: { ...body, benefit: { type: 'fixed_discount', amount: 5 }, expires_at: '2026-09-01T02:00:00+02:00' } });
    expect([replay.statusCode, replay.headers['idempotent-replayed']]).toEqual([200, 'true']);
  });
});
