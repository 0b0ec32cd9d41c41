import { sql, type Kysely } from 'kysely';

// The referral code a purchase carried (POST /purchases' referral_code, a CSV's column) gets
// a column of its own on the purchase's key. It had been appended to the request hash
// (`<hash> referral_code:<CODE>`), the one place a purchase stored it, so that an order id
// sent again with another code is a 409 naming the recorded one: plain data kept inside a
// hash. Keys written then are split here, the code in the claim's spelling as it was kept,
// so a retry of a purchase recorded before this migration replays, or conflicts, as it did.
// The hash is a sha256 in hex: the separator cannot occur inside it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE purchase_keys ADD COLUMN referral_code text;
    UPDATE purchase_keys
       SET referral_code = substr(request_hash, strpos(request_hash, ' referral_code:') + length(' referral_code:')),
           request_hash = substr(request_hash, 1, strpos(request_hash, ' referral_code:') - 1)
     WHERE strpos(request_hash, ' referral_code:') > 0;
  `.execute(db);
}
