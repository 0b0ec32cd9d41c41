import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers/database.ts';
import { migrateTo, migrateToLatest } from '../index.ts';

it('fills customer_stats.categories from the lines bought before the upgrade', async () => {
  const database = await openTestDatabase({ migrate: false });
  try {
    await migrateTo(database.db, '0008_long_histories');
    // Three customers: lines in three categories (one twice, one line without), 40 categories, no lines.
    await sql`
      INSERT INTO customers (id, created_at, updated_at)
      SELECT ('00000000-0000-4000-8000-00000000000' || n)::uuid, now(), now() FROM generate_series(1, 3) AS n;
      INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, source, created_at)
      SELECT ('00000000-0000-4000-8000-00000000000' || n)::uuid, ('10000000-0000-4000-8000-00000000000' || n)::uuid, 'p' || n, now(), current_date, 'in_store', 'EUR', 100, 'api', now()
      FROM generate_series(1, 3) AS n;
      INSERT INTO purchase_lines (customer_id, purchase_id, line_no, category, quantity, unit_price_minor)
      VALUES ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 1, 'tea', 1, 10),
             ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 2, 'coffee', 1, 10),
             ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 3, 'tea', 1, 10),
             ('00000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000001', 4, NULL, 1, 10);
      INSERT INTO purchase_lines (customer_id, purchase_id, line_no, category, quantity, unit_price_minor)
      SELECT '00000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000002', n, 'c' || lpad(n::text, 2, '0'), 1, 10 FROM generate_series(1, 40) AS n;
      INSERT INTO customer_stats (customer_id, purchases_count, updated_at)
      SELECT ('00000000-0000-4000-8000-00000000000' || n)::uuid, 1, now() FROM generate_series(1, 3) AS n;
    `.execute(database.db);
    await migrateToLatest(database.db);
    const rows = await database.db.selectFrom('customer_stats').select(['customer_id', 'categories']).orderBy('customer_id').execute();
    expect(rows.map((r) => r.categories)).toEqual([
      ['coffee', 'tea'],
      Array.from({ length: 32 }, (_, i) => `c${String(i + 1).padStart(2, '0')}`),
      [],
    ]);
  } finally {
    await database.close();
  }
});
