import { sql, type Kysely } from 'kysely';

// A gift card charge given back (an order paid by card, then cancelled or returned): each
// refund names the charge it undoes by that charge's key, so what one charge can still give
// back is what it took less its refunds. Refunds are kept apart from the charges
// (gift_card_transactions), so a refund's key never collides with a charge's.
// `requested_minor` is the amount the request named, NULL for "what is left of the charge":
// a retry is matched against what was sent, not against what it came to.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE gift_card_refunds (
      code text NOT NULL,
      idempotency_key text NOT NULL,
      charge_key text NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor > 0),
      requested_minor bigint CHECK (requested_minor > 0),
      balance_after_minor bigint NOT NULL,
      reason text,
      at timestamptz NOT NULL,
      PRIMARY KEY (code, idempotency_key)
    );
    CREATE INDEX gift_card_refunds_charge ON gift_card_refunds (code, charge_key);
  `.execute(db);
}
