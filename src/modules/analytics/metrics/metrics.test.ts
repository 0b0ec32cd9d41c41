import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { cohortRetention, loyaltyMetrics, resolvePeriod } from './index.ts';

// A small café business whose every figure is worked out by hand below. Both stores and
// the business are in Europe/Ljubljana (CET, UTC+1 in winter); EUR; "today" is 2026-06-01.
//
//   id   customer  local date        store    total  notes
//   p1   A         2024-05-01        center   10.00
//   p2   B         2024-06-01        center   10.00
//   p3   C         2024-07-01        airport  10.00
//   p4   A         2025-01-10 09:00  center   10.00
//   p5   A         2025-01-10 17:00  center    5.00  same day as p4: one purchase day
//   p6   A         2025-03-05        center   20.00  promo code SPRING
//   p7   B         2025-02-01        airport   8.00
//   p8   D         2025-02-14        center   30.00  discount 5.00, no code
//   p9   D         2025-02-20        center   12.00  2.00 refunded → net 10.00
//   p10  D         2025-07-01        airport   6.00
//   p11  E         2025-12-31 23:30  center    4.00  promo code XMAS
//   p12  G         2025-02-03        center    7.00
//   p13  G         2025-03-10        center    7.00
//   p14  H         2025-01-20        airport   9.00
//   p15  E         2026-01-01 00:30  center    4.00  2025-12-31 23:30 UTC, but 2026 locally
//
// Loyalty members (added after the first test): A gold, G gold, D silver, B a member with
// no tier; C, E and H have no member row.

const customer = (card: string) => ({ external_id: `card-${card}` });
const buy = (id: string, card: string, occurred_at: string, store: string, total: string, extra: Record<string, unknown> = {}) =>
  ({ external_id: id, customer: customer(card), occurred_at, store, total, ...extra });

let s: Awaited<ReturnType<typeof openTestServices>>;
const ids = new Map<string, string>();

beforeAll(async () => {
  s = await openTestServices({ TIMEZONE: 'Europe/Ljubljana', CURRENCY: 'EUR' });
  await s.stores.upsert({ code: 'center', name: 'Center', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  await s.stores.upsert({ code: 'airport', name: 'Airport', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  const outcomes = await recordPurchases(s, [
    buy('p1', 'A', '2024-05-01', 'center', '10.00'),
    buy('p2', 'B', '2024-06-01', 'center', '10.00'),
    buy('p3', 'C', '2024-07-01', 'airport', '10.00'),
    buy('p4', 'A', '2025-01-10T09:00:00+01:00', 'center', '10.00'),
    buy('p5', 'A', '2025-01-10T17:00:00+01:00', 'center', '5.00'),
    buy('p6', 'A', '2025-03-05', 'center', '20.00', { promo_code: 'SPRING' }),
    buy('p7', 'B', '2025-02-01', 'airport', '8.00'),
    buy('p8', 'D', '2025-02-14', 'center', '30.00', { discount: '5.00' }),
    buy('p9', 'D', '2025-02-20', 'center', '12.00'),
    buy('p10', 'D', '2025-07-01', 'airport', '6.00'),
    buy('p11', 'E', '2025-12-31T23:30:00+01:00', 'center', '4.00', { promo_code: 'XMAS' }),
    buy('p12', 'G', '2025-02-03', 'center', '7.00'),
    buy('p13', 'G', '2025-03-10', 'center', '7.00'),
    buy('p14', 'H', '2025-01-20', 'airport', '9.00'),
    buy('p15', 'E', '2026-01-01T00:30:00+01:00', 'center', '4.00'),
  ], { source: 'test' });
  const cards = ['A', 'B', 'C', 'A', 'A', 'A', 'B', 'D', 'D', 'D', 'E', 'G', 'G', 'H', 'E'];
  for (const o of outcomes) {
    if (o.status !== 'created') throw new Error(`purchase ${o.index} not recorded: ${JSON.stringify(o)}`);
    ids.set(cards[o.index], o.customerId);
  }
  await s.commerce.refund('p9', { external_id: 'r9', amount: '2.00' }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
});

describe('loyalty metrics of a year', () => {
  it('computes every figure of 2025 with its sample size (no loyalty members yet)', async () => {
    // 2025 (local dates 2025-01-01 … 2025-12-31): p4–p14, 11 purchases by A, B, D, E, G, H = 6 customers.
    // Net: A 10+5+20 = 35, B 8, D 30+10+6 = 46, E 4, G 14, H 9 → 116.00.
    // Purchase days: A 2 (01-10, 03-05), B 1, D 3, E 1 (p15 is 2026 locally), G 2, H 1
    //   → repeat customers A, D, G = 3 of 6 → ratio 0.5.
    // Average check 116.00 / 11 = 10.545… → 10.55. Frequency 11 / 6 = 1.8333.
    // Previous period 2024: A, B, C; C did not buy in 2025 → churn 1 / 3 = 0.3333.
    // CLV: annual revenue per customer 116 / 6 = 19.33; years = 1 / (1/3) = 3;
    //   19.333… × 3 − 10.00 = 58.00 − 10.00 = 48.00.
    // Repeat customers' revenue 35 + 46 + 14 = 95.00 (8 purchases), others 8 + 4 + 9 = 21.00 (3).
    // Promotions: repeat p6 (code), p8 (discount) = 2 of 8, by A and D; others p11 (code) = 1 of 3, by E.
    const m = await loyaltyMetrics(s, { year: '2025', acquisition_cost: '10.00' });
    expect(m).toMatchObject({
      period: { from: '2025-01-01', to: '2025-12-31', days: 365, previous: { from: '2024-01-01', to: '2024-12-31' } },
      store: null,
      currency: 'EUR',
      customers: 6,
      purchases: 11,
      revenue: '116.00',
      repeat_purchase_ratio: { value: 0.5, repeat_customers: 3, customers: 6 },
      average_check: { value: '10.55', purchases: 11 },
      purchase_frequency: { value: 1.8333, purchases: 11, customers: 6 },
      churn_rate: { value: 0.3333, churned_customers: 1, previous_customers: 3 },
      clv: { value: '48.00', annual_revenue_per_customer: '19.33', average_lifetime_years: 3, acquisition_cost: '10.00', customers: 6, previous_customers: 3, churned_customers: 1, note: null, note_code: null },
      revenue_by_customer_type: {
        repeat: { customers: 3, purchases: 8, revenue: '95.00', share_of_revenue: 0.819, average_check: '11.88' }, // 95 / 116 = 0.81897; 95 / 8 = 11.875, half up
        other: { customers: 3, purchases: 3, revenue: '21.00', share_of_revenue: 0.181, average_check: '7.00' },
      },
      promotions: {
        repeat: { customers: 3, purchases: 8, promo_purchases: 2, share: 0.25, promo_customers: 2 },
        other: { customers: 3, purchases: 3, promo_purchases: 1, share: 0.3333, promo_customers: 1 },
        all: { customers: 6, purchases: 11, promo_purchases: 3, share: 0.2727, promo_customers: 3 },
      },
    });
    // The loyalty module has no members yet: everyone is "none".
    expect(m.revenue_by_tier).toEqual([{ tier: 'none', customers: 6, purchases: 11, revenue: '116.00', share_of_revenue: 1, average_check: '10.55' }]); // 116 / 11 = 10.545
  });

  it('groups revenue by loyalty tier, members without a tier and non-members as "none"', async () => {
    const member = (card: string, tier: string | null) => ({
      customer_id: ids.get(card)!, joined_at: '2024-01-01T00:00:00Z', tier, updated_at: '2024-01-01T00:00:00Z',
    });
    await s.db.insertInto('loyalty_members').values([member('A', 'gold'), member('G', 'gold'), member('D', 'silver'), member('B', null)]).execute();
    // gold: A 35 + G 14 = 49.00 (2 customers, 3 + 2 purchases); silver: D 46.00 (1, 3);
    // none: B 8 + E 4 + H 9 = 21.00 (3, 3). Sorted by revenue.
    const m = await loyaltyMetrics(s, { year: 2025 });
    expect(m.revenue_by_tier).toEqual([
      { tier: 'gold', customers: 2, purchases: 5, revenue: '49.00', share_of_revenue: 0.4224, average_check: '9.80' }, // 49 / 116; 49 / 5
      { tier: 'silver', customers: 1, purchases: 3, revenue: '46.00', share_of_revenue: 0.3966, average_check: '15.33' }, // 46 / 116; 46 / 3 = 15.333
      { tier: 'none', customers: 3, purchases: 3, revenue: '21.00', share_of_revenue: 0.181, average_check: '7.00' },
    ]);
    expect(m.clv).toMatchObject({ value: '58.00', acquisition_cost: '0.00' }); // no acquisition cost given
  });

  it('filters by store', async () => {
    // center, 2025: p4 p5 p6 (A), p8 p9 (D), p11 (E), p12 p13 (G) = 8 purchases, 4 customers.
    // Net: A 35, D 30 + 10 = 40, E 4, G 14 → 93.00. Repeat: A (2 days), D (02-14, 02-20), G → 3 of 4 = 0.75.
    // Average check 93 / 8 = 11.625 → 11.63 (half rounds up). Frequency 8 / 4 = 2.
    // center 2024: A, B; B bought at the airport only in 2025 → churn 1 / 2 = 0.5 → 2 years.
    // CLV 93 / 4 = 23.25 a year × 2 − 0 = 46.50.
    const m = await loyaltyMetrics(s, { year: '2025', store: 'center' });
    expect(m).toMatchObject({
      store: 'center',
      customers: 4,
      purchases: 8,
      revenue: '93.00',
      repeat_purchase_ratio: { value: 0.75, repeat_customers: 3, customers: 4 },
      average_check: { value: '11.63', purchases: 8 },
      purchase_frequency: { value: 2, purchases: 8, customers: 4 },
      churn_rate: { value: 0.5, churned_customers: 1, previous_customers: 2 },
      clv: { value: '46.50', annual_revenue_per_customer: '23.25', average_lifetime_years: 2 },
      revenue_by_customer_type: { repeat: { customers: 3, purchases: 7, revenue: '89.00' }, other: { customers: 1, purchases: 1, revenue: '4.00' } },
    });
  });

  it('takes from/to; six whole months compare with the six months before', async () => {
    // 2025-01-01 … 2025-06-30: p4–p9, p12–p14 = 9 purchases by A, B, D, G, H (5 customers);
    // net A 35 + B 8 + D 40 + G 14 + H 9 = 106.00. Previous: 2024-07-01 … 2024-12-31: only C
    // (p3), who did not come back → churn 1 / 1 = 1. Period = 0.5 years, so annual revenue per
    // customer = 106 / 5 / 0.5 = 42.40 and the lifetime = 0.5 / 1 = 0.5 years: CLV 21.20.
    const m = await loyaltyMetrics(s, { from: '2025-01-01', to: '2025-06-30' });
    expect(m).toMatchObject({
      period: { from: '2025-01-01', to: '2025-06-30', days: 181, previous: { from: '2024-07-01', to: '2024-12-31' } },
      customers: 5,
      purchases: 9,
      revenue: '106.00',
      churn_rate: { value: 1, churned_customers: 1, previous_customers: 1 },
      clv: { value: '21.20', annual_revenue_per_customer: '42.40', average_lifetime_years: 0.5 },
    });
  });

  it('says why the CLV is unknown, and answers an empty period with zeros and nulls', async () => {
    // 2024 has no previous customers (nothing before 2024).
    const first = await loyaltyMetrics(s, { year: 2024 });
    expect(first).toMatchObject({ customers: 3, revenue: '30.00', churn_rate: { value: null, previous_customers: 0 }, clv: { value: null, annual_revenue_per_customer: '10.00' } });
    expect(first.clv.note).toMatch(/previous period/);
    expect(first.clv.note_code).toBe('no_previous_customers');
    const empty = await loyaltyMetrics(s, { year: 2030 });
    expect(empty).toMatchObject({
      customers: 0, purchases: 0, revenue: '0.00',
      repeat_purchase_ratio: { value: null, customers: 0 }, average_check: { value: null, purchases: 0 },
      churn_rate: { value: null, previous_customers: 0 }, clv: { value: null }, revenue_by_tier: [],
    });
  });

  it('refuses bad input naming the field', async () => {
    await expect(loyaltyMetrics(s, { year: 'abc' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'year' }] });
    await expect(loyaltyMetrics(s, { year: 2025, from: '2025-01-01' })).rejects.toMatchObject({ problems: [{ field: 'year' }] });
    await expect(loyaltyMetrics(s, { from: '2025-02-30' })).rejects.toMatchObject({ problems: [{ field: 'from' }] });
    await expect(loyaltyMetrics(s, { from: '2025-03-01', to: '2025-02-01' })).rejects.toMatchObject({ problems: [{ field: 'to' }] });
    await expect(loyaltyMetrics(s, { store: 'moon' })).rejects.toMatchObject({ problems: [{ field: 'store' }] });
    await expect(loyaltyMetrics(s, { acquisition_cost: '1.234' })).rejects.toMatchObject({ problems: [{ field: 'acquisition_cost' }] });
  });
});

describe('periods', () => {
  it('defaults to the 12 months ending today and compares with the 12 months before', () => {
    expect(resolvePeriod({ today: '2026-06-01' })).toEqual({
      from: '2025-06-02', to: '2026-06-01', days: 365, years: 1, previous: { from: '2024-06-02', to: '2025-06-01' },
    });
    // A leap year is still one year, and the year before it is the previous period.
    expect(resolvePeriod({ year: 2024, today: '2026-06-01' })).toMatchObject({ days: 366, years: 1, previous: { from: '2023-01-01', to: '2023-12-31' } });
    // Not whole months: the same number of days before.
    expect(resolvePeriod({ from: '2025-03-10', to: '2025-03-19', today: '2026-06-01' })).toMatchObject({ days: 10, previous: { from: '2025-02-28', to: '2025-03-09' } });
  });

  it('resolves a named period to the last 1, 3 or 12 months ending today, as the overview shows them', () => {
    expect(resolvePeriod({ period: 'month', today: '2026-03-31' })).toEqual({
      from: '2026-03-01', to: '2026-03-31', days: 31, years: 1 / 12, previous: { from: '2026-02-01', to: '2026-02-28' },
    });
    expect(resolvePeriod({ period: 'quarter', today: '2026-06-01' })).toMatchObject({ from: '2026-03-02', to: '2026-06-01', years: 0.25, previous: { from: '2025-12-02', to: '2026-03-01' } });
    expect(resolvePeriod({ period: 'year', today: '2026-06-01' })).toEqual(resolvePeriod({ today: '2026-06-01' }));
  });
});

describe('cohort retention', () => {
  it('is the share of each first-purchase month buying k months later', async () => {
    // First purchases ever: A 2024-05, B 2024-06, C 2024-07 (not in 2025's cohorts),
    // H 2025-01, D and G 2025-02, E 2025-12.
    // 2025-01 (H): k0 1.  2025-02 (D, G): k0 2; k1 March: G (p13) → 1 = 0.5; k5 July: D (p10) → 1 = 0.5.
    // 2025-12 (E): k0 1 (p15 is January 2026, after `to`).
    const all = await cohortRetention(s, { from: '2025-01-15', to: '2025-12-31' });
    expect(all).toMatchObject({ from: '2025-01-01', to: '2025-12-31', store: null });
    expect(all.cohorts).toHaveLength(12);
    const row = (month: string) => all.cohorts.find((c) => c.month === month)!;
    expect(row('2025-01')).toMatchObject({ customers: 1 });
    expect(row('2025-01').retention.map((c) => c.customers)).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row('2025-02').customers).toBe(2);
    expect(row('2025-02').retention.map((c) => c.share)).toEqual([1, 0.5, 0, 0, 0, 0.5, 0, 0, 0, 0, 0]);
    expect(row('2025-02').retention[5]).toEqual({ offset: 5, month: '2025-07', customers: 1, share: 0.5 });
    expect(row('2025-05')).toMatchObject({ customers: 0, retention: [{ offset: 0, customers: 0, share: null }, ...Array(7).fill(expect.anything())] });
    expect(row('2025-12').retention).toEqual([{ offset: 0, month: '2025-12', customers: 1, share: 1 }]);

    // At the center: H never bought there; D's July purchase was at the airport.
    const center = await cohortRetention(s, { from: '2025-01-01', to: '2025-12-31', store: 'center' });
    expect(center.cohorts.find((c) => c.month === '2025-01')!.customers).toBe(0);
    expect(center.cohorts.find((c) => c.month === '2025-02')!.retention.map((c) => c.customers)).toEqual([2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // One month later E's January purchase shows as k1 of the December cohort.
    const later = await cohortRetention(s, { from: '2025-12-01', to: '2026-01-31' });
    expect(later.cohorts.map((c) => [c.month, c.retention.map((x) => x.customers)])).toEqual([['2025-12', [1, 1]], ['2026-01', [0]]]);
  });

  it('refuses a range longer than ten years', async () => {
    await expect(cohortRetention(s, { from: '2000-01-01', to: '2025-12-31' })).rejects.toMatchObject({ problems: [{ field: 'from' }] });
  });
});
