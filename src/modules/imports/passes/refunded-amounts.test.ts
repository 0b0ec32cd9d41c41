import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { suggestMap } from '../index.ts';

// A web store's orders export that says how much of each order was refunded since
// (Shopify's "Refunded Amount"): the import makes each order's refunds add up to it, once,
// through the refund path of the API, so spend is net and the points come back.

const files = csvFiles('refunded-amounts-test');
const HEADER = 'Name,Email,Financial Status,Created at,Total,Refunded Amount,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku';
const ORDERS = [
  '#3001,dan@example.com,paid,2026-05-06T10:00:00+02:00,40.00,0.00,2,Mug,20.00,MUG',
  '#3002,dan@example.com,partially_refunded,2026-05-07T10:00:00+02:00,60.00,15.00,3,Mug,20.00,MUG',
  '#3003,dan@example.com,refunded,2026-05-08T10:00:00+02:00,25.00,25.00,1,Lamp,25.00,LAMP',
  // An item row of #3003's would carry no order fields: one row each here.
];

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
  // One point per euro, rounded down, spendable at once and never expiring: the balance shows every point.
  await s.loyalty.applyProgram({ program: { name: 'Refunded amounts', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' } } }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const balanceOfDan = async () => {
  const account = await s.loyalty.account((await s.customers.findByIdentity({ kind: 'email', value: 'dan@example.com' }))!);
  if (!account.member) throw new Error('Dan is not a member');
  return account.balance;
};
const mapOf = (file: string) => suggestMap(fs.readFileSync(file, 'utf8').split('\n')[0].split(','), 'purchases');

describe("an orders export's refunded amounts", () => {
  it('records a refund for each refunded order, once; a later export with more refunded records the difference', async () => {
    const file = files.write([HEADER, ...ORDERS]);
    const map = mapOf(file);
    expect(map).toMatchObject({ external_id: 'Name', payment_status: 'Financial Status', refunded_amount: 'Refunded Amount' });
    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ orders: 3, created: 3, refunds_recorded: 2, invalid: 0, imported: true });
    expect(await s.commerce.get('#3001')).toMatchObject({ total: '40.00', refunded: '0.00', refunds: [] });
    // Dated at the order's time (the export has no refund date), named by the amount.
    expect(await s.commerce.get('#3002')).toMatchObject({
      refunded: '15.00', net: '45.00', refunds: [{ external_id: '#3002#refunded-15.00', amount: '15.00', occurred_at: '2026-05-07T08:00:00.000Z' }],
    });
    expect(await s.commerce.get('#3003')).toMatchObject({ refunded: '25.00', net: '0.00' });
    // 40 + 60 + 25 points earned; a quarter of #3002's 60 and all of #3003's 25 taken back.
    expect(await balanceOfDan()).toBe(40 + 60 + 25 - 15 - 25);

    // The same file again: every order and every refund is there.
    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ created: 0, duplicates: 3, refunds_recorded: 0, imported: true });
    expect((await s.commerce.get('#3002')).refunds).toHaveLength(1);
    expect(await balanceOfDan()).toBe(85);

    // A later export: another 15.00 of #3002 refunded since.
    const later = files.write([HEADER, ...ORDERS.map((row) => row.replace('partially_refunded,2026-05-07T10:00:00+02:00,60.00,15.00', 'partially_refunded,2026-05-07T10:00:00+02:00,60.00,30.00'))]);
    expect(await importFile(s, { kind: 'purchases', file: later, map })).toMatchObject({ created: 0, duplicates: 3, refunds_recorded: 1 });
    expect(await s.commerce.get('#3002')).toMatchObject({
      refunded: '30.00', refunds: [{ external_id: '#3002#refunded-15.00', amount: '15.00' }, { external_id: '#3002#refunded-30.00', amount: '15.00' }],
    });
    expect(await balanceOfDan()).toBe(70);
    expect((await s.loyalty.verify()).problems).toEqual([]);
  });

  it('counts the coupon uses given back by the refunds that leave nothing of their orders, once, as a refunds file does', async () => {
    const order = (id: string, hour: number, total: string, refunded: string) => `${id},ivy@example.com,paid,2026-05-12T${hour}:00:00+02:00,${total},${refunded},1,Vase,${total},VASE`;
    const first = files.write([HEADER, order('#8001', 10, '40.00', '0.00'), order('#8002', 11, '30.00', '0.00')]);
    const map = mapOf(first);
    const imported = await importFile(s, { kind: 'purchases', file: first, map });
    expect(imported).toMatchObject({ created: 2, refunds_recorded: 0 });
    expect(imported.coupon_uses_rolled_back).toBeUndefined();
    // A till's coupon use on each order: #8001's by Ivy, #8002's naming no customer.
    const ivy = (await s.customers.findByIdentity({ kind: 'email', value: 'ivy@example.com' }))!;
    const codeOf = async (order: string) => (await s.loyalty.createCampaign({ name: `Code of ${order}`, idempotency_key: `campaign-${order}`, benefit: { type: 'fixed_discount', amount: '2.00' }, code: `VASE-${order.slice(1)}` }, { actor: 'test' })).codes[0];
    const [a, b] = [await codeOf('#8001'), await codeOf('#8002')];
    await s.loyalty.useCoupon(a, { idempotency_key: 'till-8001', customer_id: ivy, order_ref: '#8001' }, { actor: 'test' });
    await s.loyalty.useCoupon(b, { idempotency_key: 'till-8002', order_ref: '#8002' }, { actor: 'test' });
    const uses = async () => [(await s.loyalty.coupon(a)).uses, (await s.loyalty.coupon(b)).uses];

    // A later export: #8001 refunded in full gives its use back, #8002 refunded in part does not.
    const later = files.write([HEADER, order('#8001', 10, '40.00', '40.00'), order('#8002', 11, '30.00', '10.00')]);
    expect(await importFile(s, { kind: 'purchases', file: later, map })).toMatchObject({ duplicates: 2, refunds_recorded: 2, coupon_uses_rolled_back: 1 });
    expect(await uses()).toEqual([0, 1]);
    // The same export again: its refunds are there, nothing given back or counted twice.
    const again = await importFile(s, { kind: 'purchases', file: later, map });
    expect(again).toMatchObject({ duplicates: 2, refunds_recorded: 0 });
    expect(again.coupon_uses_rolled_back).toBeUndefined();
    expect(await uses()).toEqual([0, 1]);
    // The rest of #8002 refunded since: the refund that leaves nothing of it gives its use back.
    const last = files.write([HEADER, order('#8001', 10, '40.00', '40.00'), order('#8002', 11, '30.00', '30.00')]);
    expect(await importFile(s, { kind: 'purchases', file: last, map })).toMatchObject({ refunds_recorded: 1, coupon_uses_rolled_back: 1 });
    expect(await uses()).toEqual([0, 0]);
  });

  it("refuses a refunds file's refund of an order whose refunds came from its export: the money would count twice; the other way round the export adds nothing", async () => {
    const refunds = files.write(['purchase,external_id,amount,occurred_at', '#3002,R-3002-1,15.00,2026-05-20T10:00:00+02:00']);
    const refused = await importFile(s, { kind: 'refunds', file: refunds });
    expect(refused).toMatchObject({ invalid: 1, imported: false });
    expect(refused.errors).toEqual([{ line: 2, column: 'purchase', reason: expect.stringContaining("purchase #3002's refunds were recorded from an orders export's refunded amount (€30.00)") }]);
    expect((await s.commerce.get('#3002')).refunded).toBe('30.00');

    // A refunds file first, then the export: the order's refunds add up to its amount already.
    const order = [HEADER, '#6001,gus@example.com,refunded,2026-05-10T10:00:00+02:00,50.00,20.00,1,Mug,50.00,MUG'];
    const withoutAmount = files.write([order[0], order[1].replace(',20.00,1,', ',,1,')]);
    expect(await importFile(s, { kind: 'purchases', file: withoutAmount, map: mapOf(withoutAmount) })).toMatchObject({ created: 1, refunds_recorded: 0 });
    expect(await importFile(s, { kind: 'refunds', file: files.write(['purchase,external_id,amount,occurred_at', '#6001,R-6001-1,20.00,2026-05-12T10:00:00+02:00']) })).toMatchObject({ created: 1, imported: true });
    const exported = files.write(order);
    expect(await importFile(s, { kind: 'purchases', file: exported, map: mapOf(exported) })).toMatchObject({ duplicates: 1, refunds_recorded: 0 });
    expect(await s.commerce.get('#6001')).toMatchObject({ refunded: '20.00', refunds: [{ external_id: 'R-6001-1' }] });
  });

  it('a dry run counts the refunds the import would record, writing none: the new orders refunded, and the stored ones whose refunds fall short', async () => {
    const refundsNow = async () => Number((await s.db.selectFrom('refunds').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    // #7001 paid, #7002 and #7003 refunded in part and whole; #7004 has a refund through the API already.
    const orders = [
      '#7001,hal@example.com,paid,2026-05-11T10:00:00+02:00,40.00,0.00,2,Mug,20.00,MUG',
      '#7002,hal@example.com,partially_refunded,2026-05-11T11:00:00+02:00,60.00,15.00,3,Mug,20.00,MUG',
      '#7003,hal@example.com,refunded,2026-05-11T12:00:00+02:00,25.00,25.00,1,Lamp,25.00,LAMP',
      '#7004,hal@example.com,paid,2026-05-11T13:00:00+02:00,30.00,0.00,1,Vase,30.00,VASE',
    ];
    const file = files.write([HEADER, ...orders]);
    const map = mapOf(file);
    const before = await refundsNow();
    expect(await importFile(s, { kind: 'purchases', file, map, dryRun: true })).toMatchObject({ orders: 4, created: 4, refunds_recorded: 2, dry_run: true, imported: false });
    expect(await refundsNow()).toBe(before);
    await expect(s.commerce.get('#7002')).rejects.toMatchObject({ kind: 'not_found' });
    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ created: 4, refunds_recorded: 2, imported: true });
    expect(await importFile(s, { kind: 'purchases', file, map, dryRun: true })).toMatchObject({ created: 0, duplicates: 4, refunds_recorded: 0 });

    // A later export: #7002 refunded 15.00 more, #7001 5.00 at last; #7004's 10.00 was refunded through the API, and the export says 12.00.
    await s.commerce.refund('#7004', { external_id: 'API-7004', amount: '10.00' }, { actor: 'test' });
    const later = files.write([HEADER, ...orders.map((row) => row
      .replace('60.00,15.00', '60.00,30.00').replace('40.00,0.00', '40.00,5.00').replace('30.00,0.00', '30.00,12.00'))]);
    const afterImport = await refundsNow();
    expect(await importFile(s, { kind: 'purchases', file: later, map, dryRun: true })).toMatchObject({ duplicates: 4, refunds_recorded: 3, dry_run: true });
    expect(await refundsNow()).toBe(afterImport);
    expect(await importFile(s, { kind: 'purchases', file: later, map })).toMatchObject({ duplicates: 4, refunds_recorded: 3, imported: true });
    expect(await importFile(s, { kind: 'purchases', file: later, map, dryRun: true })).toMatchObject({ refunds_recorded: 0 });
    // What the API's refund left to make up, read when the export's refund was recorded (dated at the order's time, it is listed first).
    expect(await s.commerce.get('#7004')).toMatchObject({ refunded: '12.00', refunds: [{ external_id: '#7004#refunded-12.00', amount: '2.00' }, { external_id: 'API-7004', amount: '10.00' }] });
    expect(await s.commerce.get('#7001')).toMatchObject({ refunded: '5.00', refunds: [{ external_id: '#7001#refunded-5.00' }] });
  });

  it("refuses a refunded amount above the order's total, or below zero, as the row's error, importing nothing", async () => {
    const file = files.write([
      HEADER,
      '#4001,eva@example.com,refunded,2026-05-09T10:00:00+02:00,40.00,50.00,2,Mug,20.00,MUG',
      '#4002,eva@example.com,paid,2026-05-09T11:00:00+02:00,20.00,-1.00,1,Mug,20.00,MUG',
      '#4003,eva@example.com,paid,2026-05-09T12:00:00+02:00,20.00,abc,1,Mug,20.00,MUG',
    ]);
    const refused = await importFile(s, { kind: 'purchases', file, map: mapOf(file) });
    expect(refused).toMatchObject({ orders: 3, created: 0, invalid: 3, imported: false });
    expect(refused.errors).toEqual([
      { line: 2, column: 'Refunded Amount', reason: "the refunded €50.00 is more than the order's total of €40.00" },
      { line: 3, column: 'Refunded Amount', reason: 'must not be negative (-€1.00): it is how much of the order was refunded after it was paid' },
      { line: 4, column: 'Refunded Amount', reason: expect.stringContaining('abc') },
    ]);
    await expect(s.commerce.get('#4001')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('tells the reasons in the language asked', async () => {
    const file = files.write([HEADER, '#5001,fay@example.com,refunded,2026-05-09T10:00:00+02:00,40.00,50.00,2,Mug,20.00,MUG']);
    const refused = await importFile(s, { kind: 'purchases', file, map: mapOf(file), language: 'sl' });
    expect(refused.errors).toEqual([{ line: 2, column: 'Refunded Amount', reason: 'vrnjeni znesek 50,00\u00a0€ presega skupni znesek naročila 40,00\u00a0€' }]);
  });
});
