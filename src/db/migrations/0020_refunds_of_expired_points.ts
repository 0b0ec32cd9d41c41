import { sql, type Kysely } from 'kysely';

// A refund whose share of the purchase's points had all expired already takes nothing back
// (the member lost those points once, to the expiry), and is written to the ledger as a
// reverse entry of 0 points whose details say how many had expired, as a purchase the
// daily cap left without points is an earn entry of 0 (0018): with no entry at all, the
// refund was missing from the member's explanation. Such an entry is neither a credit nor
// a debit — no remaining, no unsettled — so every lot, debt and sum reads it as 0018's.
// The shape check of 0018 in its place allows the two kinds of 0 and still no other.
//
// NOT VALID for 0018's reason: every row meets the check already (this one only allows
// more), and validating would scan the whole ledger under the exclusive lock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE loyalty_entries
      DROP CONSTRAINT loyalty_entries_points_shape,
      ADD CONSTRAINT loyalty_entries_points_shape CHECK (
        (points > 0 AND remaining IS NOT NULL AND unsettled IS NULL)
        OR (points < 0 AND remaining IS NULL AND unsettled IS NOT NULL)
        OR (points = 0 AND kind IN ('earn', 'reverse') AND remaining IS NULL AND unsettled IS NULL)
      ) NOT VALID
  `.execute(db);
}
