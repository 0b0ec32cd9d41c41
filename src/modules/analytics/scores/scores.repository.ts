import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import { conflict } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { featureColumns, featureSql, type CustomerFeatures } from '../churn/index.ts';
import { MODEL_VERSION, type ScoredCustomer } from './scores.ts';

// SQL of the score runs. Everything that touches all customers is set-based: the features
// in one INSERT … SELECT, the scores written back in chunks through one JSON parameter.

/** Runs without a heartbeat for this long are taken for dead (their process stopped). */
export const STALE_RUN_MS = 30 * 60_000;

export async function abandonStaleRuns(db: Db, now: Date): Promise<void> {
  await db
    .updateTable('score_runs')
    .set({ status: 'failed', finished_at: now, error: 'abandoned: the run stopped sending heartbeats (its process ended)' })
    .where('status', '=', 'running')
    .where('heartbeat_at', '<', new Date(now.getTime() - STALE_RUN_MS))
    .execute();
}

export async function startRun(db: Db, run: { id: string; asOf: string; trigger: string; now: Date }): Promise<void> {
  try {
    await db
      .insertInto('score_runs')
      .values({ id: run.id, as_of: run.asOf, trigger: run.trigger, status: 'running', started_at: run.now, heartbeat_at: run.now, finished_at: null, duration_ms: null, params: '{}', error: null })
      .execute();
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    const running = await db.selectFrom('score_runs').select(['id', 'started_at', 'trigger']).where('status', '=', 'running').executeTakeFirst();
    throw conflict(running ? say('scores.run_in_progress_since', { trigger: running.trigger, at: running.started_at.toISOString() }) : say('scores.run_in_progress'));
  }
}

export async function failRun(db: Db, { id, now, error }: { id: string; now: Date; error: string }): Promise<void> {
  await db.updateTable('score_runs').set({ status: 'failed', finished_at: now, error }).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function clearFeatures(db: Db): Promise<void> {
  await sql`TRUNCATE score_features`.execute(db);
}

/**
 * The features of every active customer who bought by the cut-off, with RFM quintiles.
 * A quintile is rank-based as in rfm.ts `quintiles`: min(5, ⌊5·(customers ranked strictly
 * worse) / n⌋ + 1), so ties share the score of the first of them.
 */
export async function stageFeatures(db: Db, { runId, cutoff, cutoffEnd }: { runId: string; cutoff: string; cutoffEnd: Date }): Promise<number> {
  await clearFeatures(db);
  return db.transaction().execute(async (trx) => {
    // The planner cannot see how many customers come out of the two aggregations (it
    // assumes 200) and would look each one up in customers and loyalty_members by index:
    // a million probes. Hash joins take a fifth less time on a million customers.
    await sql`SELECT set_config('enable_nestloop', 'off', true)`.execute(trx);
    const result = await sql`
    INSERT INTO score_features (customer_id, run_id, first_date, last_date, purchase_days, purchases, net_minor, gross_minor,
      refunded_minor, first_day_net_minor, promo_purchases, days_last_90, days_prev_90, member, points, has_tier, r, f, m)
    SELECT customer_id, ${runId}, first_date, last_date, purchase_days, purchases, net_minor, gross_minor,
      refunded_minor, first_day_net_minor, promo_purchases, days_last_90, days_prev_90, member, points, has_tier,
      least(5, (rank() OVER (ORDER BY last_date) - 1) * 5 / count(*) OVER () + 1),
      least(5, (rank() OVER (ORDER BY purchase_days) - 1) * 5 / count(*) OVER () + 1),
      least(5, (rank() OVER (ORDER BY net_minor) - 1) * 5 / count(*) OVER () + 1)
    FROM (${featureSql({ cutoff, cutoffEnd })}) f`.execute(trx);
    return Number(result.numAffectedRows ?? 0);
  });
}

/** Distinct (x, span, tenure) in days with their counts: what the purchase models fit. */
export async function historyGroups(db: Db, cutoff: string): Promise<{ x: number; span: number; tenure: number; customers: number }[]> {
  const result = await sql<{ x: number; span: number; tenure: number; customers: number }>`
    SELECT purchase_days - 1 AS x, last_date - first_date AS span, ${cutoff}::date - first_date AS tenure, count(*) AS customers
    FROM score_features GROUP BY 1, 2, 3`.execute(db);
  return result.rows;
}

/** Repeat customers' x and net spend of their repeat days, grouped: what Gamma-Gamma fits. */
export async function spendGroups(db: Db): Promise<{ x: number; repeat_net_minor: number; customers: number }[]> {
  const result = await sql<{ x: number; repeat_net_minor: number; customers: number }>`
    SELECT purchase_days - 1 AS x, net_minor - first_day_net_minor AS repeat_net_minor, count(*) AS customers
    FROM score_features WHERE purchase_days > 1 GROUP BY 1, 2`.execute(db);
  return result.rows;
}

export type StagedCustomer = CustomerFeatures & { r: number; f: number; m: number; previous_segment: string | null };

/** The next chunk of staged customers after `after` (by id), with their stored segment. */
export async function stagedChunk(db: Db, { cutoff, after, limit }: { cutoff: string; after: string | null; limit: number }): Promise<StagedCustomer[]> {
  const result = await sql<StagedCustomer>`
    SELECT ${featureColumns(cutoff)}, f.r, f.f, f.m, s.segment AS previous_segment
    FROM score_features f LEFT JOIN customer_scores s ON s.customer_id = f.customer_id
    ${after === null ? sql`` : sql`WHERE f.customer_id > ${after}`}
    ORDER BY f.customer_id LIMIT ${limit}`.execute(db);
  return result.rows;
}

export interface SegmentMove {
  from: string | null;
  to: string | null;
  customers: number;
}

/** One chunk's scores, its segment moves and the run's heartbeat (inside the chunk's transaction). */
export async function writeScores(trx: Tx, { runId, asOf, now, rows, moves }: { runId: string; asOf: string; now: Date; rows: ScoredCustomer[]; moves: SegmentMove[] }): Promise<void> {
  const json = JSON.stringify(rows);
  await sql`
    INSERT INTO customer_scores AS s (customer_id, run_id, model_version, as_of, computed_at, recency_days, frequency, monetary_minor,
      r, f, m, segment, segment_since, probability_alive, expected_purchases_90d, expected_purchases_365d, clv_12m_minor,
      churn_probability, churn_risk, churn_reasons)
    SELECT customer_id, ${runId}, ${MODEL_VERSION}, ${asOf}, ${now}, recency_days, frequency, monetary_minor,
      r, f, m, segment, ${asOf}, probability_alive, expected_purchases_90d, expected_purchases_365d, clv_12m_minor,
      churn_probability, churn_risk, churn_reasons
    FROM json_to_recordset(${json}::json) AS t(customer_id uuid, recency_days int, frequency int, monetary_minor bigint,
      r smallint, f smallint, m smallint, segment text, probability_alive double precision, expected_purchases_90d double precision,
      expected_purchases_365d double precision, clv_12m_minor bigint, churn_probability double precision, churn_risk text, churn_reasons jsonb)
    ON CONFLICT (customer_id) DO UPDATE SET
      run_id = EXCLUDED.run_id, model_version = EXCLUDED.model_version, as_of = EXCLUDED.as_of, computed_at = EXCLUDED.computed_at,
      recency_days = EXCLUDED.recency_days, frequency = EXCLUDED.frequency, monetary_minor = EXCLUDED.monetary_minor,
      r = EXCLUDED.r, f = EXCLUDED.f, m = EXCLUDED.m, segment = EXCLUDED.segment,
      segment_since = CASE WHEN s.segment = EXCLUDED.segment THEN s.segment_since ELSE EXCLUDED.segment_since END,
      probability_alive = EXCLUDED.probability_alive, expected_purchases_90d = EXCLUDED.expected_purchases_90d,
      expected_purchases_365d = EXCLUDED.expected_purchases_365d, clv_12m_minor = EXCLUDED.clv_12m_minor,
      churn_probability = EXCLUDED.churn_probability, churn_risk = EXCLUDED.churn_risk, churn_reasons = EXCLUDED.churn_reasons`.execute(trx);
  await addMoves(trx, { runId, asOf, moves });
  await trx.updateTable('score_runs').set({ heartbeat_at: now }).where('id', '=', runId).execute();
}

async function addMoves(trx: Tx, { runId, asOf, moves }: { runId: string; asOf: string; moves: SegmentMove[] }): Promise<void> {
  if (moves.length === 0) return;
  await sql`
    INSERT INTO segment_moves AS m (run_id, as_of, from_segment, to_segment, customers)
    SELECT ${runId}, ${asOf}, "from", "to", customers FROM json_to_recordset(${JSON.stringify(moves)}::json) AS t("from" text, "to" text, customers bigint)
    ON CONFLICT (run_id, from_segment, to_segment) DO UPDATE SET customers = m.customers + EXCLUDED.customers`.execute(trx);
}

/**
 * Ends a run: customers this run did not score (merged, erased, or with no purchase by
 * the day scored) leave the scores as a move to nothing; then the segment sizes.
 */
export async function finishRun(trx: Tx, { runId, asOf, now, durationMs, customers, params }: { runId: string; asOf: string; now: Date; durationMs: number; customers: number; params: Record<string, unknown> }): Promise<{ left: number }> {
  const left = await sql<{ n: number }>`
    WITH gone AS (DELETE FROM customer_scores WHERE run_id <> ${runId} RETURNING segment),
    moved AS (
      INSERT INTO segment_moves AS m (run_id, as_of, from_segment, to_segment, customers)
      SELECT ${runId}, ${asOf}, segment, NULL, count(*) FROM gone GROUP BY segment
      ON CONFLICT (run_id, from_segment, to_segment) DO UPDATE SET customers = m.customers + EXCLUDED.customers
    )
    SELECT count(*) AS n FROM gone`.execute(trx);
  await sql`
    INSERT INTO segment_snapshots (run_id, as_of, segment, customers)
    SELECT ${runId}, ${asOf}, segment, count(*) FROM customer_scores GROUP BY segment`.execute(trx);
  await trx
    .updateTable('score_runs')
    .set({ status: 'succeeded', finished_at: now, heartbeat_at: now, duration_ms: durationMs, customers, params: JSON.stringify(params) })
    .where('id', '=', runId)
    .execute();
  return { left: Number(left.rows[0].n) };
}

// ── Reading ──────────────────────────────────────────────────────────────────

export async function scoresOf(db: Db, customerId: string) {
  return db
    .selectFrom('customer_scores as s')
    .innerJoin('score_runs as r', 'r.id', 's.run_id')
    .selectAll('s')
    .select(['r.params as run_params', 'r.customers as run_customers'])
    .where('s.customer_id', '=', customerId)
    .executeTakeFirst();
}

export async function runById(db: Db, id: string) {
  return db.selectFrom('score_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function latestRun(db: Db) {
  return db.selectFrom('score_runs').selectAll().where('status', '=', 'succeeded').orderBy('finished_at', 'desc').limit(1).executeTakeFirst();
}

export async function segmentSizes(db: Db, runId: string): Promise<{ segment: string; customers: number }[]> {
  const rows = await db.selectFrom('segment_snapshots').select(['segment', 'customers']).where('run_id', '=', runId).orderBy('customers', 'desc').orderBy('segment').execute();
  return rows.map((r) => ({ segment: r.segment, customers: Number(r.customers) }));
}

/** Succeeded runs with as_of in [from, to], with their segment sizes and moves. */
export async function segmentHistory(db: Db, { from, to }: { from: string; to: string }) {
  const runs = await db
    .selectFrom('score_runs')
    .select(['id', 'as_of', 'finished_at', 'customers'])
    .where('status', '=', 'succeeded')
    .where('as_of', '>=', from)
    .where('as_of', '<=', to)
    .orderBy('as_of')
    .orderBy('finished_at')
    .execute();
  const ids = runs.map((r) => r.id);
  if (ids.length === 0) return [];
  const sizes = await db.selectFrom('segment_snapshots').select(['run_id', 'segment', 'customers']).where('run_id', 'in', ids).orderBy('customers', 'desc').orderBy('segment').execute();
  const moves = await db.selectFrom('segment_moves').select(['run_id', 'from_segment', 'to_segment', 'customers']).where('run_id', 'in', ids).orderBy('customers', 'desc').execute();
  return runs.map((run) => ({
    run_id: run.id,
    as_of: run.as_of,
    computed_at: run.finished_at,
    customers: Number(run.customers),
    segments: sizes.filter((s) => s.run_id === run.id).map((s) => ({ segment: s.segment, customers: Number(s.customers) })),
    moves: moves.filter((m) => m.run_id === run.id).map((m) => ({ from: m.from_segment, to: m.to_segment, customers: Number(m.customers) })),
  }));
}
