import { sql, type Kysely } from 'kysely';

// The identities a merge moved from the customer merged to the one kept, recorded by the
// merge (customer.repository.ts, moveIdentities): a merge run again by the duplicate's
// second card or email finds the kept customer, and this tells it was brought by that merge,
// not the kept customer's own. A merged customer's row keeps one card, email and phone, so
// it could tell only those. One row per identity and merged customer: an identity moved on
// by a later merge (the kept customer merged into a third) is recorded for each.
// Merges recorded before this migration are known by what their merged rows still hold: the
// row's own card, email and phone (an erased person's rows hold none, so none is recorded).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_merged_identities (
      kind text NOT NULL CHECK (kind IN ('external_id', 'email', 'phone')),
      value text NOT NULL,
      customer_id uuid NOT NULL,
      PRIMARY KEY (kind, value, customer_id)
    );
    CREATE INDEX customer_merged_identities_customer ON customer_merged_identities (customer_id);
    INSERT INTO customer_merged_identities (kind, value, customer_id)
    SELECT i.kind, i.value, c.id
      FROM customers c
      CROSS JOIN LATERAL (VALUES ('external_id', c.external_id), ('email', c.email), ('phone', c.phone)) AS i(kind, value)
     WHERE c.status = 'merged' AND i.value IS NOT NULL
    ON CONFLICT DO NOTHING;
  `.execute(db);
}
