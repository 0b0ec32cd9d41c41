import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Simulating the program in force after its tier rules changed (QA: the demo business, Silver
// lowered from 250.00 to 180.00 and published, then the unchanged document simulated: "up 6").
// The replay judges every purchase by the rules in force now; the members' tiers today were
// judged by the rules in force when each purchase was made, and publishing re-judges none (it
// places members by their window today). Both are the program's rules, so the report says how
// many of its moves the program in force makes itself (`in_force_moves`), and, of those the
// reevaluate_now policy would move down, how many hold their tier today by its period or its
// grace alone (`held_by_period`).

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const withSilver = (silver: string) => ({
  name: 'Spend tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: silver },
      { code: 'gold', name: 'Gold', threshold: '750.00' },
    ],
  },
});

let s: Services;
/** One purchase, recorded alone at its own time (as a till sends it). */
const buy = async (key: string, email: string, at: string, total: string) => {
  s.clock.set(at);
  await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]);
};
const idOf = async (email: string) => (await s.db.selectFrom('customers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const tierOf = async (email: string) => (await s.db.selectFrom('loyalty_members').select('tier').where('customer_id', '=', await idOf(email)).executeTakeFirstOrThrow()).tier;

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2025-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program: withSilver('250.00') }, actor);
  // Ann: 100.00 + 100.00 — 200.00 in the window on 2025-08-01, below Silver's 250.00 then.
  await buy('a1', 'ann@example.com', '2025-03-01T10:00:00Z', '100.00');
  await buy('a2', 'ann@example.com', '2025-08-01T10:00:00Z', '100.00');
  // Bea: 150.00 + 150.00 — Silver on 2025-08-01, until 2026-08-01 (and 30 days of grace).
  await buy('b1', 'bea@example.com', '2025-03-01T10:00:00Z', '150.00');
  await buy('b2', 'bea@example.com', '2025-08-01T10:00:00Z', '150.00');
  // Cal: 190.00 a month before Silver is lowered to 180.00.
  await buy('c1', 'cal@example.com', '2026-05-01T10:00:00Z', '190.00');
  s.clock.set('2026-06-01T12:00:00Z');
  // Silver from 180.00, published as the dashboard does by default: upgrade_now, by the window today —
  // Cal's 190.00 lifts him; Ann's window holds 100.00 (her 2025-03-01 purchase has left it): she stays.
  const applied = await s.loyalty.applyProgram({ program: withSilver('180.00') }, actor);
  expect(applied.tier_changes).toEqual({ up: 1, down: 0, unchanged: 2, tier_rules_changed: true });
});
afterAll(() => s?.close());

describe('simulating the program in force after its tier rules changed', () => {
  it('moves only members whose tier a purchase judged by the earlier rules set, and says the program in force moves them itself', async () => {
    expect([await tierOf('ann@example.com'), await tierOf('bea@example.com'), await tierOf('cal@example.com')]).toEqual(['member', 'silver', 'silver']);
    const report = await s.loyalty.simulate(withSilver('180.00'), { since: '2026-01-01' });
    // Had 180.00 always applied, Ann's 200.00 on 2025-08-01 would have made her Silver until
    // 2026-08-01: the replay's one move, and the program in force's own.
    expect(report.moves).toEqual({ up: 1, down: 0, unchanged: 2 });
    expect(report.movers).toEqual([{ customer_id: await idOf('ann@example.com'), name: 'ann@example.com', from: 'member', to: 'silver', direction: 'up' }]);
    expect(report.in_force_moves).toEqual({ up: 1, down: 0 });
    expect(report.difference).toEqual({ points: 0, value: '0.00' });
    expect(report.on_publish.tier_rules_changed).toBe(false);
  });

  it('counts, of those reevaluate_now moves down, the members held today by their tier period alone', async () => {
    // Silver from 200.00: re-evaluated now, Bea (150.00 in the window, Silver until 2026-08-01)
    // and Cal (190.00) move down; Bea is below 180.00, the threshold in force, as well.
    const report = await s.loyalty.simulate(withSilver('200.00'), { since: '2026-01-01' });
    const { reevaluate_now: all, upgrade_now: keep } = report.on_publish;
    expect([all.up, all.down, all.unchanged, all.held_by_period]).toEqual([0, 2, 1, 1]);
    expect(all.movers.map((m) => [m.name, m.direction]).sort()).toEqual([['bea@example.com', 'down'], ['cal@example.com', 'down']]);
    expect([keep.up, keep.down, keep.held_by_period]).toEqual([0, 0, 0]);
    // The replay under 200.00: Ann's 200.00 makes her Silver, as under 180.00; Cal's 190.00 does not.
    expect(report.moves).toEqual({ up: 1, down: 1, unchanged: 1 });
    expect(report.in_force_moves).toEqual({ up: 1, down: 0 });
  });
});
