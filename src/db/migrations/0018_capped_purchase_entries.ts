import { sql, type Kysely } from 'kysely';

// A purchase the daily cap leaves without points is written to the ledger as an earn entry
// of 0 points (its details say the cap and what the purchase would have earned), so the
// member's account explains it: with no entry at all, the purchase was missing from the
// explanation and staff could not tell why it earned nothing. Such an entry is neither a
// credit nor a debit — no remaining, no unsettled — so the lot and debt queries
// (remaining > 0, unsettled > 0) and verify's lot and debit rules pass it by, and every
// sum of points is what it was. The checks of 0002 refused any entry of 0 points; one
// check in their place allows exactly this one.
//
// NOT VALID: every row already meets the stricter checks dropped here, so validating
// would only scan the whole ledger under this migration's exclusive lock, holding up
// purchases, to prove what is known. New and updated rows are checked all the same.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE loyalty_entries
      DROP CONSTRAINT loyalty_entries_points_check,
      DROP CONSTRAINT loyalty_entries_check,
      ADD CONSTRAINT loyalty_entries_points_shape CHECK (
        (points > 0 AND remaining IS NOT NULL AND unsettled IS NULL)
        OR (points < 0 AND remaining IS NULL AND unsettled IS NOT NULL)
        OR (points = 0 AND kind = 'earn' AND remaining IS NULL AND unsettled IS NULL)
      ) NOT VALID
  `.execute(db);
}
