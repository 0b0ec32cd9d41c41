import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { recordAll } from '../../../test/helpers/purchases.ts';

// A refund with both an amount and lines (refund-lines.ts): the amount is refunded and the
// lines recorded as what came back, shown with the refund; the amount may not exceed what
// those lines were paid plus the part of the purchase outside its lines (shipping). A
// refunds file is checked by the same rule (refund-check.ts). Worked by hand: a web order
// of 25.00 = ESP 2 × 5.00 + CAKE 10.00 (20.00 of lines) + 5.00 shipping; a till's 3.00
// without lines.

let s: Awaited<ReturnType<typeof openTestServices>>;
const actor = { actor: 'test' };

beforeAll(async () => {
  s = await openTestServices();
  await recordAll(s, [
    { external_id: 'web-1', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-20T10:00:00+02:00', total: '25.00', lines: [{ sku: 'ESP', quantity: 2, unit_price: '5.00' }, { sku: 'CAKE', quantity: 1, unit_price: '10.00' }] },
    { external_id: 'till-9', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-21T10:00:00+02:00', total: '3.00' },
  ]);
});
afterAll(() => s?.close());

const refund = (ref: string, body: Record<string, unknown>) => s.commerce.refund(ref, body, actor);
const problems = (promise: Promise<unknown>) => promise.then(() => { throw new Error('accepted'); }, (error: { problems?: unknown[] }) => error.problems);

describe('an amount with lines', () => {
  it('may take the lines\' value plus the shipping, not a cent more', async () => {
    const over = await problems(refund('web-1', { external_id: 'w-1', amount: '15.01', lines: [{ sku: 'CAKE', quantity: 1 }] }));
    expect(over).toEqual([{ field: 'amount', reason: '€15.01 exceeds the €10.00 the lines returned were paid and the €5.00 of purchase web-1 outside its lines (leave the amount out to refund the lines at what they were paid)' }]);
    const cake = await refund('web-1', { external_id: 'w-1', amount: '15.00', lines: [{ sku: 'CAKE', quantity: 1 }] });
    expect(cake.refund).toMatchObject({ amount: '15.00', lines: [{ sku: 'CAKE', quantity: 1 }] });
  });

  it('shows the lines with the refund, in the answer, on a retry and in the purchase; a refund by amount has none', async () => {
    const esp = await refund('web-1', { external_id: 'w-2', amount: '0.01', lines: [{ sku: 'ESP', quantity: 2 }] });
    expect(esp.refund).toMatchObject({ external_id: 'w-2', amount: '0.01', lines: [{ sku: 'ESP', quantity: 2 }] });
    const again = await refund('web-1', { external_id: 'w-2', amount: '0.01', lines: [{ sku: 'ESP', quantity: 2 }] });
    expect(again).toMatchObject({ created: false, refund: esp.refund });
    const rest = await refund('web-1', { external_id: 'w-3' });
    expect(rest.refund).toMatchObject({ amount: '9.99', lines: [] });
    expect((await s.commerce.get('web-1')).refunds.map((r) => [r.external_id, r.amount, r.lines])).toEqual([
      ['w-1', '15.00', [{ sku: 'CAKE', quantity: 1 }]],
      ['w-2', '0.01', [{ sku: 'ESP', quantity: 2 }]],
      ['w-3', '9.99', []],
    ]);
  });

  it('on a purchase without lines, says the lines cannot be checked (and that without them the amount is refunded)', async () => {
    const both = await problems(refund('till-9', { external_id: 't-1', amount: '1.00', lines: [{ sku: 'ESP', quantity: 1 }] }));
    expect(both).toEqual([{ field: 'lines', reason: 'purchase till-9 has no line items, so the lines cannot be checked: leave them out and the amount is refunded' }]);
    const linesOnly = await problems(refund('till-9', { external_id: 't-1', lines: [{ sku: 'ESP', quantity: 1 }] }));
    expect(linesOnly).toEqual([{ field: 'lines', reason: 'purchase till-9 has no line items to return; give the amount instead' }]);
    expect((await refund('till-9', { external_id: 't-1', amount: '1.00' })).refund).toMatchObject({ amount: '1.00', lines: [] });
  });

  it('is checked in a refunds file by the same rule, with the file\'s earlier refunds counted', async () => {
    await recordAll(s, [{ external_id: 'web-2', customer: { email: 'ana@example.com' }, occurred_at: '2026-05-22T10:00:00+02:00', total: '25.00', lines: [{ sku: 'ESP', quantity: 2, unit_price: '5.00' }, { sku: 'CAKE', quantity: 1, unit_price: '10.00' }] }]);
    const check = s.commerce.refundChecker();
    expect(await check([
      { purchase: 'web-2', input: { external_id: 'f-1', amount: '15.01', lines: [{ sku: 'CAKE', quantity: 1 }] }, line: 2 },
      { purchase: 'web-2', input: { external_id: 'f-2', amount: '4.00', lines: [{ sku: 'ESP', quantity: 1 }] }, line: 3 },
      { purchase: 'web-2', input: { external_id: 'f-3', lines: [{ sku: 'ESP', quantity: 2 }] }, line: 4 },
      { purchase: 'till-9', input: { external_id: 'f-4', amount: '1.00', lines: [{ sku: 'ESP', quantity: 1 }] }, line: 5 },
    ])).toMatchObject([
      { problems: [{ field: 'amount', reason: '€15.01 exceeds the €10.00 the lines returned were paid and the €5.00 of purchase web-2 outside its lines (leave the amount out to refund the lines at what they were paid)' }] },
      { duplicate: false },
      { problems: [{ field: 'lines.0.quantity', reason: 'exceeds the 1 of SKU ESP still returnable (2 bought)' }] },
      { problems: [{ field: 'lines', reason: 'purchase till-9 has no line items, so the lines cannot be checked: leave them out and the amount is refunded' }] },
    ]);
  });
});
