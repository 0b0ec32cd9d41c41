import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { csvFiles } from '../../test/helpers/csv-files.ts';
import { openTestServices } from '../../test/helpers/services.ts';
import { refreshStatistics } from '../db/index.ts';
import { importFile } from './import-file.ts';

// An import refreshes its tables' statistics as it fills them and at its end
// (db/statistics.ts, statisticsAsTablesGrow): without them, a large first import into an
// empty database would be planned as empty where no autovacuum runs (PGlite; this project's
// PostgreSQL with autovacuum off) until the schedule's refresh, up to ten minutes on.

const files = csvFiles('import-statistics');
let s: Awaited<ReturnType<typeof openTestServices>>;
beforeAll(async () => {
  s = await openTestServices();
});
afterAll(async () => {
  await s?.close();
  files.remove();
});

/** The planner's estimate of the table's rows (ANALYZE sets it; -1 before any). */
const estimatedRows = async (table: string) =>
  Number((await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE relname = ${table} AND relkind = 'r'`.execute(s.db)).rows[0].reltuples);

const purchasesFile = (prefix: string, rows: number, customers: number) =>
  files.write(['external_id,customer_external_id,occurred_at,total', ...Array.from({ length: rows }, (_, i) => `${prefix}-${i},${prefix}-card-${i % customers},2026-01-01T10:00:00Z,${(i % 50) + 1}.00`)]);

it('a small import analyzes nothing; a large one leaves its tables analyzed', async () => {
  const before = { purchases: await estimatedRows('purchases'), customers: await estimatedRows('customers') };
  expect(await importFile(s, { kind: 'purchases', file: purchasesFile('small', 40, 10) })).toMatchObject({ created: 40 });
  expect(await estimatedRows('purchases')).toBe(before.purchases);
  expect(await estimatedRows('customers')).toBe(before.customers);

  expect(await importFile(s, { kind: 'purchases', file: purchasesFile('large', 3000, 1000) })).toMatchObject({ created: 3000 });
  // Analyzed as the import went (at 2,000 rows written) or at its end: within the fifth
  // refreshStatistics allows, and no table of the database left stale.
  expect(await estimatedRows('purchases')).toBeGreaterThanOrEqual(3040 / 1.2);
  expect(await estimatedRows('customers')).toBeGreaterThanOrEqual(1010 / 1.2);
  expect(await refreshStatistics(s.db)).toEqual([]);

  // Customers, written one by one: fewer than a check's 2,000 rows, refreshed at the end.
  const customers = files.write(['external_id,email', ...Array.from({ length: 1200 }, (_, i) => `member-${i},member-${i}@example.com`)]);
  expect(await importFile(s, { kind: 'customers', file: customers })).toMatchObject({ created: 1200 });
  expect(await estimatedRows('customers')).toBeGreaterThanOrEqual(2210 / 1.2);
  expect(await refreshStatistics(s.db)).toEqual([]);
});
