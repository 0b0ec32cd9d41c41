import { sql, type Kysely } from 'kysely';

// Fewer index entries per ledger write. Every credit, debit and non-HOT lot update
// (a lot's `remaining` is in the open-lot predicates, so consuming a lot is never a HOT
// update) paid for an entry in every index of loyalty_entries, and every index keyed by a
// random customer_id is a random page touched (and, after a checkpoint, a full page
// written to the WAL). Each index dropped here either had no query that needs it or is
// replaced by a narrower one that serves the same queries:
//
// - loyalty_entries_source (customer_id, source_type, source_id) → loyalty_entries_purchase
//   (customer_id, source_id) WHERE source_type = 'purchase'. Every query that looks entries
//   up by source asks for a purchase's entries (refund reversal, receipts of a replayed
//   purchase, the daily cap); bonuses, redemptions, adjustments, expiry and releases no
//   longer enter it. Looking up earlier redemptions by key now takes the unique
//   (customer_id, idempotency_key) index instead of scanning the member's entries.
// - loyalty_allocations_credit (customer_id, credit_id): no query reads allocations by
//   credit (verify aggregates all of them; a release reads by debit); entries are never
//   deleted nor their keys updated, so the foreign key never looks referencing rows up.
// - loyalty_members_tier (tier): no query selects members by tier; the reports that group
//   by it read every member anyway.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE INDEX loyalty_entries_purchase ON loyalty_entries (customer_id, source_id) WHERE source_type = 'purchase';
    DROP INDEX loyalty_entries_source;
    DROP INDEX loyalty_allocations_credit;
    DROP INDEX loyalty_members_tier;
  `.execute(db);
}
