import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// One person, one birthday gift a year (merge-birthday-gifts.ts). QA finding: two ids of
// one person each had the year's birthday bonus and the tier's birthday gift; the merge
// took the later bonus back, and the person kept both gift coupons. Each test has its
// own birthday, so a birthday run of one test finds nobody of another.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'staff:ana' };

const program = {
  name: 'Birthday gifts',
  earning: { points_per_currency_unit: 10 },
  bonuses: { birthday: 30 },
  tiers: {
    metric: 'spend', window: 'rolling_12_months', grace_days: 30,
    levels: [
      { code: 'member', name: 'Member', threshold: '0', benefits: { birthday_reward: 'coffee' } },
      { code: 'gold', name: 'Gold', threshold: '300.00', benefits: { birthday_reward: 'cake' } },
    ],
  },
  rewards: [
    { code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 20 },
    { code: 'cake', name: 'Cake', type: 'free_product', sku: 'CAKE', points: 100 },
  ],
};

let n = 0;
/** A member with this birthday (a purchase on 20 May makes the customer one). */
async function member(email: string, birthday: string, total = '5.00') {
  const id = (await s.customers.upsert({ email, birthday }, actor)).customer.id;
  await recordAll(s, [{ external_id: `p-${++n}`, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total }]);
  return id;
}
const birthdays = (at: string) => s.loyalty.maintenance.birthdays(new Date(at));
const merge = (survivor: string, from: string) => mergeCustomers(s, survivor, { from }, actor);
const gifts = (id: string) => s.db.selectFrom('coupons').select(['code', 'reward_code', 'status', 'uses']).where('customer_id', '=', id).orderBy('created_at').orderBy('code').execute();
const giftOf = async (id: string) => (await gifts(id))[0].code;
const birthdayEntry = async (id: string) => Number((await s.db.selectFrom('loyalty_entries').select('id').where('customer_id', '=', id).where('idempotency_key', '=', 'bonus:birthday:2026').executeTakeFirstOrThrow()).id);
const audited = async (action: string, subject: string) => (await s.db.selectFrom('audit_log').select(['actor', 'details']).where('action', '=', action).where('subject', '=', subject).orderBy('id').execute())
  .map((r) => ({ actor: r.actor, details: r.details as Record<string, unknown> }));
const use = (code: string, customerId: string) => s.loyalty.useCoupon(code, { idempotency_key: `use-${code}`, customer_id: customerId }, actor);
/** The loyalty step of a merge run again over a merge already done (a retried step, or the next merge's look at the whole person). */
const moveAgain = (survivor: string, from: string) => s.db.transaction().execute((trx) => s.loyalty.moveCustomer(trx, { fromId: from, toId: survivor, now: s.clock.now(), actor: actor.actor }));
async function expectVerified() {
  expect((await s.loyalty.verify()).problems).toEqual([]);
}

beforeAll(async () => {
  s = await openTestServices();
  // In force before the first birthday run (the clock starts at 2026-06-01T12:00Z, after it).
  s.clock.set('2026-04-01T08:00:00Z');
  await s.loyalty.applyProgram({ program }, actor);
  s.clock.set('2026-06-01T05:00:00Z');
});
afterAll(() => s?.close());

describe('a merge of two ids that both had the year\'s birthday gift', () => {
  it('withdraws the gift of the later birthday bonus, whichever id survives, audited; a retried merge changes nothing more', async () => {
    // A's birthday run came first (08:00 in Ljubljana), B's an hour later.
    const a = await member('gift-a@example.com', '1990-06-01');
    await birthdays('2026-06-01T06:00:00Z');
    const b = await member('gift-b@example.com', '1988-06-01');
    await birthdays('2026-06-01T07:00:00Z');
    const [aGift, bGift] = [await giftOf(a), await giftOf(b)];
    // The run names the birthday entry each gift came with.
    expect((await s.db.selectFrom('coupons').select('points_entry_id').where('code', 'in', [aGift, bGift]).orderBy('created_at').execute()).map((c) => Number(c.points_entry_id)))
      .toEqual([await birthdayEntry(a), await birthdayEntry(b)]);

    s.clock.set('2026-06-01T12:00:00Z');
    // B survives, but its bonus and gift are the later ones: they go, A's (moved to B) stay.
    expect((await merge(b, a)).moved).toMatchObject({ duplicate_bonuses: 1, duplicate_bonus_points: 30, duplicate_birthday_gifts: 1, coupons: 1 });
    expect(await gifts(b)).toEqual([
      { code: aGift, reward_code: 'coffee', status: 'active', uses: 0 },
      { code: bGift, reward_code: 'coffee', status: 'void', uses: 0 },
    ]);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', b)).toEqual([{
      actor: 'staff:ana',
      details: {
        year: '2026', coupon: bGift, reward: 'coffee', issued_at: '2026-06-01T07:00:00.000Z', birthday_bonus: { customer_id: b, entry: await birthdayEntry(b) },
        kept: { coupon: aGift, issued_at: '2026-06-01T06:00:00.000Z', used: false }, kept_because_used: [],
      },
    }]);
    // The till refuses the withdrawn gift and takes the one kept.
    expect(await s.loyalty.coupon(bGift)).toMatchObject({ status: 'void', usable: false, problem: 'the coupon was cancelled' });
    await expect(use(bGift, b)).rejects.toMatchObject({ kind: 'conflict', message: /the coupon was cancelled/ });

    // Again: the merge sent again answers as it did (a replay, nothing moved anew), and its loyalty step, run again, withdraws nothing more.
    expect(await merge(b, a)).toMatchObject({ replayed: true, moved: { duplicate_bonuses: 1, duplicate_bonus_points: 30, duplicate_birthday_gifts: 1, coupons: 1 } });
    expect(await moveAgain(b, a)).toMatchObject({ duplicate_bonuses: 0, duplicate_birthday_gifts: 0, coupons: 0 });
    expect((await gifts(b)).map((g) => g.status)).toEqual(['active', 'void']);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', b)).toHaveLength(1);
    // Nor does the birthday run give the person a gift more this year.
    expect(await birthdays('2026-06-01T20:00:00Z')).toEqual({ members: 0 });
    expect(await gifts(b)).toHaveLength(2);
    expect(await gifts(a)).toEqual([]);
    await expectVerified();
  });

  it('keeps a used gift: the later one used, the earlier unused one is withdrawn, so the person keeps the gift used', async () => {
    const c = await member('gift-c@example.com', '1990-06-02');
    await birthdays('2026-06-02T06:00:00Z');
    const d = await member('gift-d@example.com', '1988-06-02');
    await birthdays('2026-06-02T07:00:00Z');
    const [cGift, dGift] = [await giftOf(c), await giftOf(d)];
    s.clock.set('2026-06-02T09:00:00Z');
    await use(dGift, d);

    s.clock.set('2026-06-02T12:00:00Z');
    // The bonus rule is the bonus's: D's (the later) is taken back.
    expect((await merge(c, d)).moved).toMatchObject({ duplicate_bonuses: 1, duplicate_bonus_points: 30 });
    expect(await gifts(c)).toEqual([
      { code: cGift, reward_code: 'coffee', status: 'void', uses: 0 },
      { code: dGift, reward_code: 'coffee', status: 'used', uses: 1 },
    ]);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', c)).toEqual([{
      actor: 'staff:ana',
      details: expect.objectContaining({ year: '2026', coupon: cGift, kept: { coupon: dGift, issued_at: '2026-06-02T07:00:00.000Z', used: true }, kept_because_used: [] }),
    }]);
    expect(await audited('loyalty.duplicate_birthday_gift_kept', c)).toEqual([]);
    await expectVerified();
  });

  it('keeps both gifts when both were used, and says so once (kept because used)', async () => {
    const e = await member('gift-e@example.com', '1990-06-03');
    await birthdays('2026-06-03T06:00:00Z');
    const f = await member('gift-f@example.com', '1988-06-03');
    await birthdays('2026-06-03T07:00:00Z');
    const [eGift, fGift] = [await giftOf(e), await giftOf(f)];
    s.clock.set('2026-06-03T09:00:00Z');
    await use(eGift, e);
    await use(fGift, f);

    s.clock.set('2026-06-03T12:00:00Z');
    await merge(e, f);
    expect((await gifts(e)).map((g) => [g.code, g.status])).toEqual([[eGift, 'used'], [fGift, 'used']]);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', e)).toEqual([]);
    const kept = [{
      actor: 'staff:ana',
      details: { year: '2026', coupon: fGift, reward: 'coffee', issued_at: '2026-06-03T07:00:00.000Z', reason: 'used', kept: { coupon: eGift, issued_at: '2026-06-03T06:00:00.000Z', used: true } },
    }];
    expect(await audited('loyalty.duplicate_birthday_gift_kept', e)).toEqual(kept);
    await moveAgain(e, f);
    expect(await audited('loyalty.duplicate_birthday_gift_kept', e)).toEqual(kept);
  });

  it('pairs each gift with its own id\'s bonus when one run gave both ids their birthdays (coupons from before the link was stored)', async () => {
    const g = await member('gift-g@example.com', '1990-06-04');
    const h = await member('gift-h@example.com', '1988-06-04');
    await birthdays('2026-06-04T06:00:00Z');
    const [gGift, hGift] = [await giftOf(g), await giftOf(h)];
    // Coupons issued before the birthday run named their entry: only the instant and the holder pair them.
    await s.db.updateTable('coupons').set({ points_entry_id: null }).where('code', 'in', [gGift, hGift]).execute();
    // One instant: the bonus written second is the later one, and its gift is the one withdrawn.
    const [gEntry, hEntry] = [await birthdayEntry(g), await birthdayEntry(h)];
    const later = gEntry > hEntry ? { id: g, gift: gGift, entry: gEntry } : { id: h, gift: hGift, entry: hEntry };
    const earlier = later.id === g ? { id: h, gift: hGift } : { id: g, gift: gGift };

    s.clock.set('2026-06-04T12:00:00Z');
    // H survives either way; the gift of the later bonus is withdrawn, whoever held it.
    await merge(h, g);
    const takenBack = await s.db.selectFrom('loyalty_entries').select('details').where('customer_id', '=', h).where('kind', '=', 'reverse').executeTakeFirstOrThrow();
    expect(takenBack.details).toMatchObject({ taken_back: { customer_id: later.id, entry: later.entry } });
    expect((await gifts(h)).filter((x) => x.status === 'void').map((x) => x.code)).toEqual([later.gift]);
    expect((await gifts(h)).filter((x) => x.status === 'active').map((x) => x.code)).toEqual([earlier.gift]);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', h)).toEqual([{
      actor: 'staff:ana',
      details: expect.objectContaining({ coupon: later.gift, birthday_bonus: { customer_id: later.id, entry: later.entry }, kept: expect.objectContaining({ coupon: earlier.gift }) }),
    }]);
    await expectVerified();
  });

  it('never withdraws a gift twice, nor the one kept, over chained merges (C into A, then A into B)', async () => {
    const a = await member('chain-a@example.com', '1990-06-05');
    await birthdays('2026-06-05T06:00:00Z');
    const b = await member('chain-b@example.com', '1988-06-05');
    await birthdays('2026-06-05T07:00:00Z');
    const c = await member('chain-c@example.com', '1985-06-05');
    await birthdays('2026-06-05T08:00:00Z');
    const [aGift, bGift, cGift] = [await giftOf(a), await giftOf(b), await giftOf(c)];

    s.clock.set('2026-06-05T12:00:00Z');
    await merge(a, c); // C's gift (08:00) is the later: withdrawn.
    expect((await gifts(a)).map((x) => [x.code, x.status])).toEqual([[aGift, 'active'], [cGift, 'void']]);
    s.clock.set('2026-06-05T13:00:00Z');
    // B's own (07:00) is later than A's (06:00): withdrawn; A's, kept by the first merge, stays; C's is not withdrawn again.
    expect((await merge(b, a)).moved).toMatchObject({ duplicate_bonuses: 1, duplicate_bonus_points: 30 });
    expect((await gifts(b)).map((x) => [x.code, x.status])).toEqual([[aGift, 'active'], [bGift, 'void'], [cGift, 'void']]);
    await moveAgain(b, a);
    expect((await gifts(b)).filter((x) => x.status === 'active').map((x) => x.code)).toEqual([aGift]);
    const withdrawn = [...await audited('loyalty.duplicate_birthday_gift_withdrawn', a), ...await audited('loyalty.duplicate_birthday_gift_withdrawn', b)];
    expect(withdrawn.map((w) => [w.details.coupon, (w.details.kept as { coupon: string }).coupon])).toEqual([[cGift, aGift], [bGift, aGift]]);
    await expectVerified();
  });

  it('the birthday run gives the survivor no gift for a year one of its ids had one', async () => {
    const a = await member('later-a@example.com', '1990-06-06');
    await birthdays('2026-06-06T06:00:00Z');
    const b = await member('later-b@example.com', '1988-06-08', '300.00'); // gold: a cake on its birthday
    s.clock.set('2026-06-07T12:00:00Z');
    await merge(b, a);
    expect(await birthdays('2026-06-08T06:00:00Z')).toEqual({ members: 0 });
    expect((await gifts(b)).map((x) => x.reward_code)).toEqual(['coffee']);
    await expectVerified();
  });
});

describe('birthday gifts without birthday points', () => {
  // A program whose birthday is a tier gift only: no bonus entry goes with a gift.
  beforeAll(async () => {
    s.clock.set('2026-07-01T00:00:00Z');
    await s.loyalty.applyProgram({ program: { ...program, name: 'Gifts only', bonuses: {} } }, actor);
  });

  it('withdraws the later gift of a year, the year reckoned from the day it was issued', async () => {
    const a = await member('only-a@example.com', '1990-07-02');
    await birthdays('2026-07-02T06:00:00Z');
    const b = await member('only-b@example.com', '1988-07-02');
    await birthdays('2026-07-02T07:00:00Z');
    const [aGift, bGift] = [await giftOf(a), await giftOf(b)];
    s.clock.set('2026-07-02T12:00:00Z');
    expect((await merge(a, b)).moved).toMatchObject({ duplicate_bonuses: 0 });
    expect((await gifts(a)).map((x) => [x.code, x.status])).toEqual([[aGift, 'active'], [bGift, 'void']]);
    expect(await audited('loyalty.duplicate_birthday_gift_withdrawn', a)).toEqual([{
      actor: 'staff:ana', details: expect.objectContaining({ year: '2026', coupon: bGift, birthday_bonus: null, kept: expect.objectContaining({ coupon: aGift }) }),
    }]);
  });

  it('gives the survivor no second gift in the year, whatever its tier\'s gift, and the next year\'s', async () => {
    const a = await member('tier-a@example.com', '1990-07-03'); // member: a coffee
    await birthdays('2026-07-03T06:00:00Z');
    const b = await member('tier-b@example.com', '1988-07-05', '300.00'); // gold: a cake
    s.clock.set('2026-07-04T12:00:00Z');
    await merge(b, a);
    // B's birthday this year: the person had the year's gift (a coffee, under A).
    expect(await birthdays('2026-07-05T06:00:00Z')).toEqual({ members: 0 });
    expect((await gifts(b)).map((x) => x.reward_code)).toEqual(['coffee']);
    // Next year's birthday is another year's gift.
    expect(await birthdays('2027-07-05T06:00:00Z')).toEqual({ members: 1 });
    expect((await gifts(b)).map((x) => x.reward_code)).toEqual(['coffee', 'cake']);
  });
});
