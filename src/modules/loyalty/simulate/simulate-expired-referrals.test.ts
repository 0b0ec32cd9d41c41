import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import type { StoredEvent } from '../../../jobs/queue.ts';
import { subscribersOf } from '../../../jobs/subscribers.ts';

// A refund that revokes a referral after its bonus lots expired: what does the ledger take
// back, and does the replay of the program in force give the same? The purchase's own points
// are not taken again once expired (simulate-expired-refunds.test.ts); the referral bonuses
// are taken back by takeBonusBack (bonus-takeback.ts), which passes no `expired` to the
// debit: the bonus lot the sweep emptied is preferred but holds nothing, so the bonus is
// taken from the member's other lots, or owed (negative_balance) — whole, for both roles.
// The replay takes both bonuses back whole at the revocation too, so the two agree.
//
// Worked by hand. The program: 1 point a euro, referral friend 250 / referrer 500 on a
// purchase of 15.00 or more, refund_shortfall negative_balance; points expire 2 months after
// earning (per_lot) — or, below, after 2 months without a purchase (inactivity). 10:00 UTC.
//
//   A-1 10.00 on 1 Mar: 10 (A's lot to 1 May). A gives E a code.
//   E-1 20.00 on 1 Mar 11:00 settles it: E 20 + 250, A 500 (paid by the job at once);
//       every lot of both expires on 1 May, and the sweep writes them off then.
//   E-1 all back on 1 Jun: its 20 expired — nothing taken (details.expired 20). The
//       referral is revoked: E's 250 is taken back all the same (owed: E holds nothing),
//       and A's 500 by the job (owed).
//   Ledger: purchase points 10 + 20 = 30; referral bonuses 250 + 500 − 250 − 500 = 0;
//   balances E −250, A −500 (lifetime expired: E 270, A 510).
//   Replay of the program in force: 30 purchase points, referral 750 − 750 = 0: the same.
//   Under inactivity A and E are idle from 1 Mar and written off on 1 May: the same figures.
//   (A replay taking nothing back for expired bonus lots would read 780: 750 above the ledger.)

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const base = {
  name: 'Referrals expiring',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' } },
  refund_shortfall: 'negative_balance',
};
const perLot = { ...base, expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } };
const inactivity = { ...base, expiry: { policy: 'inactivity', months: 2, reminder_days: 7 } };
const forgiving = { ...perLot, refund_shortfall: 'forgive' };

/** The ledger's points by source: purchases (credits net of reversals), and referral bonuses (credits net of their reversals). */
async function ledgerPoints(s: Services) {
  const row = await sql<{ purchases: number; referral: number }>`
    SELECT COALESCE(sum(points) FILTER (WHERE source_type = 'purchase'), 0)::float8 AS purchases,
           COALESCE(sum(points) FILTER (WHERE kind IN ('bonus', 'reverse') AND details->>'bonus' = 'referral'), 0)::float8 AS referral
    FROM loyalty_entries`.execute(s.db);
  return { purchases: Number(row.rows[0].purchases), referral: Number(row.rows[0].referral) };
}

/** The referrer's events of `type`, handed to their subscribers as the job queue does. */
async function deliver(s: Services, type: string, referrer: string) {
  const events = (await s.db.selectFrom('events').selectAll().where('type', '=', type).where('customer_id', '=', referrer).orderBy('id').execute()) as unknown as StoredEvent[];
  for (const sub of subscribersOf(s).filter((x) => x.eventTypes.includes(type))) {
    if (sub.handleBatch) await sub.handleBatch(events);
    else for (const e of events) await sub.handle(e);
  }
}

async function buy(s: Services, key: string, email: string, at: string, total: string) {
  s.clock.set(at);
  return (await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]))[0];
}

/** The history above; answers what the refund took back in the ledger, and the members' balances. */
async function history(s: Services) {
  const a = await buy(s, 'A-1', 'a@example.com', '2026-03-01T10:00:00Z', '10.00');
  const { code } = await s.loyalty.referralCode(a.customerId);
  const { customer: e } = await s.customers.upsert({ email: 'e@example.com' }, actor);
  await s.loyalty.claimReferral(e.id, { code }, actor);
  const e1 = await buy(s, 'E-1', 'e@example.com', '2026-03-01T11:00:00Z', '20.00');
  await deliver(s, 'loyalty.referral_qualified', a.customerId);
  // The refund at its own time, the hourly sweep having run first; then the referrer's job.
  s.clock.set('2026-06-01T10:00:00Z');
  await s.loyalty.maintenance.expirePoints(s.clock.now());
  const { loyalty } = await s.commerce.refund(e1.purchaseId, { external_id: 'E-1-r' }, actor);
  await deliver(s, 'loyalty.referral_revoked', a.customerId);
  const member = async (id: string) => {
    const m = await s.db.selectFrom('loyalty_members').select(['points', 'lifetime_expired']).where('customer_id', '=', id).executeTakeFirstOrThrow();
    return { points: Number(m.points), expired: Number(m.lifetime_expired) };
  };
  return { refund: loyalty, a: await member(a.customerId), e: await member(e.id) };
}

for (const [policy, program] of [['per_lot', perLot], ['inactivity', inactivity]] as const) {
  describe(`a refund revoking a referral after its bonuses expired (${policy})`, () => {
    let s: Services;
    beforeAll(async () => {
      s = await openTestServices();
      s.clock.set('2026-01-01T00:00:00Z');
      await s.loyalty.applyProgram({ program }, actor);
    });
    afterAll(() => s?.close());

    it('the ledger takes both bonuses back whole, and the replay of the program in force agrees', async () => {
      const h = await history(s);
      expect(h.refund).toMatchObject({ points_reversed: 0, referral: { status: 'revoked', points_reversed: 250, unsettled: 250 } });
      expect({ a: h.a, e: h.e }).toEqual({ a: { points: -500, expired: 510 }, e: { points: -250, expired: 270 } });
      expect(await ledgerPoints(s)).toEqual({ purchases: 30, referral: 0 });
      expect((await s.loyalty.verify()).ok).toBe(true);

      const same = await s.loyalty.simulate(program, { since: '2026-01-01' });
      expect(same.current).toMatchObject({ points: 30, purchase_points: 30, bonus_points: 0 });
      expect(same.current?.bonus_points_by_kind.referral).toBe(0);
      expect(same.proposed).toMatchObject({ points: 30, purchase_points: 30, bonus_points: 0 });
      expect(same.difference).toEqual({ points: 0, value: '0.00' });
    });
  });
}

// Under refund_shortfall forgive the ledger takes a revoked bonus only from what the member
// holds: A and E hold nothing once the sweep wrote their lots off, so both bonuses are
// forgiven (no entry: the refund answers 0 points back, the job takes nothing) and the
// ledger keeps 750 referral points. The replay follows no balances and counts both taken
// back, as it counts a refund's forgiven points (README: the baseline reads lower than the
// ledger by what was forgiven) — here by 750.
describe('a referral revoked after its bonuses expired, refund_shortfall forgive', () => {
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: forgiving }, actor);
  });
  afterAll(() => s?.close());

  it('the ledger forgives both bonuses; the replay reads lower by them', async () => {
    const h = await history(s);
    expect(h.refund).toMatchObject({ points_reversed: 0, referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
    expect({ a: h.a, e: h.e }).toEqual({ a: { points: 0, expired: 510 }, e: { points: 0, expired: 270 } });
    expect(await ledgerPoints(s)).toEqual({ purchases: 30, referral: 750 });
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(forgiving, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 30, purchase_points: 30, bonus_points: 0 });
    expect(same.difference).toEqual({ points: 0, value: '0.00' });
  });
});
