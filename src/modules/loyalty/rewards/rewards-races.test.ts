import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import { createLoyaltyCore } from '../loyalty.core.ts';
import { createGiftCards, type GiftCardsService } from './gift-cards.ts';
import { createRewardsService, type RewardsService } from './rewards.service.ts';
import { heldOpen, race, times } from '../../../../test/helpers/concurrency.ts';
import type { AppError } from '../../../shared/errors.ts';

// Nothing is lost and nothing counts twice when the same coupon, gift card, reward or
// reservation is hit by many requests at once, or by a retry racing its original. On
// PostgreSQL the requests run in concurrent transactions (several "processes", each a
// rewards service with its own group commit, share the database); PGlite runs them one
// after the other, where the same outcomes must hold. After each race the ledger verifies.
let s: Awaited<ReturnType<typeof openTestServices>>;
let processes: (RewardsService & GiftCardsService)[];
const actor = { actor: 'test' };
const program = {
  name: 'Races',
  earning: { points_per_currency_unit: 10 },
  rewards: [
    { code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 100 },
    { code: 'tea', name: 'Tea', type: 'free_product', sku: 'TEA', points: 50 },
    { code: 'mug', name: { en: 'Mug', da: 'Krus', sl: 'Skodelica' }, type: 'free_product', sku: 'MUG', points: 10, stock: 3 },
  ],
};

/** A member with `points` points (10 a euro). */
async function member(key: string, points: number) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email: `${key}@example.com` }, occurred_at: '2026-05-20T10:00:00Z', total: (points / 10).toFixed(2) }]);
  return o.customerId;
}

const on = (i: number) => processes[i % processes.length];

async function balance(customerId: string) {
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error('not a member');
  return account.balance;
}

async function verified() {
  expect((await s.loyalty.verify()).problems).toEqual([]);
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
  processes = times(4, () => {
    const core = createLoyaltyCore({ db: s.db, clock: s.clock, currency: 'EUR', timeZone: 'Europe/Ljubljana' });
    return { ...createRewardsService(core), ...createGiftCards(core) };
  });
});
afterAll(() => s?.close());

describe('coupons used at once', () => {
  it('a single-use code used by 20 tills at once: one use, 19 clear refusals', async () => {
    const { codes: [code] } = await s.loyalty.createCampaign({ name: 'Once', idempotency_key: 'once', benefit: { type: 'percent_discount', percent: 10 }, count: 1 }, actor);
    const { ok, errors } = await race(times(20, (i) => () => on(i).useCoupon(code, { idempotency_key: `till-${i}` }, actor)));
    expect(ok).toHaveLength(1);
    expect(errors).toHaveLength(19);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /already used/ });
    expect(await s.loyalty.coupon(code)).toMatchObject({ uses: 1, status: 'used', usable: false });
    expect(await s.db.selectFrom('coupon_uses').select('idempotency_key').where('code', '=', code.replaceAll('-', '')).execute()).toHaveLength(1);
  });

  it('a shared code keeps its total and per-customer limits, and a retried use counts once', async () => {
    const [a, b] = [await member('lim-a', 10), await member('lim-b', 10)];
    const { codes: [code] } = await s.loyalty.createCampaign({ name: 'Five', idempotency_key: 'five', benefit: { type: 'fixed_discount', amount: '2.00' }, code: 'FIVE-ONLY', max_uses: 5, per_customer_limit: 3 }, actor);
    // 12 uses by A and 12 by B at once: A gets its 3, B the 2 left of 5.
    const { ok, errors } = await race(times(24, (i) => () => on(i).useCoupon(code, { idempotency_key: `u-${i}`, customer_id: i % 2 ? b : a }, actor)));
    expect(ok).toHaveLength(5);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /no uses left|limit 3/ });
    const uses = await s.db.selectFrom('coupon_uses').select(['customer_id']).where('code', '=', 'FIVEONLY').execute();
    expect(uses).toHaveLength(5);
    for (const who of [a, b]) expect(uses.filter((u) => u.customer_id === who).length).toBeLessThanOrEqual(3);
    expect(await s.loyalty.coupon(code)).toMatchObject({ uses: 5, status: 'used' });

    // The same use sent 10 times at once (a till retrying): one use, the same answer.
    const { codes: [again] } = await s.loyalty.createCampaign({ name: 'Retry', idempotency_key: 'retry', benefit: { type: 'fixed_discount', amount: '2.00' }, code: 'RETRY-ME', max_uses: 100 }, actor);
    const retried = await race(times(10, (i) => () => on(i).useCoupon(again, { idempotency_key: 'order-77', order_ref: 'o-77' }, actor)));
    expect(retried.errors).toEqual([]);
    expect(retried.ok.filter((r) => r.created)).toHaveLength(1);
    expect(await s.loyalty.coupon(again)).toMatchObject({ uses: 1 });
  });

  it("a campaign's codes used at once by one customer with a limit of 1: one use, the rest refused naming the limit", async () => {
    const known = await member('camp-a', 10);
    const other = await member('camp-b', 10);
    const { codes } = await s.loyalty.createCampaign({ name: 'Once each', idempotency_key: 'once-each', benefit: { type: 'percent_discount', percent: 10 }, count: 20, per_customer_limit: 1 }, actor);
    for (const [who, mine] of [[known, codes.slice(0, 10)], [other, codes.slice(10)]] as const) {
      const { ok, errors } = await race(mine.map((code, i) => () => on(i).useCoupon(code, { idempotency_key: `each-${i}`, customer_id: who }, actor)));
      expect(ok).toHaveLength(1);
      expect(errors).toHaveLength(9);
      for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /by this customer in campaign "Once each" \(limit 1\)/ });
      expect(await s.db.selectFrom('coupon_uses').select('code').where('customer_id', '=', who).execute()).toHaveLength(1);
    }
  });

  it.runIf(testDatabaseKind === 'postgres')('one shared code created by two admins at once: one campaign, the other a conflict', async () => {
    // The first admin's campaign is written but not committed when the second looks the code up.
    const first = await heldOpen(s.db, (trx) => trx.insertInto('coupons').values({ code: 'TWICE26', kind: 'promotion', benefit: '{}', status: 'active', max_uses: 1, uses: 0, created_at: s.clock.now() }).execute());
    const second = race([() => s.loyalty.createCampaign({ name: 'Dup', idempotency_key: 'dup', benefit: { type: 'percent_discount', percent: 5 }, code: 'TWICE-26' }, actor)]);
    await new Promise((r) => setTimeout(r, 200));
    await first.commit();
    const { errors } = await second;
    expect(errors).toMatchObject([{ kind: 'conflict', message: /TWICE-26 exists already/ }]);
    expect(await s.db.selectFrom('coupon_campaigns').select('id').where('name', '=', 'Dup').execute()).toHaveLength(0);
  });
});

describe('gift cards charged at once', () => {
  it('50.00 charged 10.00 by 10 tills: exactly five charges, balance 0, never below', async () => {
    const card = await s.loyalty.issueGiftCard({ amount: '50.00', idempotency_key: 'card-50' }, actor);
    const { ok, errors } = await race(times(10, (i) => () => on(i).chargeGiftCard(card.code, { amount: '10.00', idempotency_key: `c-${i}` }, actor)));
    expect(ok).toHaveLength(5);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /balance is €0\.00/ });
    expect((await s.loyalty.giftCard(card.code)).balance).toBe('0.00');
    const charges = await s.db.selectFrom('gift_card_transactions').select(['amount_minor', 'balance_after_minor']).where('code', '=', card.code.replaceAll('-', '')).orderBy('balance_after_minor', 'desc').execute();
    expect(charges.map((c) => Number(c.balance_after_minor))).toEqual([4000, 3000, 2000, 1000, 0]);

    // One charge retried 8 times at once: charged once.
    const other = await s.loyalty.issueGiftCard({ amount: '30.00', idempotency_key: 'card-30' }, actor);
    const retried = await race(times(8, (i) => () => on(i).chargeGiftCard(other.code, { amount: '12.50', idempotency_key: 'order-9', order_ref: 'o-9' }, actor)));
    expect(retried.errors).toEqual([]);
    expect(retried.ok.filter((r) => r.created)).toHaveLength(1);
    expect((await s.loyalty.giftCard(other.code)).balance).toBe('17.50');
  });
});

describe('rewards redeemed at once', () => {
  it('300 points, 6 redemptions and 6 reservations of 100 at once: three succeed, none overspends', async () => {
    const c = await member('spend', 300);
    const { ok, errors } = await race<unknown>([
      ...times(6, (i) => () => on(i).redeemReward(c, { reward: 'coffee', idempotency_key: `r-${i}` }, actor)),
      ...times(6, (i) => () => on(i + 1).reserve(c, { points: 100, idempotency_key: `cart-${i}` }, actor)),
    ]);
    expect(ok).toHaveLength(3);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /Not enough points/ });
    expect(await balance(c)).toBe(0);
    await verified();
  });

  it('the same redemption sent to four processes at once: one debit, one coupon, every answer names it', async () => {
    const c = await member('same-key', 1000);
    // The key reused for another reward among the retries: whichever came first is issued, the other refused.
    const { ok, errors } = await race(times(12, (i) => () => on(i).redeemReward(c, { reward: i === 6 ? 'tea' : 'coffee', idempotency_key: 'tap-1' }, actor)));
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: /different reward/ });
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.coupon!.code)).size).toBe(1);
    const spent = ok[0].coupon!.reward === 'tea' ? 50 : 100;
    expect(errors).toHaveLength(spent === 50 ? 11 : 1);
    expect(await balance(c)).toBe(1000 - spent);
    expect(await s.db.selectFrom('coupons').select('code').where('customer_id', '=', c).execute()).toHaveLength(1);
    await verified();
  });

  it('a reward with 3 in stock redeemed by 10 members at once: 3 issued', async () => {
    const members = await Promise.all(times(10, (i) => member(`stock-${i}`, 50)));
    const { ok, errors } = await race(members.map((c, i) => () => on(i).redeemReward(c, { reward: 'mug', idempotency_key: 'mug' }, actor)));
    expect(ok).toHaveLength(3);
    expect(errors).toHaveLength(7);
    // Each refusal names the reward as the program names it in the language told, as "not enough points" does, not by its code (QA F7).
    for (const e of errors) {
      expect(e).toMatchObject({ kind: 'conflict', message: 'Reward "Mug" is out of stock' });
      expect([(e as AppError).in('da').message, (e as AppError).in('sl').message, (e as AppError).in('ru').message]).toEqual(['Belønningen "Krus" er udsolgt', 'Nagrade "Skodelica" ni več na zalogi', 'Награда "Mug" закончилась']);
    }
    expect(await s.db.selectFrom('reward_stock').select('issued').where('reward_code', '=', 'mug').executeTakeFirst()).toMatchObject({ issued: 3 });
    expect(await s.db.selectFrom('coupons').select('code').where('reward_code', '=', 'mug').execute()).toHaveLength(3);
    const balances = await Promise.all(members.map(balance));
    expect(balances.filter((b) => b === 40)).toHaveLength(3);
    expect(balances.filter((b) => b === 50)).toHaveLength(7);
    await verified();
  });

  it.runIf(testDatabaseKind === 'postgres')('a redemption waiting for a member another writer is spending reads the lots after it', async () => {
    const c = await member('stale', 150);
    // Another writer (a checkout reservation) takes 100 of the 150 and holds the member
    // until it commits; the redemption's statement started before that commit.
    const writer = await heldOpen(s.db, async (trx) => {
      const m = (await ledger.lockMembers(trx, [c], { now: s.clock.now(), create: false })).get(c)!;
      await ledger.debit(trx, m, { customerId: c, kind: 'redeem', points: 100, occurredAt: s.clock.now(), sourceType: 'test', idempotencyKey: 'held-100' }, { now: s.clock.now(), includePending: false, shortfall: 'fail' });
      m.lifetime_redeemed += 100;
      await ledger.saveMembers(trx, [m], s.clock.now());
    });
    const waiting = race([() => s.loyalty.redeemReward(c, { reward: 'coffee', idempotency_key: 'late' }, actor)]);
    await new Promise((r) => setTimeout(r, 200));
    await writer.commit();
    const { ok, errors } = await waiting;
    expect(ok).toEqual([]);
    // The lots as the writer left them: 50, not the 150 read before its commit.
    expect(errors[0]).toMatchObject({ kind: 'conflict', message: 'Not enough points: "Coffee" costs 100 points, 50 are available' });
    expect(await balance(c)).toBe(50);
    await verified();
  });
});

describe('reservations settled at once', () => {
  it('the same reservation sent 10 times at once holds the points once', async () => {
    const c = await member('res-key', 500);
    const { ok, errors } = await race(times(10, (i) => () => on(i).reserve(c, { points: 200, idempotency_key: 'basket-1', order_ref: 'w-1' }, actor)));
    expect(errors).toEqual([]);
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(ok.map((r) => r.reservation.id)).size).toBe(1);
    expect(await balance(c)).toBe(300);
    await verified();
  });

  it('captured twice and released at once: one outcome, points taken once or given back once', async () => {
    const c = await member('capture', 300);
    const captured = await s.loyalty.reserve(c, { points: 100, idempotency_key: 'cap' }, actor);
    const twice = await race(times(6, (i) => () => on(i).capture(c, captured.reservation.id)));
    expect(twice.errors).toEqual([]);
    expect(twice.ok.filter((r) => r.created)).toHaveLength(1);
    expect(await balance(c)).toBe(200);

    // Captures and releases of one reservation at once: whichever came first wins; the rest agree or refuse.
    const contested = await s.loyalty.reserve(c, { points: 100, idempotency_key: 'contested' }, actor);
    const id = contested.reservation.id;
    const { ok, errors } = await race(times(8, (i) => () => (i % 2 ? on(i).capture(c, id) : on(i).release(c, id))));
    const status = (await s.db.selectFrom('loyalty_reservations').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect(ok.filter((r) => r.created)).toHaveLength(1);
    for (const r of ok) expect(r.reservation.status).toBe(status);
    for (const e of errors) expect(e).toMatchObject({ kind: 'conflict', message: status === 'captured' ? /neither a release nor a refund of the order gives back/ : /reserve again/ });
    expect(await balance(c)).toBe(status === 'captured' ? 100 : 200);
    await verified();
  });

  it('the time-out sweep racing captures and another sweep releases each reservation once', async () => {
    const c = await member('sweep', 600);
    const held = [];
    for (let i = 0; i < 6; i++) held.push((await s.loyalty.reserve(c, { points: 100, idempotency_key: `sweep-${i}` }, actor)).reservation);
    expect(await balance(c)).toBe(0);
    // The captures run a minute before the time-out, the two sweeps a minute after it.
    const after = new Date(s.clock.now().getTime() + 16 * 60_000);
    const { ok, errors } = await race<unknown>([
      ...held.slice(0, 3).map((r, i) => () => on(i).capture(c, r.id)),
      () => on(0).releaseStaleReservations(after),
      () => on(1).releaseStaleReservations(after),
    ]);
    expect(errors).toEqual([]);
    const captures = ok.slice(0, 3) as Awaited<ReturnType<RewardsService['capture']>>[];
    const released = (ok.slice(3) as number[]).reduce((a, b) => a + b, 0);
    const rows = await s.db.selectFrom('loyalty_reservations').select(['id', 'status']).where('customer_id', '=', c).execute();
    const expired = rows.filter((r) => r.status === 'expired').length;
    expect(rows.filter((r) => r.status === 'captured').length + expired).toBe(6);
    expect(captures.every((r) => r.created)).toBe(true);
    // The sweeps together report each reservation they released once (earlier tests' held ones time out too).
    const sweptEverywhere = await s.db.selectFrom('loyalty_reservations').select('id').where('status', '=', 'expired').where('settled_at', '=', after).execute();
    expect(released).toBe(sweptEverywhere.length);
    expect(await balance(c)).toBe(expired * 100);
    const releases = await s.db.selectFrom('loyalty_entries').select('points').where('customer_id', '=', c).where('kind', '=', 'release').execute();
    expect(releases.reduce((a, r) => a + Number(r.points), 0)).toBe(expired * 100);
    await verified();
  });
});
