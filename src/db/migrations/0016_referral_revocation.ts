import { sql, type Kysely } from 'kysely';

// A referral is revoked when a refund takes its qualifying purchase below the minimum
// purchase (loyalty referral-revocation.ts): a status of its own, so the account and the
// export say why the bonuses were taken back, and so a revoked referral never qualifies
// again (the purchase path looks for 'pending' only).
//
// minimum_minor: the minimum the purchase qualified against, kept with the referral. A
// program applied later may raise or drop the minimum; a refund is measured against the
// rule the purchase met, not today's. Null for referrals settled before this (the
// program in force at the refund stands in).
//
// The index: a refund and the reward job find the referral by the purchase that settled
// it. The friend's id would not do: a merge may have moved the purchase and the referral
// to different ids since.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE loyalty_referrals DROP CONSTRAINT loyalty_referrals_status_check;
    ALTER TABLE loyalty_referrals ADD CONSTRAINT loyalty_referrals_status_check CHECK (status IN ('pending', 'rewarded', 'rejected', 'revoked'));
    ALTER TABLE loyalty_referrals ADD COLUMN minimum_minor bigint;
    CREATE INDEX loyalty_referrals_purchase ON loyalty_referrals (purchase_id) WHERE purchase_id IS NOT NULL;
  `.execute(db);
}
