import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { subscribersOf } from '../../../jobs/subscribers.ts';
import type { StoredEvent } from '../../../jobs/queue.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { eraseCustomer, mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// Referrals, challenges, profile and survey bonuses. The handlers that follow events
// are called the way the job queue calls them, with the stored event.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Engagement',
  earning: { points_per_currency_unit: 1 },
  bonuses: { referral: { referrer: 500, friend: 250, minimum_purchase: '15.00' }, survey: 30, profile_completion: 70 },
  challenges: [
    { code: 'five-visits', name: '5 visits in 30 days', goal: { type: 'visits', count: 5, within_days: 30 }, points: 400, repeatable: true },
    { code: 'explorer', name: 'Try 3 categories', goal: { type: 'categories', count: 3, within_days: 90 }, points: 100 },
  ],
};

async function buy(email: string, key: string, total: string, at = '2026-05-20T10:00:00Z', lines: unknown[] = []) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total, lines }]);
  return o;
}

const balance = async (id: string) => {
  const a = await s.loyalty.account(id);
  if (!a.member) throw new Error('not a member');
  return a.balance;
};

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('referrals', () => {
  it("rewards both when the friend's first qualifying purchase comes, once", async () => {
    const ana = await buy('ana@gmail.com', 'a1', '10.00');
    const { code } = await s.loyalty.referralCode(ana.customerId);
    expect(code).toMatch(/^FRIEND-[A-Z2-9]{6}$/);
    const bo = await s.customers.upsert({ email: 'bo@example.com', first_name: 'Bo' }, actor);
    expect(await s.loyalty.claimReferral(bo.customer.id, { code: code.toLowerCase() }, actor)).toEqual({ created: true, status: 'pending' });
    // 9.00 is below the 15.00 minimum: no referral bonus yet.
    expect((await buy('bo@example.com', 'b1', '9.00')).loyalty).toMatchObject({ points_earned: 9 });
    const qualifying = await buy('bo@example.com', 'b2', '20.00');
    expect(qualifying.loyalty).toMatchObject({ points_earned: 20 + 250, balance: 9 + 20 + 250 });
    await deliver(s, 'loyalty.referral_qualified');
    await deliver(s, 'loyalty.referral_qualified'); // a retried job adds nothing
    expect(await balance(ana.customerId)).toBe(10 + 500);
    expect((await buy('bo@example.com', 'b3', '30.00')).loyalty).toMatchObject({ points_earned: 30 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('refuses self-referral, the same inbox, old customers and a second referrer', async () => {
    const ana = await s.customers.findByIdentity({ kind: 'email', value: 'ana@gmail.com' });
    const { code } = await s.loyalty.referralCode(ana!);
    await expect(s.loyalty.claimReferral(ana!, { code }, actor)).rejects.toMatchObject({ kind: 'invalid', message: /your own code/ });
    const alias = await s.customers.upsert({ email: 'a.n.a+promo@gmail.com' }, actor);
    await expect(s.loyalty.claimReferral(alias.customer.id, { code }, actor)).rejects.toMatchObject({ message: /same email or phone/ });
    const old = await buy('old@example.com', 'o1', '5.00');
    await expect(s.loyalty.claimReferral(old.customerId, { code }, actor)).rejects.toMatchObject({ message: /new customers/ });
    await expect(s.loyalty.claimReferral(old.customerId, { code: 'NOPE-123456' }, actor)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'code' }] });
  });
});

describe('a referral code however it is typed', () => {
  it('is found in lower case, with spaces for the dash, without it, or with the en dash an editor made of it', async () => {
    const kim = await buy('kim@example.com', 'k1', '10.00');
    const { code } = await s.loyalty.referralCode(kim.customerId);
    const [prefix, suffix] = code.split('-');
    for (const [i, typed] of [`${prefix.toLowerCase()} ${suffix.toLowerCase()}`, `${prefix}${suffix}`, ` ${prefix} - ${suffix.slice(0, 3)} ${suffix.slice(3)} `, `${prefix}\u2013${suffix}`].entries()) {
      const friend = await s.customers.upsert({ email: `typed-${i}@example.com` }, actor);
      expect(await s.loyalty.claimReferral(friend.customer.id, { code: typed }, actor)).toEqual({ created: true, status: 'pending' });
    }
    const referred = await s.db.selectFrom('loyalty_referrals').select(['code', 'referrer_id']).where('referrer_id', '=', kim.customerId).execute();
    expect(referred).toEqual([0, 1, 2, 3].map(() => ({ code, referrer_id: kim.customerId })));
  });
});

describe('a referral code of an erased referrer', () => {
  it('refers nobody: a new claim is refused as an unknown code, one made before stands', async () => {
    const gone = await buy('gone@example.com', 'g1', '10.00');
    const { code } = await s.loyalty.referralCode(gone.customerId);
    const early = await s.customers.upsert({ email: 'early@example.com' }, actor);
    expect(await s.loyalty.claimReferral(early.customer.id, { code }, actor)).toEqual({ created: true, status: 'pending' });
    await eraseCustomer(s, gone.customerId, actor);
    // Taken, the new friend's first purchase paid the friend's bonus for a referrer who can never be rewarded.
    const late = await s.customers.upsert({ email: 'late@example.com' }, actor);
    await expect(s.loyalty.claimReferral(late.customer.id, { code }, actor)).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'code' }], message: /no referral code/ });
    expect((await buy('late@example.com', 'l1', '20.00')).loyalty).toMatchObject({ points_earned: 20 });
    expect(await s.loyalty.claimReferral(early.customer.id, { code }, actor)).toEqual({ created: false, status: 'pending' });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('challenges', () => {
  it('completes "5 visits in 30 days" on the fifth visit, again only with five new visits', async () => {
    const days = ['2026-05-01', '2026-05-03', '2026-05-03', '2026-05-08', '2026-05-12', '2026-05-20'];
    let id = '';
    for (const [i, d] of days.entries()) id = (await buy('cara@example.com', `c${i}`, '2.00', `${d}T09:00:00Z`)).customerId;
    await deliver(s, 'purchase.recorded');
    // Five distinct days by 05-20 (05-03 twice is one visit): completed once.
    const account = await s.loyalty.account(id);
    if (!account.member) throw new Error();
    expect(account.challenges.find((c) => c.code === 'five-visits')).toMatchObject({ completed: 1 });
    expect(account.balance).toBe(12 + 400);
    await deliver(s, 'purchase.recorded');
    expect(await balance(id)).toBe(12 + 400);
    // The account counts towards the next completion from the last one (the clock is at 06-01).
    await buy('cara@example.com', 'c-next', '2.00', '2026-05-25T09:00:00Z');
    const after = await s.loyalty.account(id);
    if (!after.member) throw new Error();
    expect(after.challenges.map(({ code, progress, completed, last_completed_at }) => ({ code, progress, completed, last_completed_at }))).toEqual([
      { code: 'five-visits', progress: 1, completed: 1, last_completed_at: '2026-05-20T09:00:00.000Z' },
      { code: 'explorer', progress: 0, completed: 0, last_completed_at: null },
    ]);
  });

  it('counts distinct categories for "try 3 categories", once', async () => {
    const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '1.00' });
    await buy('dan@example.com', 'd1', '2.00', '2026-05-01T09:00:00Z', [line('coffee'), line('tea')]);
    const d = await buy('dan@example.com', 'd2', '1.00', '2026-05-02T09:00:00Z', [line('cakes')]);
    await deliver(s, 'purchase.recorded');
    expect(await balance(d.customerId)).toBe(3 + 100);
    // One at a time (the handler without batches) finds nothing more to give.
    const one = subscribersOf(s).find((x) => x.name === 'loyalty.challenges')!;
    for (const e of await s.db.selectFrom('events').selectAll().where('type', '=', 'purchase.recorded').execute()) await one.handle(e as unknown as StoredEvent);
    expect(await balance(d.customerId)).toBe(3 + 100);
    const account = await s.loyalty.account(d.customerId);
    if (!account.member) throw new Error();
    // Done and not repeatable: shown as reached.
    expect(account.challenges.find((c) => c.code === 'explorer')).toMatchObject({ progress: 3, completed: 1, last_completed_at: '2026-05-02T09:00:00.000Z' });
  });

  it('completes a challenge at the purchase that reached it, when later ones come in the same dispatch', async () => {
    const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '1.00' });
    // Five visits in March, then one in May: the 30 days that end in May hold one visit alone.
    const march = ['03-01', '03-05', '03-10', '03-15', '03-20'];
    for (const [i, d] of march.entries()) await buy('fen@example.com', `fen-${i}`, '1.00', `2026-${d}T09:00:00Z`, i === 0 ? [line('coffee')] : i === 1 ? [line('tea')] : i === 2 ? [line('cakes')] : []);
    const may = await buy('fen@example.com', 'fen-may', '1.00', '2026-05-10T09:00:00Z');
    await deliver(s, 'purchase.recorded', { customer: may.customerId, subscriber: 'loyalty.challenges' });
    const account = await s.loyalty.account(may.customerId);
    if (!account.member) throw new Error('not a member');
    expect(account.challenges.map(({ code, completed, last_completed_at }) => ({ code, completed, last_completed_at }))).toEqual([
      { code: 'five-visits', completed: 1, last_completed_at: '2026-03-20T09:00:00.000Z' },
      { code: 'explorer', completed: 1, last_completed_at: '2026-03-10T09:00:00.000Z' },
    ]);
    expect(account.balance).toBe(6 + 400 + 100);
  });

  it("counts only the categories of the window's purchases that were not refunded", async () => {
    const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '1.00' });
    // January is outside the 90 days before May 10; the soup is refunded in full.
    await buy('eli@example.com', 'e-jan', '2.00', '2026-01-05T09:00:00Z', [line('coffee'), line('tea')]);
    await buy('eli@example.com', 'e-cakes', '1.00', '2026-05-01T09:00:00Z', [line('cakes')]);
    const soup = await buy('eli@example.com', 'e-soup', '3.00', '2026-05-05T09:00:00Z', [line('soup'), line('bread')]);
    await s.commerce.refund(soup.purchaseId, { external_id: 'e-soup-back' }, actor);
    await deliver(s, 'purchase.recorded');
    expect(await balance(soup.customerId)).toBe(2 + 1);
    // Tea again and juice: cakes, tea, juice in the window.
    await buy('eli@example.com', 'e-may', '2.00', '2026-05-10T09:00:00Z', [line('tea'), line('juice')]);
    await deliver(s, 'purchase.recorded');
    expect(await balance(soup.customerId)).toBe(2 + 1 + 2 + 100);
  });
});

describe('other bonuses', () => {
  it('thanks for a survey once per response, whatever the score', async () => {
    const e = await buy('eva@example.com', 'e1', '1.00');
    expect(await s.loyalty.surveyBonus(e.customerId, { response_id: 'resp-1' }, actor)).toEqual({ created: true, replayed: false, points: 30 });
    // A repeat is a replay: it answers what the first call gave, and gives nothing more.
    expect(await s.loyalty.surveyBonus(e.customerId, { response_id: 'resp-1' }, actor)).toEqual({ created: false, replayed: true, points: 30 });
    expect(await balance(e.customerId)).toBe(31);
  });

  it('gives the profile-completion bonus once the profile is complete', async () => {
    const f = await buy('fil@example.com', 'f1', '1.00');
    await s.customers.patch(f.customerId, { first_name: 'Fil', last_name: 'Horvat', phone: '+38640999888', birthday: '1991-02-03' }, actor);
    await deliver(s, 'customer.updated');
    await deliver(s, 'customer.updated');
    expect(await balance(f.customerId)).toBe(1 + 70);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('gives it when a merge completes the profile, once for the person', async () => {
    // Two records of one person, each with half a profile: the merge fills the survivor's
    // from the merged one's, and that completes it without any later update to the survivor.
    const g = await buy('gal@example.com', 'gal-1', '1.00');
    await s.customers.patch(g.customerId, { first_name: 'Gal', last_name: 'Novak' }, actor);
    const other = await s.customers.upsert({ phone: '+38640111222', birthday: '1990-04-05' }, actor);
    await deliver(s, 'customer.updated');
    expect(await balance(g.customerId)).toBe(1);
    await mergeCustomers(s, g.customerId, { from: other.customer.id }, { actor: 'test' });
    await deliver(s, 'customer.merged');
    await deliver(s, 'customer.merged');
    expect(await balance(g.customerId)).toBe(1 + 70);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
