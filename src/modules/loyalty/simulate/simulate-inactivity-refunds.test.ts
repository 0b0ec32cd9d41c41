import { describe, expect, it } from 'vitest';
import { buy, ledgerPurchasePoints, purchaseProgram, refund, sweep, withProgramInForce, type TestServices } from '../../../../test/helpers/loyalty-history.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// A refund that comes after expiry by inactivity wrote the member's points off: the ledger
// takes nothing back of the purchase's points (the write-off took its lots, and the refund
// finds them expired, as under per-lot expiry: refunds-and-receipts.ts, planDebit's
// `expired`), also when the member has bought again since. The replay took the refunded
// share back all the same, so simulating an inactivity program in force read lower than
// the ledger by every such refund's share. simulate-expired-refunds.test.ts: per-lot.
//
// Worked by hand. The program: 10 points a euro, first purchase +50, refund_shortfall
// negative_balance, points expire after 2 months without a purchase (inactivity) — or, for
// the switch, 2 months after earning (per_lot). All at 10:00 UTC (Europe/Ljubljana).
//
//   A-1 30.00 on 1 Mar: 300 + 50. A buys nothing more: all 350 written off on 1 May.
//       5.00 back on 1 Jun: 58 due, expired — nothing.                          A: 350
//   B-1 20.00 on 1 Mar: 200 + 50; B-2 40.00 on 15 Apr: 400 (B idle from 15 Apr, due 15 Jun).
//       10.00 of B-1 back on 20 May: B active, 125 taken. On 15 Jun the rest (125 + 400)
//       is written off. B-2 all back on 1 Jul: nothing. B-3 10.00 on 5 Jul: 100. The rest
//       of B-1 back on 10 Jul: nothing (its lots went on 15 Jun; buying again brings none
//       back). 5.00 of B-3 back on 20 Jul: 50.                 B: 250 − 125 + 400 + 100 − 50 = 575
//   C-1 10.00 on 1 Mar: 100 + 50; C-2 10.00 on 25 Apr: 100 (keeps C-1's points).
//       C-1 all back on 10 May: 150 taken.                                       C: 100
//   Inactivity: 1025 points, of them 75 bonus (A 50, B 50 − 25, C 50 − 50).
//
//   Per-lot, 2 months: A-1, B-1 and C-1 expire on 1 May, B-2 on 15 Jun, B-3 on 5 Sep: every
//   refund but B-3's takes nothing. A 350, B 250 + 400 + 100 − 50 = 700, C 150 + 100 = 250:
//   1300 points, 150 bonus.
//   No expiry: every refund takes its share. A 350 − 58 = 292, B 250 − 250 + 0 + 50 = 50,
//   C 100: 442.

const inactivity = { ...purchaseProgram, expiry: { policy: 'inactivity', months: 2, reminder_days: 7 } };
const perLot = { ...purchaseProgram, expiry: { policy: 'per_lot', months: 2, reminder_days: 7 } };
const never = { ...purchaseProgram, expiry: { policy: 'none' } };

/** A refund at its own time, the expiry sweep having run first: what it took back of the purchase's points. */
async function reversed(...args: Parameters<typeof refund>): Promise<number> {
  return ((await refund(...args)) as { points_reversed: number }).points_reversed;
}

/** The history above, in the order it happened; answers what each refund took back in the ledger. */
async function history(s: TestServices) {
  const { purchaseId: a1 } = await buy(s, 'A-1', 'a@example.com', '2026-03-01T10:00:00Z', '30.00');
  const { purchaseId: b1 } = await buy(s, 'B-1', 'b@example.com', '2026-03-01T10:05:00Z', '20.00');
  const { purchaseId: c1 } = await buy(s, 'C-1', 'c@example.com', '2026-03-01T10:10:00Z', '10.00');
  const { purchaseId: b2 } = await buy(s, 'B-2', 'b@example.com', '2026-04-15T10:00:00Z', '40.00');
  await buy(s, 'C-2', 'c@example.com', '2026-04-25T10:00:00Z', '10.00');
  const taken: Record<string, number> = {};
  taken['C-1'] = await reversed(s, c1, 'C-1-r', '2026-05-10T10:00:00Z');
  taken['B-1 first'] = await reversed(s, b1, 'B-1-r1', '2026-05-20T10:00:00Z', '10.00');
  taken['A-1'] = await reversed(s, a1, 'A-1-r', '2026-06-01T10:00:00Z', '5.00');
  taken['B-2'] = await reversed(s, b2, 'B-2-r', '2026-07-01T10:00:00Z');
  const { purchaseId: b3 } = await buy(s, 'B-3', 'b@example.com', '2026-07-05T10:00:00Z', '10.00');
  taken['B-1 rest'] = await reversed(s, b1, 'B-1-r2', '2026-07-10T10:00:00Z');
  taken['B-3'] = await reversed(s, b3, 'B-3-r', '2026-07-20T10:00:00Z', '5.00');
  await sweep(s, '2026-08-01T10:00:00Z');
  return taken;
}

describe('refunds after expiry by inactivity wrote the points off', () => {
  const services = withProgramInForce(inactivity);

  it('replaying the program in force agrees with the ledger, and a switch to per-lot gives the per-lot figures', async () => {
    const s = services();
    expect(await history(s)).toEqual({ 'C-1': 150, 'B-1 first': 125, 'A-1': 0, 'B-2': 0, 'B-1 rest': 0, 'B-3': 50 });
    expect(await ledgerPurchasePoints(s)).toBe(1025);
    expect((await s.loyalty.verify()).ok).toBe(true);

    const same = await s.loyalty.simulate(inactivity, { since: '2026-01-01' });
    expect(same.current).toMatchObject({ points: 1025, purchase_points: 950, bonus_points: 75 });
    expect(same.proposed).toMatchObject({ points: 1025, purchase_points: 950, bonus_points: 75 });
    expect(same.difference).toEqual({ points: 0, value: '0.00' });

    const switched = await s.loyalty.simulate(perLot, { since: '2026-01-01' });
    expect(switched.proposed).toMatchObject({ points: 1300, purchase_points: 1150, bonus_points: 150 });
    expect(switched.difference?.points).toBe(1300 - 1025);

    const none = await s.loyalty.simulate(never, { since: '2026-01-01' });
    expect(none.proposed.points).toBe(442);
  });

  it('an idle period shorter than the program\'s months writes nothing off: a 3-month proposal takes back B-1\'s rest', async () => {
    const s = services();
    // Under 3 months B is idle from 15 Apr until 15 Jul: B-3 on 5 Jul comes first, so
    // nothing of B's is written off and B-2's and B-1's refunds take back 400 and 125 (B: 50);
    // A is idle from 11:00 on 1 Mar until 11:00 on 1 Jun, Ljubljana time (09:00 UTC in summer),
    // an hour before its refund: nothing taken (A: 350); C: 100.
    const r = await s.loyalty.simulate({ ...inactivity, expiry: { policy: 'inactivity', months: 3, reminder_days: 7 } }, { since: '2026-01-01' });
    expect(r.proposed.points).toBe(500);
  });
});

describe('a per-lot program in force, a proposal expiring by inactivity', () => {
  const services = withProgramInForce(perLot);

  it('gives the inactivity figures worked by hand, against the ledger\'s per-lot ones', async () => {
    const s = services();
    expect(await history(s)).toEqual({ 'C-1': 0, 'B-1 first': 0, 'A-1': 0, 'B-2': 0, 'B-1 rest': 0, 'B-3': 50 });
    expect(await ledgerPurchasePoints(s)).toBe(1300);
    const r = await s.loyalty.simulate(inactivity, { since: '2026-01-01' });
    expect(r.current).toMatchObject({ points: 1300, purchase_points: 1150, bonus_points: 150 });
    expect(r.proposed).toMatchObject({ points: 1025, purchase_points: 950, bonus_points: 75 });
    expect(r.difference?.points).toBe(1025 - 1300);
  });
});

describe('a member who joined with an old history', () => {
  const services = withProgramInForce(inactivity);

  it('is idle from joining, in the replay as in the ledger', async () => {
    const s = services();
    // D-1 20.00 dated 1 Mar, recorded (D joining with it) on 1 Aug: 200 + 50, idle from 1 Aug,
    // not from 1 Mar, so due on 1 Oct. 10.00 back on 1 Sep: 125 taken; the rest on 15 Oct:
    // written off on 1 Oct, nothing. D: 125 (by the purchase's date alone, 250: both expired).
    s.clock.set('2026-08-01T10:00:00Z');
    const [d] = await recordAll(s, [{ external_id: 'D-1', customer: { email: 'd@example.com' }, occurred_at: '2026-03-01T10:00:00Z', total: '20.00' }]);
    expect(await reversed(s, d.purchaseId, 'D-1-r1', '2026-09-01T10:00:00Z', '10.00')).toBe(125);
    expect(await reversed(s, d.purchaseId, 'D-1-r2', '2026-10-15T10:00:00Z')).toBe(0);
    expect(await ledgerPurchasePoints(s)).toBe(125);
    const r = await s.loyalty.simulate(inactivity, { since: '2026-01-01' });
    expect(r.current).toMatchObject({ points: 125 });
    expect(r.difference).toEqual({ points: 0, value: '0.00' });
  });
});
