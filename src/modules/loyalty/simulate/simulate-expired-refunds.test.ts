import { describe, expect, it } from 'vitest';
import { buy, ledgerPurchasePoints, purchaseProgram, refund, withProgramInForce } from '../../../../test/helpers/loyalty-history.ts';

// A refund that comes after the purchase's points expired: the ledger takes nothing back of
// them (the sweep wrote them off once; the refund writes an entry of 0 points, details.expired,
// refunds-and-receipts.ts). The replay took the refunded share back all the same, so simulating
// the program in force read lower than the ledger by every such refund's share.
// The program: 10 points a euro, first purchase +50, lots expire 2 months after the purchase.

const program = { ...purchaseProgram, expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } };

describe('a refund after the purchase\'s points expired', () => {
  const services = withProgramInForce(program);

  it('takes nothing back in the replay, as in the ledger: a purchase, its expiry, then a refund', async () => {
    const s = services();
    // A-1 30.00 on 1 March: 300 + 50 first purchase, expiring 1 May; swept then. 5.00 refunded
    // on 1 June: 50 + 8 would be due, all expired — the ledger takes nothing, the account holds 350.
    const a = await buy(s, 'A-1', 'a@example.com', '2026-03-01T10:00:00Z', '30.00');
    expect(await refund(s, a.purchaseId, 'A-1-r', '2026-06-01T10:00:00Z', '5.00')).toMatchObject({ points_reversed: 0 });
    expect(await ledgerPurchasePoints(s)).toBe(350);
    const r = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect(r.current).toMatchObject({ points: 350, purchase_points: 300, bonus_points: 50 });
    expect(r.proposed).toMatchObject({ points: 350, purchase_points: 300, bonus_points: 50 });
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
  });

});

describe('refunds before, across and after expiry', () => {
  const services = withProgramInForce(program);

  it('replaying the program in force agrees with the ledger\'s totals', async () => {
    const s = services();
    // B-1 20.00 on 1 March: 200 + 50, expiring 1 May; 10.00 back on 15 April (125), the rest on 1 June: expired, 0.
    const b1 = await buy(s, 'B-1', 'b@example.com', '2026-03-01T10:00:00Z', '20.00');
    expect(await refund(s, b1.purchaseId, 'B-1-r1', '2026-04-15T10:00:00Z', '10.00')).toMatchObject({ points_reversed: 125 });
    // C-1 10.00 on 1 May: 100 + 50, expiring 1 July; 5.00 back on 1 June (75), the rest on 2 July: 0.
    const c1 = await buy(s, 'C-1', 'c@example.com', '2026-05-01T10:00:00Z', '10.00');
    // B-2 40.00 on 20 May: 400, expiring 20 July; all of it back on 10 June (400).
    const b2 = await buy(s, 'B-2', 'b@example.com', '2026-05-20T10:00:00Z', '40.00');
    expect(await refund(s, b1.purchaseId, 'B-1-r2', '2026-06-01T11:00:00Z')).toMatchObject({ points_reversed: 0 });
    expect(await refund(s, c1.purchaseId, 'C-1-r1', '2026-06-01T12:00:00Z', '5.00')).toMatchObject({ points_reversed: 75 });
    // D-1 10.00 on 5 June, never refunded: 100 + 50.
    await buy(s, 'D-1', 'd@example.com', '2026-06-05T10:00:00Z', '10.00');
    expect(await refund(s, b2.purchaseId, 'B-2-r', '2026-06-10T10:00:00Z')).toMatchObject({ points_reversed: 400 });
    expect(await refund(s, c1.purchaseId, 'C-1-r2', '2026-07-02T10:00:00Z')).toMatchObject({ points_reversed: 0 });
    s.clock.set('2026-08-01T10:00:00Z');
    // 250 − 125 + 150 − 75 + 400 − 400 + 150 = 350.
    expect(await ledgerPurchasePoints(s)).toBe(350);
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 350 });
    expect(same.proposed.points).toBe(350);
    expect(same.difference).toEqual({ points: 0, value: '0.00' });

    // A proposal keeping points for a year has none expired by these refunds: each takes its
    // share back, all of B-1, C-1 and B-2; D-1's 150 stay.
    const yearLong = await s.loyalty.simulate({ ...program, expiry: { policy: 'per_lot', months: 12, reminder_days: 7 } }, { since: '2026-01-01' });
    expect(yearLong.proposed.points).toBe(150);
    expect(yearLong.difference?.points).toBe(150 - 350);
  });
});
