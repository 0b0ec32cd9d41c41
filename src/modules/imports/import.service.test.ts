import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestServices } from '../../../test/helpers/services.ts';
import { sharedData } from '../../../test/helpers/shared-data.ts';
import { importFile } from '../../workflows/import-file.ts';
import { parseMapSpec } from './index.ts';

const CDNOW = sharedData('cdnow', 'CDNOW_master.txt');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-import-test-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices({ TIMEZONE: 'America/New_York' });
  await s.stores.upsert({ code: 'nyc', name: 'New York', time_zone: 'America/New_York' }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('CDNOW master file', () => {
  it('imports 23,570 customers, 69,659 purchases and the exact revenue; a second import adds nothing', async () => {
    const lines = fs.readFileSync(CDNOW, 'utf8').trim().split('\n').slice(1);
    let cents = 0;
    const csv = ['customer_external_id,occurred_at,total'];
    for (const line of lines) {
      const [id, date, , dollars] = line.trim().split(/\s+/);
      const [whole, fraction = ''] = dollars.split('.');
      cents += Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
      csv.push(`${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${dollars}`);
    }
    const file = write('cdnow.csv', csv.join('\n') + '\n');
    const first = await importFile(s, { kind: 'purchases', file });
    expect(first).toMatchObject({ rows: 69_659, created: 69_659, duplicates: 0, invalid: 0, imported: true });
    const revenue = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
    expect(await s.commerce.totals()).toMatchObject({ customers: 23_570, purchases: 69_659, revenue });
    const second = await importFile(s, { kind: 'purchases', file });
    expect(second).toMatchObject({ created: 0, duplicates: 69_659 });
    expect(await s.commerce.totals()).toMatchObject({ customers: 23_570, purchases: 69_659, revenue });
  }, 240_000);
});

describe('a file with bad rows', () => {
  const header = 'Order,Card,Email,When,Store,Currency,Amount,Note\n';
  const rows = [
    'A1,c1,ok@example.com,2026-05-01,nyc,,10.00,fine',
    'A2,c2,,2026-05-01,,,12.345,too many decimals', // line 3
    'A3,c3,,2026-13-01,,,5,bad month', // line 4
    'A4,,,2026-05-01,,,5,no identity', // line 5
    'A5,c5,not-an-email,2026-05-01,,,5,bad email', // line 6
    'A6,c6,,2026-05-01,moon,,5,unknown store', // line 7
    'A7,c7,,2026-05-01,,USD,5,wrong currency', // line 8
    'A8,c8,,2026-05-01,,,5,"a note\nover two lines"', // lines 9-10
    'A9,c9,,2026-05-01,,,abc,bad amount', // line 11
  ];
  const map = 'external_id=Order,customer_external_id=Card,customer_email=Email,occurred_at=When,store=Store,currency=Currency,total=Amount';

  it('imports nothing and names each bad line, column and reason', async () => {
    const file = write('bad.csv', header + rows.join('\n') + '\n');
    const before = await s.commerce.totals();
    const r = await importFile(s, { kind: 'purchases', file, map: parseMapSpec(map, 'purchases') });
    expect(r.imported).toBe(false);
    expect(r.invalid).toBe(7);
    const at = (line: number) => r.errors.filter((e) => e.line === line);
    expect(at(3)).toEqual([{ line: 3, column: 'Amount', reason: expect.stringMatching(/more than 2 decimals/) }]);
    expect(at(4)[0]).toMatchObject({ column: 'When' });
    expect(at(5)[0]).toMatchObject({ column: 'Card', reason: 'is empty — a purchase needs its customer' });
    expect(at(6)[0]).toMatchObject({ column: 'Email' });
    expect(at(7)[0]).toMatchObject({ column: 'Store', reason: expect.stringMatching(/unknown store "moon"/) });
    expect(at(8)[0]).toMatchObject({ column: 'Currency' });
    expect(at(11)[0]).toMatchObject({ column: 'Amount' });
    expect(at(9)).toEqual([]);
    expect(await s.commerce.totals()).toEqual(before);
  });

  it('imports the good rows with skipInvalid', async () => {
    const file = write('bad2.csv', header + rows.join('\n') + '\n');
    const r = await importFile(s, { kind: 'purchases', file, map: parseMapSpec(map, 'purchases'), skipInvalid: true });
    expect(r).toMatchObject({ imported: true, created: 2, invalid: 7 });
    expect((await s.commerce.get('A8')).total).toBe('5.00');
  });

  it('refuses an order id already imported with other values, before importing anything', async () => {
    const file = write('changed.csv', 'external_id,customer_external_id,occurred_at,total\nB1,c1,2026-05-02,1.00\nA1,c1,2026-05-01,99.00\n');
    const r = await importFile(s, { kind: 'purchases', file });
    expect(r.imported).toBe(false);
    expect(r.errors).toEqual([{ line: 3, column: 'external_id', reason: expect.stringMatching(/already recorded with other values/) }]);
  });

  it('names the earlier line when an order id comes twice in the file with other values', async () => {
    const file = write('twice.csv', 'external_id,customer_external_id,occurred_at,total\nT1,c1,2026-05-02,1.00\nT2,c1,2026-05-02,2.00\nT1,c1,2026-05-02,3.00\nT1,c1,2026-05-02,1.00\n');
    const r = await importFile(s, { kind: 'purchases', file });
    expect(r).toMatchObject({ imported: false, created: 0 });
    expect(r.errors).toEqual([{ line: 4, column: 'external_id', reason: 'order id T1 is on line 2 too, with other values' }]);
  });

  it('explains missing columns and bad maps before reading rows', async () => {
    const file = write('cols.csv', 'email,amount\nx@example.com,1\n');
    await expect(importFile(s, { kind: 'purchases', file })).rejects.toThrow(/required column "occurred_at" is missing/);
    expect(() => parseMapSpec('totl=Amount', 'purchases')).toThrow(/"totl" is not a purchases field/);
    await expect(importFile(s, { kind: 'purchases', file, map: { total: 'Sum' } })).rejects.toThrow(/no column "Sum"/);
  });
});

describe('keys and customers', () => {
  it('keeps two identical rows of one file, and adds nothing on a second import', async () => {
    const file = write('same.csv', 'customer_email,occurred_at,total\ntwin@example.com,2026-05-03,4.00\ntwin@example.com,2026-05-03,4.00\n');
    expect(await importFile(s, { kind: 'purchases', file })).toMatchObject({ created: 2 });
    expect(await importFile(s, { kind: 'purchases', file })).toMatchObject({ created: 0, duplicates: 2 });
  });

  it('imports customers with tags and consent', async () => {
    const file = write('customers.csv', 'email,first_name,language,tags,email_consent,birthday\nzeynep@example.com,Zeynep,tr,vip|coffee,yes,1991-07-14\nbad@,X,xx,,maybe,1991-02-30\n');
    const bad = await importFile(s, { kind: 'customers', file });
    expect(bad.imported).toBe(false);
    expect(bad.errors.map((e) => e.column).sort()).toEqual(['birthday', 'email', 'email_consent', 'language']);
    expect(bad.errors.find((e) => e.column === 'email_consent')!.reason).toMatch(/yes\/no/);
    const good = await importFile(s, { kind: 'customers', file, skipInvalid: true });
    expect(good).toMatchObject({ created: 1, invalid: 1 });
    const found = await s.customers.search({ query: 'zeynep@example.com' });
    expect(found.items[0]).toMatchObject({ first_name: 'Zeynep', tags: ['vip', 'coffee'], consent: { email: { status: 'granted', source: 'import' } } });
  });

  // Audit: a birthday not written YYYY-MM-DD was refused twice in one cell, "must be a date YYYY-MM-DD" and "is not a calendar date".
  it('tells one reason per bad birthday, the most precise', async () => {
    const file = write('birthdays.csv', 'email,birthday\nok@example.com,1990-02-28\nfeb@example.com,1990-02-30\nword@example.com,not-a-date\n');
    expect((await importFile(s, { kind: 'customers', file })).errors).toEqual([
      { line: 3, column: 'birthday', reason: 'is not a calendar date' },
      { line: 4, column: 'birthday', reason: 'must be a date YYYY-MM-DD' },
    ]);
  });

  it('names the identity columns the file has when a row has no customer at all', async () => {
    const purchases = write('no-customer.csv', 'Receipt,E-mail,Date,Amount\nR1,,2026-05-01,2.00\n');
    const map = parseMapSpec('external_id=Receipt,customer_email=E-mail,occurred_at=Date,total=Amount', 'purchases');
    expect((await importFile(s, { kind: 'purchases', file: purchases, map })).errors).toEqual([{ line: 2, column: 'E-mail', reason: 'is empty — a purchase needs its customer' }]);
    const customers = write('no-identity.csv', 'first_name,phone,email\nAna,,\n');
    expect((await importFile(s, { kind: 'customers', file: customers })).errors).toEqual([{ line: 2, column: 'email / phone', reason: expect.stringMatching(/external_id, email, phone/) }]);
  });
});
