import { sql, type Kysely } from 'kysely';

// The referrer's side of a revoked referral is taken back by a job
// (loyalty.referral_revoked), which knew it had done so only by its ledger entry. Under
// refund_shortfall 'forgive', a referrer who had spent everything is forgiven the whole
// bonus and no entry is written (an entry of 0 points is no entry), so the same job
// delivered again after a crash between its commit and its acknowledgement took the bonus
// from points earned since. referrer_revoked_at records that the job did its part,
// whatever it took. Null for referrals revoked before this: their entry, where there is
// one, still says so.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE loyalty_referrals ADD COLUMN referrer_revoked_at timestamptz`.execute(db);
}
