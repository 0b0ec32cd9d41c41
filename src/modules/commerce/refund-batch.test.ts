import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';
import { AppError, invalidField } from '../../shared/errors.ts';
import { createRefundBatchRecorder } from './refund-batch.ts';
import { createRefundRecorder, type RefundRecorderDeps } from './refund-record.ts';

// A file's refunds, many to a transaction (refund-batch.ts): each must come out as the same
// refund through the API would — the amounts, the points taken back, the customer's stats,
// the event — once by its id, those of one purchase in order; a refusal of one leaves the
// others of its transaction recorded. 1 point per euro (floor), no bonuses.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

/** The same purchases for two customers: one refunded through the batch, the twin through the API. */
const purchasesOf = (who: string) => [
  { external_id: `${who}-1`, customer: { email: `${who}@example.com` }, occurred_at: '2026-05-20T10:00:00+02:00', total: '40.00' },
  {
    external_id: `${who}-2`, customer: { email: `${who}@example.com` }, occurred_at: '2026-05-21T10:00:00+02:00', total: '18.00', discount: '2.00',
    lines: [{ sku: 'ESP', quantity: 2, unit_price: '5.00' }, { sku: 'CAKE', quantity: 1, unit_price: '10.00' }],
  },
  { external_id: `${who}-3`, customer: { email: `${who}@example.com` }, occurred_at: '2026-05-22T10:00:00+02:00', total: '25.00' },
];
/** Refunds of `who`'s purchases, in the order a file lists them: two of one purchase (the second the rest), one by its lines. */
const refundsOf = (who: string) => [
  { purchase: `${who}-1`, input: { external_id: `${who}-r1`, amount: '15.00', reason: 'damaged' } },
  { purchase: `${who}-2`, input: { external_id: `${who}-r2`, lines: [{ sku: 'ESP', quantity: 1 }] } },
  { purchase: `${who}-1`, input: { external_id: `${who}-r3`, occurred_at: '2026-05-25' } },
  { purchase: `${who}-3`, input: { external_id: `${who}-r4`, amount: '2.50' } },
];

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program: { name: 'Batch', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' } } }, actor);
  await recordAll(s, [...purchasesOf('ana'), ...purchasesOf('ena'), ...purchasesOf('bor'), ...purchasesOf('cene')]);
});
afterAll(() => s?.close());

const customerOf = async (who: string) => (await s.customers.findByIdentity({ kind: 'email', value: `${who}@example.com` }))!;
/** What the refunds left of a customer: each purchase's refunds, the stats, the points and the ledger's entries. */
async function stateOf(who: string) {
  const id = await customerOf(who);
  const purchases = await Promise.all([1, 2, 3].map((n) => s.commerce.get(`${who}-${n}`)));
  const account = await s.loyalty.account(id);
  if (!account.member) throw new Error(`${who} is not a member`);
  const entries = await s.db.selectFrom('loyalty_entries').select(['kind', 'points', 'source_type']).where('customer_id', '=', id).orderBy('id').execute();
  const events = await s.db.selectFrom('events').select(['type', 'payload']).where('customer_id', '=', id).where('type', '=', 'purchase.refunded').orderBy('id').execute();
  return {
    refunds: purchases.map((p) => p.refunds.map((r) => [r.external_id.slice(4), r.amount, r.reason, r.occurred_at.slice(0, 10), r.lines])),
    stats: await s.commerce.statsOf(id),
    balance: account.balance,
    entries: entries.map((e) => [e.kind, Number(e.points), e.source_type]),
    events: events.map((e) => { const p = e.payload as { amount: string; share_of_total: number; fully_refunded: boolean }; return [p.amount, p.share_of_total, p.fully_refunded]; }),
  };
}

describe('a list of refunds recorded together', () => {
  it('records each as the API does (amounts, points, stats, event), those of one purchase in order, and finds them recorded when sent again', async () => {
    const outcomes = await s.commerce.recordRefunds([...refundsOf('ana'), ...refundsOf('bor')], actor);
    expect(outcomes).toEqual(Array(8).fill({ created: true }));
    for (const r of refundsOf('ena')) await s.commerce.refund(r.purchase, r.input, actor);
    const [batch, api] = [await stateOf('ana'), await stateOf('ena')];
    expect(batch).toEqual(api);
    // By hand: ana-1 40.00 refunded 15.00 then the rest (dated by its day, so listed first); ESP at 90 %: 4.50; 2.50 of ana-3.
    expect(batch.refunds).toEqual([
      [['r3', '25.00', null, '2026-05-24', []], ['r1', '15.00', 'damaged', '2026-06-01', []]],
      [['r2', '4.50', null, '2026-06-01', [{ sku: 'ESP', quantity: 1 }]]],
      [['r4', '2.50', null, '2026-06-01', []]],
    ]);
    expect(batch.stats).toMatchObject({ gross_spend: '83.00', refunded: '47.00', net_spend: '36.00' });

    const again = await s.commerce.recordRefunds([...refundsOf('ana'), ...refundsOf('bor')], actor);
    expect(again).toEqual(Array(8).fill({ created: false }));
    expect(await stateOf('ana')).toEqual(batch);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });

  it('refuses a refund that finds less left than it takes, a purchase that is not there and a body that is not a refund; records the others', async () => {
    // Through the API meanwhile: cene-3 refunded in full.
    await s.commerce.refund('cene-3', { external_id: 'api-1' }, actor);
    const outcomes = await s.commerce.recordRefunds([
      { purchase: 'cene-3', input: { external_id: 'c-1', amount: '1.00' } },
      { purchase: 'cene-1', input: { external_id: 'c-2', amount: '1.00' } },
      { purchase: 'NOPE', input: { external_id: 'c-3', amount: '1.00' } },
      { purchase: 'cene-1', input: { external_id: 'c-4', amount: 'abc' } },
      { purchase: 'cene-1', input: { external_id: 'api-1', amount: '2.00' } },
      { purchase: 'cene-1', input: { external_id: 'c-2', amount: '1.00' } },
    ], actor);
    expect(outcomes.map((o) => (o instanceof AppError ? o.problems[0]?.reason ?? o.message : o))).toEqual([
      'the purchase is already fully refunded',
      { created: true },
      'Purchase NOPE not found',
      expect.stringMatching(/decimal amount/),
      'Refund api-1 was already recorded for purchase cene-3 (a refund id is unique across purchases)',
      { created: false },
    ]);
    expect((await s.commerce.get('cene-1')).refunded).toBe('1.00');
  });

  it('writes one at a time, each in its own transaction, the refunds of a transaction that failed after writing', async () => {
    const deps: RefundRecorderDeps = {
      db: s.db, customers: s.customers, stores: s.stores, clock: s.clock, currency: 'EUR', timeZone: 'Europe/Ljubljana',
      // Loyalty's hook refuses one refund, after its writes: the transaction with it is rolled back whole.
      onRefund: (trx, r) => (r.refundExternalId === 'boom' ? Promise.reject(invalidField('amount', 'refused by the hook')) : s.loyalty.reverseForRefund(trx, r)),
    };
    const recordRefunds = createRefundBatchRecorder(deps, createRefundRecorder(deps));
    const before = await s.commerce.totals();
    const outcomes = await recordRefunds([
      { purchase: 'bor-3', input: { external_id: 'b-1', amount: '1.00' } },
      { purchase: 'bor-3', input: { external_id: 'boom', amount: '1.00' } },
      { purchase: 'cene-2', input: { external_id: 'b-2', amount: '1.00' } },
    ], 'test');
    expect(outcomes.map((o) => (o instanceof AppError ? o.problems[0].reason : o))).toEqual([{ created: true }, 'refused by the hook', { created: true }]);
    expect(Number(before.revenue) - Number((await s.commerce.totals()).revenue)).toBe(2);
    expect((await s.commerce.get('bor-3')).refunds.map((r) => r.external_id)).toEqual(['bor-r4', 'b-1']);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });

  it('records more refunds than a transaction holds, of one customer and of many, each once and in order', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ external_id: `dan-${i}`, customer: { email: 'dan@example.com' }, occurred_at: '2026-05-20T10:00:00+02:00', total: '10.00' }));
    const others = Array.from({ length: 90 }, (_, i) => ({ external_id: `o-${i}`, customer: { email: `o${i}@example.com` }, occurred_at: '2026-05-20T10:00:00+02:00', total: '5.00' }));
    await recordAll(s, [...many, ...others]);
    const before = await s.commerce.totals();
    // Ten refunds of each of dan's purchases, the tenth the rest (1.00 of 10.00), among others' refunds.
    const refunds = [
      ...others.slice(0, 45).map((o) => ({ purchase: o.external_id, input: { external_id: `${o.external_id}-r`, amount: '0.50' } })),
      ...many.flatMap((p) => Array.from({ length: 10 }, (_, j) => ({ purchase: p.external_id, input: { external_id: `${p.external_id}-r${j}`, ...(j < 9 ? { amount: '1.00' } : {}) } }))),
      ...others.slice(45).map((o) => ({ purchase: o.external_id, input: { external_id: `${o.external_id}-r`, amount: '0.50' } })),
    ];
    const outcomes = await s.commerce.recordRefunds(refunds, actor);
    expect(outcomes.filter((o) => !(o instanceof AppError) && o.created)).toHaveLength(refunds.length);
    expect(Number(before.revenue) - Number((await s.commerce.totals()).revenue)).toBe(12 * 10 + 90 * 0.5);
    const dan = await s.commerce.get('dan-0');
    expect(dan.refunds.map((r) => [r.external_id, r.amount])).toEqual(Array.from({ length: 10 }, (_, j) => [`dan-0-r${j}`, '1.00']));
    expect(await s.commerce.recordRefunds(refunds, actor)).toEqual(Array(refunds.length).fill({ created: false }));
    expect((await s.loyalty.verify()).problems).toEqual([]);
  }, 120_000);
});
