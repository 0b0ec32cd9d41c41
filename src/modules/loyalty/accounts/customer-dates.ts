import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import { mergedIntoQuery, type CustomerDates, type CustomerOrder } from '../../customers/index.ts';

// Since when a business has known a customer, and since when they are a member: the dates
// a customer's answer carries beside created_at. created_at is when the row was written,
// which for a customer brought in by an import of past purchases (or a customers file) is
// the day of the import: a business importing three years of history knows them since
// their first purchase. These are read, not stored: each is a few index probes per
// customer, and a list page reads them for all its customers in one statement.
//
// The customers module answers these dates but knows nothing of purchases or members: it
// is given this reader (services.ts), which reads commerce's customer_stats (kept up to
// date on every purchase and merge, as accrual reads it) and the loyalty tables.
//
// - customer_since: the earlier of the first purchase and the day the customer was first
//   recorded (of every record of the person: a merge moves purchases to the survivor, and
//   the customer merged in may have been known longer).
// - member_since: for a member, the earlier of the day they joined and the first purchase
//   the program credited them for (an `earn` entry, dated at its purchase). A member joins
//   when their row is written: with automatic enrolment that is the transaction recording
//   their first purchase — for a history imported now, today, while the program dates the
//   points of each purchase at the purchase, so the ledger has counted them a member since
//   their first purchase; a customers file imported before its purchases enrols at the
//   import, and the purchases imported after credit points from their own dates. A purchase
//   made before the program was in force earned nothing (no entry), so it does not move the
//   date back. Over every record of the person too: a survivor who never joined becomes a
//   member at the merge, the customer merged in may have been one for years.
//
// customer_since is written once (customerSince below): the answers read it for a page of
// customers, and the list sorts by it (GET /customers?sort=customer_since) — the order is
// that of the dates shown, and cannot drift from it.

/**
 * customer_since of each customer `c` (a `customers c` of the statement): `join`, the joins
 * it needs (LEFT: every customer stays), and `key`, the value. The first purchase is
 * customer_stats' (a merge moves the purchases to the survivor, and its stats with them);
 * the day the person was first recorded the earliest created_at of `c` and the customers
 * merged into it, read from `merged` (mergedIntoQuery's rows, or a CTE of them: a customer
 * without rows there counts its own record alone). Never null: created_at never is.
 */
function customerSince(merged: RawBuilder<unknown>): { join: RawBuilder<unknown>; key: RawBuilder<unknown> } {
  return {
    join: sql`LEFT JOIN customer_stats since_s ON since_s.customer_id = c.id
    LEFT JOIN (SELECT mi.person, min(mi.created_at) AS created_at FROM ${merged} mi GROUP BY mi.person) since_p ON since_p.person = c.id`,
    key: sql`LEAST(c.created_at, since_p.created_at, since_s.first_purchase_at)`,
  };
}

/**
 * The customers list's order by customer_since (customer-order.ts in the customers module
 * says why it is given as SQL), ascending the longest-standing customers first. The people
 * read are those merged into (the ids merges left in customers_merged_into, migration
 * 0012): every other customer's is their own record, so a page walks the merges there are,
 * all in one recursion, and no customer's who has none. No index serves the order: its key
 * is the least of values of three tables, and customer_stats is written by every purchase
 * (an index on first_purchase_at would cost it its in-place updates). So a page reads every
 * customer's row and stats and sorts them (bench/customer-sort.bench.ts, a demo of 100,000
 * customers, 5,000 of them merged into others: 0.21–0.24 s a page, the merges' recursion
 * 25 ms of it, the scans of customers and customer_stats most of the rest).
 */
export function customerSinceOrder(): CustomerOrder {
  const { join, key } = customerSince(mergedIntoQuery(sql`(SELECT DISTINCT mc.merged_into FROM customers mc WHERE mc.merged_into IS NOT NULL)`));
  return { join, key, type: 'timestamptz', nullable: false };
}

/**
 * The dates of each customer's answer (customers' CustomerDatesReader), for a page of them in
 * one statement. The page's merges are walked once (`merged`, a CTE PostgreSQL computes once
 * for its two readers): customer_since takes the records' dates from it, member_since the
 * person's ids — the customer and those rows' — whose memberships and first earn entries it
 * reads.
 */
export async function customerDatesOf(db: Db | Tx, customerIds: string[]): Promise<Map<string, CustomerDates>> {
  if (customerIds.length === 0) return new Map();
  const since = customerSince(sql`merged`);
  // The first earn entry is the first row of loyalty_entries_time (customer_id, occurred_at)
  // that is one, read from the index alone (kind is in it: migration 0008).
  const { rows } = await sql<CustomerDates & { customer_id: string }>`
    WITH merged AS ${mergedIntoQuery(sql`unnest(${customerIds}::uuid[])`)}
    SELECT c.id AS customer_id, since_s.first_purchase_at, ${since.key} AS customer_since,
           CASE WHEN m.customer_id IS NULL THEN NULL ELSE LEAST(person.joined_at, person.first_earned_at) END AS member_since
    FROM customers c ${since.join}
    LEFT JOIN loyalty_members m ON m.customer_id = c.id
    LEFT JOIN (
      SELECT ids.person, min(pm.joined_at) AS joined_at, min(earned.occurred_at) AS first_earned_at
      FROM (SELECT id AS person, id FROM unnest(${customerIds}::uuid[]) AS page(id) UNION ALL SELECT person, id FROM merged) ids
      JOIN loyalty_members pm ON pm.customer_id = ids.id
      LEFT JOIN LATERAL (
        SELECT e.occurred_at FROM loyalty_entries e
        WHERE e.customer_id = ids.id AND e.kind = 'earn'
        ORDER BY e.occurred_at LIMIT 1
      ) earned ON true
      GROUP BY ids.person
    ) person ON person.person = c.id
    WHERE c.id = ANY(${customerIds}::uuid[])`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, { first_purchase_at: r.first_purchase_at, customer_since: r.customer_since, member_since: r.member_since }]));
}
