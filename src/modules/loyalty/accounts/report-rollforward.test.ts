import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { addDaysToDate, localDate, startOfLocalDay } from '../../../shared/clock.ts';
import { eraseCustomer, mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// The report's opening and closing (README, "opening and closing") on a generated history of
// seventeen months: purchases, rewards, checkout reservations captured, released and left to
// time out, refunds of points already spent (owed, settled by later points), staff's points in
// and out, merges, an erasure, lots expiring after 12 months swept now and then. The history is
// written in time order, and at each month's first local midnight the live report is taken:
// what the points outstanding were then, against which the opening is checked afterwards.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const TZ = 'Europe/Ljubljana';
const program = {
  name: 'Rolled', point_value: '0.02', earning: { points_per_currency_unit: 1 }, expiry: { policy: 'per_lot', months: 12 },
  rewards: [{ code: 'tea', name: 'Tea', type: 'free_product', sku: 'TEA', points: 25 }],
};

/** Deterministic: the same history on both databases. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const months = Array.from({ length: 17 }, (_, i) => `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`); // 2025-01 … 2026-05
/** The live report at each month's start: outstanding and owed as they stood then. */
const live = new Map<string, { outstanding: number; owed: number }>();

beforeAll(async () => {
  s = await openTestServices();
  s.clock.set('2024-12-01T00:00:00Z');
  await s.loyalty.applyProgram({ program, effective_from: '2024-12-01T00:00:00Z' }, actor);
  const rnd = random(20260301);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  let people = Array.from({ length: 10 }, (_, i) => `p${i}@example.com`);
  const ids = new Map<string, string>();
  const purchases: { id: string; email: string }[] = [];
  const held: { customer: string; reservation: string }[] = [];
  let n = 0;
  const tryIt = async (act: () => Promise<unknown>) => act().catch(() => undefined); // not enough points: nothing written

  for (let day = '2025-01-01'; day < '2026-06-01'; day = addDaysToDate(day, 1)) {
    if (day.endsWith('-01')) {
      s.clock.set(startOfLocalDay(day, TZ));
      const r = await s.loyalty.report();
      live.set(day, { outstanding: r.points.outstanding, owed: r.points.owed });
    }
    if (day === '2026-05-20') {
      // One member spends all, has the last purchase refunded and never comes back: owed now.
      const leaver = people.findLast((p) => purchases.some((q) => q.email === p))!;
      const leaverId = ids.get(leaver)!;
      while (await tryIt(() => s.loyalty.redeemReward(leaverId, { reward: 'tea', idempotency_key: `r${++n}` }, actor)));
      const last = purchases.findLastIndex((p) => p.email === leaver);
      const account = await s.loyalty.account(leaverId);
      if (account.member && account.balance > 0) await s.loyalty.adjust(leaverId, { points: -account.balance, reason: 'the rest', idempotency_key: `a${++n}` }, actor);
      await s.commerce.refund(purchases.splice(last, 1)[0].id, { external_id: `back${++n}` }, actor);
      people = people.filter((p) => p !== leaver);
    }
    if (day === '2025-10-15') {
      // One erasure: the points its customer held forfeited.
      const erased = people.findLast((p) => ids.has(p))!;
      await eraseCustomer(s, ids.get(erased)!, actor);
      people = people.filter((p) => p !== erased);
    }
    if (rnd() < 0.4) continue;
    // Mid-morning local, never on a midnight: a lot is due a year later at the same minute.
    s.clock.set(new Date(startOfLocalDay(day, TZ).getTime() + (9 * 60 + Math.floor(rnd() * 600)) * 60_000));
    const at = s.clock.now().toISOString();
    const email = pick(people);
    const id = ids.get(email);
    const roll = rnd();
    if (roll < 0.45 || !id) {
      const [o] = await recordAll(s, [{ external_id: `o${++n}`, customer: { email }, occurred_at: at, total: `${10 + Math.floor(rnd() * 60)}.00` }]);
      ids.set(email, o.customerId);
      purchases.push({ id: o.purchaseId, email });
    } else if (roll < 0.6) {
      // A tea, or as many as the points buy: a refund after that leaves points owed.
      const teas = rnd() < 0.5 ? 1 : 20;
      for (let i = 0; i < teas; i++) if (!(await tryIt(() => s.loyalty.redeemReward(id, { reward: 'tea', idempotency_key: `r${++n}` }, actor)))) break;
      // Then, at times, the last purchase refunded: its points spent, owed until the next.
      const last = purchases.findLastIndex((p) => p.email === email);
      if (teas > 1 && last >= 0 && rnd() < 0.5) await tryIt(() => s.commerce.refund(purchases.splice(last, 1)[0].id, { external_id: `back${++n}` }, actor));
    } else if (roll < 0.7) {
      const r = await tryIt(() => s.loyalty.reserve(id, { points: 20, idempotency_key: `h${++n}` }, actor)) as { reservation: { id: string } } | undefined;
      if (r) held.push({ customer: id, reservation: r.reservation.id });
    } else if (roll < 0.76 && held.length > 0) {
      const h = held.shift()!;
      await tryIt(() => (rnd() < 0.5 ? s.loyalty.capture(h.customer, h.reservation, { points: 12 }) : s.loyalty.release(h.customer, h.reservation)));
    } else if (roll < 0.84 && purchases.length > 0) {
      // A refund, often of points already spent: owed until the member earns again.
      const [p] = purchases.splice(rnd() < 0.5 ? purchases.length - 1 : Math.floor(rnd() * purchases.length), 1);
      if (people.includes(p.email)) await tryIt(() => s.commerce.refund(p.id, { external_id: `back${++n}` }, actor));
    } else if (roll < 0.9) {
      const points = rnd() < 0.7 ? 15 : -5;
      await tryIt(() => s.loyalty.adjust(id, { points, reason: 'staff', idempotency_key: `a${++n}` }, actor));
    } else if (roll < 0.93 && day < '2026-05-10') {
      // Expired lots written off now and then (those not yet: expiring_now); reservations
      // left alone time out; debts beside points settle.
      await s.loyalty.maintenance.runAll(s.clock.now());
    } else if (roll < 0.96 && people.length > 4) {
      const other = pick(people.filter((p) => p !== email && ids.has(p)));
      if (other) {
        // Refused while either holds a reservation: then no merge this time.
        const merged = await tryIt(() => mergeCustomers(s, id, { from: ids.get(other)! }, actor));
        if (merged) people = people.filter((p) => p !== other);
      }
    } else if (roll >= 0.96 && day > '2025-09-01' && people.length > 6) {
      const erased = await tryIt(() => eraseCustomer(s, id, actor));
      if (erased) people = people.filter((p) => p !== email);
    }
  }
  // No sweep since 10 May: lots due after it are expired, not written off (expiring_now).
  s.clock.set('2026-06-01T12:00:00Z');
}, 600_000);
afterAll(() => s?.close());

const rolled = (r: Awaited<ReturnType<typeof s.loyalty.report>>) => {
  const p = r.points;
  return r.opening!.points + p.issued - p.adjusted_out - p.redeemed - p.expired - p.forfeited + p.merged_in - p.merged_out;
};

describe("the report's opening and closing over a generated history", () => {
  it('had every kind of movement to roll forward', async () => {
    const whole = await s.loyalty.report();
    const p = whole.points;
    for (const figure of [p.redeemed, p.expired, p.reversed, p.adjusted_in, p.adjusted_out, p.merged_in, p.forfeited, p.owed, p.expiring_now]) expect(figure).toBeGreaterThan(0);
    const kinds = await s.db.selectFrom('loyalty_entries').select('kind').distinct().execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['adjust', 'earn', 'expire', 'redeem', 'release', 'reverse']);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('rolls each month forward: opening + its movements = closing, and a closing is the next opening', async () => {
    let previous: Awaited<ReturnType<typeof s.loyalty.report>> | null = null;
    for (const from of months) {
      const to = addDaysToDate(from.slice(0, 8) === '2025-12-' ? '2026-01-01' : `${from.slice(0, 5)}${String(Number(from.slice(5, 7)) + 1).padStart(2, '0')}-01`, -1);
      const r = await s.loyalty.report({ from, to });
      expect(rolled(r)).toBe(r.closing!.points);
      if (previous) expect(r.opening).toEqual(previous.closing);
      previous = r;
    }
    // Periods of other lengths: a quarter, a year, a day.
    for (const [from, to] of [['2025-04-01', '2025-06-30'], ['2025-03-15', '2026-03-14'], ['2026-02-28', '2026-02-28']]) {
      const r = await s.loyalty.report({ from, to });
      expect(rolled(r)).toBe(r.closing!.points);
    }
  });

  it('opens a month with the points held at its start, less the debts of before then repaid since', async () => {
    for (const from of months) {
      const r = await s.loyalty.report({ from });
      const owedStill = from === '2025-01-01' ? 0 : (await s.loyalty.report({ to: addDaysToDate(from, -1) })).points.owed;
      const then = live.get(from)!;
      // then.owed − owedStill: what members owed at that midnight and have paid since.
      expect(r.opening!.points).toBe(then.outstanding - (then.owed - owedStill));
    }
  });

  it('closes a period ending today, or open-ended, with the outstanding now', async () => {
    const whole = await s.loyalty.report();
    const today = localDate(s.clock.now(), TZ);
    for (const query of [{ from: '2026-05-01', to: today }, { from: '2026-05-01' }, { to: today }, { from: '2025-01-01', to: '2026-12-31' }]) {
      const r = await s.loyalty.report(query);
      expect(r.closing).toEqual({ at: whole.as_of, points: whole.points.outstanding, value: whole.liability.value, point_value: '0.02', currency: 'EUR' });
      expect(rolled(r)).toBe(whole.points.outstanding);
    }
  });
});
