import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A simulation tells what publishing the proposal now would do to tiers under each tier
// policy, and publishing then does exactly that. The test clock stands at 2026-06-01T12:00Z.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const withThresholds = (silver: string, gold: string) => ({
  name: 'Spend tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: silver },
      { code: 'gold', name: 'Gold', threshold: gold },
    ],
  },
});

const purchase = (key: string, email: string, total: string) => ({ external_id: key, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total });

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: withThresholds('100.00', '300.00'), effective_from: '2025-01-01T00:00:00Z' }, actor);
  // Spend in the window: ana 350 (gold), bo 150 (silver), cy 60 and dan 120 (member, silver).
  await recordAll(s, [purchase('p1', 'ana@example.com', '350.00'), purchase('p2', 'bo@example.com', '150.00'), purchase('p3', 'cy@example.com', '60.00'), purchase('p4', 'dan@example.com', '120.00')]);
});
afterAll(() => s?.close());

const counts = ({ up, down, unchanged }: { up: number; down: number; unchanged: number }) => ({ up, down, unchanged });
const idOf = async (email: string) => (await s.db.selectFrom('customers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const mover = async (email: string, from: string, to: string, direction: 'up' | 'down') => ({ customer_id: await idOf(email), name: email, from, to, direction });
const nobody = (unchanged: number) => ({ up: 0, down: 0, unchanged, held_by_period: 0, movers: [], movers_truncated: false });

describe('publishing a proposal, told before', () => {
  it('counts per tier policy what publishing now does, and publishing does it', async () => {
    // Silver from 50.00, gold from 400.00: cy moves up (60 ≥ 50); ana (350) would move down
    // from gold only if everyone is re-evaluated; bo and dan stay silver.
    const proposal = withThresholds('50.00', '400.00');
    const report = await s.loyalty.simulate(proposal, { since: '2026-01-01' });
    // Each policy names whom it moves, those moving down first.
    expect(report.on_publish).toEqual({
      tier_rules_changed: true,
      upgrade_now: { up: 1, down: 0, unchanged: 3, held_by_period: 0, movers: [await mover('cy@example.com', 'member', 'silver', 'up')], movers_truncated: false },
      reevaluate_now: {
        // Ana's 350.00 meets gold's 300.00 in force: not held by her tier period.
        up: 1, down: 1, unchanged: 2, held_by_period: 0, movers_truncated: false,
        movers: [await mover('ana@example.com', 'gold', 'silver', 'down'), await mover('cy@example.com', 'member', 'silver', 'up')],
      },
    });
    const applied = await s.loyalty.applyProgram({ program: proposal, tier_policy: 'reevaluate_now' }, actor);
    expect(applied.tier_changes).toEqual({ ...counts(report.on_publish.reevaluate_now), tier_rules_changed: true });
    // The program now in force, against itself: publishing it again moves nobody.
    expect((await s.loyalty.simulate(proposal, { since: '2026-01-01' })).on_publish).toEqual({ tier_rules_changed: false, upgrade_now: nobody(4), reevaluate_now: nobody(4) });
  });

  it('answers the same as the upgrade_now publishing it foretells', async () => {
    const proposal = withThresholds('30.00', '100.00');
    const report = await s.loyalty.simulate(proposal, { since: '2026-01-01' });
    // All silver now (ana was moved down above): ana 350, bo 150 and dan 120 reach gold at 100.00; cy's 60 stays silver.
    expect(counts(report.on_publish.upgrade_now)).toEqual({ up: 3, down: 0, unchanged: 1 });
    expect(report.on_publish.upgrade_now.movers.map((m) => [m.name, m.from, m.to, m.direction]).sort()).toEqual(
      [['ana@example.com', 'silver', 'gold', 'up'], ['bo@example.com', 'silver', 'gold', 'up'], ['dan@example.com', 'silver', 'gold', 'up']],
    );
    expect((await s.loyalty.applyProgram({ program: proposal }, actor)).tier_changes).toEqual({ ...counts(report.on_publish.upgrade_now), tier_rules_changed: true });
  });
});
