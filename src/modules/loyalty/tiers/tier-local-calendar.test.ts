import { afterEach, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// Tier dates on the business's calendar (Europe/Ljubljana, the test services' zone: UTC+1
// in winter, UTC+2 from the last Sunday of March to the last Sunday of October), as points
// expiry's: a tier period is 12 months of that calendar, the rolling window starts 12 of its
// months back, grace is days of it, all at the same local time — for the purchase path,
// the hourly review and simulate's replay alike (simulate of the program in force moves
// nobody: it places every member where the live engine did). Worked out by hand:
// 12:00 local is 11:00 UTC in winter, 10:00 UTC in summer.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const programOf = (window: string, graceDays: number) => ({
  name: 'Local calendar',
  earning: { points_per_currency_unit: 1, rounding: 'floor' },
  expiry: { policy: 'none' },
  tiers: {
    metric: 'spend', window, grace_days: graceDays,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '250.00' },
    ],
  },
});

async function open(window: string, graceDays: number) {
  s = await openTestServices();
  s.clock.set('2024-06-01T00:00:00Z');
  const program = programOf(window, graceDays);
  await s.loyalty.applyProgram({ program, effective_from: '2024-01-01T00:00:00Z' }, { actor: 'test' });
  return { t: s, program };
}

async function buy(t: Services, customer: string, key: string, at: string, total: string) {
  if (t.clock.now() < new Date(at)) t.clock.set(at);
  const [p] = await recordAll(t, [{ external_id: key, customer: { external_id: customer }, occurred_at: at, total }]);
  return p;
}

async function validUntil(t: Services, id: string) {
  const a = await t.loyalty.account(id);
  if (!a.member) throw new Error('not a member');
  return a.tier?.valid_until;
}

const history = async (t: Services, id: string) => (await t.loyalty.tierHistory(id)).items.map((h) => [h.to, h.at]);

/** The hourly review at `at`: how many members it moved (`reviewed` says how many periods it found due). */
async function review(t: Services, at: string, count: 'down' | 'reviewed' = 'down') {
  t.clock.set(at);
  return (await t.loyalty.maintenance.reviewTiers(new Date(at)))[count];
}

describe('a tier period on the business calendar', () => {
  it('reached at 12:00 on 28 March 2026 (winter time) ends at 12:00 on 28 March 2027 (summer time), reviewed then', async () => {
    const { t, program } = await open('rolling_12_months', 0);
    const p = await buy(t, 'march', 'm-1', '2026-03-28T11:00:00Z', '300.00');
    expect(p.loyalty).toMatchObject({ tier: 'silver' });
    expect(await validUntil(t, p.customerId)).toBe('2027-03-28T10:00:00.000Z'); // not 11:00 UTC (13:00 local)
    expect(await review(t, '2027-03-28T09:59:00Z')).toBe(0);
    expect(await review(t, '2027-03-28T10:00:00Z')).toBe(1);
    expect(await history(t, p.customerId)).toEqual([['silver', '2026-03-28T11:00:00.000Z'], ['member', '2027-03-28T10:00:00.000Z']]);
    expect((await t.loyalty.simulate(program, { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });

  it('reached on 29 February ends on 28 February, reached on 1 March on 1 March, at the same local time', async () => {
    const { t, program } = await open('rolling_12_months', 0);
    // 00:30 on 1 March 2027 local (28 February in UTC): until 00:30 on 1 March 2028 local, not 29 February.
    const a = await buy(t, 'first-of-march', 'f-1', '2027-02-28T23:30:00Z', '300.00');
    expect(await validUntil(t, a.customerId)).toBe('2028-02-29T23:30:00.000Z');
    // 00:30 on 29 February 2028 local: until 00:30 on 28 February 2029 local, not 1 March.
    const b = await buy(t, 'leap-day', 'l-1', '2028-02-28T23:30:00Z', '300.00');
    expect(await validUntil(t, b.customerId)).toBe('2029-02-27T23:30:00.000Z');
    expect(await review(t, '2028-02-29T23:29:00Z')).toBe(0);
    expect(await review(t, '2028-02-29T23:30:00Z')).toBe(1);
    // Its review falls due at 00:30 on 28 February 2029 local (24 hours later by UTC months).
    expect(await review(t, '2029-02-27T23:29:00Z', 'reviewed')).toBe(0);
    expect(await review(t, '2029-02-27T23:30:00Z', 'reviewed')).toBe(1);
    expect((await t.loyalty.simulate(program, { since: '2027-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});

describe('grace days on the business calendar', () => {
  it('a period ending at 12:00 on 10 October (summer time) with 30 days is reviewed at 12:00 on 9 November (winter time)', async () => {
    const { t, program } = await open('rolling_12_months', 30);
    const p = await buy(t, 'october', 'o-1', '2025-10-10T10:00:00Z', '300.00');
    expect(await validUntil(t, p.customerId)).toBe('2026-10-10T10:00:00.000Z');
    expect(await review(t, '2026-11-09T10:30:00Z')).toBe(0); // 11:30 local: not yet (24-hour days said 11:00)
    expect(await review(t, '2026-11-09T11:00:00Z')).toBe(1);
    expect(await history(t, p.customerId)).toEqual([['silver', '2025-10-10T10:00:00.000Z'], ['member', '2026-11-09T11:00:00.000Z']]);
    // Recorded late (a till offline for a year), the same purchase gives the same history.
    t.clock.set('2026-12-01T12:00:00Z');
    const late = await buy(t, 'october-late', 'o-2', '2025-10-10T10:00:00Z', '300.00');
    expect(await history(t, late.customerId)).toEqual([['silver', '2025-10-10T10:00:00.000Z'], ['member', '2026-11-09T11:00:00.000Z']]);
    expect((await t.loyalty.simulate(program, { since: '2025-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });

  it('a period ending at 12:00 on 10 March (winter time) with 30 days is reviewed at 12:00 on 9 April (summer time), by the job or a purchase', async () => {
    const { t, program } = await open('rolling_12_months', 30);
    const a = await buy(t, 'by-job', 'j-1', '2026-03-10T11:00:00Z', '300.00');
    const b = await buy(t, 'by-purchase', 'p-1', '2026-03-10T11:00:00Z', '300.00');
    expect(await validUntil(t, a.customerId)).toBe('2027-03-10T11:00:00.000Z');
    expect(await review(t, '2027-04-09T09:59:00Z')).toBe(0);
    // 12:30 local: the review fell due at 12:00 (24-hour days said 13:00), made in the purchase's transaction.
    const next = await buy(t, 'by-purchase', 'p-2', '2027-04-09T10:30:00Z', '1.00');
    expect(next.loyalty).toMatchObject({ tier: 'member' });
    expect(await history(t, b.customerId)).toEqual([['silver', '2026-03-10T11:00:00.000Z'], ['member', '2027-04-09T10:00:00.000Z']]);
    expect(await review(t, '2027-04-09T10:30:00Z')).toBe(1);
    expect(await history(t, a.customerId)).toEqual([['silver', '2026-03-10T11:00:00.000Z'], ['member', '2027-04-09T10:00:00.000Z']]);
    expect((await t.loyalty.simulate(program, { since: '2026-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});

describe('the qualification window on the business calendar', () => {
  it('a rolling window ending at 12:00 on 25 October 2026 (winter time) starts after 12:00 on 25 October 2025 (summer time)', async () => {
    const { t, program } = await open('rolling_12_months', 0);
    // A millisecond after 12:00 local a year before: in the window (24-hour reckoning started it an hour later).
    await buy(t, 'in', 'i-1', '2025-10-25T10:00:00.001Z', '249.99');
    // 12:00 local exactly a year before: the instant left out.
    await buy(t, 'out', 'x-1', '2025-10-25T10:00:00.000Z', '249.99');
    expect((await buy(t, 'in', 'i-2', '2026-10-25T11:00:00.000Z', '0.01')).loyalty).toMatchObject({ tier: 'silver' });
    expect((await buy(t, 'out', 'x-2', '2026-10-25T11:00:00.000Z', '0.01')).loyalty).toMatchObject({ tier: 'member' });
    expect((await t.loyalty.simulate(program, { since: '2025-01-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });

  it('a calendar-year window starts at the local midnight of 1 January, and its period ends at the one two years on', async () => {
    const { t, program } = await open('calendar_year', 0);
    // 23:30 on 31 December 2026 local, then 00:30 on 1 January 2027 local: different years.
    await buy(t, 'newyear', 'n-1', '2026-12-31T22:30:00Z', '249.99');
    expect((await buy(t, 'newyear', 'n-2', '2026-12-31T23:30:00Z', '0.01')).loyalty).toMatchObject({ tier: 'member' });
    const p = await buy(t, 'newyear', 'n-3', '2027-01-05T12:00:00Z', '250.00');
    expect(p.loyalty).toMatchObject({ tier: 'silver' });
    expect(await validUntil(t, p.customerId)).toBe('2028-12-31T23:00:00.000Z');
    expect((await t.loyalty.simulate(program, { since: '2026-06-01' })).moves).toMatchObject({ up: 0, down: 0 });
  });
});
