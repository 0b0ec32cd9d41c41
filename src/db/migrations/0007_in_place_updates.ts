import { sql, type Kysely } from 'kysely';

// Less work per purchase for the database: fewer index entries, row locks and checks.
//
// Every purchase by a known customer updates two rows: its customer_stats row and its
// loyalty member. An update PostgreSQL can make on the same page, changing no indexed
// column (a HOT update), writes no index entries; any other writes a new entry in every
// index of the table, each a random page (the keys are customer ids) and, after a
// checkpoint, a full page in the WAL.
// - loyalty_members_activity (last_activity_at) made every member update a non-HOT one:
//   a purchase moves last_activity_at. Only the nightly inactivity expiry and its
//   reminders select by it, once a day, and a sequential scan of the members serves them.
// - A table filled to 100 % has no room on a page for a row's new version: 90 % leaves
//   room for several. Rows written before this migration keep their pages as they are
//   until rewritten; new pages get the room.
//
// A purchase line's foreign key to its purchase ran a look-up of the purchase and locked
// its row (a WAL record) for every line: about three times the cost of the line's own
// insert. Lines are only ever written by the statement that writes their purchase, which
// joins the purchases it inserted (purchase.repository.ts), and removed with it by the
// merge, which now deletes them itself.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX loyalty_members_activity;
    ALTER TABLE loyalty_members SET (fillfactor = 90);
    ALTER TABLE customer_stats SET (fillfactor = 90);
    ALTER TABLE purchase_lines DROP CONSTRAINT purchase_lines_customer_id_purchase_id_fkey;
  `.execute(db);
}
