import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordPurchases } from '../../../workflows/record-purchases.ts';
import { heldOpen } from '../../../../test/helpers/concurrency.ts';

// The scheduled jobs and the bonuses under retries and concurrency: the same job twice at
// once (two processes, or pg-boss delivering a job again), a job racing a purchase or a
// redemption of the same member. Nothing is lost, nothing counts twice, the ledger
// verifies. The interleavings are real only on PostgreSQL (PGlite is one session); the
// tests that hold a transaction open run there only.

type Services = Awaited<ReturnType<typeof openTestServices>>;
let s: Services;
const actor = { actor: 'test' };
const onPostgres = testDatabaseKind === 'postgres';

const program = {
  name: 'Races',
  earning: { points_per_currency_unit: 1 },
  bonuses: { birthday: 100, referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' }, survey: 30, profile_completion: 70 },
  expiry: { policy: 'per_lot', months: 12, reminder_days: 14 },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [{ code: 'member', name: 'Member', threshold: '0' }, { code: 'gold', name: 'Gold', threshold: '300.00', benefits: { birthday_reward: 'cake' } }],
  },
  rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 20 }, { code: 'cake', name: 'Cake', type: 'free_product', sku: 'CAKE', points: 1 }],
  challenges: [
    { code: 'three-visits', name: '3 visits in 30 days', goal: { type: 'visits', count: 3, within_days: 30 }, points: 400, repeatable: true },
    { code: 'two-categories', name: '2 categories in 30 days', goal: { type: 'categories', count: 2, within_days: 30 }, points: 50, repeatable: true },
  ],
};

async function buy(svc: Services, email: string, key: string, total: string, at: string, lines: unknown[] = []) {
  const [o] = await recordAll(svc, [{ external_id: key, customer: { email }, occurred_at: at, total, lines }]);
  return o;
}

const pause = (ms = 300) => new Promise((r) => setTimeout(r, ms));
const member = (svc: Services, id: string) => svc.db.selectFrom('loyalty_members').selectAll().where('customer_id', '=', id).executeTakeFirstOrThrow();
const events = (svc: Services, type: string, id: string) => svc.db.selectFrom('events').select('payload').where('type', '=', type).where('customer_id', '=', id).execute();
const keyed = (svc: Services, id: string, key: string) => svc.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', id).where('idempotency_key', '=', key).execute();

async function expectLedgerProven(svc: Services) {
  const v = await svc.loyalty.verify();
  expect(v.problems).toEqual([]);
  expect(v.ok).toBe(true);
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('points expiry (per lot) and reminders', () => {
  it('two sweeps and redemptions taking the same expiring lot: the points go once, never below zero', async () => {
    const a = await buy(s, 'exp@example.com', 'exp-1', '50.00', '2026-05-01T10:00:00Z'); // lot of 50, expires 2027-05-01T10:00
    await buy(s, 'exp@example.com', 'exp-2', '30.00', '2026-06-01T10:00:00Z'); // lot of 30, expires 2027-06-01T10:00
    // The requests' clock says the first lot is still good; the job's `now` (another process) says it is past.
    s.clock.set('2027-05-01T09:59:00Z');
    const sweepAt = new Date('2027-05-01T10:01:00Z');
    const redeem = (k: string) => s.loyalty.redeemReward(a.customerId, { reward: 'coffee', idempotency_key: k }, actor);
    const results = await Promise.allSettled([redeem('r1'), s.loyalty.maintenance.expirePoints(sweepAt), redeem('r2'), s.loyalty.maintenance.expirePoints(sweepAt), redeem('r3')]);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: 'conflict' });
    const m = await member(s, a.customerId);
    expect(m.points).toBeGreaterThanOrEqual(0);
    expect(m.points).toBe(80 - m.lifetime_redeemed - m.lifetime_expired);
    const lots = await s.db.selectFrom('loyalty_entries').select(['points', 'remaining']).where('customer_id', '=', a.customerId).where('points', '>', 0).orderBy('id').execute();
    expect(lots[0].remaining).toBe(0); // the expired lot: redeemed or expired, not both (verify: remaining = points − allocations)
    expect((await s.loyalty.maintenance.expirePoints(sweepAt)).points).toBe(0); // a retry finds nothing
    await expectLedgerProven(s);
    s.clock.set('2026-06-01T12:00:00Z');
  });

  it.runIf(onPostgres)('a redemption queued behind the sweep takes the lot as the sweep left it', async () => {
    const a = await buy(s, 'exp2@example.com', 'exp2-1', '50.00', '2026-05-02T10:00:00Z');
    await buy(s, 'exp2@example.com', 'exp2-2', '30.00', '2026-06-02T10:00:00Z');
    s.clock.set('2027-05-02T09:59:00Z');
    // The member's row is held; the sweep queues for it first, the redemption (which wants the same lot) second.
    const holder = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM loyalty_members WHERE customer_id = ${a.customerId} FOR UPDATE`.execute(trx));
    const sweep = s.loyalty.maintenance.expirePoints(new Date('2027-05-02T10:01:00Z'));
    await pause(150);
    const redemption = s.loyalty.redeemReward(a.customerId, { reward: 'coffee', idempotency_key: 'after-sweep' }, actor);
    await pause(150);
    await holder.commit();
    await Promise.all([sweep, redemption]);
    const m = await member(s, a.customerId);
    expect([m.points, m.lifetime_expired, m.lifetime_redeemed]).toEqual([10, 50, 20]);
    await expectLedgerProven(s);
    s.clock.set('2026-06-01T12:00:00Z');
  });

  it('reminds once when the reminder job runs twice at once', async () => {
    const a = await buy(s, 'remind@example.com', 'rem-1', '40.00', '2026-06-01T10:00:00Z');
    const now = new Date('2027-05-25T12:00:00Z');
    await Promise.all([s.loyalty.maintenance.remindExpiring(now), s.loyalty.maintenance.remindExpiring(now), s.loyalty.maintenance.remindExpiring(now)]);
    expect(await events(s, 'loyalty.points_expiring', a.customerId)).toHaveLength(1);
  });

  it.runIf(onPostgres)('reminds once when the second run reads the lots before the first marks them', async () => {
    const a = await buy(s, 'remind2@example.com', 'rem-2', '40.00', '2026-06-02T10:00:00Z');
    const now = new Date('2027-05-26T12:00:00Z');
    // Something holds the lots' rows (a redemption of the member): both runs read them, then wait.
    const holder = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM loyalty_entries WHERE customer_id = ${a.customerId} FOR UPDATE`.execute(trx));
    const runs = Promise.all([s.loyalty.maintenance.remindExpiring(now), s.loyalty.maintenance.remindExpiring(now)]);
    await pause();
    await holder.commit();
    await runs;
    expect(await events(s, 'loyalty.points_expiring', a.customerId)).toHaveLength(1);
  });
});

describe('tier review', () => {
  it('a review run twice at once, racing a purchase that re-qualifies: gold at the end, one move down at most', async () => {
    const g = await buy(s, 'gold@example.com', 'gold-1', '300.00', '2026-05-20T10:00:00Z');
    expect((await member(s, g.customerId)).tier).toBe('gold');
    s.clock.set('2027-07-15T12:00:00Z'); // period ended 2026-06-01 + 12 months, grace 30 days gone
    const now = s.clock.now();
    await Promise.all([
      s.loyalty.maintenance.reviewTiers(now), buy(s, 'gold@example.com', 'gold-2', '300.00', '2027-07-15T10:00:00Z'), s.loyalty.maintenance.reviewTiers(now),
    ]);
    await s.loyalty.maintenance.reviewTiers(now); // and a retry
    const m = await member(s, g.customerId);
    expect(m.tier).toBe('gold');
    expect(m.tier_valid_until!.getTime()).toBeGreaterThan(now.getTime());
    const moves = (await events(s, 'loyalty.tier_changed', g.customerId)).map((e) => (e.payload as { direction: string }).direction);
    expect(moves.filter((d) => d === 'down').length).toBeLessThanOrEqual(1);
    expect(moves.at(-1)).toBe('up');
    s.clock.set('2026-06-01T12:00:00Z');
  });
});

describe('birthdays', () => {
  it('one bonus and one gift a year, whatever runs at once or again', async () => {
    const { customer } = await s.customers.upsert({ email: 'bday@example.com', birthday: '1990-06-01' }, actor);
    await buy(s, 'bday@example.com', 'bday-1', '300.00', '2026-05-30T10:00:00Z'); // gold: the cake on the birthday
    const now = s.clock.now(); // 2026-06-01, 14:00 in Ljubljana
    await Promise.all([0, 1, 2].map(() => s.loyalty.maintenance.birthdays(now)));
    await s.loyalty.maintenance.birthdays(new Date('2026-06-01T20:00:00Z')); // the next hour's run
    expect(await keyed(s, customer.id, 'bonus:birthday:2026')).toEqual([{ points: 100 }]);
    expect(await s.db.selectFrom('coupons').select('code').where('customer_id', '=', customer.id).where('reward_code', '=', 'cake').execute()).toHaveLength(1);
    expect(await events(s, 'loyalty.birthday', customer.id)).toHaveLength(1);
    await expectLedgerProven(s);
  });
});

describe('referrals', () => {
  it("the friend's two first purchases at once and the reward job delivered three times: each rewarded once", async () => {
    const ivo = await buy(s, 'ivo@example.com', 'ivo-1', '10.00', '2026-05-20T10:00:00Z');
    const { code } = await s.loyalty.referralCode(ivo.customerId);
    const { customer: jan } = await s.customers.upsert({ email: 'jan@example.com' }, actor);
    await s.loyalty.claimReferral(jan.id, { code }, actor);
    const outcomes = await Promise.all(['jan-1', 'jan-2', 'jan-3'].map((k) =>
      recordPurchases(s, [{ external_id: k, customer: { email: 'jan@example.com' }, occurred_at: '2026-05-25T10:00:00Z', total: '20.00' }], { source: 'api' })));
    for (const [o] of outcomes) expect(o.status).toBe('created');
    expect(await keyed(s, jan.id, 'bonus:referral:friend')).toEqual([{ points: 250 }]);
    const qualified = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.referral_qualified').execute();
    expect(qualified).toHaveLength(1);
    const payload = qualified[0].payload as { referrer_id: string; friend_id: string };
    await Promise.all([0, 1, 2].map(() => s.loyalty.rewardReferrer(payload)));
    expect(await keyed(s, ivo.customerId, `bonus:referral:${jan.id}`)).toEqual([{ points: 500 }]);
    expect((await member(s, jan.id)).points).toBe(60 + 250);
    await expectLedgerProven(s);
  });

  it('claims sent at once: one referrer per friend, and never each other', async () => {
    const codeOf = async (email: string) => {
      const { customer } = await s.customers.upsert({ email }, actor);
      await s.loyalty.enrol(customer.id, actor);
      return { id: customer.id, code: (await s.loyalty.referralCode(customer.id)).code };
    };
    const [kim, lea, ned, ola] = await Promise.all(['kim@example.com', 'lea@example.com', 'ned@example.com', 'ola@example.com'].map(codeOf));
    const { customer: max } = await s.customers.upsert({ email: 'max@example.com' }, actor);
    const two = await Promise.allSettled([kim, lea].map((r) => s.loyalty.claimReferral(max.id, { code: r.code }, actor)));
    expect(two.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(two.find((r) => r.status === 'rejected')).toMatchObject({ reason: { kind: 'conflict' } });
    const mutual = await Promise.allSettled([s.loyalty.claimReferral(ned.id, { code: ola.code }, actor), s.loyalty.claimReferral(ola.id, { code: ned.code }, actor)]);
    expect(mutual.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(mutual.find((r) => r.status === 'rejected')).toMatchObject({ reason: { kind: 'invalid' } });
  });

  it.runIf(onPostgres)('a claim racing the first purchase is refused once the purchase commits', async () => {
    const pam = await buy(s, 'pam@example.com', 'pam-1', '10.00', '2026-05-20T10:00:00Z');
    const { code } = await s.loyalty.referralCode(pam.customerId);
    const { customer: rex } = await s.customers.upsert({ email: 'rex@example.com' }, actor);
    // Rex's first purchase is past its read of his (absent) referral and waits to enrol him.
    const enrolling = await heldOpen(s.db, (trx) => sql`INSERT INTO loyalty_members (customer_id, joined_at, updated_at) VALUES (${rex.id}, now(), now())`.execute(trx));
    const purchase = recordPurchases(s, [{ external_id: 'rex-1', customer: { email: 'rex@example.com' }, occurred_at: '2026-05-25T10:00:00Z', total: '20.00' }], { source: 'api' });
    await pause();
    const claim = s.loyalty.claimReferral(rex.id, { code }, actor).then(() => 'created', (e: { message: string }) => e.message);
    await pause();
    await enrolling.rollback();
    expect((await purchase)[0].status).toBe('created');
    expect(await claim).toMatch(/new customers/);
    await buy(s, 'rex@example.com', 'rex-2', '20.00', '2026-05-26T10:00:00Z');
    expect(await keyed(s, rex.id, 'bonus:referral:friend')).toEqual([]);
  });
});

describe('challenges and bonuses', () => {
  it('a challenge evaluated by concurrent purchase events completes and pays once', async () => {
    let id = '';
    for (const d of ['05-02', '05-09', '05-16']) id = (await buy(s, 'pia@example.com', `pia-${d}`, '2.00', `2026-${d}T09:00:00Z`)).customerId;
    const at = new Date('2026-05-16T09:00:00Z');
    await Promise.all([
      s.loyalty.evaluateChallenges(id, at), s.loyalty.evaluateChallengesMany([{ customerId: id, at }]),
      s.loyalty.evaluateChallenges(id, at), s.loyalty.evaluateChallengesMany([{ customerId: id, at }, { customerId: id, at }]),
    ]);
    expect(await keyed(s, id, 'bonus:challenge:three-visits:1')).toEqual([{ points: 400 }]);
    expect(await keyed(s, id, 'bonus:challenge:three-visits:2')).toEqual([]);
    expect(await events(s, 'loyalty.challenge_completed', id)).toHaveLength(1);
    expect((await member(s, id)).points).toBe(6 + 400);
  });

  it('a repeatable challenge reached twice in one day loses no later completion', async () => {
    const lines = (...categories: string[]) => categories.map((c) => ({ sku: c, category: c, quantity: 1, unit_price: '1.00' }));
    const evaluate = async (key: string, at: string, ...categories: string[]) => {
      const o = await buy(s, 'sam@example.com', key, `${categories.length}.00`, at, lines(...categories));
      return s.loyalty.evaluateChallenges(o.customerId, new Date(at), new Set(['two-categories']));
    };
    expect(await evaluate('sam-1', '2026-05-10T08:00:00Z', 'tea', 'cakes')).toEqual(['two-categories']);
    await evaluate('sam-2', '2026-05-10T16:00:00Z', 'soup', 'bread'); // reached again on the same day
    expect(await evaluate('sam-3', '2026-05-12T08:00:00Z', 'juice', 'salad')).toEqual(['two-categories']);
    expect(await evaluate('sam-4', '2026-05-14T08:00:00Z', 'coffee', 'fruit')).toEqual(['two-categories']);
    const id = (await s.customers.findByIdentity({ kind: 'email', value: 'sam@example.com' }))!;
    const account = await s.loyalty.account(id);
    if (!account.member) throw new Error('not a member');
    const completed = account.challenges.find((c) => c.code === 'two-categories')!.completed;
    expect((await member(s, id)).points).toBe(8 + 50 * completed);
    expect(completed).toBe(3); // 05-10 (the evening's categories count towards 05-12), 05-12, 05-14
  });

  it('a survey response and a complete profile sent at once: one bonus each', async () => {
    const q = await buy(s, 'quin@example.com', 'quin-1', '1.00', '2026-05-20T10:00:00Z');
    await s.customers.patch(q.customerId, { first_name: 'Quin', last_name: 'Novak', phone: '+38640111222', birthday: '1985-03-04' }, actor);
    const surveys = await Promise.all([0, 1, 2, 3].map(() => s.loyalty.surveyBonus(q.customerId, { response_id: 'resp-9' }, actor)));
    expect(surveys.filter((r) => r.created)).toHaveLength(1);
    await Promise.all([s.loyalty.profileCompletion(q.customerId), s.loyalty.profileCompletionMany([q.customerId, q.customerId]), s.loyalty.profileCompletion(q.customerId)]);
    expect((await member(s, q.customerId)).points).toBe(1 + 30 + 70);
    await expectLedgerProven(s);
  });
});

describe('points expiry by inactivity', () => {
  let t: Services;
  beforeAll(async () => {
    t = await openTestServices();
    await t.loyalty.applyProgram({ program: { ...program, expiry: { policy: 'inactivity', months: 6, reminder_days: 14 } }, effective_from: '2025-01-01T00:00:00Z' }, actor);
  });
  afterAll(() => t?.close());

  it('two sweeps racing the purchase that ends the inactivity: the old points expire once', async () => {
    t.clock.set('2026-01-10T10:05:00Z'); // recorded as it happened: joined then (the idle time runs from the later of joining and buying)
    const r = await buy(t, 'rob@example.com', 'rob-1', '40.00', '2026-01-10T10:00:00Z');
    t.clock.set('2026-08-01T12:00:00Z');
    const now = t.clock.now();
    await Promise.all([t.loyalty.maintenance.expirePoints(now), buy(t, 'rob@example.com', 'rob-2', '10.00', '2026-08-01T10:00:00Z'), t.loyalty.maintenance.expirePoints(now)]);
    await t.loyalty.maintenance.expirePoints(now);
    const m = await member(t, r.customerId);
    expect([m.points, m.lifetime_expired]).toEqual([10, 40]);
    await expectLedgerProven(t);
  });

  it('reminds once per member when the reminder job runs twice at once', async () => {
    t.clock.set('2026-02-10T10:05:00Z');
    const u = await buy(t, 'uma@example.com', 'uma-1', '25.00', '2026-02-10T10:00:00Z');
    const now = new Date('2026-08-01T12:00:00Z'); // idle since 02-10: expires 08-10, within 14 days
    await Promise.all([t.loyalty.maintenance.remindExpiring(now), t.loyalty.maintenance.remindExpiring(now)]);
    expect(await events(t, 'loyalty.points_expiring', u.customerId)).toHaveLength(1);
  });
});

// Regression: a member whose first recorded purchases were dated long ago (an imported
// history) joined today, and the next sweep expired everything — the welcome bonus given
// at joining too, seconds after it was given. The idle time runs from the later of the last
// purchase and joining; the account tells the date.
describe('inactivity counted from joining when that is later', () => {
  let t: Services;
  beforeAll(async () => {
    t = await openTestServices();
    await t.loyalty.applyProgram({ program: { ...program, bonuses: { sign_up: 100 }, expiry: { policy: 'inactivity', months: 6, reminder_days: 30 } }, effective_from: '2025-01-01T00:00:00Z' }, actor);
  });
  afterAll(() => t?.close());

  it('keeps the points of a member who joined today with an old history, until six months after joining', async () => {
    const first = await buy(t, 'pia@example.com', 'pia-1', '10.00', '2025-03-01T10:00:00Z');
    await buy(t, 'pia@example.com', 'pia-2', '10.00', '2025-05-01T10:00:00Z');
    const joined = t.clock.now(); // 2026-06-01T12:00Z, 14:00 in Ljubljana (summer time)
    expect(await t.loyalty.maintenance.expirePoints(joined)).toEqual({ members: 0, points: 0 });
    const account = await t.loyalty.account(first.customerId);
    // Six months on in the business's zone: 14:00 on 1 December there, winter time (13:00 UTC).
    expect(account).toMatchObject({ balance: 120, next_expiry: { at: '2026-12-01T13:00:00.000Z', points: 120 } });
    if (!account.member) throw new Error('a member');
    expect(account.lots.map((l) => l.expires_at)).toEqual(account.lots.map(() => '2026-12-01T13:00:00.000Z'));

    // The reminder 30 days before, then the sweep on the day: everything goes, once.
    await t.loyalty.maintenance.remindExpiring(new Date('2026-11-05T12:00:00Z'));
    expect((await events(t, 'loyalty.points_expiring', first.customerId)).map((e) => e.payload)).toEqual([
      expect.objectContaining({ points: 120, expires_at: '2026-12-01T13:00:00.000Z', policy: 'inactivity' }),
    ]);
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-12-01T12:59:00Z'))).toEqual({ members: 0, points: 0 });
    expect(await t.loyalty.maintenance.expirePoints(new Date('2026-12-01T13:00:00Z'))).toEqual({ members: 1, points: 120 });
    expect(await t.loyalty.account(first.customerId)).toMatchObject({ balance: 0, next_expiry: null });
    await expectLedgerProven(t);
  });
});
