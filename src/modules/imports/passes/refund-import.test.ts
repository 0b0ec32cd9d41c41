import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { previewCsv } from '../index.ts';

// Refunds from a CSV file (a till's or a web store's export of its returns): each checked
// against its purchase with the file's earlier refunds counted, all or nothing, written
// once by refund id, and the points taken back as a refund through the API takes them.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-refund-import-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

let s: Awaited<ReturnType<typeof openTestServices>>;
const balanceOf = async (email: string) => {
  const customerId = (await s.customers.findByIdentity({ kind: 'email', value: email }))!;
  const account = await s.loyalty.account(customerId);
  if (!account.member) throw new Error(`${email} is not a member`);
  return account.balance;
};

beforeAll(async () => {
  s = await openTestServices();
  // One point per euro, rounded down; no holding period, so the balance shows every point.
  await s.loyalty.applyProgram({ program: { name: 'Refunds', earning: { points_per_currency_unit: 1, rounding: 'floor' }, expiry: { policy: 'none' } } }, { actor: 'test' });
  const purchases = write('purchases.csv', [
    'external_id,customer_email,occurred_at,total',
    'A1,ana@example.com,2026-05-02T10:00:00+02:00,100.00',
    'A2,ana@example.com,2026-05-03T10:00:00+02:00,50.00',
    'B1,bor@example.com,2026-05-04T10:00:00+02:00,20.00',
    'B2,bor@example.com,2026-05-05T10:00:00+02:00,30.00',
  ].join('\n'));
  expect(await importFile(s, { kind: 'purchases', file: purchases })).toMatchObject({ created: 4, imported: true });
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a file of refunds', () => {
  it('refunds in order, the earlier rows counted, and takes the points back; a second run adds nothing', async () => {
    expect(await balanceOf('ana@example.com')).toBe(150);
    const file = write('refunds.csv', [
      'purchase,external_id,amount,occurred_at,reason',
      'A1,R1,40.00,2026-05-10T10:00:00+02:00,damaged',
      'A1,R2,,2026-05-11T10:00:00+02:00,', // the rest: 60.00
      'A2,R3,10.00,,',
    ].join('\n'));
    const first = await importFile(s, { kind: 'refunds', file });
    expect(first).toMatchObject({ kind: 'refunds', rows: 3, created: 3, duplicates: 0, invalid: 0, errors: [], imported: true });
    // By hand: A1 100 → 0 (100 points back), A2 50 → 40 (10 back): 150 − 110 = 40.
    expect(await balanceOf('ana@example.com')).toBe(40);
    const a1 = await s.commerce.get('A1');
    expect(a1.refunds.map((r) => [r.external_id, r.amount, r.reason])).toEqual([['R1', '40.00', 'damaged'], ['R2', '60.00', null]]);
    expect(a1.refunds[0].occurred_at).toBe('2026-05-10T08:00:00.000Z');
    expect((await s.commerce.get('A2')).refunded).toBe('10.00');
    expect((await s.commerce.totals()).revenue).toBe('90.00'); // 200 − 110

    const again = await importFile(s, { kind: 'refunds', file });
    expect(again).toMatchObject({ created: 0, duplicates: 3, invalid: 0, imported: true });
    expect(await balanceOf('ana@example.com')).toBe(40);
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it('imports nothing from a file with a bad row, and names every bad line, column and reason', async () => {
    await s.commerce.refund('B2', { external_id: 'API-1', amount: '5.00' }, { actor: 'test' });
    const file = write('bad-refunds.csv', [
      'Order,Refund id,Refund amount',
      'B1,R10,15.00', // fine
      'B1,R11,10.00', // line 3: with R10, more than B1's 20.00
      'NOPE,R12,1.00', // line 4: no such purchase
      'B2,R13,abc', // line 5
      'B2,,1.00', // line 6: no refund id
      'B2,API-1,6.00', // line 7: the API's refund of 5.00 under this id
      'A1,R14,1.00', // line 8: A1 was refunded in full above
      'B2,R15,0', // line 9
      'B1,API-1,5.00', // line 10: the API's refund id, of another purchase
    ].join('\n'));
    const map = { purchase: 'Order', external_id: 'Refund id', amount: 'Refund amount' };
    const result = await importFile(s, { kind: 'refunds', file, map });
    expect(result).toMatchObject({ rows: 9, created: 0, invalid: 8, imported: false });
    expect(result.errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'Refund amount'], [4, 'Order'], [5, 'Refund amount'], [6, 'Refund id'], [7, 'Refund id'], [8, 'Refund amount'], [9, 'Refund amount'], [10, 'Refund id'],
    ]);
    expect(result.errors[0].reason).toBe("exceeds the refundable €5.00 of purchase B1 after this file's refund on line 2");
    expect(result.errors[1].reason).toMatch(/no purchase with the order id or id "NOPE"/);
    expect(result.errors[4].reason).toBe('refund API-1 was already recorded with other values: amount 5.00 (this request: 6.00)');
    expect(result.errors[5].reason).toBe('purchase A1 is already fully refunded');
    expect(result.errors[7].reason).toBe('Refund API-1 was already recorded for purchase B2 (a refund id is unique across purchases)');
    expect((await s.commerce.get('B1')).refunded).toBe('0.00');
    expect(await balanceOf('bor@example.com')).toBe(45); // 50 earned, 5 back by the API's refund

    // The good row alone, with skip_invalid; run again, it is there already.
    const skipped = await importFile(s, { kind: 'refunds', file, map, skipInvalid: true });
    expect(skipped).toMatchObject({ created: 1, invalid: 8, imported: true });
    expect((await s.commerce.get('B1')).refunded).toBe('15.00');
    expect(await balanceOf('bor@example.com')).toBe(30);
    expect(await importFile(s, { kind: 'refunds', file, map, skipInvalid: true })).toMatchObject({ created: 0, duplicates: 1 });
    expect((await s.loyalty.verify()).ok).toBe(true);
  });

  it("names the file's earlier rows that refunded a purchase when a later one finds nothing or too little left", async () => {
    // A2 is 50.00, 10.00 of it refunded by the first file: 40.00 left.
    expect((await s.commerce.get('A2')).refunded).toBe('10.00');
    const file = write('a2-refunds.csv', ['purchase,external_id,amount', 'A2,Q1,20.00', 'B1,Q2,1.00', 'A2,Q3,20.00', 'A2,Q4,1.00'].join('\n'));
    const result = await importFile(s, { kind: 'refunds', file });
    expect(result).toMatchObject({ imported: false, invalid: 1 });
    expect(result.errors).toEqual([{ line: 5, column: 'amount', reason: "purchase A2 is already fully refunded after this file's refunds on lines 2, 4" }]);
    expect((await s.commerce.get('A2')).refunded).toBe('10.00');
  });

  it("names the file's line that has a refund id already, with other values", async () => {
    const file = write('twice.csv', ['purchase,external_id,amount', 'B2,T-1,1.00', 'B2,T-1,2.00'].join('\n'));
    const result = await importFile(s, { kind: 'refunds', file });
    expect(result.errors).toEqual([{ line: 3, column: 'external_id', reason: 'refund T-1 is on line 2 too, with other values' }]);
  });

  it('finishes an interrupted import when the file is run again, each refund once', async () => {
    const n = 2_100; // the first 2,000 (one chunk) are written before the interruption
    const purchases = write('many-purchases.csv', ['external_id,customer_email,occurred_at,total', ...Array.from({ length: n }, (_, i) => `M${i},m${i % 70}@example.com,2026-05-06,${(i % 9) + 1}.00`)].join('\n'));
    expect(await importFile(s, { kind: 'purchases', file: purchases })).toMatchObject({ created: n });
    const before = await s.commerce.totals();
    const file = write('many-refunds.csv', ['purchase,external_id,amount', ...Array.from({ length: n }, (_, i) => `M${i},MR${i},1.00`)].join('\n'));
    const interrupted = importFile(s, { kind: 'refunds', file, onProgress: (p) => {
      if (p.phase === 'import') throw new Error('the process died here');
    } });
    await expect(interrupted).rejects.toThrow('the process died here');
    expect(Number((await s.commerce.totals()).revenue)).toBe(Number(before.revenue) - 2_000);
    expect(await importFile(s, { kind: 'refunds', file })).toMatchObject({ created: n - 2_000, duplicates: 2_000, imported: true });
    expect(Number((await s.commerce.totals()).revenue)).toBe(Number(before.revenue) - n);
    expect((await s.loyalty.verify()).ok).toBe(true);
  }, 120_000);

  it('refuses a file without the purchase or refund id column, naming it', async () => {
    const file = write('no-purchase.csv', 'external_id,amount\nR20,1.00\n');
    await expect(importFile(s, { kind: 'refunds', file })).rejects.toMatchObject({ kind: 'invalid', problems: [{ field: 'purchase' }] });
  });

  it("suggests a mapping for a till's export of returns", async () => {
    const file = write('till.csv', 'Order ID,Refund ID,Refund amount,Refunded at\nA2,T1,1.00,2026-05-20\n');
    expect((await previewCsv(file, 'refunds')).suggested_map).toEqual({ purchase: 'Order ID', external_id: 'Refund ID', amount: 'Refund amount', occurred_at: 'Refunded at' });
  });
});
