import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';

// Refunds as a till sends them, on a case worked out by hand: 1 point per euro (floor), no
// bonuses; a basket of two espressos at 5.00 and a cake at 10.00 (20.00 of lines) paid
// 18.00 after a 2.00 discount, so each line is refunded at 90 % of its price.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

const program = { name: 'Refunds', earning: { points_per_currency_unit: 1, rounding: 'floor' } };

let purchaseId: string;

beforeAll(async () => {
  s = await openTestServices();
  await s.loyalty.applyProgram({ program }, actor);
  const [p] = await recordAll(s, [
    {
      external_id: 'till-1', customer: { email: 'rea@example.com' }, occurred_at: '2026-05-20T10:00:00+02:00', total: '18.00', discount: '2.00',
      lines: [{ sku: 'ESP', quantity: 2, unit_price: '5.00' }, { sku: 'CAKE', quantity: 1, unit_price: '10.00' }],
    },
    { external_id: 'till-2', customer: { email: 'rea@example.com' }, occurred_at: '2026-05-21T10:00:00+02:00', total: '3.00' },
    // Only the coffees listed: 4.40 of a 12.40 basket.
    { external_id: 'till-3', customer: { email: 'rea@example.com' }, occurred_at: '2026-05-21T11:00:00+02:00', total: '12.40', lines: [{ sku: 'ESP', quantity: 2, unit_price: '2.20' }] },
  ]);
  purchaseId = p.purchaseId;
});
afterAll(() => s?.close());

const refund = (ref: string, body: Record<string, unknown>) => s.commerce.refund(ref, body, actor);
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('accepted'); }, (error: { kind: string; problems?: unknown[]; message: string }) => error);

describe('a refund by the lines returned', () => {
  it('refunds what those items were paid, the basket discount in proportion, and takes back their points', async () => {
    // One espresso: 5.00 × 18.00 / 20.00 = 4.50; of the 18 points earned, 18 × 4.50 / 18.00 = 4.5 → 5 (halves up).
    const first = await refund('till-1', { external_id: 'ret-1', lines: [{ sku: 'ESP', quantity: 1 }] });
    expect(first).toMatchObject({ created: true, refund: { amount: '4.50' }, loyalty: { points_reversed: 5, unsettled: 0, referral: null } });
    // The member's account says which refund took the points back, of how much, on which order.
    const account = await s.loyalty.account(first.purchase.customer_id);
    if (!account.member) throw new Error('not a member');
    expect(account.explanation.entries.map((e) => e.description)).toContain('Refund ret-1 of €4.50 on purchase till-1 (25% of it refunded in all): 5 of its 18 points taken back');
    // A till's retry, naming the purchase by its Regulars id this time: the same refund, and the same answer for the receipt.
    const retried = await refund(purchaseId, { external_id: 'ret-1', lines: [{ sku: 'ESP', quantity: 1 }] });
    expect(retried).toEqual({ ...first, created: false });
  });

  it('returns a line only as many times as it was bought, counting earlier refunds, and only lines the purchase has', async () => {
    const before = await s.commerce.get(purchaseId);
    const tooMany = await refusal(refund('till-1', { external_id: 'ret-2', lines: [{ sku: 'ESP', quantity: 2 }] }));
    expect(tooMany).toMatchObject({ kind: 'invalid', problems: [{ field: 'lines.0.quantity', reason: 'exceeds the 1 of SKU ESP still returnable (2 bought)' }] });
    const unknown = await refusal(refund('till-1', { external_id: 'ret-2', lines: [{ sku: 'TEA', quantity: 1 }] }));
    expect(unknown).toMatchObject({ kind: 'invalid', problems: [{ field: 'lines.0.sku', reason: 'purchase till-1 has no line with SKU TEA' }] });
    const noLines = await refusal(refund('till-2', { external_id: 'ret-2', lines: [{ sku: 'ESP', quantity: 1 }] }));
    expect(noLines).toMatchObject({ kind: 'invalid', problems: [{ field: 'lines', reason: 'purchase till-2 has no line items to return; give the amount instead' }] });
    expect(await s.commerce.get(purchaseId)).toEqual(before);
  });

  it('refunds a listed line at its price when the lines are only part of the basket', async () => {
    const one = await refund('till-3', { external_id: 'ret-6', lines: [{ sku: 'ESP', quantity: 1 }] });
    expect(one.refund).toMatchObject({ amount: '2.20' });
  });

  it('with an amount as well, refunds the amount and counts the lines as returned', async () => {
    const cake = await refund('till-1', { external_id: 'ret-3', amount: '8.00', lines: [{ sku: 'CAKE', quantity: 1 }] });
    expect(cake.refund).toMatchObject({ amount: '8.00' });
    const again = await refusal(refund('till-1', { external_id: 'ret-4', lines: [{ sku: 'CAKE', quantity: 1 }] }));
    expect(again).toMatchObject({ problems: [{ field: 'lines.0.quantity', reason: 'exceeds the 0 of SKU CAKE still returnable (1 bought)' }] });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });
});

describe('what makes a refund the same one, and when it may be dated', () => {
  it('refuses a refund id already used for another purchase, naming that', async () => {
    const reused = await refusal(refund('till-2', { external_id: 'ret-1', lines: [{ sku: 'ESP', quantity: 1 }] }));
    expect(reused).toMatchObject({ kind: 'conflict', message: 'Refund ret-1 was already recorded for purchase till-1 (a refund id is unique across purchases)' });
  });

  it('refuses a refund id reused with other values, naming them; an amount it was given by its lines is no difference', async () => {
    const other = await refusal(refund(purchaseId, { external_id: 'ret-1', amount: '4.50', reason: 'Cold', lines: [{ sku: 'CAKE', quantity: 1 }] }));
    expect(other).toMatchObject({
      kind: 'conflict',
      message: 'Refund ret-1 was already recorded with other values: reason none (this request: "Cold"); lines.0.sku ESP (this request: CAKE)',
      problems: [{ field: 'reason', reason: 'none (this request: "Cold")' }, { field: 'lines.0.sku', reason: 'ESP (this request: CAKE)' }],
    });
  });

  it('refuses a refund dated before its purchase or more than a day ahead; the purchase day itself is fine', async () => {
    const early = await refusal(refund('till-2', { external_id: 'ret-5', amount: '1.00', occurred_at: '2026-05-21T09:59:00+02:00' }));
    expect(early).toMatchObject({ kind: 'invalid', problems: [{ field: 'occurred_at', reason: 'is before the purchase it refunds (2026-05-21T08:00:00.000Z)' }] });
    const dayBefore = await refusal(refund('till-2', { external_id: 'ret-5', amount: '1.00', occurred_at: '2026-05-20' }));
    expect(dayBefore).toMatchObject({ problems: [{ field: 'occurred_at', reason: 'is before the purchase it refunds (2026-05-21)' }] });
    const ahead = await refusal(refund('till-2', { external_id: 'ret-5', amount: '1.00', occurred_at: '2026-06-03T12:00:00Z' }));
    expect(ahead).toMatchObject({ problems: [{ field: 'occurred_at', reason: 'is more than a day in the future' }] });
    const sameDay = await refund('till-2', { external_id: 'ret-5', amount: '1.00', occurred_at: '2026-05-21' });
    expect(sameDay.created).toBe(true);
  });
});

describe('a refund body with a field it does not take', () => {
  // A refund without `amount` or `lines` refunds the rest of the purchase, so a misspelt
  // "ammount" or "line" was read as no amount and refunded all of it, its points taken back.
  it('is refused naming the field, and nothing is refunded', async () => {
    const before = (await s.commerce.get('till-3')).refunds;
    const misspelt = await refusal(refund('till-3', { external_id: 'ret-typo', ammount: '1.00' }));
    expect(misspelt).toMatchObject({ kind: 'invalid', problems: [{ field: '(body)', reason: 'unknown field "ammount" — did you mean "amount"?' }] });
    const lineTypo = await refusal(refund('till-3', { external_id: 'ret-typo', lines: [{ sku: 'ESP', qty: 1, quantity: 1 }] }));
    expect(lineTypo).toMatchObject({ kind: 'invalid', problems: [{ field: 'lines.0', reason: 'unknown field "qty"' }] });
    expect((await s.commerce.get('till-3')).refunds).toEqual(before);
  });
});
