import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';

it('answers "delivered already?" and "merged into whom?" from an index', async () => {
  const database = await openTestDatabase();
  try {
    const plan = async (query: ReturnType<typeof sql>) =>
      (await sql<{ 'QUERY PLAN': string }>`EXPLAIN ${query}`.execute(database.db)).rows.map((r) => r['QUERY PLAN']).join('\n');
    const id = '00000000-0000-4000-8000-000000000001';
    expect(await plan(sql`SELECT id FROM webhook_deliveries WHERE endpoint_id = ${id} AND event_id = 5 AND ok = true LIMIT 1`)).toContain('webhook_deliveries_delivered');
    expect(await plan(sql`SELECT id FROM customers WHERE merged_into = ${id}`)).toContain('customers_merged_into');
  } finally {
    await database.close();
  }
});
