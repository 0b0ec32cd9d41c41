import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// The loyalty report on a small ledger worked out by hand, with an entry of every kind:
// earnings and a bonus, points added and taken by staff, a reward, a checkout reservation
// captured in part and one released, a refund of points already spent (a debt), merges
// moving lots and that debt, an expiry swept and one not swept yet. The program: 1 point
// per euro, 5 per survey answered, lots expire after 12 months, tiers by purchases.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Report',
  earning: { points_per_currency_unit: 1 },
  bonuses: { survey: 5 },
  expiry: { policy: 'per_lot', months: 12 },
  tiers: {
    metric: 'purchases', window: 'lifetime',
    levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'silver', name: 'Silver', threshold: '5' }, { code: 'gold', name: { en: 'Gold', sl: 'Zlato' }, threshold: '10' }],
  },
  rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 30 }],
};

async function buy(email: string, key: string, total: string, occurredAt = '2026-05-20T10:00:00Z') {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: occurredAt, total }]);
  return o;
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('the loyalty report', () => {
  it('lists every tier of the program, an empty one with 0, before anyone joined', async () => {
    const report = await s.loyalty.report();
    expect(report.tiers).toEqual([
      { tier: 'member', name: 'Member', members: 0 },
      { tier: 'silver', name: 'Silver', members: 0 },
      { tier: 'gold', name: { en: 'Gold', sl: 'Zlato' }, members: 0 },
    ]);
    expect([report.redemption_rate, report.breakage_rate]).toEqual([null, null]);
  });

  it('adds up: earned + adjusted in − adjusted out + merged in − merged out − redeemed − expired − reversed + owed = outstanding', async () => {
    // Ana: 100 earned, 5 for a survey; a coffee (30); 40 held and 25 of them captured (15
    // back); 10 held and released; staff add 500 and take 20. 530 left.
    const ana = (await buy('ana@example.com', 'a1', '100.00')).customerId;
    await s.loyalty.surveyBonus(ana, { response_id: 'survey-1' }, actor);
    await s.loyalty.redeemReward(ana, { reward: 'coffee', idempotency_key: 'a-coffee' }, actor);
    const partly = await s.loyalty.reserve(ana, { points: 40, idempotency_key: 'a-cart-1', order_ref: 'o-1' }, actor);
    await s.loyalty.capture(ana, partly.reservation.id, { points: 25 });
    const abandoned = await s.loyalty.reserve(ana, { points: 10, idempotency_key: 'a-cart-2' }, actor);
    await s.loyalty.release(ana, abandoned.reservation.id);
    await s.loyalty.adjust(ana, { points: 500, reason: 'goodwill', idempotency_key: 'a-add' }, actor);
    await s.loyalty.adjust(ana, { points: -20, reason: 'entered twice', idempotency_key: 'a-take' }, actor);
    // Ben: 100 earned, three coffees (90), then the purchase refunded: 100 taken back, 10
    // from his lots and 90 owed.
    const benPurchase = await buy('ben@example.com', 'b1', '100.00');
    const ben = benPurchase.customerId;
    for (const key of ['b-c1', 'b-c2', 'b-c3']) await s.loyalty.redeemReward(ben, { reward: 'coffee', idempotency_key: key }, actor);
    await s.commerce.refund(benPurchase.purchaseId, { external_id: 'b1-refund' }, actor);
    // Cy (20) merged into Dee (30): 20 move. Then Ben merged into Dee: his debt of 90
    // moves, Dee's 50 settle 50 of it, 40 stay owed.
    const cy = (await buy('cy@example.com', 'c1', '20.00')).customerId;
    const dee = (await buy('dee@example.com', 'd1', '30.00')).customerId;
    await mergeCustomers(s, dee, { from: cy }, actor);
    await mergeCustomers(s, dee, { from: ben }, actor);
    // Ivy's 10 and Jo's 7, earned a year ago: Ivy's expire on 10 June and are swept, Jo's
    // expire on 15 June and are not swept yet.
    const ivy = (await buy('ivy@example.com', 'i1', '10.00', '2025-06-10T10:00:00Z')).customerId;
    const jo = (await buy('jo@example.com', 'j1', '7.00', '2025-06-15T10:00:00Z')).customerId;
    s.clock.set('2026-06-12T00:00:00Z');
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    s.clock.set('2026-06-20T00:00:00Z');

    const report = await s.loyalty.report();
    const p = report.points;
    expect(p).toEqual({
      earned: 100 + 5 + 100 + 20 + 30 + 10 + 7,
      adjusted_in: 500,
      adjusted_out: 20,
      merged_in: 20 + 90,
      merged_out: 20 + 90,
      redeemed: 30 + (40 - 15) + (10 - 10) + 90,
      expired: 10 + 7,
      // Jo's 7: past their date, not swept yet.
      expiring_now: 7,
      reversed: 100,
      owed: 40,
      outstanding: 530,
      pending: 0,
      issued: 272 + 500 - (100 - 40),
      forfeited: 0,
    });
    expect(p.earned + p.adjusted_in - p.adjusted_out + p.merged_in - p.merged_out - p.redeemed - p.expired - p.reversed - p.forfeited + p.owed).toBe(p.outstanding);
    expect(report.liability.points).toBe(530);
    expect(report.redemption_rate).toBeCloseTo(145 / 712, 10);
    expect(report.breakage_rate).toBeCloseTo(17 / 712, 10);
    // The account of each member counts the same way (its lifetime figures).
    const account = await s.loyalty.account(ana);
    if (!account.member) throw new Error('not a member');
    expect(account.lifetime).toEqual({ earned: 105, adjusted: 480, redeemed: 55, reversed: 0, expired: 0 });
    expect(account.balance).toBe(530);
    // Expired as the accounts show it: written off (lifetime.expired) and past its date,
    // not swept yet (expiring_now); the two add up to the report's expired.
    const expiredOf = async (id: string) => {
      const a = await s.loyalty.account(id);
      if (!a.member) throw new Error('not a member');
      return { swept: a.lifetime.expired, now: a.expiring_now };
    };
    expect([await expiredOf(ivy), await expiredOf(jo)]).toEqual([{ swept: 10, now: 0 }, { swept: 0, now: 7 }]);
    // Every tier, the empty ones too. Cy and Ben, merged into Dee, are no members: their
    // member rows keep only their closed ledgers, which still count in the flows above.
    expect(report.tiers.map((t) => [t.tier, t.members])).toEqual([['member', 4], ['silver', 0], ['gold', 0]]);
    expect(report.members).toBe(4);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  // QA: staff gave 5,000 points that were then redeemed, and the rate read 125.5 %.
  it('keeps the redemption rate at most 100 % when points added by staff are redeemed', async () => {
    const kim = (await buy('kim@example.com', 'k1', '10.00', '2026-06-19T10:00:00Z')).customerId;
    await s.loyalty.adjust(kim, { points: 5000, reason: 'apology', idempotency_key: 'k-add' }, actor);
    for (let i = 0; i < 167; i++) await s.loyalty.redeemReward(kim, { reward: 'coffee', idempotency_key: `k-${i}` }, actor);
    const report = await s.loyalty.report();
    expect(report.redemption_rate).toBeCloseTo(report.points.redeemed / report.points.issued, 10);
    expect(report.redemption_rate).toBeLessThanOrEqual(1);
    expect(report.redemption_rate! + report.breakage_rate!).toBeLessThanOrEqual(1);
    expect(report.points.adjusted_in).toBe(5500);
  });
});
