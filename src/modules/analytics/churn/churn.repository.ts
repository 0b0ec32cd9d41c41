import { sql, type RawBuilder } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import type { CustomerFeatures } from './features.ts';

// The per-customer features at a cut-off day, in one pass over the purchases: purchases
// are first grouped by customer and local day (several on one day are one purchase day,
// as the BTYD models count them), then by customer. Only what was known by the end of the
// cut-off day is read — purchases up to that day, refunds, loyalty points and tiers
// recorded before its end — so a model trained at a past cut-off sees no future.
// The nightly scores read the same query for every customer (scores.repository.ts), the
// churn model's training reads it for a sample.

export interface FeatureQuery {
  /** last day included, YYYY-MM-DD */
  cutoff: string;
  /** the instant the cut-off day ends in the business's time zone */
  cutoffEnd: Date;
  /** keep about this share of customers (the same ones every time); default all */
  sampleRate?: number;
}

// Customers are sampled by a range of their ids: ids are random (UUID v4, shared/ids.ts),
// so the ids below a bound are a random sample, the same customers at every cut-off and on
// every run; and a range costs one comparison per row, in every table the query reads.
export function sampleBound(rate: number): string {
  const hex = (BigInt(Math.floor(Math.min(1, Math.max(0, rate)) * 2 ** 53)) << 75n).toString(16).padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function sampleFilter(column: string, rate: number | undefined): RawBuilder<unknown> {
  if (rate === undefined || rate >= 1) return sql``;
  return sql`AND ${sql.ref(column)} < ${sampleBound(rate)}::uuid`;
}

/**
 * SELECT customer_id, first_date, last_date, purchase_days, purchases, net_minor,
 * gross_minor, refunded_minor, first_day_net_minor, promo_purchases, days_last_90,
 * days_prev_90, member, points, has_tier — one row per active customer who bought by the
 * cut-off.
 */
export function featureSql({ cutoff, cutoffEnd, sampleRate }: FeatureQuery): RawBuilder<unknown> {
  const day = sql`${cutoff}::date`;
  return sql`
    WITH refunded AS (
      SELECT customer_id, purchase_id, sum(amount_minor)::bigint AS amount
      FROM refunds WHERE occurred_at < ${cutoffEnd} ${sampleFilter('customer_id', sampleRate)}
      GROUP BY customer_id, purchase_id
    ),
    days AS (
      SELECT p.customer_id, p.local_date,
             sum(p.total_minor - coalesce(r.amount, 0))::bigint AS net,
             sum(p.total_minor)::bigint AS gross,
             sum(coalesce(r.amount, 0))::bigint AS refunded,
             count(*) AS purchases,
             count(*) FILTER (WHERE p.promo_code IS NOT NULL OR p.discount_minor > 0) AS promo
      FROM purchases p
      LEFT JOIN refunded r ON r.customer_id = p.customer_id AND r.purchase_id = p.id
      WHERE p.local_date <= ${day} ${sampleFilter('p.customer_id', sampleRate)}
      GROUP BY p.customer_id, p.local_date
    ),
    per_customer AS (
      SELECT customer_id,
             min(local_date) AS first_date,
             max(local_date) AS last_date,
             count(*)::int AS purchase_days,
             sum(purchases)::int AS purchases,
             sum(net)::bigint AS net_minor,
             sum(gross)::bigint AS gross_minor,
             sum(refunded)::bigint AS refunded_minor,
             -- the net of the earliest day: arrays compare element by element
             (min(ARRAY[(local_date - DATE '1970-01-01')::bigint, net]))[2] AS first_day_net_minor,
             sum(promo)::int AS promo_purchases,
             (count(*) FILTER (WHERE local_date > ${day} - 90))::int AS days_last_90,
             (count(*) FILTER (WHERE local_date > ${day} - 180 AND local_date <= ${day} - 90))::int AS days_prev_90
      FROM days
      GROUP BY customer_id
    ),
    points AS (
      SELECT customer_id, sum(points)::bigint AS points FROM loyalty_entries
      WHERE occurred_at < ${cutoffEnd} ${sampleFilter('customer_id', sampleRate)} GROUP BY customer_id
    ),
    tiers AS (
      SELECT DISTINCT ON (customer_id) customer_id, to_tier FROM loyalty_tier_history
      WHERE changed_at < ${cutoffEnd} ${sampleFilter('customer_id', sampleRate)} ORDER BY customer_id, changed_at DESC
    )
    SELECT pc.*,
           lm.customer_id IS NOT NULL AS member,
           coalesce(pt.points, 0)::bigint AS points,
           coalesce(t.to_tier IS NOT NULL, false) AS has_tier
    FROM per_customer pc
    JOIN customers c ON c.id = pc.customer_id AND c.status = 'active'
    LEFT JOIN loyalty_members lm ON lm.customer_id = pc.customer_id AND lm.joined_at < ${cutoffEnd}
    LEFT JOIN points pt ON pt.customer_id = pc.customer_id
    LEFT JOIN tiers t ON t.customer_id = pc.customer_id`;
}

/** The columns of CustomerFeatures from a row of featureSql (or score_features) aliased `f`. */
export function featureColumns(cutoff: string): RawBuilder<unknown> {
  return sql`f.customer_id,
    (${cutoff}::date - f.last_date) AS recency_days,
    (${cutoff}::date - f.first_date) AS tenure_days,
    (f.last_date - f.first_date) AS span_days,
    f.purchase_days, f.purchases, f.net_minor, f.gross_minor, f.refunded_minor, f.first_day_net_minor,
    f.promo_purchases, f.days_last_90, f.days_prev_90, f.member, f.points, f.has_tier`;
}

export interface LabelledFeatures extends CustomerFeatures {
  /** purchase days in (cut-off, label end] */
  future_days: number;
}

/** Features at a cut-off with the purchase days that followed up to `labelEnd` (the label). */
export async function labelledFeatures(db: Db | Tx, query: FeatureQuery & { labelEnd: string }): Promise<LabelledFeatures[]> {
  const result = await sql<LabelledFeatures>`
    SELECT ${featureColumns(query.cutoff)}, coalesce(later.days, 0)::int AS future_days
    FROM (${featureSql(query)}) f
    LEFT JOIN (
      SELECT customer_id, count(DISTINCT local_date) AS days FROM purchases
      WHERE local_date > ${query.cutoff}::date AND local_date <= ${query.labelEnd}::date ${sampleFilter('customer_id', query.sampleRate)}
      GROUP BY customer_id
    ) later ON later.customer_id = f.customer_id
    ORDER BY f.customer_id`.execute(db);
  return result.rows;
}

/** Active customers (the base the training sample is drawn from). */
export async function activeCustomerCount(db: Db | Tx): Promise<number> {
  const row = await db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'active').executeTakeFirstOrThrow();
  return Number(row.n);
}
