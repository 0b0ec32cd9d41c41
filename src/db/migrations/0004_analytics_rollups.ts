import { sql, type Kysely } from 'kysely';

// The purchase-day rollup behind the analytics overview (issue #4): the overview's
// figures of a window come from one aggregate row per day instead of the purchases
// themselves. src/modules/analytics/metrics/rollup.ts explains the arithmetic
// and rollup.repository.ts keeps the tables up to date from the outbox.
//
// The rollup is built by the first overview read after this migration (and rebuilt when
// events_applied_through is set back to NULL), so the migration itself is instant.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- One row: up to which outbox event every change to purchases is in the rollup;
    -- NULL means "not built yet".
    CREATE TABLE purchase_rollup_state (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      events_applied_through bigint,
      rebuilt_at timestamptz
    );
    INSERT INTO purchase_rollup_state (id) VALUES (true);

    -- (event id, time) pairs noted while other transactions were running: once every
    -- transaction older than taken_at has ended, the events up to last_event_id are final.
    CREATE TABLE purchase_rollup_checkpoints (
      taken_at timestamptz NOT NULL,
      last_event_id bigint NOT NULL
    );

    -- What the rollup has counted for each customer: their purchase days (local dates,
    -- ascending) with the purchases and the net revenue of each day. A change to a
    -- customer's purchases replaces the row and adds the difference to the aggregates.
    CREATE TABLE customer_purchase_days (
      customer_id uuid PRIMARY KEY,
      days date[] NOT NULL,
      purchases int[] NOT NULL,
      net_minor bigint[] NOT NULL,
      first_purchase_at timestamptz NOT NULL
    );

    -- Per local date: purchases, net revenue, customers who bought that day, and of them
    -- (element g, 1-based) those whose previous purchase day, and those whose purchase day
    -- before that, was at most g days earlier, for g up to the longest overview window.
    CREATE TABLE daily_purchase_totals (
      local_date date PRIMARY KEY,
      purchases bigint NOT NULL,
      net_minor bigint NOT NULL,
      customers bigint NOT NULL,
      after_previous_within int[] NOT NULL,
      after_second_previous_within int[] NOT NULL
    );

    -- Customers by the UTC date and by the 15-minute slot of their first purchase, for
    -- "customers known by the end of a local day": the days before that day's UTC date,
    -- then the slots of its UTC date before its end (every zone's midnight starts a slot).
    CREATE TABLE first_purchase_days (
      utc_date date PRIMARY KEY,
      customers bigint NOT NULL
    );
    CREATE TABLE first_purchase_slots (
      slot timestamptz PRIMARY KEY,
      customers bigint NOT NULL
    );
  `.execute(db);
}
