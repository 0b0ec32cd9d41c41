import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';

it('asks autovacuum to visit the ledger and the purchases after 1 % of new rows', async () => {
  const database = await openTestDatabase();
  try {
    const { rows } = await sql<{ relname: string; reloptions: string[] | null }>`
      SELECT relname, reloptions FROM pg_class
      WHERE relname IN ('loyalty_entries', 'purchases') AND relkind = 'r' ORDER BY relname`.execute(database.db);
    expect(rows).toEqual([
      { relname: 'loyalty_entries', reloptions: ['autovacuum_vacuum_insert_scale_factor=0.01'] },
      { relname: 'purchases', reloptions: ['autovacuum_vacuum_insert_scale_factor=0.01'] },
    ]);
  } finally {
    await database.close();
  }
});
