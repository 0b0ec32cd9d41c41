import { afterEach, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// When points expire, worked out by hand on a calendar of the business (Europe/Ljubljana,
// the test services' zone: UTC+1 in winter, UTC+2 from 29 March 2026). A lot's months, and
// an idle member's, are counted in the business's zone, so the day the account shows is the
// day there, and the sweep and the reminder go by that same day.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services | undefined;
const actor = { actor: 'test' };
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function open(expiry: Record<string, unknown>) {
  s = await openTestServices();
  s.clock.set('2026-01-01T00:00:00Z');
  await s.loyalty.applyProgram({ program: { name: 'Dates', earning: { points_per_currency_unit: 1 }, expiry } }, actor);
  return s;
}

async function buy(t: Services, email: string, key: string, at: string, total: string) {
  t.clock.set(at);
  const [o] = await recordAll(t, [{ customer: { email }, external_id: key, occurred_at: at, total }]);
  return o;
}

const lots = async (t: Services, id: string) => {
  const a = await t.loyalty.account(id);
  if (!a.member) throw new Error('not a member');
  return a.lots.map((l) => [l.remaining, l.expires_at]);
};
const events = async (t: Services, type: string, id: string) =>
  (await t.db.selectFrom('events').select('payload').where('type', '=', type).where('customer_id', '=', id).orderBy('id').execute()).map((e) => e.payload);

describe('per lot, a month after earning, in the business time zone', () => {
  it('is due at the same local time on the same local day, the month-end day when the month is shorter', async () => {
    const t = await open({ policy: 'per_lot', months: 1, reminder_days: 0 });
    // 00:30 on 31 January local (30 January in UTC): due 00:30 on 28 February local, not on 1 March.
    const a = await buy(t, 'm@example.com', 'M-1', '2026-01-30T23:30:00Z', '2.00');
    // 00:30 on 1 March local (28 February in UTC): due 00:30 on 1 April local (22:30 UTC, summer time), not on 29 March.
    await buy(t, 'm@example.com', 'M-2', '2026-02-28T23:30:00Z', '4.00');
    // 10:00 on 2 March local, winter time: due 10:00 on 2 April local, summer time (08:00 UTC).
    await buy(t, 'm@example.com', 'M-3', '2026-03-02T09:00:00Z', '8.00');
    expect(await lots(t, a.customerId)).toEqual([
      [2, '2026-02-27T23:30:00.000Z'],
      [4, '2026-03-31T22:30:00.000Z'],
      [8, '2026-04-02T08:00:00.000Z'],
    ]);

    // The sweep takes each at its instant, not a minute before.
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-02-27T23:29:00Z'))).toEqual({ members: 0, points: 0 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-02-27T23:30:00Z'))).toEqual({ members: 1, points: 2 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-03-31T22:29:00Z'))).toEqual({ members: 0, points: 0 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-03-31T22:30:00Z'))).toEqual({ members: 1, points: 4 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-04-02T07:59:00Z'))).toEqual({ members: 0, points: 0 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-04-02T08:00:00Z'))).toEqual({ members: 1, points: 8 });
    expect((await t.loyalty.verify()).ok).toBe(true);
  });

  it('reminds reminder_days of the business before, across the change to winter time', async () => {
    const t = await open({ policy: 'per_lot', months: 1, reminder_days: 14 });
    // 12:30 on 25 September local (summer time): due 12:30 on 25 October local, winter time (11:30 UTC).
    const a = await buy(t, 'w@example.com', 'W-1', '2026-09-25T10:30:00Z', '3.00');
    expect(await lots(t, a.customerId)).toEqual([[3, '2026-10-25T11:30:00.000Z']]);
    // Fourteen days before is 12:30 on 11 October local (10:30 UTC); fourteen times 24 hours
    // before would be 13:30 local, an hour late, and a daily run at 12:30 would tell it a day late.
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-10-11T10:29:00Z'))).toEqual({ members: 0 });
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-10-11T10:30:00Z'))).toEqual({ members: 1 });
    expect(await events(t, 'loyalty.points_expiring', a.customerId)).toEqual([
      { customer_id: a.customerId, points: 3, expires_at: '2026-10-25T11:30:00.000Z', policy: 'per_lot' },
    ]);
  });
});

describe('by inactivity, in the business time zone', () => {
  it('expires on the day the account shows, not days later', async () => {
    const t = await open({ policy: 'inactivity', months: 6, reminder_days: 0 });
    // Idle since 12:00 on 31 August 2026 local (10:00 UTC, summer time): due 12:00 on 28 February 2027 local (11:00 UTC).
    const a = await buy(t, 'i@example.com', 'I-1', '2026-08-31T10:00:00Z', '5.00');
    const account = await t.loyalty.account(a.customerId);
    expect(account).toMatchObject({ next_expiry: { at: '2027-02-28T11:00:00.000Z', points: 5 } });

    expect(await t.loyalty.maintenance.expirePoints(new Date('2027-02-28T10:59:00Z'))).toEqual({ members: 0, points: 0 });
    // The account says expired at 11:00; the sweep then takes them (it waited for 1 March: 28 February less 6 months is 28 August).
    expect(await t.loyalty.maintenance.expirePoints(new Date('2027-02-28T11:00:00Z'))).toEqual({ members: 1, points: 5 });
    expect((await t.loyalty.verify()).ok).toBe(true);
  });

  it('reminds once in each idle period, of all the points that will go', async () => {
    const t = await open({ policy: 'inactivity', months: 6, reminder_days: 7 });
    // 100 points on 10 January: idle until 10 July 10:00 local (08:00 UTC, summer time), told on 3 July.
    const a = await buy(t, 'r@example.com', 'R-1', '2026-01-10T09:00:00Z', '100.00');
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-07-03T07:59:00Z'))).toEqual({ members: 0 });
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-07-03T08:00:00Z'))).toEqual({ members: 1 });
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-07-03T09:00:00Z'))).toEqual({ members: 0 });
    // A purchase of 10 on 5 July starts the time again: idle until 5 January 2027 10:00 local (09:00 UTC).
    await buy(t, 'r@example.com', 'R-2', '2026-07-05T08:00:00Z', '10.00');
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-12-29T09:00:00Z'))).toEqual({ members: 1 });
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-12-30T09:00:00Z'))).toEqual({ members: 0 });
    // The second reminder tells the 110 that go on 5 January, not only the 10 earned since the first.
    expect(await events(t, 'loyalty.points_expiring', a.customerId)).toEqual([
      { customer_id: a.customerId, points: 100, expires_at: '2026-07-10T08:00:00.000Z', policy: 'inactivity' },
      { customer_id: a.customerId, points: 110, expires_at: '2027-01-05T09:00:00.000Z', policy: 'inactivity' },
    ]);
    expect(await t.loyalty.account(a.customerId)).toMatchObject({ next_expiry: { at: '2027-01-05T09:00:00.000Z', points: 110 } });
  });
});

describe('a program change of expiry', () => {
  it('from inactivity to per lot gives the lots earned idle a date: the new months from the change, or from earning when later', async () => {
    const t = await open({ policy: 'inactivity', months: 6, reminder_days: 7 });
    // 100 points on 10 January under inactivity (no date of their own), told on 3 July they go on 10 July.
    const a = await buy(t, 'c@example.com', 'C-1', '2026-01-10T09:00:00Z', '100.00');
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2026-07-03T08:00:00Z'))).toEqual({ members: 1 });
    // On 5 July the program turns to lots of 12 months (from 00:00 on 5 July in Ljubljana), and 50 more are earned that day.
    t.clock.set('2026-07-04T22:00:00Z');
    await t.loyalty.applyProgram({ program: { name: 'Dates', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'per_lot', months: 12, reminder_days: 7 } } }, actor);
    await buy(t, 'c@example.com', 'C-2', '2026-07-05T08:00:00Z', '50.00');
    // Without a date the 100 would never expire: no idle rule any more. They get 12 months from the change.
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-07-10T08:00:00Z'))).toEqual({ members: 0, points: 0 });
    expect(await lots(t, a.customerId)).toEqual([[100, '2027-07-04T22:00:00.000Z'], [50, '2027-07-05T08:00:00.000Z']]);
    // Reminded again before the new date (the idle period's reminder was of another date), once.
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2027-06-27T22:00:00Z'))).toEqual({ members: 1 });
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2027-06-28T22:00:00Z'))).toEqual({ members: 1 }); // the 50's turn
    expect(await t.loyalty.maintenance.remindExpiring(new Date('2027-06-29T22:00:00Z'))).toEqual({ members: 0 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2027-07-04T22:00:00Z'))).toEqual({ members: 1, points: 100 });
    expect((await events(t, 'loyalty.points_expiring', a.customerId)).map((e: any) => [e.points, e.expires_at])).toEqual([
      [100, '2026-07-10T08:00:00.000Z'], [100, '2027-07-04T22:00:00.000Z'], [50, '2027-07-05T08:00:00.000Z'],
    ]);
    expect((await t.loyalty.verify()).ok).toBe(true);
  });
  it('from 12 months to 6, then to inactivity, leaves each lot its date, and the expiry says the months the lot was earned with', async () => {
    const t = await open({ policy: 'per_lot', months: 12, reminder_days: 0 });
    const program = (expiry: Record<string, unknown>) => ({ program: { name: 'Dates', earning: { points_per_currency_unit: 1 }, expiry } });
    // 100 on 10 January (10:00 there) under 12 months: due 10 January 2027 10:00 there.
    const a = await buy(t, 'k@example.com', 'K-1', '2026-01-10T09:00:00Z', '100.00');
    // And 5 from staff at that moment: the same date.
    await t.loyalty.adjust(a.customerId, { points: 5, reason: 'welcome', idempotency_key: 'k-adj' }, actor);
    t.clock.set('2026-02-01T00:00:00Z');
    await t.loyalty.applyProgram(program({ policy: 'per_lot', months: 6, reminder_days: 0 }), actor);
    // 50 on 10 February (10:00 there) under 6 months: due 10 August 10:00 there (08:00 UTC, summer time).
    await buy(t, 'k@example.com', 'K-2', '2026-02-10T09:00:00Z', '50.00');
    t.clock.set('2026-03-01T00:00:00Z');
    await t.loyalty.applyProgram(program({ policy: 'inactivity', months: 24, reminder_days: 0 }), actor);
    expect(await lots(t, a.customerId)).toEqual([[50, '2026-08-10T08:00:00.000Z'], [100, '2027-01-10T09:00:00.000Z'], [5, '2027-01-10T09:00:00.000Z']]);

    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-08-10T08:00:00Z'))).toEqual({ members: 1, points: 50 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2027-01-10T09:00:00Z'))).toEqual({ members: 1, points: 105 });
    t.clock.set('2027-01-10T09:00:00Z');
    const account = await t.loyalty.account(a.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.explanation.entries.filter((e) => e.kind === 'expire').map((e) => [e.points, e.description, 'took_from' in e ? e.took_from : null])).toEqual([
      [-50, 'Expired: points earned more than 6 months ago (50 of purchase K-2)', [{ entry: 3, points: 50 }]],
      [-105, 'Expired: points earned more than 12 months ago (100 of purchase K-1, 5 earned on 10\u00a0Jan\u00a02026)', [{ entry: 1, points: 100 }, { entry: 2, points: 5 }]],
    ]);
    // In the member's language too.
    const sl = await t.loyalty.account(a.customerId, { language: 'sl' });
    if (!sl.member) throw new Error('not a member');
    expect(sl.explanation.entries.at(-1)?.description).toMatch(/^Poteklo: .* \(100 iz nakupa K-1, 5 z dne 10\.\u00a0jan\.\u00a02026\)$/);
    expect((await t.loyalty.verify()).ok).toBe(true);
  });
});
