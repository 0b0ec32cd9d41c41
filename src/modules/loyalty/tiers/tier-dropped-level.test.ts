import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A version dated ahead that drops a level re-places nobody when it is applied; once in
// force, a member still holding the dropped level is placed by its rules at their next
// purchase or review. Audit: that placement put them in the base level silently — the
// member's tier changed with no tier history row and no loyalty.tier_changed event.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const levels = (...l: [string, string][]) => ({
  name: 'Spend tiers',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: { metric: 'spend', window: 'rolling_12_months', grace_days: 30, levels: l.map(([code, threshold]) => ({ code, name: code, threshold })) },
});
const buy = (key: string, email: string, at: string, total: string) => ({ external_id: key, customer: { email }, occurred_at: at, total });

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: levels(['member', '0'], ['silver', '100.00'], ['gold', '300.00']), effective_from: '2025-01-01T00:00:00Z' }, actor);
  // Both reach silver on 20 May (120.00 and 150.00).
  await recordAll(s, [buy('a1', 'ana@example.com', '2026-05-20T10:00:00Z', '120.00'), buy('b1', 'bo@example.com', '2026-05-20T10:00:00Z', '150.00')]);
  // From 1 July: silver dropped, gold from 200.00.
  const later = await s.loyalty.applyProgram({ program: levels(['member', '0'], ['gold', '200.00']), effective_from: '2026-07-01T00:00:00Z', tier_policy: 'reevaluate_now' }, actor);
  expect(later.tier_changes).toMatchObject({ up: 0, down: 0, deferred: true, tier_rules_changed: true });
});
afterAll(() => s?.close());

const idOf = async (email: string) => (await s.db.selectFrom('customers').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
const tierOf = async (email: string) => (await s.db.selectFrom('loyalty_members').select('tier').where('customer_id', '=', await idOf(email)).executeTakeFirstOrThrow()).tier;
const lastChange = async (email: string) => (await s.db.selectFrom('loyalty_tier_history').select(['from_tier', 'to_tier', 'reason', 'program_version']).where('customer_id', '=', await idOf(email)).orderBy('changed_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow());
const lastEvent = async (email: string) => (await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').where('customer_id', '=', await idOf(email)).orderBy('id', 'desc').executeTakeFirstOrThrow()).payload;

describe('a member of a level the version in force no longer has', () => {
  it('is placed by its rules at their next purchase, and the change is recorded', async () => {
    s.clock.set('2026-07-10T12:00:00Z');
    expect(await tierOf('ana@example.com')).toBe('silver');
    // Ana's 120.00 + 10.00 is below gold's 200.00: the base level, said.
    await recordAll(s, [buy('a2', 'ana@example.com', '2026-07-10T11:00:00Z', '10.00')]);
    expect(await tierOf('ana@example.com')).toBe('member');
    expect(await lastChange('ana@example.com')).toEqual({ from_tier: 'silver', to_tier: 'member', reason: 'qualified', program_version: 2 });
    expect(await lastEvent('ana@example.com')).toMatchObject({ from: 'silver', to: 'member', direction: 'down', program_version: 2 });
    // Bo's 150.00 + 60.00 reaches gold: from silver, not from the base level.
    await recordAll(s, [buy('b2', 'bo@example.com', '2026-07-10T11:00:00Z', '60.00')]);
    expect(await tierOf('bo@example.com')).toBe('gold');
    expect(await lastChange('bo@example.com')).toEqual({ from_tier: 'silver', to_tier: 'gold', reason: 'qualified', program_version: 2 });
  });
});
