import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';

// A dry run checks a file as the import's first pass does and writes nothing; what it says
// the import would add and find already there is what the import then does.

const files = csvFiles('dry-run');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

/** What a dry run leaves unchanged: every table an import writes, counted. */
async function written() {
  const count = async (table: 'customers' | 'purchases' | 'refunds' | 'loyalty_entries' | 'customer_identities') =>
    Number((await s.db.selectFrom(table).select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { customers: await count('customers'), identities: await count('customer_identities'), purchases: await count('purchases'), refunds: await count('refunds'), entries: await count('loyalty_entries') };
}

describe('a dry run', () => {
  it('of purchases: counts the new, those recorded before and those repeated in the file, writes nothing, and the import then does as it said', async () => {
    await importFile(s, { kind: 'purchases', file: files.write(['external_id,customer_email,occurred_at,total', 'D-0,ana@example.com,2026-05-01,20.00']) });
    const file = files.write([
      'external_id,customer_email,occurred_at,total',
      'D-0,ana@example.com,2026-05-01,20.00', // recorded before
      'D-1,bo@example.com,2026-05-02,30.00',
      'D-2,cy@example.com,2026-05-03,12.50',
      'D-2,cy@example.com,2026-05-03,12.50', // the line before, again
    ]);
    const before = await written();
    const dry = await importFile(s, { kind: 'purchases', file, dryRun: true });
    expect(dry).toMatchObject({ rows: 4, created: 2, duplicates: 2, invalid: 0, errors: [], imported: false, dry_run: true });
    expect(await written()).toEqual(before);
    const real = await importFile(s, { kind: 'purchases', file });
    expect(real).toMatchObject({ rows: 4, created: 2, duplicates: 2, imported: true, dry_run: false });
  });

  it('of a file with a bad row: reports it as the import would and counts the rows --skip-invalid would take', async () => {
    const file = files.write([
      'external_id,customer_email,occurred_at,total',
      'D-10,dee@example.com,2026-05-04,15.00',
      'D-11,dee@example.com,2026-05-04,-3.00',
      'D-12,eve@example.com,2026-05-04,8.00',
    ]);
    const before = await written();
    const dry = await importFile(s, { kind: 'purchases', file, dryRun: true });
    expect(dry).toMatchObject({ rows: 3, created: 2, duplicates: 0, invalid: 1, imported: false, dry_run: true });
    expect(dry.errors).toEqual([{ line: 3, column: 'total', reason: expect.stringMatching(/0|negative|positive/) }]);
    expect(await written()).toEqual(before);
    expect(await importFile(s, { kind: 'purchases', file, skipInvalid: true })).toMatchObject({ created: 2, duplicates: 0, invalid: 1, imported: true });
  });

  it('of line items: counts orders, not rows', async () => {
    const file = files.write([
      'external_id,customer_email,occurred_at,line_sku,line_quantity,line_unit_price',
      'D-20,fay@example.com,2026-05-05,COF,2,3.50',
      'D-20,fay@example.com,2026-05-05,CAKE,1,4.20',
      'D-21,gus@example.com,2026-05-05,COF,1,3.50',
    ]);
    const dry = await importFile(s, { kind: 'purchases', file, dryRun: true });
    expect(dry).toMatchObject({ rows: 3, orders: 2, created: 2, duplicates: 0, dry_run: true });
    await importFile(s, { kind: 'purchases', file });
    expect(await importFile(s, { kind: 'purchases', file, dryRun: true })).toMatchObject({ rows: 3, orders: 2, created: 0, duplicates: 2 });
  });

  it('of refunds: a refund id recorded before is already there, a refund over what is left is an error', async () => {
    await importFile(s, { kind: 'refunds', file: files.write(['external_id,purchase,amount', 'R-1,D-1,5.00']) });
    const file = files.write([
      'external_id,purchase,amount',
      'R-1,D-1,5.00', // recorded before
      'R-2,D-1,10.00',
      'R-3,D-1,20.00', // 30 − 5 − 10 = 15 left
    ]);
    const before = await written();
    const dry = await importFile(s, { kind: 'refunds', file, dryRun: true });
    expect(dry).toMatchObject({ rows: 3, created: 1, duplicates: 1, invalid: 1, dry_run: true });
    expect(dry.errors).toEqual([{ line: 4, column: 'amount', reason: expect.stringContaining('exceeds the refundable €15.00') }]);
    expect(await written()).toEqual(before);
  });

  it('of customers: a row whose identity names a customer, or an earlier row of the file, updates; the others add', async () => {
    const file = files.write([
      'email,phone,first_name',
      'ana@example.com,,Ana', // a customer since the first test
      'hal@example.com,,Hal',
      'ivy@example.com,+38640111222,Ivy',
      ',+38640111222,Ivy', // the row before's phone
    ]);
    const before = await written();
    const dry = await importFile(s, { kind: 'customers', file, dryRun: true });
    expect(dry).toMatchObject({ rows: 4, created: 2, duplicates: 2, invalid: 0, dry_run: true });
    expect(await written()).toEqual(before);
    expect(await importFile(s, { kind: 'customers', file })).toMatchObject({ created: 2, duplicates: 2, imported: true });
  });
});
