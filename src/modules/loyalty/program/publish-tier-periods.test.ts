import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Publishing a program version is no purchase: it does not renew anyone's tier period. A
// version whose tier rules are those in force re-places nobody, and says so; one that
// changes them moves members by the policy, and those who keep their tier keep its period.

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const withSilverAt = (threshold: string, note = '') => ({
  name: `Spend tiers${note}`,
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: `Silver${note}`, threshold },
    ],
  },
});

describe('tier periods across published versions', () => {
  let s: Services;
  let customerId: string;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.applyProgram({ program: withSilverAt('250.00'), effective_from: '2025-01-01T00:00:00Z' }, actor);
    [{ customerId }] = await recordAll(s, [{ external_id: 'p-1', customer: { external_id: 'c-1' }, occurred_at: '2026-06-01T10:00:00Z', total: '300.00' }]);
  });
  afterAll(() => s?.close());

  const tier = async () => {
    const account = await s.loyalty.account(customerId);
    if (!account.member) throw new Error('not a member');
    return account.tier;
  };
  const history = async () => (await s.loyalty.tierHistory(customerId)).items.length;
  const events = async () => (await s.db.selectFrom('events').select('id').where('type', '=', 'loyalty.tier_changed').execute()).length;

  it('leaves them alone when the tier rules do not change, and says so', async () => {
    expect(await tier()).toMatchObject({ code: 'silver', valid_until: '2027-06-01T10:00:00.000Z' });
    const [h, e] = [await history(), await events()];
    s.clock.set('2026-09-01T12:00:00Z');
    for (const policy of ['upgrade_now', 'reevaluate_now'] as const) {
      // The same document with another note, then with other names (names place nobody).
      for (const program of [withSilverAt('250.00'), withSilverAt('250', ' (renamed)')]) {
        const applied = await s.loyalty.applyProgram({ program, tier_policy: policy, note: `again, ${policy}` }, actor);
        expect(applied.tier_changes).toEqual({ up: 0, down: 0, unchanged: 1, tier_rules_changed: false });
        expect(await tier()).toMatchObject({ code: 'silver', valid_until: '2027-06-01T10:00:00.000Z' });
      }
    }
    expect([await history(), await events()]).toEqual([h, e]);
  });

  it('keeps the period of a member who keeps their tier under changed rules', async () => {
    const report = await s.loyalty.simulate(withSilverAt('200.00'), { since: '2026-01-01' });
    expect(report.on_publish.tier_rules_changed).toBe(true);
    expect(report.on_publish.reevaluate_now).toMatchObject({ up: 0, down: 0, unchanged: 1, movers: [] });
    const applied = await s.loyalty.applyProgram({ program: withSilverAt('200.00'), tier_policy: 'reevaluate_now' }, actor);
    expect(applied.tier_changes).toEqual({ up: 0, down: 0, unchanged: 1, tier_rules_changed: true });
    expect(await tier()).toMatchObject({ code: 'silver', since: '2026-06-01T10:00:00.000Z', valid_until: '2027-06-01T10:00:00.000Z' });
  });

  it('a future-dated version is compared with the one that will be in force before it, not with today\'s', async () => {
    // In force: silver at 200.00. Scheduled for January: 400.00. A June version at 400.00 keeps January's rules.
    const january = await s.loyalty.applyProgram({ program: withSilverAt('400.00'), effective_from: '2027-01-01T00:00:00Z' }, actor);
    expect(january.tier_changes).toEqual({ up: 0, down: 0, unchanged: 0, deferred: true, tier_rules_changed: true });
    const june = await s.loyalty.applyProgram({ program: withSilverAt('400.00', ' (summer)'), effective_from: '2027-06-01T00:00:00Z' }, actor);
    expect(june.tier_changes).toEqual({ up: 0, down: 0, unchanged: 0, deferred: true, tier_rules_changed: false });
  });
});
