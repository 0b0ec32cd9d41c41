import type { ColumnType, Generated } from 'kysely';

// Row types of every table, for Kysely. Columns the database fills are Generated.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;

export interface StoresTable {
  id: string;
  code: string;
  name: string;
  city: string | null;
  time_zone: string;
  created_at: GeneratedTimestamp;
}

export interface ConsentState {
  status: 'granted' | 'withdrawn';
  source: string;
  at: string;
}
export type Consent = Partial<Record<'email' | 'sms', ConsentState>>;

export interface CustomersTable {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  birthday: string | null;
  language: string | null;
  time_zone: string | null;
  home_store_id: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  attributes: Json<Record<string, unknown>>;
  consent: Json<Consent>;
  search_text: string;
  status: 'active' | 'merged' | 'erased';
  merged_into: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  erased_at: Timestamp | null;
}

export interface CustomerIdentitiesTable {
  kind: 'external_id' | 'email' | 'phone';
  value: string;
  customer_id: string;
  created_at: GeneratedTimestamp;
}

/** An identity a merge moved from the customer merged (`customer_id`) to the one kept (migration 0032). */
export interface CustomerMergedIdentitiesTable {
  kind: 'external_id' | 'email' | 'phone';
  value: string;
  customer_id: string;
}

export interface ConsentLogTable {
  customer_id: string;
  id: string;
  channel: 'email' | 'sms';
  status: 'granted' | 'withdrawn';
  source: string;
  recorded_at: Timestamp;
}

export interface CustomerMergesTable {
  id: string;
  survivor_id: string;
  merged_id: string;
  actor: string;
  moved: Json<Record<string, number>>;
  merged_at: Timestamp;
}

export interface PurchasesTable {
  customer_id: string;
  id: string;
  external_id: string;
  occurred_at: Timestamp;
  local_date: string;
  store_id: string | null;
  channel: 'in_store' | 'online' | 'phone' | 'other';
  currency: string;
  total_minor: number;
  discount_minor: number;
  refunded_minor: Generated<number>;
  promo_code: string | null;
  source: string;
  created_at: Timestamp;
}

export interface PurchaseLinesTable {
  customer_id: string;
  purchase_id: string;
  line_no: number;
  sku: string | null;
  name: string | null;
  category: string | null;
  quantity: string;
  unit_price_minor: number;
}

export interface PurchaseKeysTable {
  external_id: string;
  customer_id: string;
  purchase_id: string;
  request_hash: string;
  /** The referral code the purchase carried, in the claim's spelling (purchase.schema.ts referralCodeOf); null: none (migration 0031). */
  referral_code: string | null;
}

export interface RefundsTable {
  customer_id: string;
  id: string;
  purchase_id: string;
  external_id: string;
  amount_minor: number;
  reason: string | null;
  lines: Json<unknown[]>;
  occurred_at: Timestamp;
  created_at: Timestamp;
}

export interface RefundKeysTable {
  external_id: string;
  customer_id: string;
  refund_id: string;
  request_hash: string;
}

export interface CustomerStatsTable {
  customer_id: string;
  first_purchase_at: Timestamp | null;
  last_purchase_at: Timestamp | null;
  purchases_count: number;
  purchase_days: number;
  gross_spend_minor: number;
  refunded_minor: number;
  net_spend_minor: number;
  /** Distinct categories of the customer's lines, sorted, at most 32: the challenges' pre-filter (migration 0009). */
  categories: Generated<string[]>;
  updated_at: Timestamp;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  customer_id: string | null;
  payload: Json<Record<string, unknown>>;
  created_at: GeneratedTimestamp;
  /** The writing transaction's id (xid8, as text): with id, the event's place in the outbox cursor's order. */
  txid: Generated<string>;
}

export interface WebhookEndpointsTable {
  id: string;
  url: string;
  secret: string;
  event_types: ColumnType<string[], string[], string[]>;
  description: string | null;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: string;
  event_id: number;
  attempt: number;
  ok: boolean;
  response_status: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: GeneratedTimestamp;
}

export type Role = 'owner' | 'manager' | 'staff';

export interface UsersTable {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  password_hash: string;
  language: Generated<string>;
  created_at: GeneratedTimestamp;
  last_login_at: Timestamp | null;
  disabled_at: Timestamp | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  secret_hash: string;
  scopes: ColumnType<string[], string[], string[]>;
  created_by: string;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor: string;
  action: string;
  subject: string | null;
  details: Json<Record<string, unknown>>;
  /** By the services' clock (db/audit.ts): every insert names it. */
  at: Timestamp;
}

// ── Loyalty ────────────────────────────────────────────────────────────────────
export interface LoyaltyProgramsTable {
  version: number;
  document: Json<Record<string, unknown>>;
  effective_from: Timestamp;
  tier_policy: string;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface LoyaltyMembersTable {
  customer_id: string;
  joined_at: Timestamp;
  points: Generated<number>;
  lifetime_earned: Generated<number>;
  lifetime_redeemed: Generated<number>;
  lifetime_expired: Generated<number>;
  tier: string | null;
  tier_since: Timestamp | null;
  tier_valid_until: Timestamp | null;
  last_activity_at: Timestamp | null;
  referral_code: string | null;
  updated_at: Timestamp;
}

export type LoyaltyEntryKind = 'earn' | 'bonus' | 'reverse' | 'redeem' | 'expire' | 'adjust' | 'release';

export interface LoyaltyEntriesTable {
  customer_id: string;
  id: Generated<number>;
  kind: LoyaltyEntryKind;
  points: number;
  remaining: number | null;
  unsettled: number | null;
  available_at: Timestamp | null;
  expires_at: Timestamp | null;
  occurred_at: Timestamp;
  created_at: Timestamp;
  source_type: string;
  source_id: string | null;
  idempotency_key: string | null;
  reason: string | null;
  actor: string | null;
  program_version: number | null;
  details: Json<Record<string, unknown>>;
  reminded_at: Timestamp | null;
}

export interface LoyaltyAllocationsTable {
  customer_id: string;
  id: Generated<number>;
  debit_id: number;
  credit_id: number;
  points: number;
  created_at: Timestamp;
}

export interface LoyaltyTierHistoryTable {
  customer_id: string;
  id: string;
  from_tier: string | null;
  to_tier: string | null;
  reason: string;
  program_version: number | null;
  changed_at: Timestamp;
}

export interface LoyaltyReservationsTable {
  customer_id: string;
  id: string;
  points: number;
  status: 'held' | 'captured' | 'released' | 'expired';
  order_ref: string | null;
  idempotency_key: string;
  debit_entry_id: number;
  expires_at: Timestamp;
  created_at: Timestamp;
  settled_at: Timestamp | null;
  /** The points a capture spent (the rest went back to the member); null until captured (migration 0019). */
  captured_points: Generated<number | null>;
}

export interface ReferralCodesTable {
  code: string;
  customer_id: string;
  created_at: Timestamp;
}

export interface LoyaltyReferralsTable {
  customer_id: string;
  referrer_id: string;
  code: string;
  /** revoked: a refund took the qualifying purchase below the minimum, and the bonuses were taken back (migration 0016). */
  status: 'pending' | 'rewarded' | 'rejected' | 'revoked';
  reason: string | null;
  purchase_id: string | null;
  created_at: Timestamp;
  settled_at: Timestamp | null;
  /** The minimum purchase the qualifying purchase met, in minor units; null before migration 0016. */
  minimum_minor: Generated<number | null>;
  /** When the job took the referrer's bonus back (or forgave it, nothing being left) after a revocation; migration 0017. */
  referrer_revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface RewardStockTable {
  reward_code: string;
  issued: number;
}

export interface CouponCampaignsTable {
  id: string;
  name: string;
  benefit: Json<Record<string, unknown>>;
  codes: number;
  max_uses: number;
  per_customer_limit: number | null;
  valid_from: Timestamp | null;
  expires_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  /** The admin's key that created it (migration 0011); null before that. */
  idempotency_key: string | null;
  request_hash: string | null;
}

export interface CouponsTable {
  code: string;
  kind: 'reward' | 'promotion';
  customer_id: string | null;
  campaign_id: string | null;
  reward_code: string | null;
  benefit: Json<Record<string, unknown>>;
  status: 'active' | 'used' | 'void';
  max_uses: number;
  uses: number;
  per_customer_limit: number | null;
  valid_from: Timestamp | null;
  expires_at: Timestamp | null;
  points_entry_id: number | null;
  created_at: Timestamp;
  /** A campaign's shared code as the merchant wrote it, shown so (migration 0015); null for a generated code, shown in groups of four. */
  chosen_code: Generated<string | null>;
}

export interface CouponUsesTable {
  code: string;
  idempotency_key: string;
  customer_id: string | null;
  /** The coupon's campaign (migration 0014): a per-customer limit counts the campaign's uses. */
  campaign_id: string | null;
  order_ref: string | null;
  request_hash: string;
  used_at: Timestamp;
  /** The discount the use gave, in minor units, where the use told it (migration 0024); null where it did not. */
  discount_minor: number | null;
  /** The order_subtotal and product_price the use was sent, in minor units (migration 0027); null where left out, and in every use before it. */
  order_subtotal_minor: number | null;
  product_price_minor: number | null;
  /** When the use was given back (migration 0029): null while it counts; a rolled-back use counts nowhere. */
  rolled_back_at: Timestamp | null;
  /** Why it was given back, as the rollback said (null when it said nothing). */
  rollback_reason: string | null;
  /** The refund (its id) that gave the use back, its order refunded in full (migration 0030); null for a use given back by hand, or standing. */
  rollback_refund_id: string | null;
}

export interface GiftCardsTable {
  code: string;
  customer_id: string | null;
  currency: string;
  initial_minor: number;
  balance_minor: number;
  expires_at: Timestamp | null;
  created_at: Timestamp;
  /** The admin's key that issued it (migration 0011); null for a redemption's gift card. */
  idempotency_key: string | null;
  request_hash: string | null;
}

export interface GiftCardTransactionsTable {
  code: string;
  idempotency_key: string;
  amount_minor: number;
  balance_after_minor: number;
  order_ref: string | null;
  request_hash: string;
  at: Timestamp;
}

/** A charge given back, in part or whole (migration 0028): `charge_key` is the charge's idempotency key. */
export interface GiftCardRefundsTable {
  code: string;
  idempotency_key: string;
  charge_key: string;
  amount_minor: number;
  /** The amount the request named; null when it asked for what was left of the charge. */
  requested_minor: number | null;
  balance_after_minor: number;
  reason: string | null;
  at: Timestamp;
}

export interface ChallengeProgressTable {
  customer_id: string;
  challenge_code: string;
  window_start: string;
  progress: Json<Record<string, unknown>>;
  completed_at: Timestamp | null;
  updated_at: Timestamp;
  /** A refund left the completion short of its goal: its bonus was taken back (migration 0021). */
  revoked_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

// ── Analytics ──────────────────────────────────────────────────────────────────
export interface ScoreRunsTable {
  id: string;
  as_of: string;
  trigger: string;
  status: 'running' | 'succeeded' | 'failed';
  started_at: Timestamp;
  heartbeat_at: Timestamp;
  finished_at: Timestamp | null;
  duration_ms: number | null;
  customers: Generated<number>;
  params: Json<Record<string, unknown>>;
  error: string | null;
}

export type ChurnRisk = 'low' | 'medium' | 'high';

export interface CustomerScoresTable {
  customer_id: string;
  run_id: string;
  model_version: string;
  as_of: string;
  computed_at: Timestamp;
  recency_days: number;
  frequency: number;
  monetary_minor: number;
  r: number;
  f: number;
  m: number;
  segment: string;
  segment_since: string;
  probability_alive: number | null;
  expected_purchases_90d: number | null;
  expected_purchases_365d: number | null;
  clv_12m_minor: number | null;
  churn_probability: number | null;
  churn_risk: ChurnRisk | null;
  churn_reasons: Json<{ feature: string; value: number; contribution: number }[]>;
}

/** A score run's features of each customer at its cut-off (featureSql's rows) and RFM quintiles; churn's CustomerFeatures takes its columns from here. */
export interface ScoreFeaturesTable {
  customer_id: string;
  run_id: string;
  first_date: string;
  last_date: string;
  /** days with a purchase (several on one day are one) */
  purchase_days: number;
  purchases: number;
  /** net of the refunds made by the cut-off */
  net_minor: number;
  gross_minor: number;
  refunded_minor: number;
  /** net spend of the first purchase day (the BTYD spend model reads repeat days only) */
  first_day_net_minor: number;
  /** purchases with a promo code or a discount */
  promo_purchases: number;
  /** purchase days in the 90 days up to the cut-off, and in the 90 before those */
  days_last_90: number;
  days_prev_90: number;
  /** loyalty member by the cut-off, their points balance then, and whether they held a tier */
  member: boolean;
  points: number;
  has_tier: boolean;
  r: number;
  f: number;
  m: number;
}

export interface SegmentSnapshotsTable {
  run_id: string;
  as_of: string;
  segment: string;
  customers: number;
}

export interface SegmentMovesTable {
  run_id: string;
  as_of: string;
  from_segment: string | null;
  to_segment: string | null;
  customers: number;
}

export interface OutboxCursorTable {
  id: Generated<boolean>;
  txid: string;
  event_id: number;
}

/** One row at most (analytics/settings). */
export interface AnalyticsSettingsTable {
  singleton: Generated<boolean>;
  acquisition_cost_minor: number | null;
  currency: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface PurchaseRollupStateTable {
  id: Generated<boolean>;
  events_applied_through: number | null;
  rebuilt_at: Timestamp | null;
}

export interface PurchaseRollupCheckpointsTable {
  taken_at: Timestamp;
  last_event_id: number;
}

export interface CustomerPurchaseDaysTable {
  customer_id: string;
  days: string[];
  purchases: number[];
  net_minor: number[];
  first_purchase_at: Timestamp;
}

export interface DailyPurchaseTotalsTable {
  local_date: string;
  purchases: number;
  net_minor: number;
  customers: number;
  after_previous_within: number[];
  after_second_previous_within: number[];
}

export interface FirstPurchaseDaysTable {
  utc_date: string;
  customers: number;
}

export interface FirstPurchaseSlotsTable {
  slot: Timestamp;
  customers: number;
}

export interface Database {
  stores: StoresTable;
  customers: CustomersTable;
  customer_identities: CustomerIdentitiesTable;
  consent_log: ConsentLogTable;
  customer_merges: CustomerMergesTable;
  customer_merged_identities: CustomerMergedIdentitiesTable;
  purchases: PurchasesTable;
  purchase_lines: PurchaseLinesTable;
  purchase_keys: PurchaseKeysTable;
  refunds: RefundsTable;
  refund_keys: RefundKeysTable;
  customer_stats: CustomerStatsTable;
  events: EventsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  loyalty_programs: LoyaltyProgramsTable;
  loyalty_members: LoyaltyMembersTable;
  loyalty_entries: LoyaltyEntriesTable;
  loyalty_allocations: LoyaltyAllocationsTable;
  loyalty_tier_history: LoyaltyTierHistoryTable;
  loyalty_reservations: LoyaltyReservationsTable;
  referral_codes: ReferralCodesTable;
  loyalty_referrals: LoyaltyReferralsTable;
  reward_stock: RewardStockTable;
  coupon_campaigns: CouponCampaignsTable;
  coupons: CouponsTable;
  coupon_uses: CouponUsesTable;
  gift_cards: GiftCardsTable;
  gift_card_transactions: GiftCardTransactionsTable;
  gift_card_refunds: GiftCardRefundsTable;
  challenge_progress: ChallengeProgressTable;
  score_runs: ScoreRunsTable;
  customer_scores: CustomerScoresTable;
  score_features: ScoreFeaturesTable;
  segment_snapshots: SegmentSnapshotsTable;
  segment_moves: SegmentMovesTable;
  outbox_cursor: OutboxCursorTable;
  analytics_settings: AnalyticsSettingsTable;
  purchase_rollup_state: PurchaseRollupStateTable;
  purchase_rollup_checkpoints: PurchaseRollupCheckpointsTable;
  customer_purchase_days: CustomerPurchaseDaysTable;
  daily_purchase_totals: DailyPurchaseTotalsTable;
  first_purchase_days: FirstPurchaseDaysTable;
  first_purchase_slots: FirstPurchaseSlotsTable;
}
