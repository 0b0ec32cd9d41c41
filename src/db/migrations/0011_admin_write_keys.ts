import { sql, type Kysely } from 'kysely';

// Idempotency keys for the two admin writes that create stored value: issuing a gift card
// and creating a promotion coupon campaign. Every other write with money in it was
// already safe to retry (a POS's idempotency_key, a purchase's or refund's external_id);
// these two were not, so a client that lost the response (a timeout, a dropped
// connection) and sent the request again issued a second gift card with its own balance,
// or a second campaign with N more codes. The key is stored on the row it created, in the
// same transaction, with the hash of the request it came with: a retry finds the row and
// answers it again, the same key with another body is refused. The unique indexes make a
// second row under one key impossible even if two requests got past the key's lock
// (rewards.service.ts). Rows written before this migration, and gift cards that a
// redemption issues (their key is the redemption's), have no key: NULL, never a clash.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE gift_cards ADD COLUMN idempotency_key text, ADD COLUMN request_hash text;
    CREATE UNIQUE INDEX gift_cards_idempotency_key ON gift_cards (idempotency_key) WHERE idempotency_key IS NOT NULL;
    ALTER TABLE coupon_campaigns ADD COLUMN idempotency_key text, ADD COLUMN request_hash text;
    CREATE UNIQUE INDEX coupon_campaigns_idempotency_key ON coupon_campaigns (idempotency_key) WHERE idempotency_key IS NOT NULL;
  `.execute(db);
}
