import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/helpers/app.ts';

// What the API answers, checked where an acceptance audit found it wanting: a purchase read
// back with its points, a campaign's chosen code as chosen, a repeated survey bonus as a
// replay, a captured checkout reservation as spent, a program version's note, a warning
// when a new version keeps a scheduled one out, a missing field named as required, and
// lifetime figures that add up to the balance.

const api = useTestApp({ keys: { owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Answers',
  earning: { points_per_currency_unit: 10 },
  bonuses: { survey: 50 },
  rewards: [{ code: 'coffee', name: 'Free coffee', type: 'free_product', sku: 'ESP', points: 100 }],
};

beforeAll(async () => {
  await api.services.loyalty.applyProgram({ program }, { actor: 'test' });
});


const buy = async (externalId: string, card: string, total: string) => {
  const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: externalId, customer: { external_id: card }, occurred_at: '2026-05-20T09:00:00Z', total } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; customer_id: string; loyalty: { points_earned: number } };
};

let ana: string;

describe('GET /purchases/{id}', () => {
  it('carries the points the purchase earned and the balance now, after partial refunds too', async () => {
    // 20.07 × 10 = 200.7 → 200 (floor). Refunds of 0.01 and 0.07: the cumulative share
    // 0.08 / 20.07 of 200 points is 0.797, rounded to the nearest: 1 point taken back.
    const bought = await buy('A-3', 'card-A', '20.07');
    ana = bought.customer_id;
    expect(bought.loyalty).toMatchObject({ points_earned: 200 });
    expect((await api.call('POST', '/api/v1/purchases/A-3/refunds', { body: { external_id: 'R-A3-1', amount: '0.01' } })).json().loyalty).toMatchObject({ points_reversed: 0 });
    expect((await api.call('POST', '/api/v1/purchases/A-3/refunds', { body: { external_id: 'R-A3-2', amount: '0.07' } })).json().loyalty).toMatchObject({ points_reversed: 1 });
    for (const ref of ['A-3', bought.id]) {
      const res = await api.call('GET', `/api/v1/purchases/${ref}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ external_id: 'A-3', refunded: '0.08' });
      expect(res.json().loyalty).toEqual({ points_earned: 200, balance: 199, pending: 0, tier: null });
    }
  });

  it("finds the points of a purchase a merge moved, in the merged customer's ledger", async () => {
    const other = await buy('X-1', 'card-X', '10.00');
    expect((await api.call('POST', `/api/v1/customers/${ana}/merge`, { body: { from: other.customer_id } })).statusCode).toBe(200);
    const res = await api.call('GET', '/api/v1/purchases/X-1');
    expect(res.json().customer_id).toBe(ana);
    expect(res.json().loyalty).toEqual({ points_earned: 100, balance: 299, pending: 0, tier: null });
    // A replay of it answers the same (the receipt of a purchase sent again).
    const replay = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'X-1', customer: { external_id: 'card-X' }, occurred_at: '2026-05-20T09:00:00Z', total: '10.00' } });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().loyalty).toEqual({ points_earned: 100, balance: 299, pending: 0, tier: null });
  });
});

describe('a missing required field', () => {
  it('is named as required, not as "Invalid input"', async () => {
    const res = await api.call('POST', '/api/v1/purchases', { body: { external_id: 'no-total', customer: { external_id: 'card-A' }, occurred_at: '2026-05-20T09:00:00Z' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'total', reason: 'is required' }]);
    expect(res.json().detail).toBe('Invalid purchase: total: is required');
  });
});

describe('campaign codes', () => {
  it("shows a shared code as the merchant chose it, and generated codes in groups of four", async () => {
    const shared = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Winter', idempotency_key: 'winter', benefit: { type: 'percent_discount', percent: 10 }, code: 'WINTER26', max_uses: 100 } });
    expect(shared.statusCode).toBe(201);
    expect(shared.json().codes).toEqual(['WINTER26']);
    const replay = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Winter', idempotency_key: 'winter', benefit: { type: 'percent_discount', percent: 10 }, code: 'WINTER26', max_uses: 100 } });
    expect(replay.statusCode).toBe(200);
    expect(replay.json().codes).toEqual(['WINTER26']);
    // Typed any way at the till, it is the same code, shown as chosen.
    expect((await api.call('GET', '/api/v1/coupons/wint-er26')).json()).toMatchObject({ code: 'WINTER26', usable: true });
    const used = await api.call('POST', '/api/v1/coupons/winter26/redeem', { body: { idempotency_key: 'till-1' } });
    expect(used.statusCode).toBe(201);
    expect(used.json().coupon.code).toBe('WINTER26');

    const generated = await api.call('POST', '/api/v1/coupons/campaigns', { body: { name: 'Flyers', idempotency_key: 'flyers', benefit: { type: 'percent_discount', percent: 5 }, count: 2 } });
    expect(generated.json().codes).toHaveLength(2);
    for (const code of generated.json().codes) expect(code).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });
});

describe('the survey bonus', () => {
  it('answers a repeated response as a replay of the first answer', async () => {
    const first = await api.call('POST', `/api/v1/customers/${ana}/loyalty/bonuses/survey`, { body: { response_id: 'resp-1' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ points: 50 });
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await api.call('POST', `/api/v1/customers/${ana}/loyalty/bonuses/survey`, { body: { response_id: 'resp-1' } });
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual({ points: 50 });
    const ledger = await api.services.db.selectFrom('loyalty_entries').select('points').where('idempotency_key', '=', 'bonus:survey:resp-1').execute();
    expect(ledger).toEqual([{ points: 50 }]);
  });
});

describe('a checkout reservation in the account', () => {
  it('reads as held while held, and as spent at checkout once captured, in every language', async () => {
    const held = (await api.call('POST', `/api/v1/customers/${ana}/loyalty/reservations`, { body: { points: 30, idempotency_key: 'res-1', order_ref: 'order-1' } })).json().reservation;
    const entry = async (language: string) => {
      const account = (await api.call('GET', `/api/v1/customers/${ana}/loyalty?language=${language}`)).json();
      return account.explanation.entries.find((e: { source: { type: string; id: string } }) => e.source.type === 'reservation' && e.source.id === held.id).description as string;
    };
    expect(await entry('en')).toBe('Points held at checkout (order-1)');
    const heldSaid = new Map<string, string>();
    for (const language of ['sl', 'tr', 'da', 'ru']) heldSaid.set(language, await entry(language));
    // A till that sends a JSON content type with no body (as many do) is answered as one that sends none.
    const captured = await api.call('POST', `/api/v1/customers/${ana}/loyalty/reservations/${held.id}/capture`, { headers: { 'content-type': 'application/json' }, body: '' });
    expect([captured.statusCode, captured.headers['idempotent-replayed']]).toEqual([200, undefined]);
    // Captured again (a till's retry): the same answer, marked as a replay like every retried write.
    const again = await api.call('POST', `/api/v1/customers/${ana}/loyalty/reservations/${held.id}/capture`);
    expect([again.statusCode, again.headers['idempotent-replayed'], again.json().reservation]).toEqual([200, 'true', captured.json().reservation]);
    expect(await entry('en')).toBe('Points spent at checkout (order-1)');
    for (const [language, before] of heldSaid) {
      const after = await entry(language);
      expect(after).toContain('order-1');
      expect(after, language).not.toBe(before);
    }
  });
});

describe('lifetime figures', () => {
  it('add up to the balance with adjustments, reversals and merges counted', async () => {
    expect((await api.call('POST', `/api/v1/customers/${ana}/loyalty/adjustments`, { body: { points: 2800, reason: 'goodwill for the wait', idempotency_key: 'adj-1' } })).statusCode).toBe(201);
    expect((await api.call('POST', `/api/v1/customers/${ana}/loyalty/adjustments`, { body: { points: -50, reason: 'entered twice', idempotency_key: 'adj-2' } })).statusCode).toBe(201);
    expect((await api.call('POST', `/api/v1/customers/${ana}/loyalty/redemptions`, { body: { reward: 'coffee', idempotency_key: 'red-1' } })).statusCode).toBe(201);
    const a = (await api.call('GET', `/api/v1/customers/${ana}/loyalty`)).json();
    // Earned 200 and the survey's 50; adjusted +100 (merged in from card-X), +2800, −50;
    // redeemed 100 (the coffee) + 30 (the captured reservation); 1 taken back on a refund.
    expect(a.lifetime).toEqual({ earned: 250, adjusted: 2850, redeemed: 130, reversed: 1, expired: 0 });
    const { earned, adjusted, redeemed, reversed, expired } = a.lifetime;
    expect(earned + adjusted - redeemed - reversed - expired).toBe(a.balance + a.pending + a.expiring_now);
    expect(a.balance).toBe(2969);
  });
});

describe('program versions', () => {
  it('returns the note a version was applied with, in the program, its versions and the version', async () => {
    const applied = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, name: 'Answers 2' }, note: 'spring tiers' } });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({ version: 2, note: 'spring tiers', warnings: [] });
    const current = (await api.call('GET', '/api/v1/loyalty/program')).json();
    expect(current.current).toMatchObject({ version: 2, note: 'spring tiers' });
    expect(current.versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([[1, null], [2, 'spring tiers']]);
    expect((await api.call('GET', '/api/v1/loyalty/program/versions/2')).json()).toMatchObject({ version: 2, note: 'spring tiers' });
  });

  it('warns, naming it and its date, when a version applied now keeps a scheduled one out', async () => {
    const scheduled = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, name: 'Christmas' }, effective_from: '2026-12-10T00:00:00Z' } });
    expect(scheduled.json()).toMatchObject({ version: 3, warnings: [] });
    // A version applied now, and one dated after the scheduled one's date: only the first keeps it out.
    const now = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, name: 'Typo fixed' }, note: 'fix' } });
    expect(now.statusCode).toBe(201);
    expect(now.json().warnings).toEqual([{
      code: 'scheduled_version_overridden', version: 3, effective_from: '2026-12-10T00:00:00.000Z',
      message: expect.stringMatching(/^Version 3, scheduled to take effect on 2026-12-10T00:00:00\.000Z, will never be in force: version 4/),
    }]);
    // What the warning says: on the scheduled date the later-applied version is still in force.
    expect((await api.services.loyalty.programAt(new Date('2026-12-11T00:00:00Z')))?.version).toBe(4);
    const later = await api.call('POST', '/api/v1/loyalty/program', { body: { program: { ...program, name: 'Next year' }, effective_from: '2027-01-01T00:00:00Z' } });
    expect(later.json().warnings).toEqual([]);
  });
});
