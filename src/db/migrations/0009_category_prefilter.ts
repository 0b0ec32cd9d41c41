import { sql, type Kysely } from 'kysely';

// The categories a customer has bought, for the challenges' check. After every dispatch
// of purchases the check asks, for each buyer, how many distinct categories their
// purchases of a challenge's window hold ("try 3 categories"): a read of every purchase
// of the window and of its lines, about a tenth of the database's statement time under a
// load of purchases (docs/benchmarks.md, session 20). The members such a challenge is
// still open for are mostly those who have not bought in that many categories ever, and
// customer_stats now says so without a read: `categories` holds the distinct categories
// of all the customer's lines (refunded ones too, so it bounds every window from above),
// sorted, at most 32 of them (CATEGORIES_KEPT in purchase.repository.ts: a customer with
// 32 is checked for any goal), so a purchase's update of the row stays small.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE customer_stats ADD COLUMN categories text[] NOT NULL DEFAULT '{}';
    UPDATE customer_stats s SET categories = ARRAY(
      SELECT DISTINCT l.category FROM purchase_lines l
      WHERE l.customer_id = s.customer_id AND l.category IS NOT NULL ORDER BY 1 LIMIT 32);
  `.execute(db);
}
