import { sql, type Kysely } from 'kysely';

// A campaign's shared code is the merchant's own word ("WINTER26"), printed on posters and
// read out at the till: it is shown as the merchant wrote it, where a generated code is
// shown in groups of four (formatCode) to be read off a receipt. Both are stored
// normalised (upper case, no dashes: what the till compares), so the code as written is
// kept beside it; null for a generated code.
//
// Before this, nothing recorded which was which. A shared-code campaign has one code, and
// a code that is not twelve symbols of the generated alphabet (codes.ts) was certainly
// chosen: those are filled with their stored form. A chosen code that happens to look
// generated (twelve such symbols) cannot be told apart and keeps the grouped display.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE coupons ADD COLUMN chosen_code text;
    UPDATE coupons c SET chosen_code = c.code
    FROM coupon_campaigns k
    WHERE c.campaign_id = k.id AND k.codes = 1 AND c.kind = 'promotion' AND c.code !~ '^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{12}$';
  `.execute(db);
}
