import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// The loyalty program as a POS and an integrator meet it: apply the example program,
// send a purchase and print the points, redeem a reward, scan and use the coupon.
const api = useTestApp({ keys: { till: ['read', 'write'], owner: ['read', 'write', 'admin'] } });

beforeAll(async () => {
  await api.services.stores.upsert({ code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
});

describe('loyalty over HTTP', () => {
  it('publishes the program JSON Schema without authentication', async () => {
    const res = await api.call('GET', '/api/v1/loyalty/program.schema.json', { key: null });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: 'Regulars loyalty program', type: 'object' });
    expect(res.json().properties).toHaveProperty('earning');
  });

  it('applies the example program (admin only) and lists every problem of a bad one', async () => {
    const program = JSON.parse(fs.readFileSync('examples/program.json', 'utf8'));
    expect((await api.call('POST', '/api/v1/loyalty/program', { body: { program } })).statusCode).toBe(403);
    const bad = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, rewards: [{ code: 'X!', type: 'gift_card', points: 0 }] } }, key: api.keys.owner });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['program.rewards.0.code', 'program.rewards.0.points', 'program.rewards.0.name']));
    const ok = await api.call('POST', '/api/v1/loyalty/program', { body: { program, note: 'launch' }, key: api.keys.owner });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ version: 1 });
  });

  it('answers a purchase with the points for the receipt', async () => {
    // 10 points per euro; 4.40 of coffee (×2) + 2.00 croissant = 6.40 paid:
    // (4.40 × 2 + 2.00) × 10 = 108 → 108; first purchase 200. Pending 14 days: all of it
    // is pending; the sign-up bonus (100) is spendable at once.
    const receipt = {
      external_id: 'till-1', customer: { external_id: 'card-77', email: 'mia@example.com' }, occurred_at: '2026-06-01T09:00:00+02:00', store: 'lj', total: '6.40',
      lines: [{ sku: 'COF-ESP', category: 'coffee', quantity: 2, unit_price: '2.20' }, { sku: 'BAK-CRO', category: 'bakery', quantity: 1, unit_price: '2.00' }],
    };
    const res = await api.call('POST', '/api/v1/purchases', { body: receipt });
    expect(res.statusCode).toBe(201);
    expect(res.json().loyalty).toEqual({ points_earned: 308, balance: 100, pending: 308, tier: 'member' });
    const replay = await api.call('POST', '/api/v1/purchases', { body: receipt });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().loyalty).toEqual({ points_earned: 308, balance: 100, pending: 308, tier: 'member' });
  });

  it('shows the account with lots, tier progress and an explanation', async () => {
    const customer = (await api.call('GET', '/api/v1/customers?query=mia@example.com')).json().items[0];
    const res = await api.call('GET', `/api/v1/customers/${customer.id}/loyalty`);
    expect(res.statusCode).toBe(200);
    const account = res.json();
    expect(account).toMatchObject({ member: true, balance: 100, pending: 308, points_name: 'beans', tier: { code: 'member', next: { code: 'silver', threshold: '250.00', missing: '243.60' } } });
    expect(account.lots).toHaveLength(3);
    // In the order things happened: the purchase (09:00 in Ljubljana), then the welcome
    // bonus given when it was recorded (12:00 UTC); the purchase's points still pending.
    expect(account.explanation.entries.map((e: { description: string }) => e.description)).toEqual([
      'Purchase till-1: €6.40 → 64 beans × 2 Coffee counts double (on 68.8% of the basket) = 108; 108 pending, spendable from 15\u00a0Jun\u00a02026',
      'First purchase bonus (till-1); 200 pending, spendable from 15\u00a0Jun\u00a02026',
      'Welcome bonus for joining',
    ]);
    const running = account.explanation.entries.map((e: { balance_after: number; spendable_after: number; pending_after: number }) => [e.balance_after, e.spendable_after, e.pending_after]);
    expect(running).toEqual([[108, 0, 108], [308, 0, 308], [408, 100, 308]]);
  });

  it('explains the entries in the language asked for, and names an unknown one', async () => {
    const customer = (await api.call('GET', '/api/v1/customers?query=mia@example.com')).json().items[0];
    const slAnswer = await api.call('GET', `/api/v1/customers/${customer.id}/loyalty?language=sl`);
    // Told in Slovenian, and saying so (QA F8), as a refusal told in it does.
    expect(slAnswer.headers['content-language']).toBe('sl');
    const sl = slAnswer.json();
    expect(sl.explanation.entries.map((e: { description: string }) => e.description)).toEqual([
      'Nakup till-1: 6,40\u00a0€ → 64 zrn × 2 Kava šteje dvojno (na 68,8\u00a0% košarice) = 108; 108 v čakanju, na voljo od 15.\u00a0jun.\u00a02026',
      'Bonus za prvi nakup (till-1); 200 v čakanju, na voljo od 15.\u00a0jun.\u00a02026',
      'Bonus dobrodošlice ob včlanitvi',
    ]);
    const ruAnswer = await api.call('GET', `/api/v1/customers/${customer.id}/loyalty?language=ru`);
    expect(ruAnswer.headers['content-language']).toBe('ru');
    expect((await api.call('GET', `/api/v1/customers/${customer.id}/loyalty`)).headers['content-language']).toBeUndefined();
    const ru = ruAnswer.json();
    expect(ru.explanation.entries[2].description).toBe('Приветственный бонус за вступление');
    const wrong = await api.call('GET', `/api/v1/customers/${customer.id}/loyalty?language=de`);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].field).toBe('language');
  });

  it('redeems a reward for a coupon that a till scans and uses once', async () => {
    const customer = (await api.call('GET', '/api/v1/customers?query=mia@example.com')).json().items[0];
    const poor = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'r-1' } });
    expect(poor.statusCode).toBe(409);
    // What is spendable, and what is still in the return window and from when.
    expect(poor.json().detail).toBe('Not enough beans: "A coffee on us" costs 500 beans, 100 are available (308 more beans pending, the first spendable on 2026-06-15)');
    // Every part by the program's name for the points, in the form for its number (QA: Turkish said "308 puan daha beklemede" after "500 çekirdek").
    const told = async (language: string) => (await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'r-1' }, headers: { 'accept-language': language } })).json().detail;
    expect(await told('tr')).toBe('Yeterli çekirdek yok: "Bizden bir kahve" için 500 çekirdek gerekiyor; kullanılabilir: 100 (308 çekirdek daha beklemede, ilki 2026-06-15 tarihinde kullanılabilir)');
    expect(await told('sl')).toMatch(/^Premalo zrn: ".+" stane 500 zrn, na voljo: 100 \(še 308 zrn v čakanju, /);
    expect(await told('ru')).toMatch(/^Недостаточно зёрен: ".+" стоит 500 зёрен, доступно: 100 \(ещё 308 зёрен в ожидании, /);
    expect(await told('da')).toMatch(/^Ikke nok bønner: ".+" koster 500 bønner, 100 er til rådighed \(yderligere 308 bønner afventer, /);
    api.services.clock.set('2026-06-20T12:00:00Z'); // the holding period is over: 408 spendable
    const noReason = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/adjustments`, { body: { points: 200, idempotency_key: 'gift-1' } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].field).toBe('reason');
    const gift = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/adjustments`, { body: { points: 200, reason: 'Sorry for the wait', idempotency_key: 'gift-1' } });
    expect(gift.statusCode).toBe(201);
    expect(gift.json().balance).toBe(608);
    const redeemed = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'r-1' } });
    expect(redeemed.statusCode).toBe(201);
    // Redemptions of a moment share a transaction, and the answer says where the time went (a refusal too).
    for (const r of [poor, redeemed]) expect(r.headers['server-timing']).toMatch(/^queue;dur=[\d.]+, db;dur=[\d.]+;desc="a group of 1", total;dur=[\d.]+$/);
    const code = redeemed.json().coupon.code as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // A retry answers the first redemption, as every write with a key does: 200, Idempotent-Replayed.
    const retried = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'r-1' } });
    expect([retried.statusCode, retried.headers['idempotent-replayed']]).toEqual([200, 'true']);
    expect(retried.json()).toMatchObject({ created: false, coupon: { code }, points_spent: redeemed.json().points_spent });
    const giftAgain = await api.call('POST', `/api/v1/customers/${customer.id}/loyalty/adjustments`, { body: { points: 200, reason: 'Sorry for the wait', idempotency_key: 'gift-1' } });
    expect([giftAgain.statusCode, giftAgain.headers['idempotent-replayed']]).toEqual([200, 'true']);
    const scanned = await api.call('GET', `/api/v1/coupons/${code}`);
    expect(scanned.json()).toMatchObject({ usable: true, benefit: { type: 'free_product', sku: 'COF-ESP' } });
    const used = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { body: { idempotency_key: 'till-1-cpn', order_ref: 'till-2' } });
    expect(used.statusCode).toBe(201);
    const twice = await api.call('POST', `/api/v1/coupons/${code}/redeem`, { body: { idempotency_key: 'till-2-cpn' } });
    expect(twice.statusCode).toBe(409);
    expect((await api.call('GET', '/api/v1/coupons/NOPE-NOPE-NOPE')).statusCode).toBe(404);
  });

  // Regression: the two answered their created flag by status and header only, where a
  // redemption, a reservation and a gift card charge say it in the body too.
  it('issues a gift card and creates a campaign once per idempotency key: 201 created, then 200 replayed and not created, 409 for another body', async () => {
    // Admin writes: a till's key may not make them.
    expect((await api.call('POST', '/api/v1/gift-cards', { body: { amount: '20.00', idempotency_key: 'gc-1' } })).statusCode).toBe(403);
    const noKey = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '20.00' }, key: api.keys.owner });
    expect(noKey.statusCode).toBe(422);
    expect(noKey.json().errors).toEqual([{ field: 'idempotency_key', reason: expect.stringMatching(/required/) }]);
    const issued = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '20.00', idempotency_key: 'gc-1' }, key: api.keys.owner });
    expect(issued.statusCode).toBe(201);
    expect(issued.headers['idempotent-replayed']).toBeUndefined();
    expect(issued.json()).toMatchObject({ created: true, initial: '20.00', balance: '20.00' });
    const retried = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '20.00', idempotency_key: 'gc-1' }, key: api.keys.owner });
    expect(retried.statusCode).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.json()).toEqual({ ...issued.json(), created: false });
    // Read, the card is the card: no created flag.
    const { created: _issuedNow, ...card } = issued.json();
    expect((await api.call('GET', `/api/v1/gift-cards/${card.code}`)).json()).toEqual(card);
    const changed = await api.call('POST', '/api/v1/gift-cards', { body: { amount: '30.00', idempotency_key: 'gc-1' }, key: api.keys.owner });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().detail).toMatch(/gc-1/);

    const campaign = { name: 'Launch', benefit: { type: 'percent_discount', percent: 10 }, count: 5, idempotency_key: 'launch-1' };
    expect((await api.call('POST', '/api/v1/coupons/campaigns', { body: { ...campaign, idempotency_key: undefined }, key: api.keys.owner })).statusCode).toBe(422);
    const created = await api.call('POST', '/api/v1/coupons/campaigns', { body: campaign, key: api.keys.owner });
    expect(created.statusCode).toBe(201);
    expect(created.headers['idempotent-replayed']).toBeUndefined();
    expect(created.json()).toMatchObject({ created: true, name: 'Launch' });
    expect(created.json().codes).toHaveLength(5);
    const again = await api.call('POST', '/api/v1/coupons/campaigns', { body: campaign, key: api.keys.owner });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual({ ...created.json(), created: false });
    const other = await api.call('POST', '/api/v1/coupons/campaigns', { body: { ...campaign, count: 6 }, key: api.keys.owner });
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toMatch(/launch-1/);

    // The OpenAPI document says so.
    const doc = (await api.call('GET', '/api/openapi.json', { key: null })).json();
    for (const path of ['/api/v1/gift-cards', '/api/v1/coupons/campaigns']) {
      const op = doc.paths[path].post;
      expect(op.requestBody.content['application/json'].schema.required).toContain('idempotency_key');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '201', '409']));
      for (const status of ['200', '201']) {
        const body = op.responses[status].content['application/json'].schema;
        expect([path, status, body.required, body.properties?.created?.type]).toEqual([path, status, expect.arrayContaining(['created']), 'boolean']);
      }
    }
  });

  it('reports liability and proves the ledger', async () => {
    const report = (await api.call('GET', '/api/v1/loyalty/report')).json();
    // Earned 100 + 108 + 200 = 408, added by staff 200, redeemed 500: 108 outstanding, worth 1.08 € at 0.01 €.
    expect(report.points).toMatchObject({ earned: 408, adjusted_in: 200, adjusted_out: 0, issued: 608, redeemed: 500, outstanding: 108 });
    expect(report.liability).toEqual({ points: 108, value: '1.08', point_value: '0.01', currency: 'EUR' });
    // Of the points issued (earned and added by staff), not of those earned alone: 500 of 408 read 122.5 %.
    expect(report.redemption_rate).toBeCloseTo(500 / 608);
    const verify = await api.call('GET', '/api/v1/loyalty/verify', { key: api.keys.owner });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
