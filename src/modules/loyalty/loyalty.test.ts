import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';

// The ledger on a small case worked out by hand, on real SQL. The program: 1 point per
// euro (floor), coffee lines ×2, sign-up 50, first purchase 100, tiers by spend over a
// rolling 12 months (member 0, silver 100 €, gold 300 € with ×1.5), lots expire after
// 12 months, no holding period (a second program below adds one).

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Test program',
  earning: { points_per_currency_unit: 1, rounding: 'floor', multipliers: [{ when: { categories: ['coffee'] }, factor: 2 }] },
  bonuses: { sign_up: 50, first_purchase: 100 },
  expiry: { policy: 'per_lot', months: 12, reminder_days: 14 },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0' },
      { code: 'silver', name: 'Silver', threshold: '100.00' },
      { code: 'gold', name: 'Gold', threshold: '300.00', benefits: { points_multiplier: 1.5 } },
    ],
  },
  rewards: [
    { code: 'coffee', name: 'Free coffee', type: 'free_product', sku: 'ESP', points: 20 },
    { code: 'card', name: 'Gift card', type: 'gift_card', amount: '10.00', points: 500 },
    { code: 'gold-only', name: 'Gold lounge', type: 'event', event: 'Lounge', points: 10, tiers: ['gold'] },
  ],
};

async function buy(over: Record<string, unknown>) {
  const [o] = await recordAll(s, [{ customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T10:00:00Z', ...over }]);
  return o;
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('loyalty ledger', () => {
  let ana: string;
  let first: string;

  it('earns points inside the purchase and answers them for the receipt', async () => {
    // 29.99 paid: coffee 10.00 + cake 19.99. Coffee doubles: 10.00 × 2 + 19.99 = 39.99 → 39.
    // First purchase +100, so the purchase brings 139; the sign-up bonus 50 on top → 189.
    const o = await buy({ external_id: 'p1', total: '29.99', lines: [{ sku: 'ESP', category: 'coffee', quantity: 2, unit_price: '5.00' }, { sku: 'CAKE', category: 'cakes', quantity: 1, unit_price: '19.99' }] });
    ana = o.customerId;
    first = o.purchaseId;
    expect(o.loyalty).toEqual({ points_earned: 139, balance: 189, pending: 0, tier: 'member' });
    const account = await s.loyalty.account(ana);
    if (!account.member) throw new Error('not a member');
    expect(account.balance).toBe(189);
    // In the order things happened: the purchase (2026-05-20) before the sign-up bonus, given when it was recorded (the clock's 2026-06-01).
    expect(account.explanation.entries.map((e) => [e.kind, e.points])).toEqual([['earn', 39], ['bonus', 100], ['bonus', 50]]);
    expect(account.explanation.entries[0].description).toBe('Purchase p1: €29.99 → 29.99 points × 2 category coffee (on 33.3% of the basket) = 39.99 → 39 (floor)');
    expect(account.explanation.sum_of_entries).toBe(account.explanation.stored_points);
  });

  it('a retried purchase earns nothing more, even 20 at once', async () => {
    const body = { external_id: 'p2', total: '10.00' };
    const results = await Promise.all(Array.from({ length: 20 }, () => buy(body)));
    expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
    // 10 points once: 199; every replay answers the same receipt.
    for (const r of results) expect(r.loyalty).toMatchObject({ points_earned: 10, balance: 199 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('refunds take back their share, partial refunds add up to the whole', async () => {
    // p1 brought 139 (39 + 100 first purchase). Refund 15.00 of 29.99: round(139 × 1500 / 2999) = round(69.52) = 70.
    const half = await s.commerce.refund(first, { external_id: 'r1', amount: '15.00' }, actor);
    expect(half.loyalty).toMatchObject({ points_reversed: 70 });
    // The rest, 14.99: the full 139 minus the 70 already taken = 69 (no rounding drift).
    const rest = await s.commerce.refund(first, { external_id: 'r2' }, actor);
    expect(rest.loyalty).toMatchObject({ points_reversed: 69 });
    const again = await s.commerce.refund(first, { external_id: 'r2' }, actor);
    expect(again.created).toBe(false);
    const account = await s.loyalty.account(ana);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(199 - 139);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('moves up a tier at once when the spend qualifies, and multiplies after that', async () => {
    // Spend so far: 10.00 (p1 is fully refunded). +95.00 → 105.00 ≥ 100 → silver.
    const up = await buy({ external_id: 'p3', total: '95.00' });
    expect(up.loyalty).toMatchObject({ points_earned: 95, tier: 'silver' });
    // +200.00 → 305.00 ≥ 300 → gold, but this purchase still earns at silver (no multiplier): 200.
    const gold = await buy({ external_id: 'p4', total: '200.00' });
    expect(gold.loyalty).toMatchObject({ points_earned: 200, tier: 'gold' });
    // Now gold: 10.00 × 1.5 = 15.
    const next = await buy({ external_id: 'p5', total: '10.00' });
    expect(next.loyalty).toMatchObject({ points_earned: 15, tier: 'gold', balance: 60 + 95 + 200 + 15 });
    expect((await s.loyalty.tierHistory(ana)).items.map((h) => h.to)).toEqual(['silver', 'gold']);
    const events = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.tier_changed').execute();
    expect(events).toHaveLength(2);
  });

  it('50 concurrent redemptions against a balance for 10: exactly 10 succeed', async () => {
    // Balance 370; bring it to exactly 200 = 10 coffees of 20.
    await s.loyalty.adjust(ana, { points: -170, reason: 'test: set the balance', idempotency_key: 'set-200' }, actor);
    const attempts = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => s.loyalty.redeemReward(ana, { reward: 'coffee', idempotency_key: `c${i}` }, actor)));
    const ok = attempts.filter((a) => a.status === 'fulfilled');
    const failed = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
    expect(ok).toHaveLength(10);
    expect(failed.every((f) => f.reason.kind === 'conflict' && /Not enough points/.test(f.reason.message))).toBe(true);
    const account = await s.loyalty.account(ana);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(0);
    const codes = new Set(ok.map((o) => (o as PromiseFulfilledResult<any>).value.coupon.code));
    expect(codes.size).toBe(10);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('a redemption retried with its key returns the same coupon; a POS uses a coupon once', async () => {
    await s.loyalty.adjust(ana, { points: 40, reason: 'test: goodwill', idempotency_key: 'gw-1' }, actor);
    const a = await s.loyalty.redeemReward(ana, { reward: 'coffee', idempotency_key: 'same' }, actor);
    const b = await s.loyalty.redeemReward(ana, { reward: 'coffee', idempotency_key: 'same' }, actor);
    expect(b.created).toBe(false);
    expect(b.coupon!.code).toBe(a.coupon!.code);
    await expect(s.loyalty.redeemReward(ana, { reward: 'card', idempotency_key: 'same' }, actor)).rejects.toMatchObject({ kind: 'conflict' });
    const code = a.coupon!.code.toLowerCase().replace(/-/g, ' ');
    const used = await s.loyalty.useCoupon(code, { idempotency_key: 'till-1', order_ref: 'o-9' }, actor);
    expect(used.coupon.status).toBe('used');
    const replay = await s.loyalty.useCoupon(a.coupon!.code, { idempotency_key: 'till-1', order_ref: 'o-9' }, actor);
    expect(replay.created).toBe(false);
    await expect(s.loyalty.useCoupon(a.coupon!.code, { idempotency_key: 'till-2' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /already used/ });
  });

  it('refuses a reward of a tier the member has not reached, and staff debits below zero', async () => {
    const other = await buy({ external_id: 'q1', customer: { email: 'bo@example.com' }, total: '20.00' });
    await expect(s.loyalty.redeemReward(other.customerId, { reward: 'gold-only', idempotency_key: 'g1' }, actor)).rejects.toMatchObject({
      kind: 'invalid', problems: [{ field: 'reward', reason: 'is for members of Gold; this member is in Member' }],
    });
    await expect(s.loyalty.adjust(other.customerId, { points: -1000, reason: 'too much', idempotency_key: 'x' }, actor)).rejects.toMatchObject({ kind: 'invalid', message: /below zero/ });
    await expect(s.loyalty.adjust(other.customerId, { points: 5, reason: '', idempotency_key: 'y' }, actor)).rejects.toMatchObject({ kind: 'invalid' });
    // Left out or empty, the reason is told the same.
    for (const reason of [undefined, '']) {
      await expect(s.loyalty.adjust(other.customerId, { points: 5, reason, idempotency_key: 'y' }, actor)).rejects.toMatchObject({ problems: [{ field: 'reason', reason: 'is required (say why, it is audited)' }] });
    }
    // Given but too short (QA: "qa" was told it is required): the message names the rule it broke.
    for (const reason of ['qa', '  qa  ']) {
      await expect(s.loyalty.adjust(other.customerId, { points: 5, reason, idempotency_key: 'y' }, actor)).rejects.toMatchObject({
        message: 'Invalid adjustment: reason: must be at least 3 characters: say why, it is audited',
        problems: [{ field: 'reason', reason: 'must be at least 3 characters: say why, it is audited' }],
      });
    }
    await expect(s.loyalty.adjust(other.customerId, { points: 5, reason: 'x'.repeat(501), idempotency_key: 'y' }, actor)).rejects.toMatchObject({ problems: [{ field: 'reason', reason: 'must be at most 500 characters' }] });
    // A field an adjustment does not take was ignored: points given "expires_at", as a points file takes it, never expired.
    await expect(s.loyalty.adjust(other.customerId, { points: 5, reason: 'goodwill', idempotency_key: 'z', expires_at: '2027-01-01' }, actor)).rejects.toMatchObject({
      problems: [{ field: '(body)', reason: 'unknown field "expires_at"' }],
    });
    const account = await s.loyalty.account(other.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.lifetime.adjusted).toBe(0);
  });

  it('an adjustment retried answers its first result, also once the points are spent; its key with other values is refused', async () => {
    const f = await buy({ external_id: 'adj-1', customer: { email: 'fay@example.com' }, total: '10.00' });
    // Sign-up 50 + 10 + first purchase 100 = 160; staff take 60, she spends the rest on five coffees.
    const take = { points: -60, reason: 'test: broken cup', idempotency_key: 'fay-take' };
    const first = await s.loyalty.adjust(f.customerId, take, actor);
    expect(first.created).toBe(true);
    for (let i = 0; i < 5; i++) await s.loyalty.redeemReward(f.customerId, { reward: 'coffee', idempotency_key: `fay-${i}` }, actor);
    const retried = await s.loyalty.adjust(f.customerId, take, actor);
    expect(retried).toMatchObject({ created: false, account: { balance: 0 } });
    await expect(s.loyalty.adjust(f.customerId, { ...take, points: -30 }, actor)).rejects.toMatchObject({ kind: 'conflict', message: /fay-take was already recorded with other values \(-60 points, reason "test: broken cup"\)/ });
    await expect(s.loyalty.adjust(f.customerId, { ...take, reason: 'another reason' }, actor)).rejects.toMatchObject({ kind: 'conflict' });
    const entries = await s.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', f.customerId).where('kind', '=', 'adjust').execute();
    expect(entries.map((e) => Number(e.points))).toEqual([-60]);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('a refund of points already spent leaves a debt that the next purchase settles', async () => {
    // Cleo: sign-up 50 + first purchase 100 + 40 = 190; she spends 180 on nine coffees, then refunds the purchase.
    const c = await buy({ external_id: 'd1', customer: { email: 'cleo@example.com' }, total: '40.00' });
    for (let i = 0; i < 9; i++) await s.loyalty.redeemReward(c.customerId, { reward: 'coffee', idempotency_key: `cleo-${i}` }, actor);
    const refund = await s.commerce.refund(c.purchaseId, { external_id: 'd1-r' }, actor);
    // 140 to take back, 10 left in lots: 130 owed.
    expect(refund.loyalty).toMatchObject({ points_reversed: 140, unsettled: 130 });
    let account = await s.loyalty.account(c.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(-130);
    expect(account.owed).toBe(130);
    // 150.00 → 150 points (silver is reached with this purchase, after earning): 130 settle the debt, 20 remain.
    const next = await buy({ external_id: 'd2', customer: { email: 'cleo@example.com' }, total: '150.00' });
    expect(next.loyalty).toMatchObject({ points_earned: 150, balance: 20 });
    account = await s.loyalty.account(c.customerId);
    if (!account.member) throw new Error();
    expect(account.owed).toBe(0);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('reservations hold points at checkout and give them back when released or timed out', async () => {
    const d = await buy({ external_id: 'e1', customer: { email: 'dan@example.com' }, total: '50.00' });
    // 50 + 100 + 50 = 200
    const r = await s.loyalty.reserve(d.customerId, { points: 120, idempotency_key: 'cart-1', order_ref: 'web-1' }, actor);
    let account = await s.loyalty.account(d.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(80);
    await s.loyalty.release(d.customerId, r.reservation.id);
    account = await s.loyalty.account(d.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(200);
    const held = await s.loyalty.reserve(d.customerId, { points: 150, idempotency_key: 'cart-2' }, actor);
    s.clock.set(new Date(s.clock.now().getTime() + 16 * 60_000));
    await expect(s.loyalty.capture(d.customerId, held.reservation.id)).rejects.toMatchObject({ kind: 'conflict', message: /expired/ });
    account = await s.loyalty.account(d.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(200);
    const kept = await s.loyalty.reserve(d.customerId, { points: 100, idempotency_key: 'cart-3' }, actor);
    const captured = await s.loyalty.capture(d.customerId, kept.reservation.id);
    expect(captured.reservation.status).toBe('captured');
    // A hold that timed out, with nothing swept yet: the member's next reservation at the
    // till gets the points back first instead of being told they are held.
    const abandoned = await s.loyalty.reserve(d.customerId, { points: 100, idempotency_key: 'cart-4' }, actor);
    s.clock.set(new Date(s.clock.now().getTime() + 16 * 60_000));
    await expect(s.loyalty.reserve(d.customerId, { points: 101, idempotency_key: 'cart-5' }, actor)).rejects.toMatchObject({ kind: 'conflict', message: 'Not enough points: 101 points asked, 100 are available' });
    const again = await s.loyalty.reserve(d.customerId, { points: 100, idempotency_key: 'cart-6' }, actor);
    expect(again.created).toBe(true);
    const statuses = await s.db.selectFrom('loyalty_reservations').select(['id', 'status']).where('customer_id', '=', d.customerId).execute();
    expect(statuses.find((x) => x.id === abandoned.reservation.id)?.status).toBe('expired');
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('lots expire 12 months after they were earned, with a reminder before', async () => {
    const e = await buy({ external_id: 'x1', customer: { email: 'eve@example.com' }, occurred_at: '2026-06-01T10:00:00Z', total: '30.00' });
    // Eve: sign-up 50 (expires 2027-06-01T12:00), earn 30 + first 100 (expire 2027-06-01T10:00).
    s.clock.set('2027-05-25T12:00:00Z');
    const reminded = await s.loyalty.maintenance.remindExpiring(s.clock.now());
    expect(reminded.members).toBeGreaterThanOrEqual(1);
    const reminder = await s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.points_expiring').where('customer_id', '=', e.customerId).execute();
    expect(reminder).toHaveLength(1);
    expect((await s.loyalty.maintenance.remindExpiring(s.clock.now())).members).toBe(0);
    s.clock.set('2027-06-01T11:00:00Z');
    // The liability counts the lots past their expiry as expired from that moment, as the
    // balance does, whether or not the sweep has written their entries yet.
    const unswept = await s.loyalty.report();
    await s.loyalty.maintenance.expirePoints(s.clock.now());
    const swept = await s.loyalty.report();
    expect(unswept.points.expired).toBeGreaterThanOrEqual(130);
    expect({ outstanding: unswept.points.outstanding, expired: unswept.points.expired, liability: unswept.liability }).toEqual({ outstanding: swept.points.outstanding, expired: swept.points.expired, liability: swept.liability });
    let account = await s.loyalty.account(e.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(50);
    expect(account.lifetime.expired).toBe(130);
    s.clock.set('2027-06-02T00:00:00Z');
    await s.loyalty.maintenance.runAll(s.clock.now());
    account = await s.loyalty.account(e.customerId);
    if (!account.member) throw new Error();
    expect(account.balance).toBe(0);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('a tier is kept to the end of its period plus grace, then reviewed', async () => {
    // Ana reached gold on 2026-06-01 (the clock then); rolling window: held to 2027-06-01, grace 30 days.
    s.clock.set('2027-06-15T00:00:00Z');
    await s.loyalty.maintenance.reviewTiers(s.clock.now());
    let account = await s.loyalty.account(ana);
    if (!account.member) throw new Error();
    expect(account.tier?.code).toBe('gold');
    s.clock.set('2027-07-02T00:00:00Z');
    const review = await s.loyalty.maintenance.reviewTiers(s.clock.now());
    expect(review.down).toBeGreaterThanOrEqual(1);
    account = await s.loyalty.account(ana);
    if (!account.member) throw new Error();
    // No purchases in the last 12 months: back to the base level.
    expect(account.tier?.code).toBe('member');
    s.clock.set('2026-06-01T12:00:00Z');
  });

  it('verify finds a tampered balance and names the member', async () => {
    await s.db.updateTable('loyalty_members').set({ points: 999_999 }).where('customer_id', '=', ana).execute();
    const result = await s.loyalty.verify();
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.objectContaining({ customer_id: ana, rule: 'balance = sum of entries' }));
  });
});

describe('simulation', () => {
  it('replays the past against a proposed program and writes nothing', async () => {
    const entries = await s.db.selectFrom('loyalty_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const same = await s.loyalty.simulate(program, { since: '2026-01-01' });
    expect(same.purchases).toBeGreaterThan(5);
    expect(same.proposed.points).toBeGreaterThan(0);
    // The program in force replayed the same way gives the same points.
    expect(same.proposed.points).toBe(same.current!.points);
    const doubled = await s.loyalty.simulate({ ...program, earning: { ...program.earning, points_per_currency_unit: 2 } }, { since: '2026-01-01' });
    expect(doubled.proposed.purchase_points).toBeGreaterThan(1.9 * same.proposed.purchase_points);
    expect(doubled.difference!.points).toBe(doubled.proposed.points - doubled.current!.points);
    await expect(s.loyalty.simulate(program, { since: 'yesterday' })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'since' }] });
    // A date is the start of that day where the business is (Europe/Ljubljana in these tests).
    expect(same.since).toBe('2025-12-31T23:00:00.000Z');
    expect((await s.loyalty.simulate(program, { since: '2026-01-01T00:00:00Z' })).since).toBe('2026-01-01T00:00:00.000Z');
    // A day the calendar lacks (Date.parse would read 2 March) or one still to come is refused.
    for (const since of ['2026-02-30', '2026-02-30T10:00:00Z', new Date(s.clock.now().getTime() + 86_400_000).toISOString()]) {
      await expect(s.loyalty.simulate(program, { since })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'since' }] });
    }
    // A month or day out of range is told so (it was a 500), and a time without its offset is refused: it has no one meaning.
    for (const [since, reason] of [
      ['2026-13-01', 'is not a day of the calendar (2026-13-01)'],
      ['2026-00-10', 'is not a day of the calendar (2026-00-10)'],
      ['2026-01-01T00:00:00', 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp with its offset (2026-01-01T00:00:00+01:00)'],
      ['2026-01-01T24:30:00Z', 'is not a time of day (24:30:00Z)'],
    ]) {
      await expect(s.loyalty.simulate(program, { since })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'since', reason }] });
    }
    expect(await s.db.selectFrom('loyalty_entries').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(entries);
  });
});

describe('program documents', () => {
  it('rejects a bad program naming every field, and changes nothing', async () => {
    const before = await s.loyalty.currentProgram();
    const bad = { ...program, earning: { points_per_currency_unit: -1 }, tiers: { ...program.tiers, levels: [{ code: 'a', name: 'A', threshold: '10' }] } };
    await expect(s.loyalty.applyProgram({ program: bad }, actor)).rejects.toMatchObject({
      kind: 'invalid',
      problems: expect.arrayContaining([
        expect.objectContaining({ field: 'program.earning.points_per_currency_unit' }),
        expect.objectContaining({ field: 'program.tiers.levels.0.threshold' }),
      ]),
    });
    expect((await s.loyalty.currentProgram()).versions).toHaveLength(before.versions.length);
  });

  it('keeps every version and the one in force', async () => {
    const next = await s.loyalty.applyProgram({ program: { ...program, name: 'Second' }, effective_from: '2030-01-01T00:00:00Z' }, actor);
    expect(next.tier_changes).toMatchObject({ deferred: true });
    const current = await s.loyalty.currentProgram();
    expect(current.current?.version).toBe(1);
    expect(current.versions.map((v) => v.version)).toEqual([1, 2]);
  });

  it('refuses a version dated back over the one in force, or to a day the calendar lacks, and changes nothing', async () => {
    const before = await s.loyalty.currentProgram();
    const now = s.clock.now().getTime();
    await expect(s.loyalty.applyProgram({ program, effective_from: new Date(now - 86_400_000).toISOString() }, actor)).rejects.toMatchObject({
      kind: 'invalid', problems: [{ field: 'effective_from', reason: expect.stringContaining('while version 1 has been in force since') }],
    });
    await expect(s.loyalty.applyProgram({ program, effective_from: '2031-02-30' }, actor)).rejects.toMatchObject({ kind: 'invalid', problems: [expect.objectContaining({ field: 'effective_from' })] });
    await expect(s.loyalty.applyProgram({ program: { ...program, earning: { ...program.earning, promotions: [{ name: 'Leap', from: '2027-02-29', to: '2027-03-02', factor: 2 }] } } }, actor))
      .rejects.toMatchObject({ kind: 'invalid', problems: [expect.objectContaining({ field: 'program.earning.promotions.0.from' })] });
    expect((await s.loyalty.currentProgram()).versions).toEqual(before.versions);
    // A client's clock a minute behind is not history: that version is in force now (version
    // 1 took effect ten minutes before; a time at or before that is refused: routes/loyalty-program-refusals.test.ts).
    s.clock.set(new Date(now + 10 * 60_000));
    try {
      const applied = await s.loyalty.applyProgram({ program: { ...program, name: 'Third' }, effective_from: new Date(now + 9 * 60_000).toISOString() }, actor);
      expect((await s.loyalty.currentProgram()).current?.version).toBe(applied.version);
    } finally {
      s.clock.set(new Date(now));
    }
  });
});
