import { sql, type Kysely } from 'kysely';

// A challenge completion is revoked when a refund leaves it fewer qualifying purchases
// than its goal (loyalty refunds/challenge-revocation.ts): its bonus is taken back and the
// row stays, marked, rather than deleted — the completions' count still numbers the next
// bonus key (a deleted row would hand out a key already used, and that completion would
// never be paid), and the one-a-day rule still sees the day. A revoked completion neither
// counts as done nor starts the next window. Null for every row before this: none revoked.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE challenge_progress ADD COLUMN revoked_at timestamptz`.execute(db);
}
