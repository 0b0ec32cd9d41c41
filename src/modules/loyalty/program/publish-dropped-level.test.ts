import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A version that drops a level, or gives it another code, leaves its members without a
// level the program has: whatever the tier policy, they are placed by the new rules at
// publishing, and each move is counted, named beforehand, recorded in the tier history and
// sent as an event — never put in the base level silently. The test clock stands at
// 2026-06-01T12:00Z.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const levels = (...l: [string, string][]) => ({
  name: 'Spend tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: { metric: 'spend', window: 'rolling_12_months', grace_days: 30, levels: l.map(([code, threshold]) => ({ code, name: code, threshold })) },
});
const purchase = (key: string, email: string, total: string) => ({ external_id: key, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total });

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: levels(['member', '0'], ['silver', '100.00'], ['gold', '300.00']), effective_from: '2025-01-01T00:00:00Z' }, actor);
  // ana 350 (gold), bo 150 and cy 120 (silver), dan 60 (member).
  await recordAll(s, [purchase('p1', 'ana@example.com', '350.00'), purchase('p2', 'bo@example.com', '150.00'), purchase('p3', 'cy@example.com', '120.00'), purchase('p4', 'dan@example.com', '60.00')]);
});
afterAll(() => s?.close());

const idOf = async (email: string) => (await s.db.selectFrom('customers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const tierOf = async (email: string) => (await s.db.selectFrom('loyalty_members').select('tier').where('customer_id', '=', await idOf(email)).executeTakeFirstOrThrow()).tier;
const history = async (email: string) => (await s.db.selectFrom('loyalty_tier_history').select(['from_tier', 'to_tier', 'reason']).where('customer_id', '=', await idOf(email)).orderBy('changed_at').execute()).at(-1);
const events = async (email: string) => (await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', await idOf(email)).execute()).map((e) => e.payload as { from: string; to: string; direction: string }).at(-1);

describe('publishing a version that drops or recodes a level', () => {
  it('re-places the level\'s members under upgrade_now too, told before and after', async () => {
    // Silver dropped, gold from 130.00: cy (120) goes down to member; bo (150) to gold, the
    // second level as silver was (ranked as simulate ranks it: no move, but recorded).
    const proposal = levels(['member', '0'], ['gold', '130.00']);
    const report = await s.loyalty.simulate(proposal, { since: '2026-01-01' });
    const { up, down, unchanged, movers } = report.on_publish.upgrade_now;
    expect({ up, down, unchanged }).toEqual({ up: 0, down: 1, unchanged: 3 });
    expect(movers.map((m) => [m.name, m.from, m.to, m.direction])).toEqual([['cy@example.com', 'silver', 'member', 'down']]);
    const applied = await s.loyalty.applyProgram({ program: proposal, tier_policy: 'upgrade_now' }, actor);
    expect(applied.tier_changes).toEqual({ up: 0, down: 1, unchanged: 3, tier_rules_changed: true });
    expect(await tierOf('cy@example.com')).toBe('member');
    expect(await history('cy@example.com')).toEqual({ from_tier: 'silver', to_tier: 'member', reason: 'program changed (upgrade_now)' });
    expect(await events('cy@example.com')).toMatchObject({ from: 'silver', to: 'member', direction: 'down' });
    expect(await tierOf('bo@example.com')).toBe('gold');
    expect(await history('bo@example.com')).toEqual({ from_tier: 'silver', to_tier: 'gold', reason: 'program changed (upgrade_now)' });
  });

  it('records a level recoded at its own rank as a change that moves nobody', async () => {
    // Gold now "vip" at the same threshold: ana and bo are recorded as vip, counted unchanged.
    const proposal = levels(['member', '0'], ['vip', '130.00']);
    const report = await s.loyalty.simulate(proposal, { since: '2026-01-01' });
    expect(report.on_publish.reevaluate_now).toMatchObject({ up: 0, down: 0, unchanged: 4, movers: [] });
    const applied = await s.loyalty.applyProgram({ program: proposal, tier_policy: 'reevaluate_now' }, actor);
    expect(applied.tier_changes).toEqual({ up: 0, down: 0, unchanged: 4, tier_rules_changed: true });
    expect(await tierOf('ana@example.com')).toBe('vip');
    expect(await history('ana@example.com')).toEqual({ from_tier: 'gold', to_tier: 'vip', reason: 'program changed (reevaluate_now)' });
  });
});
