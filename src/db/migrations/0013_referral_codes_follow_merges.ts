import { sql, type Kysely } from 'kysely';

// A customer may own several referral codes: after a merge the survivor owns the codes
// both ids shared with friends, so every link the person handed out goes on bringing
// friends (and their bonuses) to the account the person uses. One code a customer was
// the rule until now (a unique index); the member's own code, the one shown and handed
// out, is still one: loyalty_members.referral_code.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX referral_codes_customer;
    CREATE INDEX referral_codes_customer ON referral_codes (customer_id);
  `.execute(db);
}
