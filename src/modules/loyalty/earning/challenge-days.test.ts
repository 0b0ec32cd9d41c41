import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { deliver } from '../../../../test/helpers/deliver.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';

// "At most once a day" and "a visit is a day" are the business's days (TIMEZONE,
// Europe/Ljubljana here: UTC+2 in May). A completion was checked by its UTC date: a purchase
// at 00:30 in Ljubljana is 22:30 UTC the day before.
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = {
  name: 'Days', earning: { points_per_currency_unit: 1 },
  challenges: [
    { code: 'two-days', name: '2 visits in 3 days', goal: { type: 'visits', count: 2, within_days: 3 }, points: 7, repeatable: true },
    { code: 'two-kinds', name: 'Try 2 categories', goal: { type: 'categories', count: 2, within_days: 3 }, points: 5, repeatable: true },
    { code: 'five-visits', name: '5 visits in 30 days', goal: { type: 'visits', count: 5, within_days: 30 }, points: 100 },
  ],
};

const line = (category: string) => ({ sku: category, category, quantity: 1, unit_price: '1.00' });
async function buy(email: string, key: string, at: string, lines: unknown[] = []) {
  const [o] = await recordAll(s, [{ external_id: key, customer: { email }, occurred_at: at, total: lines.length ? `${lines.length}.00` : '1.00', lines }]);
  return o;
}
async function completions(id: string) {
  const account = await s.loyalty.account(id);
  if (!account.member) throw new Error('not a member');
  return Object.fromEntries(account.challenges.map((c) => [c.code, c.completed]));
}

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
});
afterAll(() => s?.close());

describe("a repeatable challenge's day is the business's", () => {
  it('completes again on a new local day that is the same UTC date as the completion before', async () => {
    await buy('ula@example.com', 'u1', '2026-05-09T08:00:00Z'); // 9 May, 10:00
    await buy('ula@example.com', 'u2', '2026-05-10T08:00:00Z'); // 10 May, 10:00: two days, completed
    await buy('ula@example.com', 'u3', '2026-05-10T20:00:00Z'); // 10 May, 22:00
    const u = await buy('ula@example.com', 'u4', '2026-05-10T22:30:00Z'); // 11 May, 00:30: 10 and 11 May since, completed again
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges', oneByOne: true });
    expect(await completions(u.customerId)).toMatchObject({ 'two-days': 2 });
    expect((await s.loyalty.account(u.customerId)).balance).toBe(4 + 7 + 7);
  });

  it('completes at most once on one local day that spans two UTC dates', async () => {
    const v = await buy('vid@example.com', 'v1', '2026-05-10T22:30:00Z', [line('coffee'), line('tea')]); // 11 May, 00:30
    await buy('vid@example.com', 'v2', '2026-05-11T08:00:00Z', [line('cakes'), line('juice')]); // 11 May, 10:00
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges', oneByOne: true });
    expect(await completions(v.customerId)).toMatchObject({ 'two-kinds': 1 });
    // The next day's purchase completes it again: cakes and juice, and soup, since the completion.
    await buy('vid@example.com', 'v3', '2026-05-12T08:00:00Z', [line('soup')]);
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges', oneByOne: true });
    expect(await completions(v.customerId)).toMatchObject({ 'two-kinds': 2 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe("a challenge's window (README: within_days × 24 hours ending at the purchase)", () => {
  it('holds a visit on its first day after the hour of the purchase that ends it, not one before', async () => {
    // 31 May at 10:00 in Ljubljana (08:00 UTC): the 30 days go back to 1 May at 10:00 there.
    const visits = async (email: string, firstAt: string) => {
      let id = '';
      for (const [i, at] of [`2026-05-01T${firstAt}`, '2026-05-05T09:00:00Z', '2026-05-10T09:00:00Z', '2026-05-20T09:00:00Z', '2026-05-31T08:00:00Z'].entries()) id = (await buy(email, `${email}-${i}`, at)).customerId;
      return id;
    };
    const inside = await visits('in@example.com', '09:00:00Z'); // 11:00 on 1 May
    const outside = await visits('out@example.com', '07:00:00Z'); // 09:00 on 1 May
    await deliver(s, 'purchase.recorded', { subscriber: 'loyalty.challenges', oneByOne: true });
    expect(await completions(inside)).toMatchObject({ 'five-visits': 1 });
    expect(await completions(outside)).toMatchObject({ 'five-visits': 0 });
  });
});
