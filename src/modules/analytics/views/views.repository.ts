import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';

// The SQL of the dashboard's read models. Everything reads the per-customer tables
// (customer_scores, customer_stats) once and returns aggregates: a handful of rows,
// never one per customer. Only the holdout check reads the purchases themselves, as the
// cohorts do, because it needs them split at a day the read models do not know.

const DAY_MS = 86_400_000;
const utcMidnight = (date: string, plusDays = 0) => new Date(Date.parse(`${date}T00:00:00Z`) + plusDays * DAY_MS);

export interface RunRow {
  id: string;
  as_of: string;
  finished_at: Date | null;
  customers: number;
  params: Record<string, unknown>;
}

/**
 * The score run behind the stored scores: every row of customer_scores carries the run
 * that wrote it, and a run's end removes the rows of earlier runs. (Ordering runs by their
 * end is not enough: two runs may end at the same instant, and an older as_of can be
 * computed later.)
 */
export async function currentRun(db: Db): Promise<RunRow | undefined> {
  const row = await db
    .selectFrom('score_runs')
    .select(['id', 'as_of', 'finished_at', 'customers', 'params'])
    .where('id', '=', (eb) => eb.selectFrom('customer_scores').select('run_id').limit(1))
    .executeTakeFirst();
  if (!row) return undefined;
  const params = typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
  return { ...row, customers: Number(row.customers), params: params as Record<string, unknown> };
}

/** Customers and their net spend by R and F score (the cells that are empty are absent). */
export async function rfmCells(db: Db) {
  const result = await sql<{ r: number; f: number; customers: number; net_minor: number }>`
    SELECT r, f, count(*)::bigint AS customers, sum(monetary_minor)::bigint AS net_minor
    FROM customer_scores GROUP BY r, f`.execute(db);
  return result.rows;
}

export async function segmentRows(db: Db) {
  const result = await sql<{
    segment: string; customers: number; net_minor: number; clv_minor: number | null; clv_customers: number;
    probability_alive: number | null; high_risk: number; recency_days: number; frequency: number;
  }>`
    SELECT segment, count(*)::bigint AS customers, sum(monetary_minor)::bigint AS net_minor,
           sum(clv_12m_minor)::bigint AS clv_minor, count(clv_12m_minor)::bigint AS clv_customers,
           avg(probability_alive)::float8 AS probability_alive,
           (count(*) FILTER (WHERE churn_risk = 'high'))::bigint AS high_risk,
           avg(recency_days)::float8 AS recency_days, avg(frequency)::float8 AS frequency
    FROM customer_scores GROUP BY segment ORDER BY count(*) DESC, segment`.execute(db);
  return result.rows;
}

export async function clvStats(db: Db) {
  const result = await sql<{ scored: number; customers: number; total_minor: number | null; median_minor: number | null; low_minor: number | null; max_minor: number | null }>`
    SELECT count(*)::bigint AS scored,
           count(clv_12m_minor)::bigint AS customers,
           sum(clv_12m_minor)::bigint AS total_minor,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY clv_12m_minor))::float8 AS median_minor,
           (percentile_disc(0.05) WITHIN GROUP (ORDER BY clv_12m_minor) FILTER (WHERE clv_12m_minor > 0))::float8 AS low_minor,
           max(clv_12m_minor)::bigint AS max_minor
    FROM customer_scores`.execute(db);
  return result.rows[0];
}

/** Customers and CLV sums per bucket; `bucket` is 1 for [edges[0], edges[1]), and so on. */
export async function clvBuckets(db: Db, edges: readonly number[]) {
  const result = await sql<{ bucket: number; customers: number; total_minor: number }>`
    SELECT width_bucket(clv_12m_minor, ${sql.raw(`ARRAY[${edges.map((e) => Math.round(e)).join(',')}]::bigint[]`)}) AS bucket,
           count(*)::bigint AS customers, sum(clv_12m_minor)::bigint AS total_minor
    FROM customer_scores WHERE clv_12m_minor IS NOT NULL GROUP BY 1 ORDER BY 1`.execute(db);
  return result.rows;
}

// Each customer's BTYD history from customer_stats, in local days of the business's zone:
// x = purchase days − 1, t_x = last − first purchase day, T = today − first purchase day.
const history = (today: string, timeZone: string) => sql`
  SELECT s.customer_id,
         s.purchase_days - 1 AS x,
         (s.last_purchase_at AT TIME ZONE ${timeZone})::date - (s.first_purchase_at AT TIME ZONE ${timeZone})::date AS span,
         ${today}::date - (s.first_purchase_at AT TIME ZONE ${timeZone})::date AS tenure
  FROM customer_stats s
  WHERE s.purchases_count > 0 AND s.purchase_days > 0`;

/** Distinct (x, span, tenure) in days with their counts: what BG/NBD is fitted on without a score run. */
export async function historyGroups(db: Db, { today, timeZone }: { today: string; timeZone: string }) {
  const result = await sql<{ x: number; span: number; tenure: number; customers: number }>`
    SELECT x, span, tenure, count(*)::bigint AS customers FROM (${history(today, timeZone)}) h
    WHERE tenure >= 0 GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

export async function historyExtent(db: Db, { today, timeZone }: { today: string; timeZone: string }) {
  const result = await sql<{ customers: number; x_p99: number | null; x_max: number | null; tenure_max: number | null }>`
    SELECT count(*)::bigint AS customers,
           percentile_disc(0.99) WITHIN GROUP (ORDER BY x) AS x_p99, max(x) AS x_max, max(tenure) AS tenure_max
    FROM (${history(today, timeZone)}) h WHERE tenure >= 0`.execute(db);
  return result.rows[0];
}

/**
 * Customers per cell of the probability-alive grid (columns of `frequencyWidth` repeat
 * purchases, x = 0 alone first; rows of `recencyWidth` whole weeks of t_x; beyond the
 * last column or row they count in it), with the mean of their stored P(alive) when they
 * have scores.
 */
export async function aliveCells(db: Db, { today, timeZone, frequencyWidth, columns, recencyWidth, rows }: {
  today: string; timeZone: string; frequencyWidth: number; columns: number; recencyWidth: number; rows: number;
}) {
  const result = await sql<{ col: number; row: number; customers: number; scored: number; probability_alive: number | null }>`
    SELECT CASE WHEN h.x = 0 THEN 0 ELSE least((h.x - 1) / ${frequencyWidth}::int + 1, ${columns - 1}::int) END AS col,
           least((h.span / 7) / ${recencyWidth}::int, ${rows - 1}::int) AS row,
           count(*)::bigint AS customers,
           count(s.probability_alive)::bigint AS scored,
           avg(s.probability_alive)::float8 AS probability_alive
    FROM (${history(today, timeZone)}) h
    LEFT JOIN customer_scores s ON s.customer_id = h.customer_id
    WHERE h.tenure >= 0
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/**
 * Calibration / holdout histories, grouped: per customer whose first purchase day is on or
 * before `calibrationEnd`, x = purchase days in calibration − 1, span and tenure in days
 * (as btyd/summary.ts `summarize` counts them: a day with purchases is one purchase, the
 * first day starts the clock), and the purchase days in (calibrationEnd, holdoutEnd].
 */
export async function holdoutGroups(db: Db, { calibrationEnd, holdoutEnd }: { calibrationEnd: string; holdoutEnd: string }) {
  const result = await sql<{ x: number; span: number; tenure: number; holdout: number; customers: number }>`
    WITH days AS (
      SELECT p.customer_id, p.local_date
      FROM purchases p
      WHERE p.occurred_at < ${utcMidnight(holdoutEnd, 2)} AND p.local_date <= ${holdoutEnd}::date
      GROUP BY p.customer_id, p.local_date
    ),
    per_customer AS (
      SELECT customer_id, min(local_date) AS first_day,
             max(local_date) FILTER (WHERE local_date <= ${calibrationEnd}::date) AS last_day,
             count(*) FILTER (WHERE local_date <= ${calibrationEnd}::date) AS calibration_days,
             count(*) FILTER (WHERE local_date > ${calibrationEnd}::date) AS holdout_days
      FROM days GROUP BY customer_id
    )
    SELECT calibration_days - 1 AS x, last_day - first_day AS span, ${calibrationEnd}::date - first_day AS tenure,
           holdout_days AS holdout, count(*)::bigint AS customers
    FROM per_customer WHERE first_day <= ${calibrationEnd}::date
    GROUP BY 1, 2, 3, 4`.execute(db);
  return result.rows;
}
