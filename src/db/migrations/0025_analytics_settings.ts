import { sql, type Kysely } from 'kysely';

// The business's analytics settings: one row (the `singleton` key can only be true), a
// small configuration table like stores. The acquisition cost is what the business pays
// to win one customer, subtracted in the simple CLV when a query gives none; kept in minor
// units with the currency it was entered in, so a business that changes CURRENCY is not
// handed a cost in the old one (analytics/settings reads it as unset then).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE analytics_settings (
      singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
      acquisition_cost_minor bigint CHECK (acquisition_cost_minor >= 0),
      currency text NOT NULL,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL
    );
  `.execute(db);
}
