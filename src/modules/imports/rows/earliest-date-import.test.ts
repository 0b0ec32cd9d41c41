import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';

// A file's dates follow the API's rule: none before 1900-01-01 (clock.ts EARLIEST_DATE),
// no birthday after today. QA: a purchases file with a row dated "0026-01-01" stopped
// with a raw database error ("time zone displacement out of range"), no line named and
// no good row imported even with --skip-invalid, while --dry-run said all was fine.
// "Now" is 2026-06-01T12:00:00Z.

const files = csvFiles('earliest-date');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const tooEarly = 'must not be before 1900-01-01';

describe('a purchases file with a row dated before 1900', () => {
  const rows = [
    'external_id,customer_email,occurred_at,total',
    'new1,ana@example.com,2026-05-01,3.00',
    'old1,old@example.com,0026-01-01,1.00', // line 3
    'old2,old@example.com,0000-01-01T00:00:00Z,1.00', // line 4
    'new2,ana@example.com,2026-05-02T10:00:00+02:00,4.00',
  ];

  it('is reported row by row by a dry run, naming the line and occurred_at', async () => {
    const r = await importFile(s, { kind: 'purchases', file: files.write(rows), dryRun: true });
    expect(r).toMatchObject({ invalid: 2, imported: false });
    expect(r.errors).toEqual([{ line: 3, column: 'occurred_at', reason: tooEarly }, { line: 4, column: 'occurred_at', reason: tooEarly }]);
  });

  it('imports the good rows with skipInvalid and skips those', async () => {
    const r = await importFile(s, { kind: 'purchases', file: files.write(rows), skipInvalid: true });
    expect(r).toMatchObject({ created: 2, invalid: 2, imported: true, errors: [{ line: 3, column: 'occurred_at', reason: tooEarly }, { line: 4, column: 'occurred_at' }] });
    expect((await s.commerce.get('new2')).total).toBe('4.00');
    await expect(s.commerce.get('old1')).rejects.toMatchObject({ kind: 'not_found' });
  });

  it('is refused at that row in a file read with a date format, its local time in the business zone', async () => {
    const formatted = ['external_id,customer_email,occurred_at,total', 'f1,ana@example.com,1.5.2026 10:00,3.00', 'f2,ana@example.com,1.1.0026 10:00,1.00'];
    const r = await importFile(s, { kind: 'purchases', file: files.write(formatted), format: { dateFormat: 'D.M.YYYY H:mm' }, dryRun: true });
    expect(r.errors).toEqual([{ line: 3, column: 'occurred_at', reason: tooEarly }]);
  });
});

describe('a customers file with a birthday after today or before 1900', () => {
  it('names each such row at birthday, and imports the others with skipInvalid', async () => {
    const rows = [
      'external_id,email,birthday',
      'k1,k1@example.com,1990-04-01',
      'k2,k2@example.com,2999-01-01', // line 3
      'k3,k3@example.com,0026-01-01', // line 4
      'k4,k4@example.com,2026-06-02', // line 5
    ];
    const dry = await importFile(s, { kind: 'customers', file: files.write(rows), dryRun: true });
    const afterToday = 'is after today (2026-06-01): a birthday is a day that has already come';
    expect(dry.errors).toEqual([
      { line: 3, column: 'birthday', reason: afterToday },
      { line: 4, column: 'birthday', reason: tooEarly },
      { line: 5, column: 'birthday', reason: afterToday },
    ]);
    const r = await importFile(s, { kind: 'customers', file: files.write(rows), skipInvalid: true });
    expect(r).toMatchObject({ created: 1, invalid: 3, imported: true });
  });
});
