import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { eraseCustomer, mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// evaluateChallengesMany credits the completions of many members a transaction (the demo's
// 3,862 were as many transactions), each still checked under the member's lock and keyed
// by its number, so a second delivery writes nothing; the profile bonus too.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Batch', earning: { points_per_currency_unit: 1 },
  bonuses: { profile_completion: 11 },
  challenges: [
    { code: 'two-days', name: '2 visits in 3 days', goal: { type: 'visits', count: 2, within_days: 3 }, points: 7, repeatable: true },
    { code: 'three-visits', name: '3 visits in 30 days', goal: { type: 'visits', count: 3, within_days: 30 }, points: 50 },
  ],
  rewards: [{ code: 'voucher', name: 'Voucher', type: 'free_product', sku: 'V', points: 100 }],
};

const days = ['2026-05-04T09:00:00.000Z', '2026-05-05T09:00:00.000Z', '2026-05-06T09:00:00.000Z', '2026-05-07T09:00:00.000Z'];
const purchase = (email: string, at: string, key: string) => ({
  external_id: key, occurred_at: at, total: '1.00',
  customer: { email, first_name: 'Ana', last_name: 'Novak', phone: '+38640123456', birthday: '1990-03-04' },
});

async function challengeEntries(ids: string[]) {
  return s.db.selectFrom('loyalty_entries').select(['customer_id', 'idempotency_key', 'points', 'occurred_at'])
    .where('customer_id', 'in', ids).where('idempotency_key', 'like', 'bonus:challenge:%').orderBy('customer_id').orderBy('id').execute();
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe('evaluateChallengesMany over many members', () => {
  it('completes each member as one at a time would, in a transaction for many, and a second call adds nothing', async () => {
    // 130 members: more than one transaction's worth; four daily visits each.
    const emails = Array.from({ length: 130 }, (_, i) => `batch${i}@example.com`);
    const outcomes = await recordAll(s, emails.flatMap((e) => days.map((at, d) => purchase(e, at, `${e}-${d}`))));
    const items = outcomes.map((o, i) => ({ customerId: o.customerId, at: new Date(days[i % days.length]) }));
    const ids = [...new Set(items.map((i) => i.customerId))];
    const transactions = vi.spyOn(s.db, 'transaction');
    const first = await s.loyalty.evaluateChallengesMany(items);
    // Rounds of completion (two-days at day 2, both at day 3, two-days at day 4... one a
    // day), each a transaction per 100 members: not one per completion (390 of them).
    expect(transactions.mock.calls.length).toBeLessThanOrEqual(8);
    transactions.mockRestore();
    expect(first).toHaveLength(130);
    // two-days on 5 May (visits of 4 and 5 May), three-visits on 6 May, two-days again on 7 May (6 and 7 May since).
    const entries = await challengeEntries(ids);
    expect(entries).toHaveLength(130 * 3);
    const one = entries.filter((e) => e.customer_id === ids[0]).map((e) => [e.idempotency_key, new Date(e.occurred_at).toISOString()]);
    expect(one).toEqual([
      ['bonus:challenge:two-days:1', days[1]],
      ['bonus:challenge:three-visits:1', days[2]],
      ['bonus:challenge:two-days:2', days[3]],
    ]);
    const balances = await Promise.all(ids.slice(0, 3).map(async (id) => (await s.loyalty.account(id)).balance));
    expect(balances).toEqual([4 + 7 + 50 + 7, 4 + 7 + 50 + 7, 4 + 7 + 50 + 7]);

    // A second delivery of the same events: nothing more.
    expect(await s.loyalty.evaluateChallengesMany(items)).toEqual([]);
    expect(await challengeEntries(ids)).toHaveLength(130 * 3);

    // The profile bonus of the same customers, batched too (a transaction per 100), and once.
    const profileTransactions = vi.spyOn(s.db, 'transaction');
    expect(await s.loyalty.profileCompletionMany(ids)).toHaveLength(130);
    expect(profileTransactions.mock.calls.length).toBe(2);
    profileTransactions.mockRestore();
    expect(await s.loyalty.profileCompletionMany(ids)).toEqual([]);
    expect((await s.loyalty.account(ids[0])).balance).toBe(4 + 7 + 50 + 7 + 11);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('runs beside a purchase of one of its members: neither waits on the other for good, both are recorded', async () => {
    const emails = Array.from({ length: 40 }, (_, i) => `race${i}@example.com`);
    const outcomes = await recordAll(s, emails.flatMap((e) => days.slice(0, 2).map((at, d) => purchase(e, at, `${e}-${d}`))));
    const items = outcomes.map((o, i) => ({ customerId: o.customerId, at: new Date(days[i % 2]) }));
    const ids = [...new Set(items.map((i) => i.customerId))];
    const buyer = ids[17];
    const [completed, [bought]] = await Promise.all([
      s.loyalty.evaluateChallengesMany(items),
      recordAll(s, [{ ...purchase(emails[17], '2026-05-08T09:00:00Z', 'race-late'), total: '25.00' }]),
    ]);
    expect(completed).toHaveLength(40);
    expect(bought.customerId).toBe(buyer);
    expect(await challengeEntries(ids)).toHaveLength(40);
    // The purchase's 25 points, its two earlier ones' and the completion's 7, whichever went first.
    expect((await s.loyalty.account(buyer)).balance).toBe(25 + 2 + 7);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

// The single-event handlers (evaluateChallenges, profileCompletion) and the batched ones
// check and credit by the same rules: what one gives, the other gives, for any id.
describe('one member through the single-event handler and through the batch', () => {
  const completions = (id: string) => s.db.selectFrom('events').select('payload').where('type', '=', 'loyalty.challenge_completed').where('customer_id', '=', id).orderBy('id').execute();
  const progressRows = (id: string) => s.db.selectFrom('challenge_progress').select(['challenge_code', 'window_start', 'completed_at']).where('customer_id', '=', id).orderBy('challenge_code').execute();
  const owed = async (id: string) => Number((await s.db.selectFrom('loyalty_entries').select((eb) => eb.fn.sum<string>('unsettled').as('owed')).where('customer_id', '=', id).executeTakeFirst())?.owed ?? 0);
  const points = async (id: string) => (await s.db.selectFrom('loyalty_members').select(['points', 'lifetime_earned']).where('customer_id', '=', id).executeTakeFirstOrThrow());

  /** A member who owes 97 points (a purchase's 100 spent, then refunded) and has bought on days 0–2, both challenges reached at the third. */
  async function owingMember(tag: string) {
    const [old] = await recordAll(s, [{ ...purchase(`${tag}@example.com`, '2026-03-01T09:00:00Z', `${tag}-old`), total: '100.00' }]);
    await s.loyalty.redeemReward(old.customerId, { reward: 'voucher', idempotency_key: `${tag}-voucher` }, actor);
    await s.commerce.refund(old.purchaseId, { external_id: `${tag}-refund` }, actor);
    await recordAll(s, days.slice(0, 3).map((at, d) => purchase(`${tag}@example.com`, at, `${tag}-${d}`)));
    expect(await owed(old.customerId)).toBe(100 - 3);
    return old.customerId;
  }

  it('completes two challenges reached by one purchase at its moment, each a bonus that settles the debt first, once', async () => {
    const single = await owingMember('two-single');
    const batched = await owingMember('two-batched');
    const at = new Date(days[2]);
    expect(await s.loyalty.evaluateChallenges(single, at)).toEqual(['two-days', 'three-visits']);
    expect(await s.loyalty.evaluateChallengesMany([{ customerId: batched, at }])).toEqual([{ customerId: batched, challenges: ['two-days', 'three-visits'] }]);
    for (const id of [single, batched]) {
      expect((await challengeEntries([id])).map((e) => [e.idempotency_key, e.points, new Date(e.occurred_at).toISOString()])).toEqual([
        ['bonus:challenge:two-days:1', 7, days[2]],
        ['bonus:challenge:three-visits:1', 50, days[2]],
      ]);
      expect((await completions(id)).map((e) => e.payload)).toEqual([
        { customer_id: id, challenge: 'two-days', points: 7, completion: 1 },
        { customer_id: id, challenge: 'three-visits', points: 50, completion: 1 },
      ]);
      expect((await progressRows(id)).map((r) => [r.challenge_code, new Date(r.completed_at!).toISOString()])).toEqual([['three-visits', days[2]], ['two-days', days[2]]]);
      expect(await owed(id)).toBe(100 - 3 - 57);
      expect(await points(id)).toMatchObject({ points: -40, lifetime_earned: 100 + 3 + 57 });
    }
    // Delivered again, either way: nothing more.
    expect(await s.loyalty.evaluateChallenges(single, at)).toEqual([]);
    expect(await s.loyalty.evaluateChallenges(batched, at)).toEqual([]);
    expect(await s.loyalty.evaluateChallengesMany([{ customerId: single, at }])).toEqual([]);
    expect(await challengeEntries([single, batched])).toHaveLength(4);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("follows a merged id to the survivor and answers the id asked for; an erased customer's is forfeited", async () => {
    const [merged, survivor, gone] = ['m-merged', 'm-survivor', 'm-gone'].map((t) => `${t}@example.com`);
    const bought = await recordAll(s, [
      ...days.slice(0, 3).map((at, d) => purchase(merged, at, `${merged}-${d}`)),
      purchase(survivor, '2026-03-01T09:00:00Z', `${survivor}-0`),
      ...days.slice(0, 3).map((at, d) => purchase(gone, at, `${gone}-${d}`)),
    ]);
    const [mergedId, survivorId, goneId] = [bought[0], bought[3], bought[4]].map((o) => o.customerId);
    await mergeCustomers(s, survivorId, { from: mergedId }, actor);
    await eraseCustomer(s, goneId, actor);
    expect(await s.loyalty.evaluateChallenges(mergedId, new Date(days[2]), new Set(['three-visits']))).toEqual(['three-visits']);
    expect(await s.loyalty.evaluateChallenges(mergedId, new Date(days[2]))).toEqual(['two-days']);
    expect(await challengeEntries([mergedId])).toEqual([]);
    expect((await challengeEntries([survivorId])).map((e) => e.idempotency_key)).toEqual(['bonus:challenge:three-visits:1', 'bonus:challenge:two-days:1']);
    expect(await s.loyalty.evaluateChallenges(goneId, new Date(days[2]))).toEqual([]);
    expect(await challengeEntries([goneId])).toEqual([]);

    // The profile bonus: the survivor's (its profile filled from the merged one's), once; none for the erased.
    expect(await s.loyalty.profileCompletion(mergedId)).toBe(true);
    expect(await s.loyalty.profileCompletion(mergedId)).toBe(false);
    expect(await s.loyalty.profileCompletion(survivorId)).toBe(false);
    expect(await s.loyalty.profileCompletion(goneId)).toBe(false);
    expect(await s.loyalty.profileCompletion('not-a-uuid')).toBe(false);
    expect(await s.loyalty.profileCompletionMany([mergedId, survivorId, goneId])).toEqual([]);
    expect((await points(survivorId)).points).toBe(1 + 3 + 50 + 7 + 11);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});
