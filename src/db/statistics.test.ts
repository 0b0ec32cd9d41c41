import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/helpers/database.ts';
import { refreshStatistics, type DatabaseHandle } from './index.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(() => handle.close());

const estimatedRows = async (table: string) =>
  Number((await sql<{ reltuples: number }>`SELECT reltuples FROM pg_class WHERE relname = ${table}`.execute(handle.db)).rows[0].reltuples);

it('analyzes a table that grew since its statistics, and only then', async () => {
  await refreshStatistics(handle.db);
  expect(await refreshStatistics(handle.db)).toEqual([]);

  await sql`INSERT INTO stores (id, code, name, time_zone) SELECT gen_random_uuid(), 'store-' || g, 'Store ' || g, 'UTC' FROM generate_series(1, 3000) g`.execute(handle.db);
  expect(await refreshStatistics(handle.db)).toEqual(['stores']);
  expect(await estimatedRows('stores')).toBe(3000);
  // Nothing grew since: nothing to do.
  expect(await refreshStatistics(handle.db)).toEqual([]);

  // A tenth more is within what the statistics still describe; three times as much is not.
  await sql`INSERT INTO stores (id, code, name, time_zone) SELECT gen_random_uuid(), 'more-' || g, 'More ' || g, 'UTC' FROM generate_series(1, 300) g`.execute(handle.db);
  expect(await refreshStatistics(handle.db)).toEqual([]);
  await sql`INSERT INTO stores (id, code, name, time_zone) SELECT gen_random_uuid(), 'most-' || g, 'Most ' || g, 'UTC' FROM generate_series(1, 6000) g`.execute(handle.db);
  expect(await refreshStatistics(handle.db)).toEqual(['stores']);
  expect(await estimatedRows('stores')).toBe(9300);
});
