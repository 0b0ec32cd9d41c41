import { sql, type Kysely } from 'kysely';

// Customer-owned tables carry customer_id in their primary key (ready for distribution
// by customer_id on Citus); values unique across all customers (identities, idempotency
// keys) live in small lookup tables keyed by that value. No triggers: read models are
// kept by the code that writes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stores (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      city text,
      time_zone text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE customers (
      id uuid PRIMARY KEY,
      external_id text,
      email text,
      phone text,
      first_name text,
      last_name text,
      birthday date,
      language text,
      time_zone text,
      home_store_id uuid REFERENCES stores (id),
      tags text[] NOT NULL DEFAULT '{}',
      attributes jsonb NOT NULL DEFAULT '{}',
      consent jsonb NOT NULL DEFAULT '{}',
      search_text text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
      merged_into uuid,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      erased_at timestamptz
    );
    CREATE INDEX customers_listing ON customers (created_at DESC, id DESC) WHERE status = 'active';
    -- Staff search by any fragment of a name, email, phone or card id ("%nov%"): a
    -- trigram index keeps that fast at a million customers.
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    CREATE INDEX customers_search ON customers USING gin (search_text gin_trgm_ops);

    CREATE TABLE customer_identities (
      kind text NOT NULL CHECK (kind IN ('external_id', 'email', 'phone')),
      value text NOT NULL,
      customer_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (kind, value)
    );
    CREATE INDEX customer_identities_customer ON customer_identities (customer_id);

    CREATE TABLE consent_log (
      customer_id uuid NOT NULL,
      id uuid NOT NULL,
      channel text NOT NULL,
      status text NOT NULL CHECK (status IN ('granted', 'withdrawn')),
      source text NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, id)
    );

    CREATE TABLE customer_merges (
      id uuid PRIMARY KEY,
      survivor_id uuid NOT NULL,
      merged_id uuid NOT NULL,
      actor text NOT NULL,
      moved jsonb NOT NULL,
      merged_at timestamptz NOT NULL
    );

    CREATE TABLE purchases (
      customer_id uuid NOT NULL,
      id uuid NOT NULL,
      external_id text NOT NULL,
      occurred_at timestamptz NOT NULL,
      local_date date NOT NULL,
      store_id uuid REFERENCES stores (id),
      channel text NOT NULL CHECK (channel IN ('in_store', 'online', 'phone', 'other')),
      currency text NOT NULL,
      total_minor bigint NOT NULL CHECK (total_minor >= 0),
      discount_minor bigint NOT NULL DEFAULT 0 CHECK (discount_minor >= 0),
      refunded_minor bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= total_minor),
      promo_code text,
      source text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, id)
    );
    CREATE INDEX purchases_customer_time ON purchases (customer_id, occurred_at);
    CREATE INDEX purchases_time ON purchases (occurred_at);

    CREATE TABLE purchase_lines (
      customer_id uuid NOT NULL,
      purchase_id uuid NOT NULL,
      line_no int NOT NULL,
      sku text,
      name text,
      category text,
      quantity numeric(14, 3) NOT NULL,
      unit_price_minor bigint NOT NULL,
      PRIMARY KEY (customer_id, purchase_id, line_no),
      FOREIGN KEY (customer_id, purchase_id) REFERENCES purchases (customer_id, id) ON DELETE CASCADE
    );

    CREATE TABLE purchase_keys (
      external_id text PRIMARY KEY,
      customer_id uuid NOT NULL,
      purchase_id uuid NOT NULL,
      request_hash text NOT NULL
    );

    CREATE INDEX purchase_keys_purchase ON purchase_keys (purchase_id);

    CREATE TABLE refunds (
      customer_id uuid NOT NULL,
      id uuid NOT NULL,
      purchase_id uuid NOT NULL,
      external_id text NOT NULL,
      amount_minor bigint NOT NULL CHECK (amount_minor > 0),
      reason text,
      lines jsonb NOT NULL DEFAULT '[]',
      occurred_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, id),
      FOREIGN KEY (customer_id, purchase_id) REFERENCES purchases (customer_id, id) ON DELETE CASCADE
    );

    CREATE TABLE refund_keys (
      external_id text PRIMARY KEY,
      customer_id uuid NOT NULL,
      refund_id uuid NOT NULL,
      request_hash text NOT NULL
    );

    CREATE TABLE customer_stats (
      customer_id uuid PRIMARY KEY,
      first_purchase_at timestamptz,
      last_purchase_at timestamptz,
      purchases_count bigint NOT NULL DEFAULT 0,
      purchase_days bigint NOT NULL DEFAULT 0,
      gross_spend_minor bigint NOT NULL DEFAULT 0,
      refunded_minor bigint NOT NULL DEFAULT 0,
      net_spend_minor bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type text NOT NULL,
      customer_id uuid,
      payload jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      dispatched_at timestamptz
    );
    CREATE INDEX events_undispatched ON events (id) WHERE dispatched_at IS NULL;

    CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      url text NOT NULL,
      secret text NOT NULL,
      event_types text[] NOT NULL,
      description text,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE webhook_deliveries (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      endpoint_id uuid NOT NULL,
      event_id bigint NOT NULL,
      attempt int NOT NULL,
      ok boolean NOT NULL,
      response_status int,
      error text,
      duration_ms int NOT NULL,
      attempted_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries (endpoint_id, id DESC);

    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email text NOT NULL UNIQUE,
      name text,
      role text NOT NULL CHECK (role IN ('owner', 'manager', 'staff')),
      password_hash text NOT NULL,
      language text NOT NULL DEFAULT 'en',
      created_at timestamptz NOT NULL DEFAULT now(),
      last_login_at timestamptz,
      disabled_at timestamptz
    );

    CREATE TABLE sessions (
      id text PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      csrf_token text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL
    );

    CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      prefix text NOT NULL UNIQUE,
      secret_hash text NOT NULL,
      scopes text[] NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );

    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      actor text NOT NULL,
      action text NOT NULL,
      subject text,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    );
  `.execute(db);
}
