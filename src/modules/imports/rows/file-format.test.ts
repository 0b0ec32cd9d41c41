import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { dateReader, fileFormatOf, guessFileFormat } from './file-format.ts';
import { parseMapSpec, previewCsv } from '../index.ts';

describe('date formats', () => {
  it('reads dates and times as tills write them, the time and its seconds optional', () => {
    const us = dateReader('M/D/YYYY H:mm');
    expect(us('12/1/2010 8:26')).toEqual({ date: '2010-12-01', time: '08:26:00', offset: undefined });
    expect(us('12/1/2010 08:26:59')).toEqual({ date: '2010-12-01', time: '08:26:59', offset: undefined });
    expect(us('12/1/2010')).toEqual({ date: '2010-12-01', time: undefined, offset: undefined });
    expect(us('2010-12-01')).toBeUndefined();
    const sl = dateReader('D.M.YYYY H:mm');
    expect(sl('15.1.2024 10:23 +0100')).toEqual({ date: '2024-01-15', time: '10:23:00', offset: '+01:00' });
    expect(sl('15. 1. 2024')).toBeUndefined();
    expect(dateReader('YYYY-MM-DDTHH:mm:ss')('2024-01-15T10:23:45Z')).toEqual({ date: '2024-01-15', time: '10:23:45', offset: 'Z' });
  });

  it('names what is wrong with a format', () => {
    expect(() => fileFormatOf({ dateFormat: 'DD.MM.YY' })).toThrow('a two-digit year (YY) cannot tell 1925 from 2025: write YYYY');
    expect(() => fileFormatOf({ dateFormat: 'DD.MM' })).toThrow('needs a year (YYYY), a month (M or MM) and a day (D or DD)');
    expect(() => fileFormatOf({ dateFormat: 'D.M.YYYY HH' })).toThrow('needs hours and minutes together');
    expect(() => fileFormatOf({ dateFormat: 'D.MMM.YYYY' })).toThrow('has M twice');
    expect(() => fileFormatOf({ dateFormat: 'D.M.YYYY hh:mm' })).toThrow('"h", which is not a date part');
    expect(fileFormatOf({ dateFormat: ' ', decimalComma: false })).toEqual({});
  });

  it('guesses a format only when one reads every date: 1/2/2026 alone could be either', () => {
    expect(guessFileFormat([['536365', '12/1/2010 8:26', '3.50'], ['536366', '12/13/2010 9:00', '1.00']])).toEqual({ dateFormat: 'M/D/YYYY H:mm' });
    expect(guessFileFormat([['1/2/2026 8:26', '3.50']])).toEqual({});
    expect(guessFileFormat([['R-1', '15.01.2024 10:23', '12,50'], ['R-2', '16.01.2024', '1.234,00']])).toEqual({ dateFormat: 'D.M.YYYY H:mm', decimalComma: true });
    expect(guessFileFormat([['2024-01-15T10:23:00+01:00', '12.50', '2']])).toEqual({});
    // A decimal point anywhere says the amounts are not written with commas.
    expect(guessFileFormat([['a', '12,50'], ['b', '12.50']])).toEqual({});
  });

  it('is not put off by a bad date or amount among the rows: the errors of such a file are the ones to report', () => {
    // A Slovenian till's export with 31.2.2026 (no such day) and "abc" among nine good rows.
    const rows = Array.from({ length: 9 }, (_, i) => [`R-${i}`, `${i + 10}.3.2026 10:00`, `${i + 1},50`]);
    rows.push(['R-9', '31.2.2026 10:00', 'abc']);
    expect(guessFileFormat(rows)).toEqual({ dateFormat: 'D.M.YYYY H:mm', decimalComma: true });
    // Half the dates unreadable is no guess.
    expect(guessFileFormat([['x', '31.2.2026 10:00', '1,50'], ['y', '13.3.2026 10:00', '2,50']])).toEqual({ decimalComma: true });
  });
});

const files = csvFiles('format-test');
const write = files.write;

let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices(); // the business in Europe/Ljubljana
  await s.stores.upsert({ code: 'ist', name: 'Istanbul', time_zone: 'Europe/Istanbul' }, { actor: 'test' });
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

describe('importing a file by its format', () => {
  it('reads UCI Online Retail\'s dates, a wall-clock time in the store\'s zone or the business\'s', async () => {
    const file = write([
      'InvoiceNo,InvoiceDate,CustomerID,Store,Amount',
      '536365,12/1/2010 8:26,17850,,139.12', // Ljubljana, winter: UTC+1
      '536366,7/1/2011 8:28,17850,,22.20', // Ljubljana, summer: UTC+2
      '536367,12/1/2010 8:34,13047,ist,278.73', // Istanbul in 2010: UTC+2
      '536368,12/1/2010 8:34 +0000,13047,,70.05', // an offset is kept
    ]);
    const map = parseMapSpec('external_id=InvoiceNo,occurred_at=InvoiceDate,customer_external_id=CustomerID,store=Store,total=Amount', 'purchases');
    const result = await importFile(s, { kind: 'purchases', file, map, format: fileFormatOf({ dateFormat: 'M/D/YYYY H:mm' }) });
    expect(result).toMatchObject({ rows: 4, created: 4, invalid: 0, imported: true });
    expect((await s.commerce.get('536365')).occurred_at).toBe('2010-12-01T07:26:00.000Z');
    expect((await s.commerce.get('536366')).occurred_at).toBe('2011-07-01T06:28:00.000Z');
    expect((await s.commerce.get('536367')).occurred_at).toBe('2010-12-01T06:34:00.000Z');
    expect((await s.commerce.get('536368')).occurred_at).toBe('2010-12-01T08:34:00.000Z');
    // Read again by the same format, the same purchases: nothing added.
    expect(await importFile(s, { kind: 'purchases', file, map, format: { dateFormat: 'M/D/YYYY H:mm' } })).toMatchObject({ created: 0, duplicates: 4 });
  });

  it('reads a European export: semicolons, D.M.YYYY and decimal commas — in purchases, customers and refunds', async () => {
    const purchases = write([
      'Račun;Kartica;Datum;Znesek;Popust',
      'R-1;k-1;1.3.2026 9:15;1.234,50;10,00',
      'R-2;k-2;2.3.2026;12,5;',
    ]);
    const map = parseMapSpec('external_id=Račun,customer_external_id=Kartica,occurred_at=Datum,total=Znesek,discount=Popust', 'purchases');
    const format = fileFormatOf({ dateFormat: 'D.M.YYYY H:mm', decimalComma: true });
    const preview = await previewCsv(purchases, 'purchases');
    // Dates with points are day first (nobody writes M.D.YYYY): no other common format reads them.
    expect(preview.suggested_format).toEqual({ date_format: 'D.M.YYYY H:mm', decimal_comma: true, encoding: 'utf-8' });
    expect(await importFile(s, { kind: 'purchases', file: purchases, map, format })).toMatchObject({ created: 2, imported: true });
    expect(await s.commerce.get('R-1')).toMatchObject({ total: '1234.50', discount: '10.00', occurred_at: '2026-03-01T08:15:00.000Z' });
    expect(await s.commerce.get('R-2')).toMatchObject({ total: '12.50', local_date: '2026-03-02' });

    const customers = write(['Kartica;Rojstni dan', 'k-1;24.12.1990']);
    expect(await importFile(s, { kind: 'customers', file: customers, map: parseMapSpec('external_id=Kartica,birthday=Rojstni dan', 'customers'), format })).toMatchObject({ invalid: 0, imported: true });
    const k1 = (await s.customers.findByIdentity({ kind: 'external_id', value: 'k-1' }))!;
    expect((await s.customers.get(k1)).birthday).toBe('1990-12-24');

    const refunds = write(['Račun;Vračilo;Znesek;Datum', 'R-1;V-1;34,50;3.3.2026 10:00']);
    expect(await importFile(s, { kind: 'refunds', file: refunds, map: parseMapSpec('purchase=Račun,external_id=Vračilo,amount=Znesek,occurred_at=Datum', 'refunds'), format }))
      .toMatchObject({ created: 1, invalid: 0, imported: true });
    expect((await s.commerce.get('R-1')).refunded).toBe('34.50');
  });

  it("reads a refund's wall-clock time in its purchase's store's zone, as the till that sold it wrote it", async () => {
    // 536367 was bought at 8:34 in Istanbul (06:34Z, UTC+2 in 2010): 8:30 there is before it,
    // though 8:30 in Ljubljana (07:30Z) would not be.
    const map = parseMapSpec('purchase=Invoice,external_id=Credit,occurred_at=Date,amount=Amount', 'refunds');
    const format = fileFormatOf({ dateFormat: 'M/D/YYYY H:mm' });
    const early = write(['Invoice,Credit,Date,Amount', '536367,C-1,12/1/2010 8:30,10.00']);
    const refused = await importFile(s, { kind: 'refunds', file: early, map, format });
    expect(refused).toMatchObject({ imported: false, invalid: 1 });
    expect(refused.errors).toEqual([{ line: 2, column: 'Date', reason: 'is before the purchase it refunds (2010-12-01T06:34:00.000Z)' }]);
    const later = write(['Invoice,Credit,Date,Amount', '536367,C-2,12/1/2010 9:00,10.00', '536365,C-3,12/1/2010 9:00,10.00']);
    expect(await importFile(s, { kind: 'refunds', file: later, map, format })).toMatchObject({ created: 2, imported: true });
    const at = async (id: string) => (await s.db.selectFrom('refunds').select('occurred_at').where('external_id', '=', id).executeTakeFirstOrThrow()).occurred_at;
    expect(new Date(await at('C-2')).toISOString()).toBe('2010-12-01T07:00:00.000Z'); // Istanbul's store
    expect(new Date(await at('C-3')).toISOString()).toBe('2010-12-01T08:00:00.000Z'); // a purchase without a store: Ljubljana
  });

  it('refuses at once a file whose dates are all in another format, naming the format that reads them', async () => {
    const uci = write(['InvoiceNo,InvoiceDate,CustomerID,Amount', '536365,12/13/2010 8:26,17850,1.00', '536366,12/1/2010 8:28,17850,2.00']);
    const map = parseMapSpec('external_id=InvoiceNo,occurred_at=InvoiceDate,customer_external_id=CustomerID,total=Amount', 'purchases');
    await expect(importFile(s, { kind: 'purchases', file: uci, map })).rejects.toThrow('the dates of column InvoiceDate are not ISO 8601 (line 2: "12/13/2010 8:26"): name the file\'s date format, "M/D/YYYY H:mm"');
    const either = write(['InvoiceNo,InvoiceDate,CustomerID,Amount', '536367,1/2/2010,17850,1.00']);
    await expect(importFile(s, { kind: 'purchases', file: either, map })).rejects.toThrow('"D/M/YYYY H:mm" or "M/D/YYYY H:mm" (its first rows fit either)');
    // One date of no calendar among them does not hide the format the rest are in.
    const flawed = write(['InvoiceNo,InvoiceDate,CustomerID,Amount', ...Array.from({ length: 9 }, (_, i) => `5368${i},12/${i + 13}/2010 8:26,17850,1.00`), '536399,2/31/2010 8:26,17850,1.00']);
    await expect(importFile(s, { kind: 'purchases', file: flawed, map })).rejects.toThrow('name the file\'s date format, "M/D/YYYY H:mm"');
  });

  it('reads a spreadsheet\'s empty rows (",,,") as blank lines, and a header\'s unnamed last column as none', async () => {
    const file = write(['order,card,date,total,', 'G-1,c-1,2026-03-01,4.00,', ',,,,', 'G-2,c-1,2026-03-01,12,50']);
    const result = await importFile(s, { kind: 'purchases', file, map: parseMapSpec('external_id=order,customer_external_id=card,occurred_at=date', 'purchases') });
    expect(result).toMatchObject({ rows: 2, imported: false, invalid: 1 });
    expect(result.errors).toEqual([{ line: 4, column: 'total', reason: '5 fields where the header has 4 — a decimal comma ("12,50") in a comma-separated file? Write amounts with a decimal point (12.50)' }]);
  });

  it('names each cell that does not fit the format, and imports nothing', async () => {
    const file = write([
      'order;card;date;total',
      'F-1;c-1;31.2.2026;5,00', // line 2: no 31 February
      'F-2;c-1;1.3.2026 25:00;5,00', // line 3
      'F-3;c-1;2026-03-01;5,00', // line 4: another format
      'F-4;c-1;1.3.2026;5.00', // line 5: a decimal point
      'F-5;c-1;1.3.2026;5', // fine
    ]);
    const map = parseMapSpec('external_id=order,customer_external_id=card,occurred_at=date,total=total', 'purchases');
    const result = await importFile(s, { kind: 'purchases', file, map, format: { dateFormat: 'D.M.YYYY H:mm', decimalComma: true } });
    expect(result).toMatchObject({ imported: false, invalid: 4 });
    expect(result.errors).toEqual([
      { line: 2, column: 'date', reason: '"31.2.2026" is not a day of the calendar (read as 2026-02-31 by the format D.M.YYYY H:mm)' },
      { line: 3, column: 'date', reason: '"1.3.2026 25:00" is not a time of day (read as 25:00:00 by the format D.M.YYYY H:mm)' },
      { line: 4, column: 'date', reason: '"2026-03-01" does not match the date format D.M.YYYY H:mm' },
      { line: 5, column: 'total', reason: '"5.00" is not a number written with a decimal comma (such as 1.234,50)' },
    ]);
    await expect(s.commerce.get('F-5')).rejects.toThrow();
  });

  // QA: the API's words for an amount that is none ask for a decimal point (in sl, tr, da, ru
  // "not a comma"): told so of a file whose amounts are written with a decimal comma, they misled.
  it('tells an amount that is none by the decimal comma of a file imported with that option', async () => {
    const file = write(['order;card;date;total', 'N-1;c-1;2026-03-01;-2,50', 'N-2;c-1;2026-03-01;3,50']);
    const map = parseMapSpec('external_id=order,customer_external_id=card,occurred_at=date,total=total', 'purchases');
    const result = await importFile(s, { kind: 'purchases', file, map, format: { decimalComma: true } });
    expect(result.errors).toEqual([{ line: 2, column: 'total', reason: '"-2,50" is not a non-negative amount written with a decimal comma (such as 1.234,50)' }]);
    const sl = await importFile(s, { kind: 'purchases', file, map, format: { decimalComma: true }, language: 'sl' });
    expect(sl.errors).toEqual([{ line: 2, column: 'total', reason: '"-2,50" ni nenegativen znesek z decimalno vejico (na primer 1.234,50)' }]);
  });

  it('quotes a cell as the file wrote it, and names a decimal comma in a file imported without the option', async () => {
    const file = write(['order;card;date;total', 'G-1;c-1;2026-03-01;1,234', 'G-2;c-1;2026-03-01;1.234,50']);
    const map = parseMapSpec('external_id=order,customer_external_id=card,occurred_at=date,total=total', 'purchases');
    const withOption = await importFile(s, { kind: 'purchases', file, map, format: { decimalComma: true } });
    expect(withOption.errors).toEqual([{ line: 2, column: 'total', reason: '"1,234" (read as 1.234) has more than 2 decimals for EUR' }]);
    const without = await importFile(s, { kind: 'purchases', file, map });
    expect(without.errors).toEqual([
      { line: 2, column: 'total', reason: expect.stringContaining('not "1,234": written with a decimal comma? Import with --decimal-comma') },
      { line: 3, column: 'total', reason: 'must be a non-negative decimal amount such as "29.33", not "1.234,50": written with a decimal comma? Import with --decimal-comma (on the dashboard: amounts written with a decimal comma)' },
    ]);
  });
});
