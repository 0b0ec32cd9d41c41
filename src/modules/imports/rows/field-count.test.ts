import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { fieldCountCheck } from './field-count.ts';
import { resolveColumns } from './mapping.ts';

// A row with more fields than the header is a bad row, never cut to the header's width:
// a European till's decimal comma in a comma-separated file ("12,50") splits the amount,
// and the first half alone was recorded (12.00 for 12.50). Empty fields past the header
// (a separator ending every row) are accepted.

const files = csvFiles('field-count');
const write = (name: string, lines: string[]) => files.write(lines, name);

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const decimalComma = (fields: number, header: number, value: string, fixed: string) =>
  `${fields} fields where the header has ${header} — a decimal comma ("${value}") in a comma-separated file? Write amounts with a decimal point (${fixed})`;

describe('a purchases file with a decimal comma', () => {
  const rows = [
    'external_id,customer_external_id,occurred_at,total',
    'g-0,card-g,2026-05-08T10:00:00+01:00,7.00',
    'g-1,card-g,2026-05-08T11:00:00+01:00,12,50', // line 3
    'g-2,card-g,2026-05-08T12:00:00+01:00,3.00',
  ];

  it('imports nothing and names the line, the column and why', async () => {
    const before = await s.commerce.totals();
    const r = await importFile(s, { kind: 'purchases', file: write('comma.csv', rows) });
    expect(r).toMatchObject({ rows: 3, created: 0, invalid: 1, imported: false });
    expect(r.errors).toEqual([{ line: 3, column: 'total', reason: decimalComma(5, 4, '12,50', '12.50') }]);
    expect(await s.commerce.totals()).toEqual(before);
    await expect(s.commerce.get('g-0')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('imports the other rows with skipInvalid; the fixed file then adds the row with its full amount', async () => {
    const r = await importFile(s, { kind: 'purchases', file: write('comma-skip.csv', rows), skipInvalid: true });
    expect(r).toMatchObject({ created: 2, invalid: 1, imported: true, errors: [{ line: 3, column: 'total' }] });
    expect((await s.commerce.get('g-0')).total).toBe('7.00');
    expect((await s.commerce.get('g-2')).total).toBe('3.00');
    await expect(s.commerce.get('g-1')).rejects.toMatchObject({ kind: 'not_found' });

    const fixed = rows.map((row) => row.replace('12,50', '12.50'));
    expect(await importFile(s, { kind: 'purchases', file: write('comma-fixed.csv', fixed) })).toMatchObject({ created: 1, duplicates: 2, invalid: 0 });
    expect((await s.commerce.get('g-1')).total).toBe('12.50');
  });

  it('refuses it in a file without order ids too, and keys the good rows as the fixed file will', async () => {
    const noIds = [
      'customer_email,occurred_at,total',
      'kim@example.com,2026-05-09,4.00',
      'kim@example.com,2026-05-09,4,50', // line 3
      'kim@example.com,2026-05-09,4.00',
    ];
    const r = await importFile(s, { kind: 'purchases', file: write('no-ids.csv', noIds), skipInvalid: true });
    expect(r).toMatchObject({ created: 2, invalid: 1, errors: [{ line: 3, column: 'total', reason: decimalComma(4, 3, '4,50', '4.50') }] });
    const fixed = noIds.map((row) => row.replace('4,50', '4.50'));
    expect(await importFile(s, { kind: 'purchases', file: write('no-ids-fixed.csv', fixed) })).toMatchObject({ created: 1, duplicates: 2 });
  });
});

describe('a refunds file with a decimal comma', () => {
  beforeAll(async () => {
    const purchases = write('refund-purchases.csv', [
      'external_id,customer_email,occurred_at,total',
      'P1,ana@example.com,2026-05-02,20.00',
      'P2,ana@example.com,2026-05-03,30.00',
    ]);
    expect(await importFile(s, { kind: 'purchases', file: purchases })).toMatchObject({ created: 2 });
  });

  const rows = ['purchase,external_id,amount', 'P1,rg-0,2.00', 'P2,rg-1,5,50' /* line 3 */];

  it('refunds nothing and names the line, the column and why', async () => {
    const r = await importFile(s, { kind: 'refunds', file: write('refunds.csv', rows) });
    expect(r).toMatchObject({ rows: 2, created: 0, invalid: 1, imported: false });
    expect(r.errors).toEqual([{ line: 3, column: 'amount', reason: decimalComma(4, 3, '5,50', '5.50') }]);
    expect((await s.commerce.get('P1')).refunded).toBe('0.00');
    expect((await s.commerce.get('P2')).refunded).toBe('0.00');
  });

  it('refunds the other rows with skipInvalid', async () => {
    const r = await importFile(s, { kind: 'refunds', file: write('refunds-skip.csv', rows), skipInvalid: true });
    expect(r).toMatchObject({ created: 1, invalid: 1, imported: true, errors: [{ line: 3, column: 'amount' }] });
    expect((await s.commerce.get('P1')).refunded).toBe('2.00');
    expect((await s.commerce.get('P2')).refunded).toBe('0.00');
  });
});

describe('other rows with too many fields', () => {
  it('refuses a customer row with an unquoted comma, as a problem of the row, beside the other bad rows in line order', async () => {
    const file = write('customers.csv', [
      'email,first_name,language',
      'mia@example.com,Mia,sl',
      'bad@,Bo,sl', // line 3
      'lea@example.com,Lea, Marie,sl', // line 4
      'ida@example.com,Ida', // line 5: fewer fields, the language left out
    ]);
    const r = await importFile(s, { kind: 'customers', file });
    expect(r).toMatchObject({ imported: false, invalid: 2 });
    expect(r.errors).toEqual([
      { line: 3, column: 'email', reason: expect.any(String) },
      { line: 4, column: '(row)', reason: '4 fields where the header has 3 — a "," inside a value? Quote values that contain ","' },
    ]);
    expect(await importFile(s, { kind: 'customers', file, skipInvalid: true })).toMatchObject({ created: 2, invalid: 2, imported: true });
    expect((await s.customers.search({ query: 'lea@example.com' })).items).toEqual([]);
    expect((await s.customers.search({ query: 'ida@example.com' })).items).toHaveLength(1);
  });

  it('names the separator of a ";" file', async () => {
    const file = write('semicolon.csv', ['external_id;customer_external_id;occurred_at;total', 's-1;card-s;2026-05-08;1.00;oops']);
    const r = await importFile(s, { kind: 'purchases', file });
    expect(r).toMatchObject({ imported: false, invalid: 1 });
    expect(r.errors).toEqual([{ line: 2, column: '(row)', reason: '5 fields where the header has 4 — a ";" inside a value? Quote values that contain it' }]);
  });
});

describe('empty fields past the header', () => {
  it('are accepted: a separator ending every row', async () => {
    const file = write('trailing.csv', [
      'external_id,customer_external_id,occurred_at,total',
      't-1,card-t,2026-05-08,1.50,',
      't-2,card-t,2026-05-08,2.50,,',
      't-3,card-t,2026-05-08,3.50, ',
    ]);
    expect(await importFile(s, { kind: 'purchases', file })).toMatchObject({ created: 3, invalid: 0, errors: [], imported: true });
    expect((await s.commerce.get('t-2')).total).toBe('2.50');
  });

  it('do not let a decimal comma fit by filling the column after the amount (a row ending with a separator)', async () => {
    const file = write('trailing-fit.csv', ['external_id,customer_external_id,occurred_at,total,discount', 't-5,card-t,2026-05-08,12,50,']);
    const r = await importFile(s, { kind: 'purchases', file });
    expect(r).toMatchObject({ imported: false, errors: [{ line: 2, column: 'total', reason: decimalComma(6, 5, '12,50', '12.50') }] });
    // A promo code after the amount: the same.
    const promo = write('trailing-promo.csv', ['external_id,customer_external_id,occurred_at,total,promo_code', 't-6,card-t,2026-05-08,7,90,']);
    expect(await importFile(s, { kind: 'purchases', file: promo })).toMatchObject({ imported: false, errors: [{ line: 2, column: 'total', reason: decimalComma(6, 5, '7,90', '7.90') }] });
    // An amount with its decimals and an empty optional column stays accepted.
    const fine = write('trailing-fine.csv', ['external_id,customer_external_id,occurred_at,total,discount', 't-7,card-t,2026-05-08,12.50,,', 't-8,card-t,2026-05-08,12,1.50,']);
    expect(await importFile(s, { kind: 'purchases', file: fine })).toMatchObject({ created: 2, invalid: 0, imported: true });
  });

  it('do not hide a decimal comma before them, nor count in the message', async () => {
    const file = write('trailing-comma.csv', ['external_id,customer_external_id,occurred_at,total', 't-4,card-t,2026-05-08,4,50,']);
    const r = await importFile(s, { kind: 'purchases', file });
    expect(r).toMatchObject({ imported: false, errors: [{ line: 2, column: 'total', reason: decimalComma(5, 4, '4,50', '4.50') }] });
  });
});

describe('fieldCountCheck', () => {
  const check = (header: string, row: string) => {
    const columns = header.split(',');
    const problem = fieldCountCheck('purchases', resolveColumns({ header: columns, map: {}, kind: 'purchases', via: 'cli' }), columns, ',')(row.split(','));
    return problem && { column: problem.column, reason: String(problem.reason) }; // its English
  };

  it('accepts rows as wide as the header or narrower', () => {
    expect(check('customer_email,occurred_at,total,store', 'a@example.com,2026-05-08,1.00,nyc')).toBeUndefined();
    expect(check('customer_email,occurred_at,total,store', 'a@example.com,2026-05-08,1.00')).toBeUndefined();
  });

  it('finds the split amount in a money column before any other pair of numbers', () => {
    expect(check('customer_external_id,occurred_at,total', '17,2026-05-08,12,50')).toEqual({ column: 'total', reason: decimalComma(4, 3, '12,50', '12.50') });
    expect(check('total,discount,customer_external_id,occurred_at', '10.00,1,50,c,2026-05-08')).toEqual({ column: 'discount', reason: decimalComma(5, 4, '1,50', '1.50') });
    expect(check('customer_email,occurred_at,total', 'a@example.com,2026-05-08,1.234,50')).toEqual({ column: 'total', reason: decimalComma(4, 3, '1.234,50', '1234.50') });
  });

  it('names a thousands separator', () => {
    expect(check('customer_email,occurred_at,total', 'a@example.com,2026-05-08,1,234.50')).toEqual({
      column: 'total',
      reason: '4 fields where the header has 3 — a thousands separator ("1,234.50") in a comma-separated file? Write amounts without it (1234.50)',
    });
  });
});
