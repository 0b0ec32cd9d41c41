import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import * as ledger from '../ledger/ledger.repository.ts';

// Refunds meet expiry, and debts meet credits, on real SQL, by hand. The program: 1 point
// per euro, lots expire 2 months after the purchase, no holding period, no bonuses, points
// already spent are owed. A refund takes back the purchase's own points first, also when
// their lot is past its date now but was not at the refund's date; what expired by the
// refund's date is not taken, written off by the sweep or not; a debt is settled by the next credit whatever the
// stored points say, and `loyalty maintain` settles one a ledger left beside points.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Expiry and refunds',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'per_lot', months: 2, reminder_days: 7 },
  refund_shortfall: 'negative_balance',
};

async function buy(email: string, externalId: string, occurredAt: string, total: string) {
  const [o] = await recordAll(s, [{ customer: { email }, external_id: externalId, occurred_at: occurredAt, total }]);
  return o;
}

async function account(customerId: string) {
  const a = await s.loyalty.account(customerId);
  if (!a.member) throw new Error('not a member');
  return a;
}

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-04-01T12:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('a refund of a purchase whose points expired', () => {
  it('finds its own lot past its date at the refund expired, before the sweep as after it; dated before that date, takes it', async () => {
    s.clock.set('2026-06-01T12:00:00Z');
    // x-1 on 1 March: 10 points, expiring on 1 May (past now, not swept); x-2 on 20 May: 5 points.
    const bought = async (who: string) => {
      const first = await buy(`${who}@example.com`, `${who}-1`, '2026-03-01T10:00:00Z', '10.00');
      await buy(`${who}@example.com`, `${who}-2`, '2026-05-20T10:00:00Z', '5.00');
      const before = await account(first.customerId);
      expect([before.balance, before.expiring_now, before.owed]).toEqual([5, 10, 0]);
      return first;
    };

    // Refunded today, before the sweep: its 10 points had expired on 1 May, so nothing is
    // taken (an entry of 0 says so), and the sweep writes the lot off: lost once, to expiry.
    const a = await bought('a');
    const may = { from: '2026-05-01', to: '2026-05-31' };
    expect((await s.loyalty.report(may)).points).toMatchObject({ expired: 10, expiring_now: 10, reversed: 0 });
    const refund = await s.commerce.refund(a.purchaseId, { external_id: 'a-1-r' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    // May's expired points stay May's: the refund of June takes none of them.
    expect((await s.loyalty.report(may)).points).toMatchObject({ expired: 10, expiring_now: 10, reversed: 0 });
    expect([(await account(a.customerId)).balance, (await account(a.customerId)).expiring_now]).toEqual([5, 10]);
    const e = await bought('e');
    expect((await s.loyalty.maintenance.expirePoints(s.clock.now())).points).toBe(20);
    // The same refund after the sweep: the same answer, the same account.
    const late = await s.commerce.refund(e.purchaseId, { external_id: 'e-1-r' }, actor);
    expect(late.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    for (const id of [a.customerId, e.customerId]) {
      const after = await account(id);
      expect([after.balance, after.expiring_now, after.owed]).toEqual([5, 0, 0]);
      expect(after.lifetime).toMatchObject({ reversed: 0, expired: 10 });
      const name = id === a.customerId ? 'a' : 'e';
      expect(after.explanation.entries.find((x) => x.kind === 'reverse')?.description)
        .toBe(`Refund ${name}-1-r of €10.00 on purchase ${name}-1 (100% of it refunded in all): nothing taken back of its 10 points: 10 points to take back had expired already`);
    }

    // Dated 30 April, before the lot's date, and recorded before the sweep: the refund came
    // first, so it takes its own lot, and the sweep then finds nothing of it to expire.
    const f = await bought('f');
    const dated = await s.commerce.refund(f.purchaseId, { external_id: 'f-1-r', occurred_at: '2026-04-30T10:00:00Z' }, actor);
    expect(dated.loyalty).toMatchObject({ points_reversed: 10, unsettled: 0 });
    expect((await s.loyalty.maintenance.expirePoints(s.clock.now())).points).toBe(0);
    const afterF = await account(f.customerId);
    expect([afterF.balance, afterF.expiring_now, afterF.owed]).toEqual([5, 0, 0]);
    expect(afterF.lifetime).toMatchObject({ reversed: 10, expired: 0 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("dated before its lot's date but recorded after the sweep, takes the points back as before the sweep, undoing their write-off", async () => {
    s.clock.set('2026-06-01T12:00:00Z');
    const g = await buy('g@example.com', 'g-1', '2026-03-01T10:00:00Z', '10.00');
    await buy('g@example.com', 'g-2', '2026-05-20T10:00:00Z', '5.00');
    const h = await buy('h@example.com', 'h-1', '2026-03-01T10:00:00Z', '10.00');
    await buy('h@example.com', 'h-2', '2026-05-20T10:00:00Z', '5.00');
    expect((await s.loyalty.maintenance.expirePoints(s.clock.now())).points).toBe(20);
    const april = { from: '2026-04-01', to: '2026-04-30' };
    const may = { from: '2026-05-01', to: '2026-05-31' };
    const before = { april: (await s.loyalty.report(april)).points, may: (await s.loyalty.report(may)).points };

    // g: refunded in full as of 30 April, the day before its points expired: all 10 taken back.
    const whole = await s.commerce.refund(g.purchaseId, { external_id: 'g-1-r', occurred_at: '2026-04-30T10:00:00Z' }, actor);
    expect(whole.loyalty).toMatchObject({ points_reversed: 10, unsettled: 0 });
    const afterG = await account(g.customerId);
    // As for f, refunded so before the sweep: the 5 of g-2 stay, and nothing of g-1 counts as expired.
    expect([afterG.balance, afterG.expiring_now, afterG.owed]).toEqual([5, 0, 0]);
    expect(afterG.lifetime).toMatchObject({ reversed: 10, expired: 0 });
    expect(afterG.explanation.entries.filter((e) => e.kind === 'expire').map((e) => [e.points, e.description])).toEqual([
      [-10, expect.stringMatching(/^Expired/)],
      // Read after the expiry it undoes, where it was recorded; dated when the points expired (a date's spaces do not break).
      [10, expect.stringMatching(/^Expiry undone: refund g-1-r was dated before these points expired, so it takes them back instead; dated 1\sMay\s2026, recorded later$/)],
    ]);
    // Sent again: nothing more.
    await s.commerce.refund(g.purchaseId, { external_id: 'g-1-r', occurred_at: '2026-04-30T10:00:00Z' }, actor);
    expect((await account(g.customerId)).lifetime).toMatchObject({ reversed: 10, expired: 0 });

    // h: half as of 30 April (5 taken back, their write-off undone), the rest as of today: its 5 had expired by then.
    const half = await s.commerce.refund(h.purchaseId, { external_id: 'h-1-r1', amount: '5.00', occurred_at: '2026-04-30T10:00:00Z' }, actor);
    expect(half.loyalty).toMatchObject({ points_reversed: 5, unsettled: 0 });
    const rest = await s.commerce.refund(h.purchaseId, { external_id: 'h-1-r2' }, actor);
    expect(rest.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    const afterH = await account(h.customerId);
    expect([afterH.balance, afterH.owed]).toEqual([5, 0]);
    expect(afterH.lifetime).toMatchObject({ reversed: 5, expired: 5 });

    // The periods: April's take-backs (g's 10, h's 5), and May's expiry less what was undone.
    expect((await s.loyalty.report(april)).points.reversed).toBe(before.april.reversed + 15);
    expect((await s.loyalty.report(may)).points).toMatchObject({ expired: before.may.expired - 15, expiring_now: before.may.expiring_now });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('does not take again what the sweep wrote off, only what was spent, in one refund or in parts', async () => {
    // b and c alike: 10 points on 1 March (expiring 1 May), 4 of them spent on 1 April; the
    // other 6 expire in the sweep of 1 June; 20 points from a purchase of 25 May.
    const spentThenExpired = async (who: string) => {
      s.clock.set('2026-04-01T12:00:00Z');
      const first = await buy(`${who}@example.com`, `${who}-1`, '2026-03-01T10:00:00Z', '10.00');
      await s.loyalty.adjust(first.customerId, { points: -4, reason: 'test: spent at the counter', idempotency_key: `${who}-spend` }, actor);
      s.clock.set('2026-06-01T12:00:00Z');
      await buy(`${who}@example.com`, `${who}-2`, '2026-05-25T10:00:00Z', '20.00');
      await s.loyalty.maintenance.expirePoints(s.clock.now());
      expect((await account(first.customerId)).balance).toBe(20);
      return first;
    };

    const b = await spentThenExpired('b');
    const whole = await s.commerce.refund(b.purchaseId, { external_id: 'b-1-r' }, actor);
    // 10 to take back: 6 expired already (not again), the 4 spent from b-2's lot.
    expect(whole.loyalty).toMatchObject({ points_reversed: 4, unsettled: 0 });
    const afterB = await account(b.customerId);
    expect(afterB.balance).toBe(16);
    expect(afterB.lifetime).toMatchObject({ reversed: 4, expired: 6 });
    expect(afterB.explanation.entries.find((e) => e.kind === 'reverse')?.description)
      .toBe('Refund b-1-r of €10.00 on purchase b-1 (100% of it refunded in all): 4 of its 10 points taken back; 6 had expired already and are not taken again');

    const c = await spentThenExpired('c');
    // Half first: 5 due, all of them within the 6 that expired — nothing taken.
    const half = await s.commerce.refund(c.purchaseId, { external_id: 'c-1-r1', amount: '5.00' }, actor);
    expect(half.loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    // The rest: 10 due in all, 6 of them expired, so the 4 spent.
    const rest = await s.commerce.refund(c.purchaseId, { external_id: 'c-1-r2' }, actor);
    expect(rest.loyalty).toMatchObject({ points_reversed: 4, unsettled: 0 });
    expect((await account(c.customerId)).balance).toBe(16);
    // A retry of either changes nothing.
    await s.commerce.refund(c.purchaseId, { external_id: 'c-1-r2' }, actor);
    expect((await account(c.customerId)).balance).toBe(16);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('a debt beside points past their date', () => {
  let d: string;

  it('is settled by the next credit although the stored points are not below zero', async () => {
    s.clock.set('2026-04-01T12:00:00Z');
    // d-1: 10 points (expiring 1 May), d-2: 5 points (expiring 2 May); 5 spent on 1 April, from d-1.
    const first = await buy('d@example.com', 'd-1', '2026-03-01T10:00:00Z', '10.00');
    d = first.customerId;
    await buy('d@example.com', 'd-2', '2026-03-02T10:00:00Z', '5.00');
    await s.loyalty.adjust(d, { points: -5, reason: 'test: spent at the counter', idempotency_key: 'd-spend' }, actor);
    s.clock.set('2026-06-01T12:00:00Z');
    // Both lots past their date, not swept. Refunding d-1 as of 30 April, before its lot's
    // date, takes its own 5 and owes the 5 spent: d-2's lot is past its date now and pays nothing.
    const refund = await s.commerce.refund(first.purchaseId, { external_id: 'd-1-r', occurred_at: '2026-04-30T10:00:00Z' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 10, unsettled: 5 });
    const owing = await account(d);
    // Stored points 0 (d-2's 5 past their date, 5 owed).
    expect([owing.balance, owing.expiring_now, owing.owed]).toEqual([-5, 5, 5]);

    // 3 points of goodwill go to the debt.
    await s.loyalty.adjust(d, { points: 3, reason: 'test: goodwill', idempotency_key: 'd-goodwill' }, actor);
    const settled = await account(d);
    expect([settled.balance, settled.owed]).toEqual([-2, 2]);
    expect(settled.lots.filter((l) => l.remaining > 0 && l.expires_at === null)).toEqual([]);
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    const swept = await account(d);
    expect([swept.balance, swept.expiring_now, swept.owed]).toEqual([-2, 0, 2]);
    expect((await s.loyalty.report()).points.owed).toBe(2);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('left beside points by an older ledger, fails verify and is settled by maintain', async () => {
    // As a credit written before credits always settled debts: a lot of 4 beside d's debt of 2.
    await s.db.transaction().execute(async (trx) => {
      const member = (await ledger.lockMembers(trx, [d], { now: s.clock.now(), create: false })).get(d)!;
      await ledger.insertCredits(trx, [{ customerId: d, kind: 'adjust', points: 4, occurredAt: s.clock.now(), sourceType: 'staff', reason: 'test: an older credit', actor: 'test' }], s.clock.now());
      member.points += 4;
      await ledger.saveMembers(trx, [member], s.clock.now());
    });
    const found = await s.loyalty.verify();
    expect(found.ok).toBe(false);
    expect(found.problems).toEqual([{ customer_id: d, rule: 'no debt beside points that can pay it', expected: 0, actual: 2 }]);

    const run = await s.loyalty.maintenance.runAll(s.clock.now());
    expect(run.debts_settled).toEqual({ members: 1, points: 2 });
    const after = await account(d);
    expect([after.balance, after.owed]).toEqual([2, 0]);
    expect((await s.loyalty.verify()).ok).toBe(true);
    expect((await s.loyalty.maintenance.settleStandingDebts(s.clock.now())).members).toBe(0);
  });
});
