import type { Selectable } from 'kysely';
import type { ScoreFeaturesTable } from '../../../db/index.ts';
import type { CustomerSummary } from '../btyd/index.ts';
import type { Reason, LogisticModel } from './model.ts';
import { topReasons } from './model.ts';

// What a business already knows about a customer at a cut-off day, as churn.repository.ts
// reads it from the purchases (and the loyalty ledger), and the model's view of it.

// The counts and flags are score_features' columns (the table keeps featureSql's rows for a
// score run), so a feature is declared once, in db/schema.ts; the first and last purchase
// dates there are day counts here, and the run's RFM quintiles are not features.
export interface CustomerFeatures extends Omit<Selectable<ScoreFeaturesTable>, 'run_id' | 'first_date' | 'last_date' | 'r' | 'f' | 'm'> {
  /** cut-off day − last purchase day */
  recency_days: number;
  /** cut-off day − first purchase day */
  tenure_days: number;
  /** last − first purchase day */
  span_days: number;
}

interface FeatureSpec {
  name: string;
  /** the value a person reads (days, purchase days, money, a share) */
  raw(c: CustomerFeatures, minorPerMajor: number): number;
  /** what the model reads: logs tame the long tails; default the raw value */
  model?(c: CustomerFeatures, minorPerMajor: number): number;
}

const averageGap = (c: CustomerFeatures) => (c.purchase_days > 1 ? c.span_days / (c.purchase_days - 1) : 0);
const overdue = (c: CustomerFeatures) => (c.purchase_days > 1 ? c.recency_days / Math.max(1, averageGap(c)) : 0);
const log1p = (v: number) => Math.log1p(Math.max(0, v));

// Gaps between purchases enter three ways: the usual gap, how overdue the customer is
// against it (days since the last purchase ÷ usual gap), and the trend of the last 90
// days against the 90 before. One-time buyers have no gap: an indicator carries them.
export const CHURN_FEATURES: readonly FeatureSpec[] = [
  { name: 'days_since_last_purchase', raw: (c) => c.recency_days, model: (c) => log1p(c.recency_days) },
  { name: 'purchase_days', raw: (c) => c.purchase_days, model: (c) => log1p(c.purchase_days) },
  { name: 'net_spend', raw: (c, k) => c.net_minor / k, model: (c, k) => log1p(c.net_minor / k) },
  { name: 'customer_for_days', raw: (c) => c.tenure_days, model: (c) => log1p(c.tenure_days) },
  { name: 'average_days_between_purchases', raw: averageGap, model: (c) => log1p(averageGap(c)) },
  { name: 'overdue_ratio', raw: overdue, model: (c) => log1p(overdue(c)) },
  { name: 'bought_once', raw: (c) => (c.purchase_days === 1 ? 1 : 0) },
  { name: 'purchase_days_last_90', raw: (c) => c.days_last_90, model: (c) => log1p(c.days_last_90) },
  // raw: the change in purchase days; the model reads the log-ratio of the two windows
  { name: 'activity_trend', raw: (c) => c.days_last_90 - c.days_prev_90, model: (c) => log1p(c.days_last_90) - log1p(c.days_prev_90) },
  { name: 'refunded_share', raw: (c) => (c.gross_minor > 0 ? c.refunded_minor / c.gross_minor : 0) },
  { name: 'promo_share', raw: (c) => (c.purchases > 0 ? c.promo_purchases / c.purchases : 0) },
  { name: 'loyalty_member', raw: (c) => (c.member ? 1 : 0) },
  { name: 'points_balance', raw: (c) => c.points, model: (c) => log1p(c.points) },
  { name: 'has_tier', raw: (c) => (c.has_tier ? 1 : 0) },
];

export const CHURN_FEATURE_NAMES: readonly string[] = CHURN_FEATURES.map((f) => f.name);

export function rawFeatures(c: CustomerFeatures, minorPerMajor = 100): number[] {
  return CHURN_FEATURES.map((f) => f.raw(c, minorPerMajor));
}

export function modelFeatures(c: CustomerFeatures, minorPerMajor = 100): number[] {
  return CHURN_FEATURES.map((f) => (f.model ?? f.raw)(c, minorPerMajor));
}

/** Below this (log-odds; about 5 % on the odds) a feature is not worth naming as a reason. */
export const MIN_REASON_CONTRIBUTION = 0.05;

/** The top reasons for a customer's churn risk, with the values a person reads. */
export function churnReasons(model: LogisticModel, c: CustomerFeatures, { minorPerMajor = 100, count = 3 } = {}): Reason[] {
  const raw = rawFeatures(c, minorPerMajor);
  const reasons = topReasons(model, modelFeatures(c, minorPerMajor), count).filter((r) => r.contribution >= MIN_REASON_CONTRIBUTION);
  return reasons.map((r) => ({
    feature: r.feature,
    value: Math.round(raw[model.features.indexOf(r.feature)] * 1000) / 1000,
    contribution: Math.round(r.contribution * 1000) / 1000,
  }));
}

/** The BTYD summary (x, t_x, T in weeks; mean repeat-day value in major units). */
export function btydSummary(c: CustomerFeatures, minorPerMajor = 100): CustomerSummary & { customerId: string; monetary: number } {
  const x = c.purchase_days - 1;
  return {
    customerId: c.customer_id,
    x,
    tx: c.span_days / 7,
    T: c.tenure_days / 7,
    monetary: x > 0 ? (c.net_minor - c.first_day_net_minor) / x / minorPerMajor : 0,
  };
}
