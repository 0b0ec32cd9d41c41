import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { addDaysToDate, addMonthsToDate, startOfLocalDay } from '../../../shared/clock.ts';
import { newId } from '../../../shared/ids.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { analyticsOverview } from '../views/index.ts';
import { catchUpPurchaseRollup, headlineFigures, loyaltyMetrics } from './index.ts';
import { slotStart } from './rollup.ts';

// The purchase-day rollup must give exactly what the live computation (loyaltyMetrics,
// and customer_stats for the customers known by a day) gives on the purchases, for any
// window of up to a year, after every kind of change to the purchases: new ones, refunds,
// a merge, purchases recorded late with an old date — and while another transaction that
// wrote an event with a lower id is still open.
//
// 40 customers buy at random instants over 18 months in two stores whose calendars differ
// from the business's (Ljubljana): New York's local dates trail by six hours, so a
// purchase's local date and the business's day of its first purchase disagree near midnight.

const TODAY = '2026-06-01';
let s: Awaited<ReturnType<typeof openTestServices>>;

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(4);
const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
const cards = Array.from({ length: 40 }, (_, i) => `card-${i}`);
let purchaseNo = 0;

/** Purchases at random instants in [first, last) (ISO dates), some on a customer's same day twice. */
function purchases(count: number, first: string, last: string) {
  const start = Date.parse(`${first}T00:00:00Z`);
  const span = Date.parse(`${last}T00:00:00Z`) - start;
  const out: Record<string, unknown>[] = [];
  while (out.length < count) {
    const at = new Date(start + Math.floor(rand() * span));
    const purchase = { external_id: `p${purchaseNo++}`, customer: { external_id: pick(cards) }, occurred_at: at.toISOString(), store: pick(['lj', 'ny']), total: `${1 + Math.floor(rand() * 60)}.${String(Math.floor(rand() * 100)).padStart(2, '0')}` };
    out.push(purchase);
    if (rand() < 0.1) out.push({ ...purchase, external_id: `p${purchaseNo++}`, occurred_at: new Date(at.getTime() + 3_600_000).toISOString() });
  }
  return out;
}

async function record(list: Record<string, unknown>[]) {
  for (const o of await recordPurchases(s, list, { source: 'test' })) if (o.status !== 'created') throw new Error(`not recorded: ${JSON.stringify(o)}`);
}

/** The overview's six windows and 24 random ones of 1 to 366 days. */
function windows() {
  const out = (['month', 'quarter', 'year'] as const).flatMap((period) => {
    const months = { month: 1, quarter: 3, year: 12 }[period];
    const from = addDaysToDate(addMonthsToDate(TODAY, -months), 1);
    return [{ from, to: TODAY }, { from: addMonthsToDate(from, -months), to: addDaysToDate(from, -1) }];
  });
  const windowRand = random(out.length + 17);
  for (let i = 0; i < 24; i++) {
    const to = addDaysToDate(TODAY, -Math.floor(windowRand() * 500) + 5); // a few end after today: future purchases stay out
    out.push({ from: addDaysToDate(to, -Math.floor(windowRand() * 366)), to });
  }
  return out;
}

async function expectLiveFigures() {
  const list = windows();
  const fromRollup = await headlineFigures(s, list);
  for (const [i, w] of list.entries()) {
    const live = await loyaltyMetrics(s, w);
    const before = startOfLocalDay(addDaysToDate(w.to, 1), s.config.timeZone);
    const known = await sql<{ n: number }>`
      SELECT count(*)::bigint AS n FROM customer_stats WHERE purchases_count > 0 AND first_purchase_at < ${before}`.execute(s.db);
    expect(fromRollup[i], `${w.from} … ${w.to}`).toEqual({
      metrics: { customers: live.customers, purchases: live.purchases, revenue: live.revenue, repeat_purchase_ratio: live.repeat_purchase_ratio, average_check: live.average_check },
      knownCustomers: Number(known.rows[0].n),
    });
  }
  return fromRollup;
}

beforeAll(async () => {
  s = await openTestServices({ TIMEZONE: 'Europe/Ljubljana', CURRENCY: 'EUR' });
  await s.stores.upsert({ code: 'lj', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'test' });
  await s.stores.upsert({ code: 'ny', name: 'New York', time_zone: 'America/New_York' }, { actor: 'test' });
  await record(purchases(400, '2024-12-01', '2026-06-02'));
}, 60_000);
afterAll(async () => {
  await s?.close();
});

describe('purchase-day rollup', () => {
  it('is built on the first read and gives the live figures of every window', async () => {
    const figures = await expectLiveFigures();
    expect(figures[4].metrics.customers).toBeGreaterThan(20); // the year: most customers
    expect(figures[4].metrics.repeat_purchase_ratio.repeat_customers).toBeGreaterThan(10);
    // Read again with nothing new: the same, nothing recounted.
    expect(await catchUpPurchaseRollup(s.db)).toEqual({ rebuilt: false, customersRecounted: 0, steps: 1 });
  });

  it('follows new purchases, refunds, late purchases with old dates, and a merge', async () => {
    await record(purchases(60, '2026-05-20', '2026-06-02'));
    await expectLiveFigures();

    for (const n of [3, 50, 120, 390]) await s.commerce.refund(`p${n}`, { external_id: `r${n}`, amount: '0.50' }, { actor: 'test' });
    await s.commerce.refund('p200', { external_id: 'r200' }, { actor: 'test' }); // in full: a purchase still, revenue 0
    await expectLiveFigures();

    // Recorded today, bought a year ago: closed days change.
    await record(purchases(30, '2025-04-01', '2025-07-01'));
    await expectLiveFigures();

    // Two customers become one: their purchase days interleave, some fall on the same day.
    const ids = await s.db.selectFrom('customers').select(['id', 'external_id']).where('external_id', 'in', ['card-1', 'card-2']).execute();
    const id = (card: string) => ids.find((c) => c.external_id === card)!.id;
    await mergeCustomers(s, id('card-1'), { from: id('card-2') }, { actor: 'test' });
    const figures = await expectLiveFigures();

    // A rebuild from scratch counts the same.
    expect((await catchUpPurchaseRollup(s.db, { rebuild: true })).rebuilt).toBe(true);
    expect(await expectLiveFigures()).toEqual(figures);
  });

  it('catches up in steps as it does at once', async () => {
    await record(purchases(40, '2026-05-01', '2026-06-02'));
    const pending = (await sql<{ span: number; customers: number }>`
      SELECT (max(id) - min(w.through))::int AS span, count(DISTINCT customer_id)::int AS customers
      FROM events, (SELECT events_applied_through AS through FROM purchase_rollup_state) w WHERE id > w.through`.execute(s.db)).rows[0];
    const caughtUp = await catchUpPurchaseRollup(s.db, { eventsPerStep: 7 });
    // A step per 7 event ids, the last taking the rest; every customer named recounted (some twice).
    expect(caughtUp).toMatchObject({ rebuilt: false, steps: Math.ceil(pending.span / 7) });
    expect(caughtUp.customersRecounted).toBeGreaterThanOrEqual(pending.customers);
    await expectLiveFigures();
    expect(await catchUpPurchaseRollup(s.db, { eventsPerStep: 7 })).toEqual({ rebuilt: false, customersRecounted: 0, steps: 1 });
  });

  it('answers the overview with the live figures of its two windows', async () => {
    for (const period of ['month', 'quarter', 'year'] as const) {
      const overview = await analyticsOverview(s, { period });
      const now = await loyaltyMetrics(s, overview.current);
      const before = await loyaltyMetrics(s, overview.previous);
      expect(overview.kpis.customers).toMatchObject({ value: now.customers, previous: before.customers });
      expect(overview.kpis.revenue).toMatchObject({ value: now.revenue, previous: before.revenue, sample: now.purchases });
      expect(overview.kpis.repeat_purchase_ratio).toMatchObject({ value: now.repeat_purchase_ratio.value, previous: before.repeat_purchase_ratio.value });
      expect(overview.kpis.average_check).toMatchObject({ value: now.average_check.value, previous: before.average_check.value });
    }
  });

  it.skipIf(testDatabaseKind !== 'postgres')('misses no event that commits after one with a higher id', async () => {
    const [late] = await s.db.selectFrom('customers').select('id').where('external_id', '=', 'card-7').execute();
    let commit!: () => void;
    const open = new Promise<void>((resolve) => (commit = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    // A writer takes an event id and, before it commits, another purchase commits with a higher one.
    const writer = s.db.transaction().execute(async (trx) => {
      await sql`INSERT INTO events (type, customer_id, payload) VALUES ('purchase.recorded', ${late.id}, '{}')`.execute(trx);
      await sql`
        INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, source, created_at)
        VALUES (${late.id}, ${newId()}, 'late-writer', '2026-05-30T10:00:00Z', '2026-05-30', 'other', 'EUR', 4200, 'test', now())`.execute(trx);
      await sql`
        UPDATE customer_stats SET purchases_count = purchases_count + 1 WHERE customer_id = ${late.id}`.execute(trx);
      written();
      await open;
    });
    await wrote;
    await record(purchases(5, '2026-05-25', '2026-06-01'));
    const [whileOpen] = await headlineFigures(s, [{ from: '2026-05-02', to: TODAY }]);
    commit();
    await writer;
    const [after] = await headlineFigures(s, [{ from: '2026-05-02', to: TODAY }]);
    expect(after.metrics.purchases).toBe(whileOpen.metrics.purchases + 1);
    await expectLiveFigures();
  });

  it('counts first purchases in quarter-hour slots, which every zone\'s midnight starts', () => {
    expect(slotStart(new Date('2026-03-29T22:00:00Z')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(slotStart(new Date('2026-03-29T18:14:59.999Z')).toISOString()).toBe('2026-03-29T18:00:00.000Z');
    // Kathmandu is UTC+5:45: its midnight is a slot boundary too.
    expect(startOfLocalDay('2026-03-30', 'Asia/Kathmandu').getTime() % (15 * 60_000)).toBe(0);
  });
});
