import { sql, type Kysely } from 'kysely';

// The loyalty program. The ledger is append-only: every credit is a lot (its `remaining`
// is a cache of points minus what debits took from it, in loyalty_allocations); every
// debit records the lots it consumed. `unsettled` is the part of a debit no lot covered
// (a refund of points already spent: the member owes them, and the next credit settles
// it). `regulars loyalty verify` checks these caches against the allocations.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE loyalty_programs (
      version bigint PRIMARY KEY,
      document jsonb NOT NULL,
      effective_from timestamptz NOT NULL,
      tier_policy text NOT NULL,
      note text,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE loyalty_members (
      customer_id uuid PRIMARY KEY,
      joined_at timestamptz NOT NULL,
      points bigint NOT NULL DEFAULT 0,
      lifetime_earned bigint NOT NULL DEFAULT 0,
      lifetime_redeemed bigint NOT NULL DEFAULT 0,
      lifetime_expired bigint NOT NULL DEFAULT 0,
      tier text,
      tier_since timestamptz,
      tier_valid_until timestamptz,
      last_activity_at timestamptz,
      referral_code text,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX loyalty_members_tier ON loyalty_members (tier);
    CREATE INDEX loyalty_members_tier_review ON loyalty_members (tier_valid_until) WHERE tier_valid_until IS NOT NULL;
    CREATE INDEX loyalty_members_activity ON loyalty_members (last_activity_at);

    CREATE TABLE loyalty_entries (
      customer_id uuid NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      kind text NOT NULL CHECK (kind IN ('earn', 'bonus', 'reverse', 'redeem', 'expire', 'adjust', 'release')),
      points bigint NOT NULL CHECK (points <> 0),
      remaining bigint CHECK (remaining >= 0),
      unsettled bigint CHECK (unsettled >= 0),
      available_at timestamptz,
      expires_at timestamptz,
      occurred_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      source_type text NOT NULL,
      source_id text,
      idempotency_key text,
      reason text,
      actor text,
      program_version bigint,
      details jsonb NOT NULL DEFAULT '{}',
      reminded_at timestamptz,
      PRIMARY KEY (customer_id, id),
      UNIQUE (customer_id, idempotency_key),
      CHECK ((points > 0 AND remaining IS NOT NULL AND unsettled IS NULL) OR (points < 0 AND remaining IS NULL AND unsettled IS NOT NULL))
    );
    CREATE INDEX loyalty_entries_open_lots ON loyalty_entries (customer_id) WHERE remaining > 0;
    CREATE INDEX loyalty_entries_expiring ON loyalty_entries (expires_at) WHERE remaining > 0 AND expires_at IS NOT NULL;
    CREATE INDEX loyalty_entries_unsettled ON loyalty_entries (customer_id) WHERE unsettled > 0;
    CREATE INDEX loyalty_entries_source ON loyalty_entries (customer_id, source_type, source_id);

    CREATE TABLE loyalty_allocations (
      customer_id uuid NOT NULL,
      id bigint GENERATED ALWAYS AS IDENTITY,
      debit_id bigint NOT NULL,
      credit_id bigint NOT NULL,
      points bigint NOT NULL CHECK (points > 0),
      created_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, id),
      FOREIGN KEY (customer_id, debit_id) REFERENCES loyalty_entries (customer_id, id),
      FOREIGN KEY (customer_id, credit_id) REFERENCES loyalty_entries (customer_id, id)
    );
    CREATE INDEX loyalty_allocations_credit ON loyalty_allocations (customer_id, credit_id);
    CREATE INDEX loyalty_allocations_debit ON loyalty_allocations (customer_id, debit_id);

    CREATE TABLE loyalty_tier_history (
      customer_id uuid NOT NULL,
      id uuid NOT NULL,
      from_tier text,
      to_tier text,
      reason text NOT NULL,
      program_version bigint,
      changed_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, id)
    );

    CREATE TABLE loyalty_reservations (
      customer_id uuid NOT NULL,
      id uuid NOT NULL,
      points bigint NOT NULL CHECK (points > 0),
      status text NOT NULL CHECK (status IN ('held', 'captured', 'released', 'expired')),
      order_ref text,
      idempotency_key text NOT NULL,
      debit_entry_id bigint NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL,
      settled_at timestamptz,
      PRIMARY KEY (customer_id, id),
      UNIQUE (customer_id, idempotency_key)
    );
    CREATE INDEX loyalty_reservations_held ON loyalty_reservations (expires_at) WHERE status = 'held';

    -- Values unique across all customers live in their own tables keyed by the value.
    CREATE TABLE referral_codes (
      code text PRIMARY KEY,
      customer_id uuid NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX referral_codes_customer ON referral_codes (customer_id);

    CREATE TABLE loyalty_referrals (
      customer_id uuid PRIMARY KEY,
      referrer_id uuid NOT NULL,
      code text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'rewarded', 'rejected')),
      reason text,
      purchase_id uuid,
      created_at timestamptz NOT NULL,
      settled_at timestamptz
    );

    CREATE TABLE reward_stock (
      reward_code text PRIMARY KEY,
      issued bigint NOT NULL DEFAULT 0
    );

    CREATE TABLE coupon_campaigns (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      benefit jsonb NOT NULL,
      codes bigint NOT NULL,
      max_uses int NOT NULL,
      per_customer_limit int,
      valid_from timestamptz,
      expires_at timestamptz,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE coupons (
      code text PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('reward', 'promotion')),
      customer_id uuid,
      campaign_id uuid,
      reward_code text,
      benefit jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('active', 'used', 'void')),
      max_uses int NOT NULL DEFAULT 1 CHECK (max_uses > 0),
      uses int NOT NULL DEFAULT 0 CHECK (uses >= 0 AND uses <= max_uses),
      per_customer_limit int,
      valid_from timestamptz,
      expires_at timestamptz,
      points_entry_id bigint,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX coupons_customer ON coupons (customer_id) WHERE customer_id IS NOT NULL;
    CREATE INDEX coupons_campaign ON coupons (campaign_id) WHERE campaign_id IS NOT NULL;

    CREATE TABLE coupon_uses (
      code text NOT NULL,
      idempotency_key text NOT NULL,
      customer_id uuid,
      order_ref text,
      request_hash text NOT NULL,
      used_at timestamptz NOT NULL,
      PRIMARY KEY (code, idempotency_key)
    );
    CREATE INDEX coupon_uses_customer ON coupon_uses (code, customer_id);

    CREATE TABLE gift_cards (
      code text PRIMARY KEY,
      customer_id uuid,
      currency text NOT NULL,
      initial_minor bigint NOT NULL CHECK (initial_minor > 0),
      balance_minor bigint NOT NULL CHECK (balance_minor >= 0),
      expires_at timestamptz,
      created_at timestamptz NOT NULL
    );

    CREATE TABLE gift_card_transactions (
      code text NOT NULL,
      idempotency_key text NOT NULL,
      amount_minor bigint NOT NULL,
      balance_after_minor bigint NOT NULL,
      order_ref text,
      request_hash text NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (code, idempotency_key)
    );

    CREATE TABLE challenge_progress (
      customer_id uuid NOT NULL,
      challenge_code text NOT NULL,
      window_start date NOT NULL,
      progress jsonb NOT NULL,
      completed_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (customer_id, challenge_code, window_start)
    );
  `.execute(db);
}
