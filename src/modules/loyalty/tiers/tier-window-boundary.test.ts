import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// The rolling window ending at t holds the times after the instant 12 months before t, up
// to t (program.ts windowStart): with no grace, the review at the end of the period a
// purchase started — exactly 12 months after it — no longer counts that purchase, so it
// cannot renew the tier it earned. The same boundary for the live placement, the hourly
// review and simulate's replay.

type Services = Awaited<ReturnType<typeof openTestServices>>;

const program = {
  name: 'No grace',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 0,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '250.00', benefits: { points_multiplier: 1.5 } },
    ],
  },
};

const buy = (s: Services, customer: string, key: string, at: string, total: string) =>
  recordAll(s, [{ external_id: key, customer: { external_id: customer }, occurred_at: at, total }]).then(([p]) => p);

describe('a rolling window without grace', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program, effective_from: '2024-01-01T00:00:00Z' }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('one purchase holds the tier for 12 months, and the review then moves the member down', async () => {
    const p = await buy(s, 'one', 'o-1', '2025-10-01T10:00:00Z', '300.00');
    expect(p.loyalty).toMatchObject({ tier: 'silver' });
    const account = await s.loyalty.account(p.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.tier).toMatchObject({ code: 'silver', valid_until: '2026-10-01T10:00:00.000Z' });
    s.clock.set('2026-10-01T11:00:00Z');
    await s.loyalty.maintenance.reviewTiers(s.clock.now());
    expect((await s.loyalty.tierHistory(p.customerId)).items.map((h) => [h.to, h.at])).toEqual([
      ['silver', '2025-10-01T10:00:00.000Z'], ['member', '2026-10-01T10:00:00.000Z'],
    ]);
  });

  it('a purchase recorded after its review is due is placed the same way, and the replay agrees', async () => {
    s.clock.set('2026-12-05T12:00:00Z');
    const p = await buy(s, 'late', 'l-1', '2025-10-01T10:00:00Z', '300.00');
    expect(p.loyalty).toMatchObject({ tier: 'member' });
    const account = await s.loyalty.account(p.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.tier).toMatchObject({ code: 'member', valid_until: null });
    expect((await s.loyalty.tierHistory(p.customerId)).items.map((h) => [h.to, h.at])).toEqual([
      ['silver', '2025-10-01T10:00:00.000Z'], ['member', '2026-10-01T10:00:00.000Z'],
    ]);
    // A purchase a millisecond after the start of its window counts: 249.99 on 2025-12-01
    // and 0.01 a year later, a millisecond short of 12 months after it, reach silver.
    await buy(s, 'edge', 'x-1', '2025-12-01T10:00:00.001Z', '249.99');
    expect((await buy(s, 'edge', 'x-2', '2026-12-01T10:00:00.000Z', '0.01')).loyalty).toMatchObject({ tier: 'silver' });
    const r = await s.loyalty.simulate(program, { since: '2025-01-01' });
    expect(r.moves).toMatchObject({ up: 0, down: 0 });
  });
});
