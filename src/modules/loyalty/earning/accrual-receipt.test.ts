import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';

// The earning rules as README's "Earning" states them, on a small case worked out by hand:
// overlapping multipliers (category × SKU on their lines' share, store, channel, tier on the
// whole purchase), a promotion dated by days (midnight in the business's TIMEZONE,
// Europe/Ljubljana in tests) and one with a category condition and bonus points, a daily
// cap on the store's local day, `nearest` rounding once per purchase — each purchase sent
// through POST /api/v1/purchases as a till sends it, its receipt (`loyalty`) compared with
// the numbers on paper, then the same purchases as one batch in reverse order.

const api = useTestApp({ keys: { pos: ['read', 'write'], owner: ['read', 'write', 'admin'] } });

const program = {
  name: 'Audit Rewards',
  enrolment: 'automatic',
  earning: {
    points_per_currency_unit: 10,
    rounding: 'nearest',
    multipliers: [
      { name: 'Coffee x2', when: { categories: ['coffee'] }, factor: 2 },
      { name: 'Beans x1.5', when: { skus: ['BEAN-1'] }, factor: 1.5 },
      { name: 'Ljubljana store', when: { stores: ['LJ'] }, factor: 1.1 },
      { name: 'Online', when: { channels: ['online'] }, factor: 1.25 },
    ],
    promotions: [
      { name: 'Double Saturday', from: '2026-05-09', to: '2026-05-10', factor: 2 },
      { name: 'Mug Wednesday', from: '2026-05-06', to: '2026-05-07', when: { categories: ['mug'] }, factor: 3, bonus_points: 7 },
    ],
    daily_cap: 1000,
  },
  bonuses: { sign_up: 100, first_purchase: 50 },
  tiers: {
    metric: 'spend', window: 'lifetime', grace_days: 0,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '100.00', benefits: { points_multiplier: 1.2 } },
    ],
  },
};

const line = (sku: string, category: string, unit_price: string, quantity = 1) => ({ sku, category, quantity, unit_price });

/** [purchase, what it must earn on its receipt, the balance after it, the tier after it], worked out by hand. */
const CASES: [Record<string, unknown>, number, number, string][] = [
  // 200 × (60 % × 2 × 1.5 + 40 % × 1) × 1.1 = 484, + 50 first purchase; the balance has the 100 sign-up bonus too.
  [{ external_id: 'P01', customer: 'ana', occurred_at: '2026-05-08T10:00:00+02:00', store: 'LJ', total: '20.00', lines: [line('BEAN-1', 'coffee', '12.00'), line('MUG', 'mug', '8.00')] }, 534, 634, 'member'],
  // 600 × 2 × 1.25 = 1,500 (the discount is already out of the total); the day's cap leaves 1,000 − 484 = 516.
  [{ external_id: 'P02', customer: 'ana', occurred_at: '2026-05-08T22:30:00+02:00', channel: 'online', total: '60.00', discount: '5.00', lines: [line('COF-1', 'coffee', '32.50', 2)] }, 516, 1150, 'member'],
  // 00:30 the next local day: a new cap, and Double Saturday: 100 × 1.1 × 2 = 220.
  [{ external_id: 'P03', customer: 'ana', occurred_at: '2026-05-09T00:30:00+02:00', store: 'LJ', total: '10.00' }, 220, 1370, 'member'],
  // The last second before the promotion, its last second, and its end (excluded).
  [{ external_id: 'P04', customer: 'bo', occurred_at: '2026-05-08T23:59:59+02:00', store: 'LJ', total: '10.00' }, 160, 260, 'member'],
  [{ external_id: 'P05', customer: 'bo', occurred_at: '2026-05-09T23:59:59+02:00', store: 'LJ', total: '10.00' }, 220, 480, 'member'],
  [{ external_id: 'P06', customer: 'bo', occurred_at: '2026-05-10T00:00:00+02:00', store: 'LJ', total: '10.00' }, 110, 590, 'member'],
  // Saturday 18:30 in New York is Sunday 00:30 in Ljubljana: no promotion. The line is the
  // whole of the lines, so the whole 60.00 counts as coffee: 600 × 2 = 1,200, capped at 1,000
  // on New York's 9 May; the first-purchase bonus is not capped.
  [{ external_id: 'P07', customer: 'cy', occurred_at: '2026-05-09T18:30:00-04:00', store: 'NY', total: '60.00', lines: [line('COF-1', 'coffee', '50.00')] }, 1050, 1150, 'member'],
  [{ external_id: 'P08', customer: 'cy', occurred_at: '2026-05-09T19:00:00-04:00', store: 'NY', total: '5.00' }, 0, 1150, 'member'],
  [{ external_id: 'P09', customer: 'cy', occurred_at: '2026-05-10T00:00:00-04:00', store: 'NY', total: '5.00' }, 50, 1200, 'member'],
  // 95.00 + 10.00 reaches silver (100.00) with P11, so P12 earns at ×1.2: 100 × 2 × 1.5 × 1.25 × 1.2 = 450.
  [{ external_id: 'P10', customer: 'di', occurred_at: '2026-05-07T12:00:00+02:00', total: '95.00' }, 1000, 1100, 'member'],
  [{ external_id: 'P11', customer: 'di', occurred_at: '2026-05-08T09:00:00+02:00', total: '10.00' }, 100, 1200, 'silver'],
  [{ external_id: 'P12', customer: 'di', occurred_at: '2026-05-08T10:00:00+02:00', channel: 'online', total: '10.00', lines: [line('BEAN-1', 'coffee', '10.00')] }, 450, 1650, 'silver'],
  // 80.5 × 1.1 = 88.55 → 89 (nearest; floor would give 88).
  [{ external_id: 'P13', customer: 'ed', occurred_at: '2026-05-06T12:00:00+02:00', store: 'LJ', total: '8.05' }, 139, 239, 'member'],
  // A first purchase of nothing earns no bonus; a discount of all the lines changes nothing (one
  // beyond them is refused, naming `discount`: commerce purchase-discount.test.ts).
  [{ external_id: 'P14', customer: 'fay', occurred_at: '2026-05-06T12:00:00+02:00', total: '0.00', discount: '5.00', lines: [line('MUG', 'mug', '5.00')] }, 0, 100, 'member'],
  // Mug Wednesday applies to the mug's half only, and its 7 bonus points are not multiplied:
  // 200 × (50 % × 2 + 50 % × 3) + 7 = 507, + 50.
  [{ external_id: 'P16', customer: 'hal', occurred_at: '2026-05-06T12:00:00+02:00', total: '20.00', lines: [line('COF-1', 'coffee', '10.00'), line('MUG', 'mug', '10.00')] }, 557, 657, 'member'],
];

const body = (p: Record<string, unknown>, suffix: string) => ({
  channel: 'in_store', ...p, external_id: `${String(p.external_id)}${suffix}`, customer: { email: `${String(p.customer)}${suffix}@example.com` },
});

beforeAll(async () => {
  const s = api.services;
  await s.stores.upsert({ code: 'LJ', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  await s.stores.upsert({ code: 'NY', name: 'New York', time_zone: 'America/New_York' }, { actor: 'test' });
  // The first version may be dated back, for a history recorded after it.
  await s.loyalty.applyProgram({ program, effective_from: '2026-01-01' }, { actor: 'test' });
});

describe('a purchase’s receipt, worked out by hand', () => {
  it('earns what README’s rules give, one purchase a request', async () => {
    for (const [p, earned, balance, tier] of CASES) {
      const answer = await api.call('POST', '/api/v1/purchases', { body: body(p, '') });
      expect(answer.statusCode, answer.body).toBe(201);
      expect(answer.json().loyalty, String(p.external_id)).toEqual({ points_earned: earned, balance, pending: 0, tier });
    }
    // A till's retry answers the same points, with the account as it is now.
    const retry = await api.call('POST', '/api/v1/purchases', { body: body(CASES[0][0], '') });
    expect(retry.statusCode).toBe(200);
    expect(retry.json().loyalty).toEqual({ points_earned: 534, balance: 1370, pending: 0, tier: 'member' });
  });

  it('says how each was reached', async () => {
    const ana = (await api.call('GET', '/api/v1/customers?query=ana@example.com')).json().items[0].id;
    const said = (await api.call('GET', `/api/v1/customers/${ana}/loyalty`)).json().explanation.entries.map((e: { description: string }) => e.description);
    expect(said).toContain('Purchase P01: €20.00 → 200 points × 2 Coffee x2 (on 60% of the basket) × 1.5 Beans x1.5 (on 60% of the basket) × 1.1 Ljubljana store = 484');
    expect(said).toContain('Purchase P02: €60.00 → 600 points × 2 Coffee x2 × 1.25 Online = 1500; only 516 earned: other purchases on 8\u00a0May\u00a02026 had already earned 484 of the daily cap of 1000 points');
    const ed = (await api.call('GET', '/api/v1/customers?query=ed@example.com')).json().items[0].id;
    expect((await api.call('GET', `/api/v1/customers/${ed}/loyalty`)).json().explanation.entries[0].description)
      .toBe('Purchase P13: €8.05 → 80.5 points × 1.1 Ljubljana store = 88.55 → 89 (nearest)');
  });

  it('earns the same when the purchases come as one batch, in reverse order', async () => {
    const res = await api.call('POST', '/api/v1/purchases/batch', { body: { purchases: [...CASES].reverse().map(([p]) => body(p, '-b')) } });
    expect(res.statusCode, res.body).toBe(200);
    const receipts = res.json().results.map((r: { purchase: { loyalty: unknown } }) => r.purchase.loyalty).reverse();
    expect(receipts).toEqual(CASES.map(([, earned, balance, tier]) => ({ points_earned: earned, balance, pending: 0, tier })));
  });
});
