import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// When a member's points expire, as the account tells it: the lots in the order debits
// take them (the earliest expiry first), and next_expiry counting every lot of the first
// day points go (QA: lots earned at 08:26 and 11:30 of one day expire at those hours a year
// later, and the card said 224 where the table showed 274 for that day). The business is
// in Europe/Ljubljana (the test services' zone).

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2026-01-01T08:00:00Z');
  await s.loyalty.applyProgram({ program: { name: 'Expiring', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'per_lot', months: 12, reminder_days: 0 } } }, actor);
});
afterAll(() => s?.close());

describe("the account's lots and next expiry", () => {
  it('lists lots by expiry and counts the whole first day, in the business time zone', async () => {
    const buy = (key: string, at: string, total: string) => recordAll(s, [{ customer: { email: 'z@example.com' }, external_id: key, occurred_at: at, total }]);
    s.clock.set('2026-03-01T12:00:00Z');
    const [late] = await buy('L-1', '2026-03-01T10:00:00Z', '100.00'); // expires 2027-03-01
    await buy('E-1', '2026-02-04T07:26:00Z', '24.00'); // expires 2027-02-04 08:26 local
    await buy('E-2', '2026-02-04T10:30:00Z', '50.00'); // the same local day, 11:30
    await buy('E-3', '2026-02-04T23:30:00Z', '7.00'); // 00:30 on 5 February local: the next day

    const account = await s.loyalty.account(late.customerId);
    if (!account.member) throw new Error('a member');
    expect(account.lots.map((l) => [l.remaining, l.expires_at])).toEqual([
      [24, '2027-02-04T07:26:00.000Z'],
      [50, '2027-02-04T10:30:00.000Z'],
      [7, '2027-02-04T23:30:00.000Z'],
      [100, '2027-03-01T10:00:00.000Z'],
    ]);
    expect(account.next_expiry).toEqual({ at: '2027-02-04T07:26:00.000Z', points: 74 });

    // Once the first day's lots are past their date, the next day is next.
    s.clock.set('2027-02-04T12:00:00Z');
    const later = await s.loyalty.account(late.customerId);
    expect(later).toMatchObject({ expiring_now: 74, next_expiry: { at: '2027-02-04T23:30:00.000Z', points: 7 } });
    // Those lots say so themselves (the dashboard marks them by it, not by the browser's clock).
    if (!later.member) throw new Error('not a member');
    expect(later.lots.filter((l) => l.expired).reduce((sum, l) => sum + l.remaining, 0)).toBe(74);
    expect(account.lots.some((l) => l.expired)).toBe(false);
  });
});
