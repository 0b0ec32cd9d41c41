import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import type { StoredEvent } from '../../../jobs/queue.ts';
import { subscribersOf } from '../../../jobs/subscribers.ts';

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

/** The referral take-backs written, in order: [points, role, details.expired]. */
async function takenBack(s: Services) {
  const rows = await s.db.selectFrom('loyalty_entries').select(['points', 'details']).where('kind', '=', 'reverse').where('source_id', '=', 'referral').orderBy('id').execute();
  return rows.map((r) => { const d = r.details as { role?: string; expired?: number }; return [Number(r.points), d.role, d.expired]; });
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
  return { refund: loyalty, a: await member(a.customerId), e: await member(e.id), referrer: a.customerId, friend: e.id };
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

    it('the ledger takes back neither expired bonus, says so, and the replay of the program in force agrees', async () => {
      const h = await history(s);
      expect(h.refund).toMatchObject({ points_reversed: 0, referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
      expect({ a: h.a, e: h.e }).toEqual({ a: { points: 0, expired: 510 }, e: { points: 0, expired: 270 } });
      expect(await ledgerPoints(s)).toEqual({ purchases: 30, referral: 750 });
      expect(await takenBack(s)).toEqual([[0, 'friend', 250], [0, 'referrer', 500]]);
      // The referrer's job delivered again adds nothing.
      await deliver(s, 'loyalty.referral_revoked', h.referrer);
      expect(await takenBack(s)).toEqual([[0, 'friend', 250], [0, 'referrer', 500]]);
      expect((await s.loyalty.verify()).ok).toBe(true);
      const said = async (id: string) => {
        const a = await s.loyalty.account(id, {});
        return a.member ? a.explanation.entries.filter((e) => e.kind === 'reverse' && e.source.id === 'referral').map((e) => e.description) : null;
      };
      expect(await said(h.friend)).toEqual(['Referral bonus revoked (the qualifying purchase E-1 was refunded): its 250 points had expired already, nothing taken']);
      expect(await said(h.referrer)).toEqual(["Referral bonus revoked (your friend's qualifying purchase was refunded): its 500 points had expired already, nothing taken"]);

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
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: forgiving }, actor);
  });
  afterAll(() => s?.close());

  it('the ledger takes back neither expired bonus; the replay agrees', async () => {
    const h = await history(s);
    expect(h.refund).toMatchObject({ points_reversed: 0, referral: { status: 'revoked', points_reversed: 0, unsettled: 0 } });
    expect({ a: h.a, e: h.e }).toEqual({ a: { points: 0, expired: 510 }, e: { points: 0, expired: 270 } });
    expect(await ledgerPoints(s)).toEqual({ purchases: 30, referral: 750 });
    expect(await takenBack(s)).toEqual([[0, 'friend', 250], [0, 'referrer', 500]]);
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
  let s: Services;
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: inactivity }, actor);
  });
  afterAll(() => s?.close());

  it('takes back the friend\'s bonus only, and the replay agrees', async () => {
    const a = await buy(s, 'A-1', 'a@example.com', '2026-01-01T10:00:00Z', '10.00');
    const { code } = await s.loyalty.referralCode(a.customerId);
    const { customer: e } = await s.customers.upsert({ email: 'e@example.com' }, actor);
    await s.loyalty.claimReferral(e.id, { code }, actor);
    s.clock.set('2026-03-01T12:00:00Z');
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    const e1 = await buy(s, 'E-1', 'e@example.com', '2026-04-01T10:00:00Z', '20.00');
    await deliver(s, 'loyalty.referral_qualified', a.customerId);
    s.clock.set('2026-04-01T12:00:00Z');
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    await buy(s, 'A-2', 'a@example.com', '2026-04-10T10:00:00Z', '10.00');
    s.clock.set('2026-04-15T10:00:00Z');
    const { loyalty } = await s.commerce.refund(e1.purchaseId, { external_id: 'E-1-r' }, actor);
    await deliver(s, 'loyalty.referral_revoked', a.customerId);
    expect(loyalty).toMatchObject({ points_reversed: 20, referral: { status: 'revoked', points_reversed: 250, unsettled: 0 } });
    expect(await takenBack(s)).toEqual([[-250, 'friend', undefined], [0, 'referrer', 500]]);
    expect(await ledgerPoints(s)).toEqual({ purchases: 20, referral: 500 });
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(inactivity, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 520, purchase_points: 20, bonus_points: 500 });
    expect(same.difference).toEqual({ points: 0, value: '0.00' });
  });
});
