import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseKind } from '../../test/helpers/database.ts';
import { recordAll } from '../../test/helpers/purchases.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { createCommerceService } from '../modules/commerce/purchase.service.ts';
import { eraseCustomer, mergeCustomers } from './customer-lifecycle.ts';
import { gate, queued } from '../../test/helpers/concurrency.ts';
import { heldMerge } from '../../test/helpers/merges.ts';

// Refunds, merges and erasures racing each other and the points ledger. Whatever the
// interleaving: nothing is lost, nothing counts twice, and afterwards the ledger verifies,
// the stats equal the purchases, every purchase's refunds add up to at most its total with
// exactly its share of points reversed, and a merged customer keeps nothing behind.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };
const onPostgres = testDatabaseKind === 'postgres';

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({
    program: {
      name: 'Races', earning: { points_per_currency_unit: 1, rounding: 'floor' },
      rewards: [{ code: 'coffee', name: 'Free coffee', type: 'free_product', sku: 'ESP', points: 20 }],
    },
  }, actor);
});
afterAll(() => s?.close());

let n = 0;
/** A purchase by a new customer (or the one `card` names): 1 point per euro. */
async function buy(total: string, card = `card-${++n}`) {
  const [o] = await recordAll(s, [{ external_id: `p-${++n}`, customer: { external_id: card }, occurred_at: '2026-05-01T10:00:00Z', total }]);
  return { customer: o.customerId, purchase: o.purchaseId, card };
}
const refund = (purchase: string, key: string, amount?: string) => s.commerce.refund(purchase, { external_id: key, ...(amount ? { amount } : {}) }, actor);
const merge = (survivor: string, from: string) => mergeCustomers(s, survivor, { from }, actor);
const pointsOf = async (id: string) => Number((await s.db.selectFrom('loyalty_members').select('points').where('customer_id', '=', id).executeTakeFirst())?.points ?? 0);
const reverseEntries = (purchase: string) => s.db.selectFrom('loyalty_entries').select(['customer_id', 'points']).where('kind', '=', 'reverse').where('source_id', '=', purchase).execute();
/** What the purchase's refunds forgave (details.forgiven of its reverse entries). */
const forgivenOn = async (purchase: string) => (await s.db.selectFrom('loyalty_entries').select('details').where('kind', '=', 'reverse').where('source_id', '=', purchase).execute())
  .reduce((sum, e) => sum + Number((e.details as { forgiven?: number }).forgiven ?? 0), 0);

/** A refund that has written everything (points reversed too) but not committed, until `commit()`. */
async function heldRefund(purchase: string, key: string, amount?: string) {
  const g = gate();
  const commerce = createCommerceService({
    db: s.db, customers: s.customers, stores: s.stores, clock: s.clock, currency: 'EUR', timeZone: 'Europe/Ljubljana',
    onRefund: (trx, r) => s.loyalty.reverseForRefund(trx, r).then(g.pass),
  });
  const done = commerce.refund(purchase, { external_id: key, ...(amount ? { amount } : {}) }, actor);
  await Promise.race([g.hit, done]);
  return { commit: () => (g.release(), done) };
}


/** Every invariant, over the whole database. */
async function expectConsistent() {
  const verify = await s.loyalty.verify();
  expect(verify.problems).toEqual([]);
  // customer_stats equal what the purchases say, and only customers with purchases have them.
  const stats = await sql<{ id: string; count: number | null; gross: number | null; refunded: number | null; n: number | null; g: number | null; r: number | null }>`
    SELECT c.id, s.purchases_count::int AS count, s.gross_spend_minor::int AS gross, s.refunded_minor::int AS refunded, p.n, p.g, p.r
    FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
    LEFT JOIN (SELECT customer_id, count(*)::int AS n, sum(total_minor)::int AS g, sum(refunded_minor)::int AS r FROM purchases GROUP BY 1) p ON p.customer_id = c.id
    WHERE s.customer_id IS NOT NULL OR p.customer_id IS NOT NULL`.execute(s.db);
  for (const row of stats.rows) expect([row.id, row.count, row.gross, row.refunded]).toEqual([row.id, row.n, row.g, row.r]);
  // A purchase's refunds add up to its refunded amount, at most its total; its points are reversed in exact proportion, once.
  const purchases = await sql<{ id: string; total: number; refunded: number; refunds: number; credited: number; reversed: number }>`
    SELECT p.id, p.total_minor::int AS total, p.refunded_minor::int AS refunded,
           (SELECT COALESCE(sum(amount_minor), 0)::int FROM refunds r WHERE r.customer_id = p.customer_id AND r.purchase_id = p.id) AS refunds,
           (SELECT COALESCE(sum(points), 0)::int FROM loyalty_entries e WHERE e.source_type = 'purchase' AND e.source_id = p.id::text AND e.points > 0) AS credited,
           (SELECT COALESCE(sum(-points + COALESCE((details->>'forgiven')::int, 0)), 0)::int FROM loyalty_entries e
             WHERE e.source_type = 'purchase' AND e.source_id = p.id::text AND e.kind = 'reverse') AS reversed
    FROM purchases p`.execute(s.db);
  for (const p of purchases.rows) {
    expect(p.refunds).toBe(p.refunded);
    expect(p.refunded).toBeLessThanOrEqual(p.total);
    const due = p.refunded >= p.total ? p.credited : Math.round((p.credited * p.refunded) / p.total);
    expect([p.id, p.reversed]).toEqual([p.id, due]);
  }
  // A merged customer keeps nothing: no purchases, identities or points.
  const leftovers = await sql<{ id: string; what: string }>`
    SELECT c.id, 'purchase' AS what FROM customers c JOIN purchases p ON p.customer_id = c.id WHERE c.status = 'merged'
    UNION ALL SELECT c.id, 'identity' FROM customers c JOIN customer_identities i ON i.customer_id = c.id WHERE c.status = 'merged'
    UNION ALL SELECT c.id, 'points' FROM customers c JOIN loyalty_members m ON m.customer_id = c.id WHERE c.status = 'merged' AND m.points <> 0`.execute(s.db);
  expect(leftovers.rows).toEqual([]);
}

describe('refunds racing refunds', () => {
  it('concurrent partial refunds beyond the total: the excess is refused, points reversed in proportion once', async () => {
    const a = await buy('10.00');
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => refund(a.purchase, `over-${i}`, '3.00')));
    const refused = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(refused).toHaveLength(5);
    for (const e of refused) expect(e).toMatchObject({ kind: 'invalid', message: 'amount: exceeds the refundable €1.00' });
    expect((await s.commerce.get(a.purchase)).refunded).toBe('9.00');
    expect(await pointsOf(a.customer)).toBe(1);
    await refund(a.purchase, 'over-rest');
    expect(await pointsOf(a.customer)).toBe(0);
    await expectConsistent();
  });

  it('the same refund sent 20 times at once is one refund and one reversal', async () => {
    const a = await buy('20.00');
    const results = await Promise.all(Array.from({ length: 20 }, () => refund(a.purchase, 'same-key', '5.00')));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.refund.id)).size).toBe(1);
    expect((await s.commerce.get(a.purchase)).refunded).toBe('5.00');
    expect(await reverseEntries(a.purchase)).toEqual([{ customer_id: a.customer, points: -5 }]);
    await expectConsistent();
  });
});

describe('refunds racing merges', () => {
  it('a refund after a merge takes the points back from the survivor', async () => {
    const a = await buy('10.00');
    const b = await buy('4.00');
    await merge(b.customer, a.customer);
    const out = await refund(a.purchase, 'after-merge', '5.00');
    expect(out.purchase.customer_id).toBe(b.customer);
    expect(out.loyalty).toMatchObject({ points_reversed: 5 });
    expect(await pointsOf(b.customer)).toBe(9);
    // Taken from what came over of the refunded purchase's lot, not from the survivor's own.
    const own = await s.db.selectFrom('loyalty_entries').select('remaining').where('customer_id', '=', b.customer).where('source_id', '=', b.purchase).executeTakeFirstOrThrow();
    expect(own.remaining).toBe(4);
    await refund(a.purchase, 'after-merge-rest');
    expect(await pointsOf(b.customer)).toBe(4);
    await expectConsistent();
  });

  it('refunds and merges sent at once land on the survivor', async () => {
    const pairs = await Promise.all(Array.from({ length: 5 }, async () => [await buy('10.00'), await buy('6.00')] as const));
    await Promise.all(pairs.flatMap(([a, b], i) => [merge(b.customer, a.customer), refund(a.purchase, `with-merge-${i}`, '4.00'), refund(b.purchase, `with-merge-b-${i}`, '3.00')]));
    for (const [a, b] of pairs) {
      expect((await s.commerce.get(a.purchase)).customer_id).toBe(b.customer);
      expect(await pointsOf(b.customer)).toBe(10 - 4 + 6 - 3);
    }
    await expectConsistent();
  });

  it.runIf(onPostgres)('a refund waiting for a merge of its customer is written on the survivor', async () => {
    const a = await buy('10.00');
    const b = await buy('2.00');
    const merging = await heldMerge(s, b.customer, a.customer);
    const refunding = refund(a.purchase, 'behind-merge', '3.00');
    await queued();
    await merging.commit();
    const out = await refunding;
    expect(out).toMatchObject({ created: true, purchase: { customer_id: b.customer, refunded: '3.00' }, loyalty: { points_reversed: 3 } });
    expect(await pointsOf(b.customer)).toBe(9);
    await expectConsistent();
  });

  it.runIf(onPostgres)('a merge waiting for a refund moves the refunded purchase and what is left of its points', async () => {
    const a = await buy('10.00');
    const b = await buy('2.00');
    const refunding = await heldRefund(a.purchase, 'before-merge', '3.00');
    const merging = merge(b.customer, a.customer);
    await queued();
    await refunding.commit();
    expect((await merging).moved).toMatchObject({ purchases: 1, loyalty_points: 7 });
    expect(await s.commerce.statsOf(b.customer)).toMatchObject({ purchases: 2, refunded: '3.00' });
    expect(await pointsOf(b.customer)).toBe(9);
    await refund(a.purchase, 'before-merge-rest');
    expect(await pointsOf(b.customer)).toBe(2);
    await expectConsistent();
  });
});

describe('merges racing merges', () => {
  it('A into B while B into A, and A into B while A into C: one merge wins, the other is refused', async () => {
    for (let round = 0; round < 4; round++) {
      const [a, b, c] = [await buy('5.00'), await buy('7.00'), await buy('11.00')];
      const crossed = await Promise.allSettled([merge(b.customer, a.customer), merge(a.customer, b.customer)]);
      const fanned = await Promise.allSettled([merge(c.customer, a.customer), merge(c.customer, b.customer)]);
      expect(crossed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      // The crossed merge that lost finds its survivor gone (404); the fanned one, its `from` merged into the other already (409).
      for (const r of crossed) if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/\(merged into .+\) not found$/) });
      expect(fanned.filter((r) => r.status === 'rejected')).toHaveLength(1);
      for (const r of fanned) if (r.status === 'rejected') expect(r.reason).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/was already merged into .+, not into /) });
      const active = await s.db.selectFrom('customers').select('id').where('id', 'in', [a.customer, b.customer, c.customer]).where('status', '=', 'active').execute();
      const points = (await Promise.all(active.map((r) => pointsOf(r.id)))).reduce((x, y) => x + y, 0);
      expect(points).toBe(23);
      const purchases = await s.db.selectFrom('purchases').select('customer_id').where('id', 'in', [a.purchase, b.purchase, c.purchase]).execute();
      expect(purchases).toHaveLength(3);
      for (const p of purchases) expect(active.map((r) => r.id)).toContain(p.customer_id);
      // Refunded after one or two merges: the points come back from wherever they went.
      await refund(a.purchase, `chained-${round}`);
      const left = (await Promise.all(active.map((r) => pointsOf(r.id)))).reduce((x, y) => x + y, 0);
      expect(left).toBe(18);
    }
    await expectConsistent();
  });
});

describe('merges racing the ledger', () => {
  it('redemptions and adjustments of the merged member, sent with the merge, are neither lost nor counted twice', async () => {
    const a = await buy('50.00');
    const b = await buy('5.00');
    const results = await Promise.allSettled([
      s.loyalty.redeemReward(a.customer, { reward: 'coffee', idempotency_key: 'm-r1' }, actor),
      merge(b.customer, a.customer),
      s.loyalty.redeemReward(a.customer, { reward: 'coffee', idempotency_key: 'm-r2' }, actor),
      s.loyalty.adjust(a.customer, { points: 7, reason: 'goodwill', idempotency_key: 'm-a1' }, actor),
    ]);
    const ok = results.map((r) => r.status === 'fulfilled');
    expect(ok[1]).toBe(true);
    const expected = 55 - 20 * (Number(ok[0]) + Number(ok[2])) + 7 * Number(ok[3]);
    expect(await pointsOf(b.customer)).toBe(expected);
    await expectConsistent();
  });

  it.runIf(onPostgres)('an adjustment waiting for a merge of its member does not strand points on the merged customer', async () => {
    const a = await buy('10.00');
    const b = await buy('1.00');
    const merging = await heldMerge(s, b.customer, a.customer);
    const adjusting = s.loyalty.adjust(a.customer, { points: 5, reason: 'goodwill', idempotency_key: 'held-a1' }, actor).catch((e: unknown) => e);
    const redeeming = s.loyalty.redeemReward(a.customer, { reward: 'coffee', idempotency_key: 'held-r1' }, actor).catch((e: unknown) => e);
    await queued();
    await merging.commit();
    expect(await adjusting).toMatchObject({ kind: 'not_found', message: expect.stringMatching(/merged into/) });
    expect(await redeeming).toBeInstanceOf(Error);
    expect(await pointsOf(a.customer)).toBe(0);
    expect(await pointsOf(b.customer)).toBe(11);
    await expectConsistent();
  });

  it('a checkout reservation of the merged member is settled before a merge, never released onto the merged customer', async () => {
    const a = await buy('30.00');
    const b = await buy('1.00');
    const held = await s.loyalty.reserve(a.customer, { points: 25, idempotency_key: 'hold-1' }, actor);
    await expect(merge(b.customer, a.customer)).rejects.toMatchObject({ kind: 'conflict', message: expect.stringMatching(/reservation/) });
    await s.loyalty.release(a.customer, held.reservation.id);
    await merge(b.customer, a.customer);
    expect(await pointsOf(b.customer)).toBe(31);
    // Sent together: the reservation wins and the merge is refused, or the merge wins and
    // the reservation, naming the merged id, holds the survivor's points (merged-customers.ts).
    const c = await buy('30.00');
    const [reserved, merged] = await Promise.allSettled([s.loyalty.reserve(c.customer, { points: 25, idempotency_key: 'hold-2' }, actor), merge(b.customer, c.customer)]);
    if (reserved.status !== 'fulfilled') throw reserved.reason;
    const holder = merged.status === 'fulfilled' ? b.customer : c.customer;
    const holding = await s.db.selectFrom('loyalty_reservations').select('customer_id').where('id', '=', reserved.value.reservation.id).executeTakeFirstOrThrow();
    expect(holding.customer_id).toBe(holder);
    if (merged.status === 'rejected') expect(merged.reason).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/reservation/) });
    await s.loyalty.release(c.customer, reserved.value.reservation.id);
    expect(await pointsOf(b.customer) + await pointsOf(c.customer)).toBe(61);
    await expectConsistent();
  });

  it('a full refund of a purchase whose points are being spent: reversed once, the shortfall owed', async () => {
    const a = await buy('30.00');
    const results = await Promise.allSettled([
      ...Array.from({ length: 3 }, (_, i) => s.loyalty.redeemReward(a.customer, { reward: 'coffee', idempotency_key: `spend-${i}` }, actor)),
      refund(a.purchase, 'spent-refund'),
    ]);
    expect(results[3].status).toBe('fulfilled');
    const redeemed = results.slice(0, 3).filter((r) => r.status === 'fulfilled').length;
    expect(redeemed).toBeLessThanOrEqual(1);
    // Policy negative_balance: the 30 points come back in full; what was spent is owed.
    expect(await reverseEntries(a.purchase)).toEqual([{ customer_id: a.customer, points: -30 }]);
    expect(await pointsOf(a.customer) + 20 * redeemed).toBe(0);
    await expectConsistent();
  });
});

describe('erasure racing refunds and merges', () => {
  // An erasure forfeits the points the customer holds (erasure.ts): what the refund did not
  // take back first goes out as forfeited; a refund after the erasure leaves its points owed.
  const forfeitedBy = async (ids: string[]) => -Number((await s.db.selectFrom('loyalty_entries').select((e) => e.fn.sum<number>('points').as('p'))
    .where('customer_id', 'in', ids).where('source_type', '=', 'erasure').executeTakeFirst())?.p ?? 0);

  it('an erasure with a refund, and with a merge either way, keeps every purchase, and every point is forfeited or taken back', async () => {
    const a = await buy('10.00');
    await Promise.all([eraseCustomer(s, a.customer, actor), refund(a.purchase, 'erase-refund', '4.00')]);
    expect((await s.commerce.get(a.purchase)).refunded).toBe('4.00');
    // Refund first: 4 taken back, 6 forfeited. Erasure first: 10 forfeited, then the refund's
    // 4 forgiven (an erased customer earns nothing again to settle a debt with): never owed.
    const reversed = -((await reverseEntries(a.purchase))[0]?.points ?? 0);
    expect(reversed + (await forgivenOn(a.purchase))).toBe(4);
    expect(await pointsOf(a.customer)).toBe(0);
    expect(reversed + (await forfeitedBy([a.customer]))).toBe(10);
    const [b, c, d] = [await buy('3.00'), await buy('8.00'), await buy('2.00')];
    const merged = await Promise.allSettled([merge(c.customer, b.customer), eraseCustomer(s, b.customer, actor)]);
    expect(merged.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    await Promise.all([merge(d.customer, c.customer), eraseCustomer(s, d.customer, actor)].map((p) => p.catch(() => null)));
    const owners = await s.db.selectFrom('purchases').select('customer_id').where('id', 'in', [b.purchase, c.purchase, d.purchase]).execute();
    expect(owners).toHaveLength(3);
    const points = (await Promise.all([...new Set(owners.map((o) => o.customer_id))].map(pointsOf))).reduce((x, y) => x + y, 0);
    expect(points + (await forfeitedBy([b.customer, c.customer, d.customer]))).toBe(13);
    await expectConsistent();
  });

  it.runIf(onPostgres)('a refund waiting for an erasure, and an erasure waiting for a refund', async () => {
    const a = await buy('10.00');
    const g = gate();
    const erasing = eraseCustomer({ ...s, customers: { ...s.customers, anonymize: (trx, x) => s.customers.anonymize(trx, x).then(g.pass) } }, a.customer, actor);
    await Promise.race([g.hit, erasing]);
    const refunding = refund(a.purchase, 'behind-erasure', '2.00');
    await queued();
    g.release();
    await erasing;
    // The erasure forfeited the 10 points first: the refund's 2 are forgiven, not owed for ever.
    expect((await refunding).loyalty).toMatchObject({ points_reversed: 0, unsettled: 0 });
    expect(await forgivenOn(a.purchase)).toBe(2);
    expect([await pointsOf(a.customer), await forfeitedBy([a.customer])]).toEqual([0, 10]);
    const b = await buy('10.00');
    const held = await heldRefund(b.purchase, 'before-erasure', '2.00');
    const erasing2 = eraseCustomer(s, b.customer, actor);
    await queued();
    await held.commit();
    await erasing2;
    expect([await pointsOf(b.customer), await forfeitedBy([b.customer])]).toEqual([0, 8]);
    await expectConsistent();
  });
});
