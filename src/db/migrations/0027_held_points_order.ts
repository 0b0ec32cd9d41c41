import { sql, type Kysely } from 'kysely';

// The customers list's order by points (GET /customers?sort=points, points-order.ts): the
// points a member can spend now are the cached balance less the open lots held back — still
// pending, or expired and not yet swept. Those lots were summed per member, from the
// member's open lots (loyalty_entries_open_lot_sums, 0008): a probe and a table page for
// each of 100,000 members, a second a page. Summed once for all members instead, they must
// be found without reading every open lot (466,000 at 100,000 members for 12,000 held):
// - loyalty_entries_pending: the open lots by the moment they become spendable; those still
//   pending are the range after now, the return window's last days. A lot without a
//   waiting time (no available_at) is never pending, and is not in it.
// - loyalty_entries_expiring (0002, by expiry, which the nightly sweep and the reminders
//   read) now carries the customer, remainder and available_at, so the expired lots not yet
//   swept are read from the index alone, as the pending ones are.
// A member's row (loyalty_members) and stats get no index: a purchase updates them in place
// (HOT, 0007). A lot is written once by a purchase and its remainder changed by a
// redemption; both already write an entry in the ledger's open-lot indexes (a remainder is
// in loyalty_entries_open_lot_sums), this adds one entry more (bench/api.bench.ts, docs/benchmarks.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX loyalty_entries_pending ON loyalty_entries (available_at) INCLUDE (customer_id, remaining)
      WHERE remaining > 0 AND available_at IS NOT NULL;
    CREATE INDEX loyalty_entries_expiring_lots ON loyalty_entries (expires_at) INCLUDE (customer_id, remaining, available_at)
      WHERE remaining > 0 AND expires_at IS NOT NULL;
    DROP INDEX loyalty_entries_expiring;
    ALTER INDEX loyalty_entries_expiring_lots RENAME TO loyalty_entries_expiring;
  `.execute(db);
}
