import { sql, type Kysely } from 'kysely';

// The customers list's sorts (GET /customers?sort=…, customer-order.ts): an index for each
// order by a kept value, on the key and the customer's id, so a page is an index range
// (measured at 100,000 customers, PostgreSQL: a page by net spend read in 3–4 ms with its
// index, about 330 ms without, the active customers joined and sorted each time; both on
// a busy two-core machine). A B-tree serves both directions.
//
// The cost is on the purchase path: every purchase changes these three columns of its
// customer_stats row, so the update can no longer be made in place (HOT, migration 0007)
// and writes an entry in each index — in a bulk update of 20,000 rows, about 60 µs a row
// against 28 µs without them, on the same busy machine. Partial on purchases_count > 0,
// as the orders read them: a customer without a purchase has no key and comes last.
//
// The name order's index is on customers, whose rows a purchase does not change.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX customer_stats_by_net_spend ON customer_stats (net_spend_minor, customer_id) WHERE purchases_count > 0;
    CREATE INDEX customer_stats_by_last_purchase ON customer_stats (last_purchase_at, customer_id) WHERE purchases_count > 0;
    CREATE INDEX customer_stats_by_purchases ON customer_stats (purchases_count, customer_id) WHERE purchases_count > 0;
    CREATE INDEX customers_by_name ON customers ((NULLIF(lower(btrim(COALESCE(first_name, '') || ' ' || COALESCE(last_name, ''))), '')), id)
      WHERE status = 'active';
  `.execute(db);
}
