import { sql, type Kysely } from 'kysely';

// A purchase's cost no longer grows with the buyer's history. The customers a loyalty
// program is for buy daily for years, and three reads of every purchase by a member went
// through all of their past (bench/regulars.bench.ts: 1,362 database pages per purchase
// by a customer with 300 earlier purchases, 1,547 with 1,000, against 110 for a new one):
//
// - The daily cap asks how many points the member already earned on the purchase's local
//   date, and loyalty_entries_purchase (customer_id, source_id) only narrowed that to the
//   member: every purchase entry they ever had was fetched and filtered on its JSON. The
//   ledger now has an index by member and time, loyalty_entries_time: an earn entry
//   happens at its purchase's time, within a day either side of the purchase's local
//   date, so the cap reads a few days of entries. A tier by points earned sums the
//   member's entries of the tier window from the same index (it carries kind and points),
//   where it read every entry of the member. The source id is in the index too, after the
//   time, so a purchase's entries (a refund's reversal, a replayed purchase's receipt) are
//   found by comparing ids within the member's part of the index, without fetching an
//   entry per comparison. It covers every entry, not only purchases' (the old index's
//   condition): bonuses and debits are a few per purchase at most.
// - The receipt's pending and expired points sum the member's open lots, a year of them
//   for a daily regular; the tier check sums their purchases over the tier window. Both
//   indexes now carry the columns those sums read, so PostgreSQL answers them from the
//   index (an index-only scan: the pages vacuum has marked all-visible, which is a
//   regular's older history, need no visit to the table), a few index pages instead of a
//   table page per lot or purchase.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX loyalty_entries_time ON loyalty_entries (customer_id, occurred_at, source_id) INCLUDE (kind, points);
    DROP INDEX loyalty_entries_purchase;

    CREATE INDEX loyalty_entries_open_lot_sums ON loyalty_entries (customer_id) INCLUDE (remaining, available_at, expires_at) WHERE remaining > 0;
    DROP INDEX loyalty_entries_open_lots;

    CREATE INDEX purchases_customer_time_amounts ON purchases (customer_id, occurred_at) INCLUDE (total_minor, refunded_minor);
    DROP INDEX purchases_customer_time;
  `.execute(db);
}
