import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// `enrolment: "on_request"` in the replay. Live, a purchase earns only when its customer is
// a member as it is recorded (its receipt's loyalty is null before they are enrolled); the
// replay credited every purchase — its points and the first-purchase bonus — so simulating
// the program in force read more than the ledger (QA: 6,439 against 6,075 for a small
// on_request business) and moved the buyers who never joined up from "no tier".

type Services = Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

// 10 points a euro; joining 50, first purchase 200; spend over a lifetime, silver from 100.00.
const program = {
  name: 'On request',
  enrolment: 'on_request',
  earning: { points_per_currency_unit: 10, rounding: 'floor' },
  bonuses: { sign_up: 50, first_purchase: 200 },
  expiry: { policy: 'none' },
  tiers: { metric: 'spend', window: 'lifetime', levels: [{ code: 'member', name: { en: 'Member' }, threshold: '0' }, { code: 'silver', name: { en: 'Silver' }, threshold: '100.00' }] },
};

const ledgerPoints = async (s: Services) =>
  Number((await sql<{ points: number }>`SELECT COALESCE(sum(points), 0)::float8 AS points FROM loyalty_members`.execute(s.db)).rows[0].points);

const buy = (s: Services, key: string, email: string, at: string, total: string) =>
  recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total }]).then(([p]) => p);

describe('a program whose members join on request', () => {
  let s: Services;
  const tiersOf = (r: { tiers: { code: string; proposed: number; today: number }[] }) => Object.fromEntries(r.tiers.map((t) => [t.code, [t.proposed, t.today]]));
  beforeAll(async () => {
    s = await openTestServices();
    s.clock.set('2026-01-01T00:00:00Z');
    await s.loyalty.applyProgram({ program }, actor);

    // Ana buys for 60.00 before she joins: nothing. She joins (50), then buys for 50.00: 500,
    // no first-purchase bonus (her first purchase was the one before), and 110.00 spent → silver.
    s.clock.set('2026-05-01T12:00:00Z');
    expect((await buy(s, 'A-1', 'ana@example.com', '2026-05-01T10:00:00Z', '60.00')).loyalty).toBeNull();
    // Ben buys for 30.00 and never joins: nothing, and no tier.
    s.clock.set('2026-05-02T12:00:00Z');
    const ben = await buy(s, 'B-1', 'ben@example.com', '2026-05-02T10:00:00Z', '30.00');
    expect(ben.loyalty).toBeNull();
    s.clock.set('2026-05-10T12:00:00Z');
    const ana = (await s.customers.upsert({ email: 'ana@example.com' }, actor)).customer.id;
    await s.loyalty.enrol(ana, actor);
    // Cy joins before buying (50), then buys for 20.00: 200 + first purchase 200.
    const cy = (await s.customers.upsert({ email: 'cy@example.com' }, actor)).customer.id;
    await s.loyalty.enrol(cy, actor);
    s.clock.set('2026-05-10T13:00:00Z');
    expect((await buy(s, 'A-2', 'ana@example.com', '2026-05-10T12:30:00Z', '50.00')).loyalty).toMatchObject({ points_earned: 500 });
    expect((await buy(s, 'C-1', 'cy@example.com', '2026-05-10T12:40:00Z', '20.00')).loyalty).toMatchObject({ points_earned: 400 });
    s.clock.set('2026-05-20T12:00:00Z');
  });
  afterAll(() => s?.close());

  it('replays the program in force to the ledger: the purchases of customers not members when they bought earn nothing, and nobody moves', async () => {
    // Ana 50 + 500, Cy 50 + 200 + 200.
    expect(await ledgerPoints(s)).toBe(1000);
    const tiersToday = (await s.loyalty.report()).tiers.map((t) => [t.tier, t.members]).sort();
    expect(tiersToday).toEqual([['member', 1], ['silver', 1]]);

    const r = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect(r.current).toMatchObject({ points: 1000, purchase_points: 700, bonus_points: 300, bonus_points_by_kind: { sign_up: 100, first_purchase: 200 } });
    expect(r.proposed.points).toBe(1000);
    // Ana silver (her spend before she joined counts, as it does live), Cy member; Ben, who never joined, is in no tier.
    expect(tiersOf(r)).toEqual({ member: [1, 1], silver: [1, 1] });
    expect(r.moves).toEqual({ up: 0, down: 0, unchanged: 2 });
    expect(r.in_force_moves).toEqual({ up: 0, down: 0 });
  });

  it('under a proposal that enrols automatically, every purchase earns, and one who never joined joins with their first', async () => {
    // Ana 600 + 200 (her first purchase) + 500 + 50; Ben 300 + 200 + 50 joining with it; Cy 450.
    const r = await s.loyalty.simulate({ ...program, enrolment: 'automatic' }, { since: '2026-01-01' });
    expect(r.proposed).toMatchObject({ points: 2350, purchase_points: 1600, bonus_points_by_kind: { sign_up: 150, first_purchase: 600 } });
    expect(r.current!.points).toBe(1000);
    // Ben would be a member, in the base level: no move from none (he is counted as the base level today).
    expect(tiersOf(r)).toEqual({ member: [2, 2], silver: [1, 1] });
    expect(r.moves).toEqual({ up: 0, down: 0, unchanged: 3 });
  });
});
