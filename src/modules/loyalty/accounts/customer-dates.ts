import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import { personIdsQuery, type CustomerDates } from '../../customers/index.ts';

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

/** The dates of each customer's answer (customers' CustomerDatesReader), for a page of them in one statement. */
export async function customerDatesOf(db: Db | Tx, customerIds: string[]): Promise<Map<string, CustomerDates>> {
  if (customerIds.length === 0) return new Map();
  // The first earn entry is the first row of loyalty_entries_time (customer_id, occurred_at)
  // that is one, read from the index alone (kind is in it: migration 0008).
  const { rows } = await sql<CustomerDates & { customer_id: string }>`
    SELECT q.id AS customer_id, s.first_purchase_at,
           LEAST(person.created_at, s.first_purchase_at) AS customer_since,
           CASE WHEN m.customer_id IS NULL THEN NULL ELSE LEAST(person.joined_at, person.first_earned_at) END AS member_since
    FROM unnest(${customerIds}::uuid[]) AS q(id)
    LEFT JOIN customer_stats s ON s.customer_id = q.id
    LEFT JOIN loyalty_members m ON m.customer_id = q.id
    CROSS JOIN LATERAL (
      SELECT min(c.created_at) AS created_at, min(pm.joined_at) AS joined_at, min(earned.occurred_at) AS first_earned_at
      FROM customers c
      LEFT JOIN loyalty_members pm ON pm.customer_id = c.id
      LEFT JOIN LATERAL (
        SELECT e.occurred_at FROM loyalty_entries e
        WHERE e.customer_id = c.id AND e.kind = 'earn'
        ORDER BY e.occurred_at LIMIT 1
      ) earned ON pm.customer_id IS NOT NULL
      WHERE c.id IN ${personIdsQuery(sql.ref('q.id'))}
    ) person`.execute(db);
  return new Map(rows.map((r) => [r.customer_id, { first_purchase_at: r.first_purchase_at, customer_since: r.customer_since, member_since: r.member_since }]));
}
