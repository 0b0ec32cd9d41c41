import { describe, expect, it } from 'vitest';
import { actor, buy, ledgerPoints, sweep, withProgramInForce, type TestServices } from '../../../../test/helpers/loyalty-history.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { referralProgram, referred, revokedReferral, said, takenBack } from '../../../../test/helpers/referral-history.ts';

// A refund that revokes a referral after its bonus lots expired: what does the ledger take
// back, and does the replay of the program in force give the same? The purchase's own points
// are not taken again once expired (simulate-expired-refunds.test.ts), and neither are the
// referral bonuses (takeBonusBack, bonus-takeback.ts, passes the ledger what the sweep wrote
// off of the bonus's own lots as `expired`): the member lost them once. Before, the bonus
// was taken from the member's other lots, or owed (negative_balance) — lost twice. The
// replay skips each role's bonus whose lot had expired by the refund, so the two agree.
//
// Worked by hand. The program: 1 point a euro, referral friend 250 / referrer 500 on a
// purchase of 15.00 or more, refund_shortfall negative_balance; points expire 2 months after
// earning (per_lot) — or, below, after 2 months without a purchase (inactivity). 10:00 UTC.
//
//   A-1 10.00 on 1 Mar: 10 (A's lot to 1 May). A gives E a code.
//   E-1 20.00 on 1 Mar 11:00 settles it: E 20 + 250, A 500 (paid by the job at once);
//       every lot of both expires on 1 May, and the sweep writes them off then.
//   E-1 all back on 1 Jun: its 20 expired — nothing taken (details.expired 20). The
//       referral is revoked: E's 250 expired — nothing taken (an entry of 0, details.expired
//       250), and A's 500 by the job likewise (details.expired 500); delivered again, nothing.
//   Ledger: purchase points 10 + 20 = 30; referral bonuses 250 + 500 = 750 (nothing taken back);
//   balances E 0, A 0 (lifetime expired: E 270, A 510).
//   Replay of the program in force: 30 purchase points, referral 750: the same.
//   Under inactivity A and E are idle from 1 Mar and written off on 1 May: the same figures.
//   (The replay taking both bonuses back, as before, would read 30: 750 below the ledger.)

const base = { name: 'Referrals expiring', ...referralProgram, refund_shortfall: 'negative_balance' };
const perLot = { ...base, expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } };
const inactivity = { ...base, expiry: { policy: 'inactivity', months: 2, reminder_days: 7 } };
const forgiving = { ...perLot, refund_shortfall: 'forgive' };

/** The history above; answers what the refund took back in the ledger, and the members' balances. */
async function history(s: TestServices) {
  // The refund at its own time, the hourly sweep having run first; then the referrer's job.
  const h = await revokedReferral(s, () => sweep(s));
  const member = async (id: string) => {
    const m = await s.db.selectFrom('loyalty_members').select(['points', 'lifetime_expired']).where('customer_id', '=', id).executeTakeFirstOrThrow();
    return { points: Number(m.points), expired: Number(m.lifetime_expired) };
  };
  return { ...h, a: await member(h.referrer), e: await member(h.friend) };
}

/** The history, after which neither expired bonus was taken back: each entry of 0 says so, and the referral's 750 points stand. */
async function nothingTakenBack(s: TestServices) {
  const h = await history(s);
  expect(h.refund).toMatchObject({ points_reversed: 0, referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
  expect({ a: h.a, e: h.e }).toEqual({ a: { points: 0, expired: 510 }, e: { points: 0, expired: 270 } });
  expect(await ledgerPoints(s)).toEqual({ purchases: 30, referral: 750 });
  expect(await takenBack(s, 'expired')).toEqual([[0, 'friend', 250], [0, 'referrer', 500]]);
  return h;
}

for (const [policy, program] of [['per_lot', perLot], ['inactivity', inactivity]] as const) {
  describe(`a refund revoking a referral after its bonuses expired (${policy})`, () => {
    const services = withProgramInForce(program);

    it('the ledger takes back neither expired bonus, says so, and the replay of the program in force agrees', async () => {
      const s = services();
      const h = await nothingTakenBack(s);
      // The referrer's job delivered again adds nothing.
      await deliver(s, 'loyalty.referral_revoked', { customer: h.referrer });
      expect(await takenBack(s, 'expired')).toEqual([[0, 'friend', 250], [0, 'referrer', 500]]);
      expect((await s.loyalty.verify()).ok).toBe(true);
      expect(await said(s, h.friend)).toEqual(['Referral bonus revoked (the qualifying purchase E-1 was refunded): its 250 points had expired already, nothing taken']);
      expect(await said(s, h.referrer)).toEqual(["Referral bonus revoked (your friend's qualifying purchase was refunded): its 500 points had expired already, nothing taken"]);

      const same = await s.loyalty.simulate(program, { since: '2026-01-01' });
      expect(same.current).toMatchObject({ points: 780, purchase_points: 30, bonus_points: 750 });
      expect(same.current?.bonus_points_by_kind.referral).toBe(750);
      expect(same.proposed).toMatchObject({ points: 780, purchase_points: 30, bonus_points: 750 });
      expect(same.difference).toEqual({ points: 0, value: '0.00' });
    });
  });
}

// Under refund_shortfall forgive the same: nothing of either bonus is taken (it expired),
// nothing is forgiven, and the ledger and the replay both keep 750 referral points.
describe('a referral revoked after its bonuses expired, refund_shortfall forgive', () => {
  const services = withProgramInForce(forgiving);

  it('the ledger takes back neither expired bonus; the replay agrees', async () => {
    const s = services();
    await nothingTakenBack(s);
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(forgiving, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 780, purchase_points: 30, bonus_points: 750 });
    expect(same.current?.bonus_points_by_kind.referral).toBe(750);
    expect(same.difference).toEqual({ points: 0, value: '0.00' });
  });
});

// By inactivity, a referrer already idle when their bonus is paid loses it at the next sweep,
// also when they buy again before the refund: the refund then takes nothing of it, and the
// replay (which keeps only the referrer's last write-off) knows it from when it paid it.
//   A-1 10.00 on 1 Jan; idle from 1 Mar (the sweep writes off A's 10). E-1 20.00 on 1 Apr
//   settles the referral: E 20 + 250, A 500, written off by the sweep that day. A-2 10.00 on
//   10 Apr. E-1 all back on 15 Apr: E's 20 and 250 taken back (E active), A's 500 not.
//   Ledger and replay: purchases 10 + 20 − 20 + 10 = 20; referral 750 − 250 = 500.
describe('a referral revoked after the referrer, idle when paid, bought again (inactivity)', () => {
  const services = withProgramInForce(inactivity);

  it('takes back the friend\'s bonus only, and the replay agrees', async () => {
    const s = services();
    const { referrer } = await referred(s, '2026-01-01T10:00:00Z');
    await sweep(s, '2026-03-01T12:00:00Z');
    const e1 = await buy(s, 'E-1', 'e@example.com', '2026-04-01T10:00:00Z', '20.00');
    await deliver(s, 'loyalty.referral_qualified', { customer: referrer });
    await sweep(s, '2026-04-01T12:00:00Z');
    await buy(s, 'A-2', 'a@example.com', '2026-04-10T10:00:00Z', '10.00');
    s.clock.set('2026-04-15T10:00:00Z');
    const { loyalty } = await s.commerce.refund(e1.purchaseId, { external_id: 'E-1-r' }, actor);
    await deliver(s, 'loyalty.referral_revoked', { customer: referrer });
    expect(loyalty).toMatchObject({ points_reversed: 20, referral: { status: 'revoked', points_reversed: 250, unsettled: 0 } });
    expect(await takenBack(s, 'expired')).toEqual([[-250, 'friend', undefined], [0, 'referrer', 500]]);
    expect(await ledgerPoints(s)).toEqual({ purchases: 20, referral: 500 });
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(inactivity, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 520, purchase_points: 20, bonus_points: 500 });
    expect(same.difference).toEqual({ points: 0, value: '0.00' });
  });
});
