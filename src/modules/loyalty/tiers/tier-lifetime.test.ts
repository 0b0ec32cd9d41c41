import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A lifetime window has no first instant: every purchase counts, however old. Regression:
// the live sums started it at 1970-01-01 (the epoch), so a purchase dated before it earned
// points but was left out of the tier's qualifying total and of the placement.

type Services = Awaited<ReturnType<typeof openTestServices>>;

const program = {
  name: 'Lifetime tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'lifetime',
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '100.00' },
    ],
  },
};

describe('a lifetime window', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program, effective_from: '1960-01-01T00:00:00Z' }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('counts a purchase from before 1970', async () => {
    const [old] = await recordAll(s, [{ external_id: 'old-1', customer: { external_id: 'c-1' }, occurred_at: '1965-03-01T10:00:00Z', total: '80.00' }]);
    expect(old.loyalty).toMatchObject({ points_earned: 80, tier: 'member' });
    const [now] = await recordAll(s, [{ external_id: 'new-1', customer: { external_id: 'c-1' }, occurred_at: '2026-05-01T10:00:00Z', total: '30.00' }]);
    expect(now.loyalty).toMatchObject({ tier: 'silver' });
    const account = await s.loyalty.account(now.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.tier).toMatchObject({ code: 'silver', qualifying: '110.00', next: null });
  });
});
