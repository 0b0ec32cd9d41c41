import { sql, type Kysely } from 'kysely';

// The customers list's order by name (GET /customers?sort=name, customer-order.ts): an index
// on the name as the order reads it and the id, so a page is an index range (a page in
// 5–14 ms at 100,000 customers, PostgreSQL). customers rows are not changed by a purchase.
//
// The orders by last purchase, net spend and purchases have no index, on purpose: every
// purchase changes those columns of its customer_stats row, and an index on any of them
// would stop the update being made in place (HOT, migration 0007) and add an index entry to
// write a purchase — in a bulk update of 20,000 rows about 60 µs a row against 28 µs. The
// purchase path is what a till waits for; a page of the list sorted by spend is a staff
// member's click and costs 90–270 ms at 100,000 customers without them (docs/benchmarks.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX customers_by_name ON customers ((NULLIF(lower(btrim(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))), '')), id)
      WHERE status = 'active';
  `.execute(db);
}
