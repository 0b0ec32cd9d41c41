import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvFiles } from '../../../../test/helpers/csv-files.ts';
import { recordAll } from '../../../../test/helpers/purchases.ts';
import { openTestServices } from '../../../../test/helpers/services.ts';
import { importFile } from '../../../workflows/import-file.ts';
import { parseMapSpec } from '../index.ts';
import { resolveColumns } from './mapping.ts';
import { createRowKeys } from './rows.ts';

// A file without order ids has its purchases keyed by what they are, so importing the same
// purchases again adds nothing however the file spells them — found by a new user's audit:
// re-saved by a spreadsheet (4.50 → 4.5), an e-mail in capitals, or a names column mapped
// the second time, each purchase was counted again.

const files = csvFiles('row-keys-test');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

const revenueOf = async () => (await s.commerce.totals()).revenue;

describe('a purchases file without order ids', () => {
  it('adds nothing when imported again spelled otherwise or with more columns, and keeps two identical purchases two', async () => {
    const first = files.write(['email,date,total', 're1@example.com,2026-03-01,4.50', 're1@example.com,2026-03-01,4.50', 're2@example.com,2026-03-02,20.00']);
    const map = parseMapSpec('customer_email=email,occurred_at=date', 'purchases');
    expect(await importFile(s, { kind: 'purchases', file: first, map })).toMatchObject({ created: 3, duplicates: 0, imported: true });
    const revenue = await revenueOf();

    const again = files.write(['email,date,total,first name', 'RE1@example.com,2026-03-01,4.5,Rea', 're1@example.com,2026-03-01,4.5,Rea', 're2@example.com,2026-03-02,20,Rok']);
    const withNames = parseMapSpec('customer_email=email,occurred_at=date,customer_first_name=first name', 'purchases');
    expect(await importFile(s, { kind: 'purchases', file: again, map: withNames })).toMatchObject({ created: 0, duplicates: 3, imported: true });
    expect(await revenueOf()).toBe(revenue);

    // A third identical purchase is a new one.
    const third = files.write(['email,date,total', 're1@example.com,2026-03-01,4.50', 're1@example.com,2026-03-01,4.50', 're1@example.com,2026-03-01,4.50']);
    expect(await importFile(s, { kind: 'purchases', file: third, map })).toMatchObject({ created: 1, duplicates: 2 });
  });

  it('finds a purchase imported when rows were keyed by their cells as written', async () => {
    const header = ['card', 'date', 'total'];
    const row = ['old-1', '2026-03-05', '7.00'];
    const map = parseMapSpec('customer_external_id=card,occurred_at=date', 'purchases');
    const legacyKey = createRowKeys('purchases', resolveColumns({ header, map, kind: 'purchases', via: 'cli' })).ofRow(row);
    await recordAll(s, [{ external_id: legacyKey, customer: { external_id: 'old-1' }, occurred_at: '2026-03-05', total: '7.00' }]);
    const file = files.write([header.join(','), row.join(',')]);
    expect(await importFile(s, { kind: 'purchases', file, map })).toMatchObject({ created: 0, duplicates: 1, imported: true });
  });
});
