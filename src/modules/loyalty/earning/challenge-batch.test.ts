import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

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
