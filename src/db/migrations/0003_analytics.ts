import { sql, type Kysely } from 'kysely';

// Customer scores: one row per customer with the latest run's RFM segment, BTYD
// predictions, CLV and churn risk; every run is recorded with the fitted models (params),
// and each run leaves the segment sizes and the movements between segments behind, so
// the dashboard can draw segments over time without keeping every customer's history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE score_runs (
      id uuid PRIMARY KEY,
      as_of date NOT NULL,
      trigger text NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
      started_at timestamptz NOT NULL,
      heartbeat_at timestamptz NOT NULL,
      finished_at timestamptz,
      duration_ms bigint,
      customers bigint NOT NULL DEFAULT 0,
      params jsonb NOT NULL DEFAULT '{}',
      error text
    );
    -- One run at a time (the nightly job and an on-demand run must not interleave their
    -- writes); a run whose process died is recognised by its stale heartbeat.
    CREATE UNIQUE INDEX score_runs_one_running ON score_runs ((true)) WHERE status = 'running';
    CREATE INDEX score_runs_as_of ON score_runs (as_of) WHERE status = 'succeeded';

    CREATE TABLE customer_scores (
      customer_id uuid PRIMARY KEY,
      run_id uuid NOT NULL,
      model_version text NOT NULL,
      as_of date NOT NULL,
      computed_at timestamptz NOT NULL,
      recency_days int NOT NULL,
      frequency int NOT NULL,
      monetary_minor bigint NOT NULL,
      r smallint NOT NULL,
      f smallint NOT NULL,
      m smallint NOT NULL,
      segment text NOT NULL,
      segment_since date NOT NULL,
      probability_alive double precision,
      expected_purchases_90d double precision,
      expected_purchases_365d double precision,
      clv_12m_minor bigint,
      churn_probability double precision,
      churn_risk text CHECK (churn_risk IN ('low', 'medium', 'high')),
      churn_reasons jsonb NOT NULL DEFAULT '[]'
    ) WITH (fillfactor = 70);
    -- Every row is rewritten each night; room on the page lets the rows whose segment and
    -- band stay put be updated in place (HOT), without new index entries.
    CREATE INDEX customer_scores_segment ON customer_scores (segment);
    CREATE INDEX customer_scores_churn_risk ON customer_scores (churn_risk);

    -- The features of the run in progress, computed in one pass over the purchases and
    -- read back in chunks of customers (a run never holds a million customers in memory).
    -- Scratch data: unlogged, emptied before and after each run.
    CREATE UNLOGGED TABLE score_features (
      customer_id uuid PRIMARY KEY,
      run_id uuid NOT NULL,
      first_date date NOT NULL,
      last_date date NOT NULL,
      purchase_days int NOT NULL,
      purchases int NOT NULL,
      net_minor bigint NOT NULL,
      gross_minor bigint NOT NULL,
      refunded_minor bigint NOT NULL,
      first_day_net_minor bigint NOT NULL,
      promo_purchases int NOT NULL,
      days_last_90 int NOT NULL,
      days_prev_90 int NOT NULL,
      member boolean NOT NULL,
      points bigint NOT NULL,
      has_tier boolean NOT NULL,
      r smallint NOT NULL,
      f smallint NOT NULL,
      m smallint NOT NULL
    );

    CREATE TABLE segment_snapshots (
      run_id uuid NOT NULL,
      as_of date NOT NULL,
      segment text NOT NULL,
      customers bigint NOT NULL,
      PRIMARY KEY (run_id, segment)
    );

    -- from_segment NULL: the customer was scored for the first time; to_segment NULL: the
    -- customer left the scores (merged into another, or erased). Rows with from = to count
    -- the customers who stayed.
    CREATE TABLE segment_moves (
      run_id uuid NOT NULL,
      as_of date NOT NULL,
      from_segment text,
      to_segment text,
      customers bigint NOT NULL
    );
    CREATE UNIQUE INDEX segment_moves_key ON segment_moves (run_id, from_segment, to_segment) NULLS NOT DISTINCT;
  `.execute(db);
}
