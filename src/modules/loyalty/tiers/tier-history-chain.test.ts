import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Back-dated purchases sent one at a time end where the same purchases sent together do —
// tier, period, points, each receipt's tier the account's — and the tier history stays one
// chain (each change from the tier the one before it left), its events the same changes.
// Sent alone, the first purchase rightly moved the member down at its review; the second,
// recorded after, shows the member kept the tier: the history cannot be rewritten (the
// down was published), so it says at once that the member holds the tier again.

type Services = Awaited<ReturnType<typeof openTestServices>>;

// 10 points per euro; spend over a rolling 12 months, 30 days of grace; silver from 250.00 (× 1.5).
const program = {
  name: 'Chain',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '250.00', benefits: { points_multiplier: 1.5 } },
    ],
  },
};

const buy = (s: Services, customer: string, key: string, at: string, total: string) => ({ external_id: key, customer: { external_id: customer }, occurred_at: at, total });

async function tierOf(s: Services, customerId: string) {
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error('not a member');
  return account.tier;
}

async function historyOf(s: Services, customerId: string) {
  return (await s.loyalty.tierHistory(customerId)).items.map((h) => ({ from: h.from, to: h.to, at: h.at }));
}

/** Each change is from the tier the one before it left; answers the directions. */
function expectChain(history: { from: string | null; to: string | null }[]) {
  for (let i = 1; i < history.length; i++) expect(history[i].from).toBe(history[i - 1].to);
  return history.map((h) => (h.to === 'silver' ? 'up' : 'down'));
}

async function directions(s: Services, customerId: string) {
  const rows = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', customerId).execute();
  return rows.map((r) => (r.payload as { direction: string }).direction).sort();
}

describe('back-dated purchases sent one at a time and together (now 2026-12-05)', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-12-05T12:00:00Z');
    await s.loyalty.applyProgram({ program, effective_from: '2024-01-01T00:00:00Z' }, { actor: 'test' });
  });
  afterAll(() => s?.close());

  it('comes out the same, and the history chains with its events', async () => {
    // Together: e-1 300.00 reaches silver on 2025-10-01; e-2 on 2025-11-20 renews it (301.00
    // in its window) until 2026-11-20, reviewed on 2026-12-20 — still to come.
    const [t1, t2] = await recordAll(s, [buy(s, 'together', 't-1', '2025-10-01T10:00:00Z', '300.00'), buy(s, 'together', 't-2', '2025-11-20T10:00:00Z', '1.00')]);
    expect(t1.loyalty).toMatchObject({ points_earned: 3000, tier: 'silver' });
    expect(t2.loyalty).toMatchObject({ points_earned: 15, tier: 'silver' });
    const together = (await tierOf(s, t1.customerId))!;
    expect(together).toMatchObject({ code: 'silver', since: '2025-10-01T10:00:00.000Z', valid_until: '2026-11-20T10:00:00.000Z' });

    // One at a time: e-1 alone is silver until 2026-10-01, reviewed on 2026-10-31 with
    // nothing in the window then: member (up and down, both right for what was known); at
    // 12:00 local both times, 10:00 UTC in summer time and 11:00 UTC in winter time.
    const [e1] = await recordAll(s, [buy(s, 'apart', 'e-1', '2025-10-01T10:00:00Z', '300.00')]);
    expect(e1.loyalty).toMatchObject({ points_earned: 3000, tier: 'member' });
    expect(await historyOf(s, e1.customerId)).toEqual([
      { from: 'member', to: 'silver', at: '2025-10-01T10:00:00.000Z' }, { from: 'silver', to: 'member', at: '2026-10-31T11:00:00.000Z' },
    ]);
    // e-2 shows the member kept silver: earned at silver, and silver again now, said now.
    const [e2] = await recordAll(s, [buy(s, 'apart', 'e-2', '2025-11-20T10:00:00Z', '1.00')]);
    expect(e2.loyalty).toMatchObject({ points_earned: 15, tier: 'silver' });
    const apart = await tierOf(s, e1.customerId);
    expect(apart).toMatchObject({ code: 'silver', valid_until: together.valid_until, since: '2026-12-05T12:00:00.000Z' });
    const history = await historyOf(s, e1.customerId);
    expect(history.at(-1)).toEqual({ from: 'member', to: 'silver', at: '2026-12-05T12:00:00.000Z' });
    expect(expectChain(history)).toEqual(['up', 'down', 'up']);
    expect(await directions(s, e1.customerId)).toEqual(['down', 'up', 'up']);

    // A purchase today earns at the tier the account shows (10.00 at silver: 150), for both.
    for (const [customer, key] of [['apart', 'e-3'], ['together', 't-3']]) {
      const [p] = await recordAll(s, [buy(s, customer, key, '2026-12-05T11:00:00Z', '10.00')]);
      expect(p.loyalty).toMatchObject({ points_earned: 150, tier: 'silver' });
    }

    // The review on 2026-12-20 finds 10.00 in the window: both move down, once, dated then.
    s.clock.set('2026-12-20T11:00:00Z');
    await s.loyalty.maintenance.reviewTiers(s.clock.now());
    for (const id of [t1.customerId, e1.customerId]) {
      const h = await historyOf(s, id);
      expect(h.at(-1)).toEqual({ from: 'silver', to: 'member', at: '2026-12-20T10:00:00.000Z' });
      const moved = expectChain(h);
      expect(await directions(s, id)).toEqual([...moved].sort());
      expect(await tierOf(s, id)).toMatchObject({ code: 'member', valid_until: null });
    }
    expect(expectChain(await historyOf(s, e1.customerId))).toEqual(['up', 'down', 'up', 'down']);
    expect(expectChain(await historyOf(s, t1.customerId))).toEqual(['up', 'down']);
  });
});
