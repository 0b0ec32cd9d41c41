import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heldOpen, queued } from '../../../../test/helpers/concurrency.ts';
import { testDatabaseKind } from '../../../../test/helpers/database.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';

// The account's explanation reads in the order things happened (explain.ts), and a
// redemption never reads as spending points the member did not have when it was written:
// not when a refund asked for before it waited for the member while it spent them (the
// live writers date their entries once the member is locked), and not when a refund
// dated before it is recorded after it (shown where it was recorded, its date in words).
let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: {
    name: 'Explained races', earning: { points_per_currency_unit: 10 },
    rewards: [{ code: 'coffee', name: 'Coffee', type: 'free_product', sku: 'ESP', points: 100 }],
  } }, actor);
});
afterAll(() => s?.close());

/** A member with 100 points from a purchase of 10.00 on 20 May. */
async function member(key: string) {
  s.clock.set('2026-06-01T12:00:00Z');
  const [o] = await recordAll(s, [{ external_id: key, customer: { email: `${key}@example.com` }, occurred_at: '2026-05-20T10:00:00Z', total: '10.00' }]);
  return { customerId: o.customerId, purchaseId: o.purchaseId };
}

async function explained(customerId: string) {
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error('not a member');
  const entries = account.explanation.entries;
  // Whatever moved, the lines read in the order of their times.
  expect(entries.map((e) => e.at)).toEqual(entries.map((e) => e.at).sort());
  expect(entries.at(-1)!.balance_after).toBe(account.explanation.stored_points);
  return entries;
}

describe('a redemption and a refund of the same member', () => {
  // Regression (QA F4): the refund's time was read as its request came, the redemption's too;
  // the redemption, asked for later, got the member first and spent the 100 points, then the
  // refund took back 50 (a debt). Dated in the other order, the explanation showed the
  // refund first (100 → 50) and the redemption on a running total of −50.
  it('a refund that waited while a redemption spent the points reads after it, and the redemption never below zero', async () => {
    const { customerId, purchaseId } = await member('raced');
    // The customer's row held by another writer: the refund (customer, then member) waits
    // for it; a redemption locks only the member. On PGlite, one connection, the held
    // transaction keeps both waiting, the redemption's turn queued before the refund's transaction.
    const held = await heldOpen(s.db, (trx) => sql`SELECT 1 FROM customers WHERE id = ${customerId} FOR UPDATE`.execute(trx));
    const refunding = s.commerce.refund(purchaseId, { external_id: 'raced-R', amount: '5.00' }, actor);
    s.clock.set('2026-06-01T12:01:00Z');
    const redeeming = s.loyalty.redeemReward(customerId, { reward: 'coffee', idempotency_key: 'raced' }, actor);
    if (testDatabaseKind === 'postgres') await redeeming;
    else await queued();
    s.clock.set('2026-06-01T12:02:00Z');
    await held.commit();
    const [refund, redemption] = await Promise.all([refunding, redeeming]);
    expect(redemption.points_spent).toBe(100);
    expect(refund.loyalty).toMatchObject({ points_reversed: 50, unsettled: 50 });

    const entries = await explained(customerId);
    expect(entries.map((e) => [e.kind, e.balance_after])).toEqual([['earn', 100], ['redeem', 0], ['reverse', -50]]);
    // Dated when it took the points, after the redemption: nothing to explain about its date.
    expect(entries[2].description).toBe('Refund raced-R of €5.00 on purchase raced (50% of it refunded in all): 50 of its 100 points taken back');
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });

  it('a refund dated before a redemption it was recorded after stands where it was recorded, saying its date', async () => {
    const { customerId, purchaseId } = await member('dated');
    s.clock.set('2026-06-01T12:00:00Z');
    await s.loyalty.redeemReward(customerId, { reward: 'coffee', idempotency_key: 'dated' }, actor);
    // The till sends the return of 25 May a day later.
    s.clock.set('2026-06-02T09:00:00Z');
    const refund = await s.commerce.refund(purchaseId, { external_id: 'dated-R', amount: '5.00', occurred_at: '2026-05-25T09:00:00Z' }, actor);
    expect(refund.loyalty).toMatchObject({ points_reversed: 50, unsettled: 50 });

    const entries = await explained(customerId);
    expect(entries.map((e) => [e.kind, e.at, e.balance_after])).toEqual([
      ['earn', '2026-05-20T10:00:00.000Z', 100],
      ['redeem', '2026-06-01T12:00:00.000Z', 0],
      ['reverse', '2026-06-02T09:00:00.000Z', -50],
    ]);
    expect(entries[2].description).toBe('Refund dated-R of €5.00 on purchase dated (50% of it refunded in all): 50 of its 100 points taken back; dated 25\u00a0May\u00a02026, recorded later');
    // The ledger keeps the refund's own date; only the explanation shows it where it was recorded.
    const stored = await s.db.selectFrom('loyalty_entries').select('occurred_at').where('customer_id', '=', customerId).where('kind', '=', 'reverse').executeTakeFirstOrThrow();
    expect(stored.occurred_at.toISOString()).toBe('2026-05-25T09:00:00.000Z');

    // A purchase of 21 May recorded since (150 points) covers it at its own date, with a
    // second refund of that week: nothing reads below zero there, and both stand on their days.
    s.clock.set('2026-06-03T09:00:00Z');
    const [later] = await recordAll(s, [{ external_id: 'dated-2', customer: { email: 'dated@example.com' }, occurred_at: '2026-05-21T10:00:00Z', total: '15.00' }]);
    await s.commerce.refund(later.purchaseId, { external_id: 'dated-R2', amount: '3.00', occurred_at: '2026-05-26T09:00:00Z' }, actor);
    const after = await explained(customerId);
    expect(after.map((e) => [e.description.split(':')[0], e.at, e.balance_after])).toEqual([
      ['Purchase dated', '2026-05-20T10:00:00.000Z', 100],
      ['Purchase dated-2', '2026-05-21T10:00:00.000Z', 250],
      ['Refund dated-R of €5.00 on purchase dated (50% of it refunded in all)', '2026-05-25T09:00:00.000Z', 200],
      ['Refund dated-R2 of €3.00 on purchase dated-2 (20% of it refunded in all)', '2026-05-26T09:00:00.000Z', 170],
      ['Reward redeemed', '2026-06-01T12:00:00.000Z', 70],
    ]);
    expect(after.some((e) => e.description.includes('recorded later'))).toBe(false);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });
});
