import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import type { MetricRow } from './metrics.ts';

// The SQL of the loyalty metrics. Each function reads the purchases of its window once.
//
// Calendar bucketing is on local_date, which has no index; occurred_at has one
// (purchases_time). A local date is the UTC date of occurred_at shifted by the zone's
// offset, and every offset is within ±14 h, so local_date in [a, b] implies occurred_at in
// [a − 1 day, b + 2 days) UTC. That redundant range lets PostgreSQL scan only the window.
const DAY_MS = 86_400_000;
const utcMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * DAY_MS);
const inWindow = (alias: string, from: string, to: string) =>
  sql`${sql.ref(`${alias}.occurred_at`)} >= ${utcMidnight(from, -1)} AND ${sql.ref(`${alias}.occurred_at`)} < ${utcMidnight(to, 2)}
      AND ${sql.ref(`${alias}.local_date`)} BETWEEN ${from}::date AND ${to}::date`;
const inStore = (alias: string, storeId: string | null) => (storeId === null ? sql`` : sql`AND ${sql.ref(`${alias}.store_id`)} = ${storeId}::uuid`);

/**
 * One scan over the purchases of the previous period and this one, aggregated per
 * customer and then into a handful of groups: (tier, repeat, bought now, bought before).
 * Everything in the metrics overview is a sum over these groups.
 */
export async function metricRows(db: Db, { from, to, previousFrom, storeId }: { from: string; to: string; previousFrom: string; storeId: string | null }): Promise<MetricRow[]> {
  const result = await sql<MetricRow>`
    WITH days AS (
      -- one row per customer and purchase day: "repeat" counts days, not receipts
      SELECT p.customer_id, p.local_date,
             count(*) AS purchases,
             sum(p.total_minor - p.refunded_minor) AS net_minor,
             count(*) FILTER (WHERE p.promo_code IS NOT NULL OR p.discount_minor > 0) AS promo_purchases
      FROM purchases p
      WHERE ${inWindow('p', previousFrom, to)} ${inStore('p', storeId)}
      GROUP BY p.customer_id, p.local_date
    ),
    per_customer AS (
      SELECT customer_id,
             count(*) FILTER (WHERE local_date >= ${from}::date) AS days,
             COALESCE(sum(purchases) FILTER (WHERE local_date >= ${from}::date), 0) AS purchases,
             COALESCE(sum(net_minor) FILTER (WHERE local_date >= ${from}::date), 0) AS net_minor,
             COALESCE(sum(promo_purchases) FILTER (WHERE local_date >= ${from}::date), 0) AS promo_purchases,
             bool_or(local_date < ${from}::date) AS bought_before
      FROM days
      GROUP BY customer_id
    )
    SELECT COALESCE(m.tier, 'none') AS tier,
           c.days >= 2 AS repeat,
           c.days > 0 AS bought_now,
           c.bought_before,
           count(*)::bigint AS customers,
           sum(c.purchases)::bigint AS purchases,
           sum(c.net_minor)::bigint AS net_minor,
           sum(c.promo_purchases)::bigint AS promo_purchases,
           (count(*) FILTER (WHERE c.promo_purchases > 0))::bigint AS promo_customers
    FROM per_customer c
    LEFT JOIN loyalty_members m ON m.customer_id = c.customer_id
    GROUP BY 1, 2, 3, 4`.execute(db);
  return result.rows;
}

/**
 * Customers whose first purchase (in the store, when filtered) falls in [from, to], by
 * first-purchase month and by the months after it in which they bought. "First" looks
 * at the whole history: a customer who bought before `from` is in no cohort here. The
 * check is a NOT EXISTS per customer on purchases_customer_time, not a scan of history.
 */
export async function cohortCounts(db: Db, { from, to, storeId }: { from: string; to: string; storeId: string | null }) {
  const result = await sql<{ cohort: string; offset: number; customers: number }>`
    WITH active AS (
      SELECT p.customer_id, date_trunc('month', p.local_date)::date AS month
      FROM purchases p
      WHERE ${inWindow('p', from, to)} ${inStore('p', storeId)}
      GROUP BY p.customer_id, 2
    ),
    cohort AS (
      SELECT a.customer_id, min(a.month) AS month
      FROM active a
      GROUP BY a.customer_id
    ),
    fresh AS (
      SELECT c.customer_id, c.month
      FROM cohort c
      WHERE NOT EXISTS (
        SELECT 1 FROM purchases q
        WHERE q.customer_id = c.customer_id AND q.occurred_at < ${utcMidnight(from, 1)} AND q.local_date < ${from}::date ${inStore('q', storeId)}
      )
    )
    SELECT to_char(f.month, 'YYYY-MM') AS cohort,
           ((extract(year FROM a.month) - extract(year FROM f.month)) * 12 + extract(month FROM a.month) - extract(month FROM f.month))::int AS "offset",
           count(*)::bigint AS customers
    FROM fresh f
    JOIN active a ON a.customer_id = f.customer_id
    GROUP BY 1, 2
    ORDER BY 1, 2`.execute(db);
  return result.rows;
}
