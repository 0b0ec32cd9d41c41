import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// A customer's gift cards, as staff read them at the counter ("how much is left on my
// card?"): every card the customer holds, newest first, with its balance and whether it
// can pay now — issued by an admin or bought with points, spent, expired — and for a
// merged id the survivor's. Every answer is checked against the route's schema.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });
const unknown = '00000000-0000-4000-8000-00000000dead';

const program = {
  name: 'Gift cards',
  earning: { points_per_currency_unit: 10 },
  rewards: [{ code: 'card-10', name: 'Gift card 10 €', type: 'gift_card', amount: '10.00', points: 100 }],
};

const customer = async (email: string) => (await api.call('POST', '/api/v1/customers', { body: { email } })).json().id as string;
const issue = async (body: Record<string, unknown>) => {
  const res = await api.call('POST', '/api/v1/gift-cards', { body });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
};

let ana: string;
let bor: string;
let cards: { open: string; spent: string; expiring: string; bought: string };

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
  ana = await customer('ana@example.com');
  bor = await customer('bor@example.com');
  const clock = api.services.clock;
  // One card a day, so "newest first" has one answer.
  clock.set('2026-05-01T10:00:00Z');
  const expiring = await issue({ amount: '20.00', idempotency_key: 'ana-expiring', customer_id: ana, expires_at: '2026-05-20T00:00:00Z' });
  clock.set('2026-05-02T10:00:00Z');
  const spent = await issue({ amount: '15.00', idempotency_key: 'ana-spent', customer_id: ana });
  expect((await api.call('POST', `/api/v1/gift-cards/${spent}/charge`, { body: { amount: '15.00', idempotency_key: 'pay-all' } })).statusCode).toBe(201);
  clock.set('2026-05-03T10:00:00Z');
  const open = await issue({ amount: '25.00', idempotency_key: 'ana-open', customer_id: ana });
  expect((await api.call('POST', `/api/v1/gift-cards/${open}/charge`, { body: { amount: '7.50', idempotency_key: 'pay-part' } })).statusCode).toBe(201);
  await issue({ amount: '50.00', idempotency_key: 'bor-card', customer_id: bor });
  await issue({ amount: '5.00', idempotency_key: 'nobody' });
  // Points to buy a card with, under the program applied on 1 June.
  clock.set('2026-06-02T12:00:00Z');
  const purchase = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'g-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-06-02T10:00:00Z', total: '30.00' } });
  expect(purchase.statusCode).toBe(201);
  const redeemed = await api.call('POST', `/api/v1/customers/${ana}/loyalty/redemptions`, { body: { reward: 'card-10', idempotency_key: 'buy-card' } });
  expect(redeemed.statusCode).toBe(201);
  cards = { open, spent, expiring, bought: redeemed.json().gift_card.code };
});

describe("GET /customers/{id}/gift-cards", () => {
  it('lists every card of the customer, newest first, with its balance and whether it can pay now', async () => {
    const res = await api.call('GET', `/api/v1/customers/${ana}/gift-cards`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      customer_id: ana,
      items: [
        expect.objectContaining({ code: cards.bought, customer_id: ana, initial: '10.00', balance: '10.00', usable: true, issued_at: '2026-06-02T12:00:00.000Z' }),
        expect.objectContaining({ code: cards.open, initial: '25.00', balance: '17.50', expires_at: null, usable: true }),
        // Nothing left on it: it cannot pay.
        expect.objectContaining({ code: cards.spent, initial: '15.00', balance: '0.00', usable: false }),
        // Its expiry has passed (the clock is on 2 June): the balance stays on record, unusable.
        expect.objectContaining({ code: cards.expiring, balance: '20.00', expires_at: '2026-05-20T00:00:00.000Z', usable: false }),
      ],
    });
  });

  it('answers GET /gift-cards/{code} as the list answers the card, whether it can pay now included', async () => {
    const { items } = (await api.call('GET', `/api/v1/customers/${ana}/gift-cards`)).json() as { items: { code: string; usable: boolean }[] };
    for (const item of items) {
      const res = await api.call('GET', `/api/v1/gift-cards/${item.code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json(), item.code).toEqual(item);
    }
    // A balance left, spent, expired: one rule for the card and for the list.
    expect(items.map((g) => [g.code, g.usable])).toEqual([[cards.bought, true], [cards.open, true], [cards.spent, false], [cards.expiring, false]]);
  });

  it("answers a customer with none an empty list, and an unknown id 404", async () => {
    const none = await customer('none@example.com');
    expect((await api.call('GET', `/api/v1/customers/${none}/gift-cards`)).json()).toEqual({ customer_id: none, items: [] });
    for (const id of [unknown, 'not-an-id']) {
      const res = await api.call('GET', `/api/v1/customers/${id}/gift-cards`);
      expect(res.statusCode, id).toBe(404);
    }
  });

  it('refuses a charge or an issue in the language asked, and in English word for word', async () => {
    const told = async (url: string, body: object, language?: string) => {
      const answer = await api.call('POST', url, { body, headers: language ? { 'accept-language': language } : {} });
      return { status: answer.statusCode, detail: answer.json().detail as string, errors: answer.json().errors as unknown };
    };
    const tooMuch = { amount: '20.00', idempotency_key: 'too-much' };
    expect(await told(`/api/v1/gift-cards/${cards.open}/charge`, tooMuch)).toMatchObject({ status: 409, detail: 'Gift card balance is €17.50, less than €20.00' });
    expect(await told(`/api/v1/gift-cards/${cards.open}/charge`, tooMuch, 'sl')).toMatchObject({ status: 409, detail: 'Stanje darilne kartice je 17,50\u00a0€, manj kot 20,00\u00a0€' });
    expect((await told(`/api/v1/gift-cards/${cards.expiring}/charge`, { amount: '1.00', idempotency_key: 'late' }, 'tr')).detail).toBe('Hediye kartının süresi 2026-05-20T02:00:00+02:00 tarihinde doldu'); // at the business's time
    expect((await told('/api/v1/gift-cards/NOPE-0000/charge', { amount: '1.00', idempotency_key: 'none' }, 'ru'))).toMatchObject({ status: 404, detail: 'Подарочная карта NOPE-0000 не найдена' });
    const past = { amount: '5.00', idempotency_key: 'past', expires_at: '2026-05-01T00:00:00Z' };
    expect((await told('/api/v1/gift-cards', past)).errors).toEqual([{ field: 'expires_at', reason: 'is in the past (2026-05-01T00:00:00.000Z; now 2026-06-02T12:00:00.000Z): the card could never be used' }]);
    expect((await told('/api/v1/gift-cards', past, 'da')).errors).toEqual([{ field: 'expires_at', reason: 'ligger i fortiden (2026-05-01T00:00:00.000Z; nu er det 2026-06-02T12:00:00.000Z): kortet kunne aldrig bruges' }]);
    // A field a card does not take is refused, not dropped: the card would be in euros whatever was sent.
    const dollars = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '5.00', idempotency_key: 'usd', currency: 'USD' } });
    expect(dollars.statusCode).toBe(422);
    expect(dollars.json().errors).toEqual([{ field: expect.any(String), reason: expect.stringContaining('currency') }]);
    // Nothing was charged or issued.
    expect((await api.call('GET', `/api/v1/gift-cards/${cards.open}`)).json().balance).toBe('17.50');
    expect((await api.call('GET', `/api/v1/customers/${ana}/gift-cards`)).json().items).toHaveLength(4);
  });

  it('names amount in errors when the balance is too low, as every refusal names its field, in the language asked', async () => {
    const tooMuch = { amount: '20.00', idempotency_key: 'too-much-named' };
    const reasons: Record<string, string> = {
      en: 'must be at most €17.50', sl: 'mora biti največ 17,50\u00a0€', tr: 'en fazla €17,50 olmalıdır', da: 'skal være højst 17,50\u00a0€', ru: 'должно быть не больше 17,50\u00a0€',
    };
    for (const [language, reason] of Object.entries(reasons)) {
      const res = await api.call('POST', `/api/v1/gift-cards/${cards.open}/charge`, { body: tooMuch, headers: { 'accept-language': language } });
      expect(res.statusCode, language).toBe(409);
      expect(res.json().errors, language).toEqual([{ field: 'amount', reason }]);
    }
    // The detail is as it was.
    const en = await api.call('POST', `/api/v1/gift-cards/${cards.open}/charge`, { body: tooMuch });
    expect(en.json().detail).toBe('Gift card balance is €17.50, less than €20.00');
    expect((await api.call('GET', `/api/v1/gift-cards/${cards.open}`)).json().balance).toBe('17.50');
  });

  it("refuses an erased customer's id, as the customer's own read does: no card issued, none listed", async () => {
    const gone = await customer('gone@example.com');
    await issue({ amount: '10.00', idempotency_key: 'gone-card', customer_id: gone });
    expect((await api.call('DELETE', `/api/v1/customers/${gone}`)).statusCode).toBe(200);
    expect((await api.call('GET', `/api/v1/customers/${gone}`)).statusCode).toBe(404);
    expect((await api.call('GET', `/api/v1/customers/${gone}/gift-cards`)).statusCode).toBe(404);
    expect((await api.call('GET', `/api/v1/customers/${gone}/coupons`)).statusCode).toBe(404);
    const refused = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '5.00', idempotency_key: 'to-gone', customer_id: gone } });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().detail).toBe(`Customer ${gone} not found`);
    expect((await api.services.db.selectFrom('gift_cards').select('code').where('idempotency_key', '=', 'to-gone').execute())).toEqual([]);
  });

  it("answers a merged id with the survivor's cards, the survivor named in Content-Location", async () => {
    expect((await api.call('POST', `/api/v1/customers/${bor}/merge`, { body: { from: ana } })).statusCode).toBe(200);
    const res = await api.call('GET', `/api/v1/customers/${ana}/gift-cards`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-location']).toBe(`/api/v1/customers/${bor}/gift-cards`);
    expect(res.json().customer_id).toBe(bor);
    // Bor's own card and the four Ana's merge moved to Bor.
    expect(res.json().items.map((g: { code: string }) => g.code)).toEqual(expect.arrayContaining([cards.bought, cards.open, cards.spent, cards.expiring]));
    expect(res.json().items).toHaveLength(5);
    expect(res.json().items.every((g: { customer_id: string }) => g.customer_id === bor)).toBe(true);
  });
});
