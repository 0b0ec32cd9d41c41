import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../../test/helpers/app.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { mergeCustomers } from '../../../workflows/customer-lifecycle.ts';

// A refund naming the lines returned takes back what those lines earned (refund-points.ts),
// on the café's program (examples/program.json: 10 points a euro, floor; coffee ×2; first
// purchase +200; daily cap 5,000; silver from 250.00 of spend). The basket of the QA report,
// G-1 = 220.00: BEANS 2 × 50.00 (coffee) and MUG 4 × 30.00 (merch), earns
// 2,200 × (100 × 2 + 120 × 1) / 220 = 3,200 points: the beans 2,000 (100.00 × 10 × 2), the
// mugs 1,200 (300 each). By the amount's share, returning the beans took back
// 3,400 × 100 / 220 = 1,545, and one mug 436 — the numbers these tests replace.

const api = useTestApp({ keys: { pos: ['read', 'write', 'admin'] } });
let s: typeof api.services;
const actor = { actor: 'test' };

const G1_LINES = [
  { sku: 'BEANS', name: 'Beans 1 kg', category: 'coffee', quantity: 2, unit_price: '50.00' },
  { sku: 'MUG', name: 'Mug', category: 'merch', quantity: 4, unit_price: '30.00' },
];

beforeAll(async () => {
  s = api.services;
  await s.loyalty.applyProgram({ program: JSON.parse(fs.readFileSync('examples/program.json', 'utf8')) }, actor);
});

/** G-1's basket for a customer, after an earlier purchase `before` (so no first-purchase bonus on it) unless null; answers G-1's points. */
async function basket(tag: string, { before = '5.00', beforeAt = '2026-05-10T10:00:00Z', total = '220.00', discount }: { before?: string | null; beforeAt?: string; total?: string; discount?: string } = {}) {
  const email = `${tag}@example.com`;
  if (before) await recordAll(s, [{ external_id: `${tag}-0`, customer: { email }, occurred_at: beforeAt, total: before, lines: [{ sku: 'BEANS', category: 'coffee', quantity: 1, unit_price: before }] }]);
  const [g1] = await recordAll(s, [{ external_id: `${tag}-1`, customer: { email }, occurred_at: '2026-05-20T10:00:00Z', total, discount, lines: G1_LINES }]);
  return g1;
}

/** A refund through the API, as a till sends it: its amount and the points it took back. */
async function refund(purchase: string, body: Record<string, unknown>) {
  const res = await api.call('POST', `/api/v1/purchases/${purchase}/refunds`, { body });
  expect(res.statusCode, res.body).toBe(201);
  const answer = res.json();
  return { amount: answer.refund.amount as string, points: answer.loyalty.points_reversed as number };
}

async function expectVerified() {
  const v = await s.loyalty.verify();
  expect(v.problems).toEqual([]);
  expect(v.ok).toBe(true);
}

/** What the purchase's entries (credits and reversals) add up to now. */
async function pointsLeftOn(purchaseId: string) {
  const rows = await s.db.selectFrom('loyalty_entries').select('points').where('source_type', '=', 'purchase').where('source_id', '=', purchaseId).execute();
  return rows.reduce((sum, r) => sum + Number(r.points), 0);
}

describe('a refund by lines takes back what the lines earned', () => {
  it('G-1: both bags of beans take back 2,000, one mug 300, the other three 900 — 3,200 in all', async () => {
    const g1 = await basket('g1');
    expect(g1.loyalty?.points_earned).toBe(3200);
    expect(await refund('g1-1', { external_id: 'g1-r1', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '100.00', points: 2000 });
    // The mugs left (120.00) are worth the 1,200 points they earned, not 1,855.
    expect(await pointsLeftOn(g1.purchaseId)).toBe(1200);
    expect(await refund('g1-1', { external_id: 'g1-r2', lines: [{ sku: 'MUG', quantity: 1 }] })).toEqual({ amount: '30.00', points: 300 });
    expect(await refund('g1-1', { external_id: 'g1-r3', lines: [{ sku: 'MUG', quantity: 3 }] })).toEqual({ amount: '90.00', points: 900 });
    expect(await pointsLeftOn(g1.purchaseId)).toBe(0);
    await expectVerified();
  });

  it('G-1 as the first purchase: its 200 bonus goes back by the amount refunded, as before (2,091, 327, 982 = 3,400)', async () => {
    const g1 = await basket('first', { before: null });
    expect(g1.loyalty?.points_earned).toBe(3400);
    // 2,000 of the beans + 200 × 100 / 220 = 90.9 → 91 of the bonus.
    expect(await refund('first-1', { external_id: 'first-r1', lines: [{ sku: 'BEANS', quantity: 2 }] })).toMatchObject({ points: 2091 });
    // 300 + (200 × 130 / 220 = 118.2 → 118) − 91 = 27 of the bonus.
    expect(await refund('first-1', { external_id: 'first-r2', lines: [{ sku: 'MUG', quantity: 1 }] })).toMatchObject({ points: 327 });
    // The rest: 900 + 200 − 118 = 82.
    expect(await refund('first-1', { external_id: 'first-r3', lines: [{ sku: 'MUG', quantity: 3 }] })).toMatchObject({ points: 982 });
    expect(await pointsLeftOn(g1.purchaseId)).toBe(0);
    await expectVerified();
  });

  it('partial quantities: one bag of two, half a bag, two mugs of four', async () => {
    await basket('part');
    expect(await refund('part-1', { external_id: 'part-r1', lines: [{ sku: 'BEANS', quantity: 1 }] })).toEqual({ amount: '50.00', points: 1000 });
    // 0.5 × 50.00 = 25.00, earning 25 × 10 × 2 = 500.
    expect(await refund('part-1', { external_id: 'part-r2', lines: [{ sku: 'BEANS', quantity: 0.5 }] })).toEqual({ amount: '25.00', points: 500 });
    expect(await refund('part-1', { external_id: 'part-r3', lines: [{ sku: 'MUG', quantity: 2 }] })).toEqual({ amount: '60.00', points: 600 });
    // By amount alone, the rest: 35.00, and the points left (3,200 − 2,100 = 1,100).
    expect(await refund('part-1', { external_id: 'part-r4' })).toEqual({ amount: '85.00', points: 1100 });
    await expectVerified();
  });

  it('in any order, by lines or by amount, the refunds of a purchase take back exactly what it earned', async () => {
    await basket('order');
    expect(await refund('order-1', { external_id: 'order-r1', lines: [{ sku: 'MUG', quantity: 1 }] })).toEqual({ amount: '30.00', points: 300 });
    // Cumulative share (300 + 2,000) / 3,200 → 2,300, less the 300 taken.
    expect(await refund('order-1', { external_id: 'order-r2', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '100.00', points: 2000 });
    // The rest by amount (no amount, no lines): the purchase is fully refunded, all of it back.
    expect(await refund('order-1', { external_id: 'order-r3' })).toEqual({ amount: '90.00', points: 900 });
    await expectVerified();
  });

  it('a refund by amount alone keeps the amount\'s share, and a refund by lines after it never takes more than was earned', async () => {
    await basket('amount');
    // 3,200 × 100 / 220 = 1,454.5 → 1,455.
    expect(await refund('amount-1', { external_id: 'amount-r1', amount: '100.00' })).toEqual({ amount: '100.00', points: 1455 });
    // Then both bags: 100/220 + 2,000/3,200 = 1.08 of the points, capped at all of them: the other 1,745.
    expect(await refund('amount-1', { external_id: 'amount-r2', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '100.00', points: 1745 });
    expect(await refund('amount-1', { external_id: 'amount-r3' })).toEqual({ amount: '20.00', points: 0 });
    await expectVerified();
  });
});

describe('after a merge', () => {
  it('weighs the lines by the purchase entry left in the merged customer\'s ledger', async () => {
    const g1 = await basket('merged');
    const [survivor] = await recordAll(s, [{ external_id: 'survivor-0', customer: { email: 'survivor@example.com' }, occurred_at: '2026-05-11T10:00:00Z', total: '5.00' }]);
    await mergeCustomers(s, survivor.customerId, { from: g1.customerId }, actor);
    expect(await refund('merged-1', { external_id: 'merged-r1', lines: [{ sku: 'MUG', quantity: 1 }] })).toEqual({ amount: '30.00', points: 300 });
    expect(await refund('merged-1', { external_id: 'merged-r2', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '100.00', points: 2000 });
    await expectVerified();
  });
});

describe('a discounted basket, a capped one', () => {
  it('a discount of 20.00 lowers every line alike: the beans still take back their 62.5 % of the points', async () => {
    // 200.00 paid for 220.00 of lines: 2,000 × 320 / 220 = 2,909.09 → 2,909 (floor). Each line is refunded at 200/220 of its price.
    const g1 = await basket('disc', { total: '200.00', discount: '20.00' });
    expect(g1.loyalty?.points_earned).toBe(2909);
    // 2,909 × 200 / 320 = 1,818.1 → 1,818.
    expect(await refund('disc-1', { external_id: 'disc-r1', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '90.91', points: 1818 });
    // 2,909 × 230 / 320 = 2,090.8 → 2,091, less 1,818.
    expect(await refund('disc-1', { external_id: 'disc-r2', lines: [{ sku: 'MUG', quantity: 1 }] })).toEqual({ amount: '27.27', points: 273 });
    // Every line back: the purchase is fully refunded (90.91 + 27.27 + 81.82 = 200.00), the other 818.
    expect(await refund('disc-1', { external_id: 'disc-r3', lines: [{ sku: 'MUG', quantity: 3 }] })).toEqual({ amount: '81.82', points: 818 });
    expect(await pointsLeftOn(g1.purchaseId)).toBe(0);
    await expectVerified();
  });

  it('the same discounted basket returned the other way round takes back the same 2,909', async () => {
    await basket('disc2', { total: '200.00', discount: '20.00' });
    // 2,909 × 90 / 320 = 818.2 → 818; then × 290 / 320 = 2,636.3 → 2,636, less 818; then the rest.
    expect(await refund('disc2-1', { external_id: 'disc2-r1', lines: [{ sku: 'MUG', quantity: 3 }] })).toMatchObject({ points: 818 });
    expect(await refund('disc2-1', { external_id: 'disc2-r2', lines: [{ sku: 'BEANS', quantity: 2 }] })).toMatchObject({ points: 1818 });
    expect(await refund('disc2-1', { external_id: 'disc2-r3', lines: [{ sku: 'MUG', quantity: 1 }] })).toMatchObject({ points: 273 });
    await expectVerified();
  });

  it('a purchase the daily cap cut short gives back its capped points by the same shares', async () => {
    // 150.00 of beans earlier that day earned 3,000 of the 5,000 cap; G-1 (its 3,200) is cut to 2,000.
    const g1 = await basket('cap', { before: '150.00', beforeAt: '2026-05-20T08:00:00Z' });
    expect(g1.loyalty?.points_earned).toBe(2000);
    // 2,000 × 2,000 / 3,200 = 1,250.
    expect(await refund('cap-1', { external_id: 'cap-r1', lines: [{ sku: 'BEANS', quantity: 2 }] })).toEqual({ amount: '100.00', points: 1250 });
    // 2,000 × 2,300 / 3,200 = 1,437.5 → 1,438 (halves up), less 1,250.
    expect(await refund('cap-1', { external_id: 'cap-r2', lines: [{ sku: 'MUG', quantity: 1 }] })).toEqual({ amount: '30.00', points: 188 });
    expect(await refund('cap-1', { external_id: 'cap-r3', lines: [{ sku: 'MUG', quantity: 3 }] })).toEqual({ amount: '90.00', points: 562 });
    expect(await pointsLeftOn(g1.purchaseId)).toBe(0);
    await expectVerified();
  });
});

describe('an amount with lines', () => {
  it('refunds the amount, shows the lines as returned, and takes back the lines\' points × amount ÷ their value', async () => {
    const g1 = await basket('both');
    // One bag (50.00, 1,000 points) refunded at 40.00: 1,000 × 40 / 50 = 800.
    expect(await refund('both-1', { external_id: 'both-r1', amount: '40.00', lines: [{ sku: 'BEANS', quantity: 1 }] })).toEqual({ amount: '40.00', points: 800 });
    // Three mugs for a cent: recorded, and visible; 900 × 0.01 / 90.00 = 0.1 → no point.
    expect(await refund('both-1', { external_id: 'both-r2', amount: '0.01', lines: [{ sku: 'MUG', quantity: 3 }] })).toEqual({ amount: '0.01', points: 0 });
    const read = await api.call('GET', `/api/v1/purchases/${g1.purchaseId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().refunds.map((r: { external_id: string; amount: string; lines: unknown }) => [r.external_id, r.amount, r.lines])).toEqual([
      ['both-r1', '40.00', [{ sku: 'BEANS', quantity: 1 }]],
      ['both-r2', '0.01', [{ sku: 'MUG', quantity: 3 }]],
    ]);
    // More than the lines were paid is refused, naming the amount; nothing is written.
    const over = await api.call('POST', '/api/v1/purchases/both-1/refunds', { body: { external_id: 'both-r3', amount: '100.00', lines: [{ sku: 'BEANS', quantity: 1 }] } });
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([{ field: 'amount', reason: '€100.00 exceeds the €50.00 the lines returned were paid (leave the amount out to refund the lines at what they were paid)' }]);
    // What is left comes back whole: 3,200 − 800 = 2,400.
    expect(await refund('both-1', { external_id: 'both-r4' })).toEqual({ amount: '179.99', points: 2400 });
    await expectVerified();
  });
});
