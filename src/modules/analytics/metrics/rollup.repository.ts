import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import { FIRST_PURCHASE_SLOT_MINUTES, LONGEST_WINDOW_DAYS, type RollupWindow, type WindowSums } from './rollup.ts';

// The SQL of the purchase-day rollup (rollup.ts has the arithmetic, rollup.service.ts
// the order of the steps). Every statement takes the transaction of the catch-up, which
// holds purchase_rollup_state's row lock: one catch-up at a time.

/** The arrays of a day whose purchases changed but none of its customers' gaps. */
const NO_RETURNS = sql`array_fill(0, ARRAY[${LONGEST_WINDOW_DAYS}::int])`;

/** Locks the rollup for this transaction; null: not built yet. */
export async function lockRollup(trx: Tx): Promise<{ eventsAppliedThrough: number | null }> {
  const row = await trx.selectFrom('purchase_rollup_state').select('events_applied_through').forUpdate().executeTakeFirstOrThrow();
  return { eventsAppliedThrough: row.events_applied_through === null ? null : Number(row.events_applied_through) };
}

/**
 * The highest event id at or below which every event is final: committed and visible to the
 * statements after this one, or never to be. Event ids come from a sequence, so an event
 * can commit after one with a higher id; a checkpoint notes the highest visible id and
 * the time, and its events are final once no transaction that began before that time is
 * still running (pg_stat_activity, of the sessions of this database; the ones of other
 * roles show no xact_start, so every writer must use the server's own role).
 * The checkpoint is noted first and the running transactions read after it: a transaction
 * that began after the checkpoint allocates only higher ids.
 */
export async function finalEventsThrough(trx: Tx): Promise<number> {
  await sql`
    INSERT INTO purchase_rollup_checkpoints (taken_at, last_event_id)
    SELECT clock_timestamp(), COALESCE(max(id), 0) FROM events`.execute(trx);
  const row = await sql<{ through: number | null }>`
    SELECT max(last_event_id) AS through FROM purchase_rollup_checkpoints
    WHERE taken_at < COALESCE(
      (SELECT min(xact_start) FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'),
      'infinity')`.execute(trx);
  return Number(row.rows[0].through ?? 0);
}

/** Checkpoints at or below the new watermark have served. */
export async function advanceWatermark(trx: Tx, eventsAppliedThrough: number, rebuilt: boolean): Promise<void> {
  await trx.updateTable('purchase_rollup_state')
    .set({ events_applied_through: eventsAppliedThrough, ...(rebuilt ? { rebuilt_at: sql<Date>`now()` } : {}) })
    .execute();
  await trx.deleteFrom('purchase_rollup_checkpoints').where('last_event_id', '<=', eventsAppliedThrough).execute();
}

/**
 * The customers whose purchases may have changed with the events after `afterId` (up to
 * `throughId`, when given): the customer of every event (a purchase, a refund, the
 * survivor of a merge — any event naming a customer, so that a new kind of change cannot
 * slip by) and the customer merged away (their purchases moved).
 */
export async function customersOfEventsAfter(trx: Tx, afterId: number, throughId: number | null = null): Promise<string[]> {
  const result = await sql<{ customer_id: string }>`
    SELECT DISTINCT c.customer_id
    FROM events e
    CROSS JOIN LATERAL (VALUES (e.customer_id),
                               (CASE WHEN e.type = 'customer.merged' THEN (e.payload ->> 'merged_id')::uuid END)) AS c (customer_id)
    WHERE e.id > ${afterId} ${throughId === null ? sql`` : sql`AND e.id <= ${throughId}`} AND c.customer_id IS NOT NULL`.execute(trx);
  return result.rows.map((r) => r.customer_id);
}

export async function emptyRollup(trx: Tx): Promise<void> {
  await sql`TRUNCATE customer_purchase_days, daily_purchase_totals, first_purchase_days, first_purchase_slots`.execute(trx);
}

/**
 * Recounts these customers (null: every customer) from their purchases: their row in
 * customer_purchase_days is replaced, and the aggregates get the difference between what
 * the row counted before and what it counts now — one statement, so the old and the new
 * row are read in one snapshot.
 */
export async function recountCustomers(trx: Tx, customerIds: string[] | null): Promise<void> {
  const only = (column: string) => (customerIds === null ? sql`true` : sql`${sql.ref(column)} = ANY(${customerIds}::uuid[])`);
  await sql`
    WITH fresh AS (
      SELECT customer_id, array_agg(local_date ORDER BY local_date) AS days, array_agg(purchases ORDER BY local_date) AS purchases,
             array_agg(net_minor ORDER BY local_date) AS net_minor, min(first_at) AS first_purchase_at
      FROM (SELECT customer_id, local_date, count(*)::int AS purchases, sum(total_minor - refunded_minor)::bigint AS net_minor, min(occurred_at) AS first_at
            FROM purchases WHERE ${only('customer_id')}
            GROUP BY customer_id, local_date) AS by_day
      GROUP BY customer_id
    ),
    counted AS (
      SELECT * FROM customer_purchase_days WHERE ${only('customer_id')}
    ),
    replaced AS (
      INSERT INTO customer_purchase_days AS c SELECT * FROM fresh
      ON CONFLICT (customer_id) DO UPDATE SET days = EXCLUDED.days, purchases = EXCLUDED.purchases,
        net_minor = EXCLUDED.net_minor, first_purchase_at = EXCLUDED.first_purchase_at
    ),
    gone AS (
      DELETE FROM customer_purchase_days WHERE ${only('customer_id')} AND customer_id NOT IN (SELECT customer_id FROM fresh)
    ),
    change AS (
      SELECT -1 AS sign, * FROM counted
      UNION ALL
      SELECT 1 AS sign, * FROM fresh
    ),
    change_days AS (
      SELECT c.sign, c.days[i] AS local_date, c.purchases[i] AS purchases, c.net_minor[i] AS net_minor,
             c.days[i] - c.days[i - 1] AS gap, c.days[i] - c.days[i - 2] AS second_gap
      FROM change c CROSS JOIN LATERAL generate_subscripts(c.days, 1) AS i
    ),
    by_day AS (
      SELECT local_date, sum(sign * purchases) AS purchases, sum(sign * net_minor) AS net_minor, sum(sign) AS customers
      FROM change_days GROUP BY local_date
    ),
    by_gap AS (
      SELECT local_date, gap, sum(after_previous) AS after_previous, sum(after_second_previous) AS after_second_previous
      FROM (SELECT local_date, gap, sign AS after_previous, 0 AS after_second_previous FROM change_days WHERE gap <= ${LONGEST_WINDOW_DAYS}
            UNION ALL
            SELECT local_date, second_gap, 0, sign FROM change_days WHERE second_gap <= ${LONGEST_WINDOW_DAYS}) AS by_gaps
      GROUP BY local_date, gap HAVING sum(after_previous) <> 0 OR sum(after_second_previous) <> 0
    ),
    -- Element g of a day's arrays: the change in customers that day whose (second)
    -- previous purchase day was at most g days earlier — running sums over the gaps.
    within AS (
      SELECT local_date, array_agg(after_previous ORDER BY g) AS after_previous_within,
             array_agg(after_second_previous ORDER BY g) AS after_second_previous_within
      FROM (SELECT d.local_date, g,
                   sum(COALESCE(b.after_previous, 0)) OVER (PARTITION BY d.local_date ORDER BY g)::int AS after_previous,
                   sum(COALESCE(b.after_second_previous, 0)) OVER (PARTITION BY d.local_date ORDER BY g)::int AS after_second_previous
            FROM (SELECT DISTINCT local_date FROM by_gap) AS d
            CROSS JOIN generate_series(1, ${LONGEST_WINDOW_DAYS}::int) AS g
            LEFT JOIN by_gap b ON b.local_date = d.local_date AND b.gap = g) AS running
      GROUP BY local_date
    ),
    totals AS (
      INSERT INTO daily_purchase_totals AS t (local_date, purchases, net_minor, customers, after_previous_within, after_second_previous_within)
      SELECT d.local_date, d.purchases, d.net_minor, d.customers,
             COALESCE(w.after_previous_within, ${NO_RETURNS}), COALESCE(w.after_second_previous_within, ${NO_RETURNS})
      FROM by_day d LEFT JOIN within w USING (local_date)
      WHERE d.purchases <> 0 OR d.net_minor <> 0 OR d.customers <> 0 OR w.local_date IS NOT NULL
      ON CONFLICT (local_date) DO UPDATE SET purchases = t.purchases + EXCLUDED.purchases,
        net_minor = t.net_minor + EXCLUDED.net_minor, customers = t.customers + EXCLUDED.customers,
        after_previous_within = (SELECT array_agg(a + b ORDER BY i) FROM unnest(t.after_previous_within, EXCLUDED.after_previous_within) WITH ORDINALITY AS u (a, b, i)),
        after_second_previous_within = (SELECT array_agg(a + b ORDER BY i) FROM unnest(t.after_second_previous_within, EXCLUDED.after_second_previous_within) WITH ORDINALITY AS u (a, b, i))
    ),
    first_days AS (
      INSERT INTO first_purchase_days AS f (utc_date, customers)
      SELECT (first_purchase_at AT TIME ZONE 'UTC')::date, sum(sign) FROM change GROUP BY 1 HAVING sum(sign) <> 0
      ON CONFLICT (utc_date) DO UPDATE SET customers = f.customers + EXCLUDED.customers
    )
    INSERT INTO first_purchase_slots AS s (slot, customers)
    SELECT date_bin(${`${FIRST_PURCHASE_SLOT_MINUTES} minutes`}::interval, first_purchase_at, 'epoch'::timestamptz), sum(sign)
    FROM change GROUP BY 1 HAVING sum(sign) <> 0
    ON CONFLICT (slot) DO UPDATE SET customers = s.customers + EXCLUDED.customers`.execute(trx);
}

/**
 * The sums of each window in one statement (one snapshot): purchases and revenue of its
 * days, its purchase days, pairs and triples (rollup.ts), and the customers whose first
 * purchase was before `knownSlot`: whole UTC days, then the slots of the last one.
 */
export async function windowSums(db: Db, windows: readonly (RollupWindow & { knownSlot: Date })[]): Promise<WindowSums[]> {
  const values = sql.join(windows.map((w, n) => sql`(${n}::int, ${w.from}::date, ${w.to}::date, ${w.knownSlot}::timestamptz)`));
  const result = await sql<{ purchase_days: number; pairs: number; triples: number; purchases: number; net_minor: number; known: number }>`
    WITH windows (n, first_day, last_day, known_slot) AS (VALUES ${values}),
    totals AS (
      SELECT w.n, sum(t.purchases) AS purchases, sum(t.net_minor) AS net_minor, sum(t.customers) AS purchase_days,
             sum(t.after_previous_within[t.local_date - w.first_day]) AS pairs,
             sum(t.after_second_previous_within[t.local_date - w.first_day]) AS triples
      FROM windows w JOIN daily_purchase_totals t ON t.local_date BETWEEN w.first_day AND w.last_day
      GROUP BY w.n
    ),
    known AS (
      SELECT w.n, sum(d.customers) AS customers
      FROM windows w JOIN first_purchase_days d ON d.utc_date < (w.known_slot AT TIME ZONE 'UTC')::date
      GROUP BY w.n
      UNION ALL
      SELECT w.n, sum(s.customers)
      FROM windows w JOIN first_purchase_slots s ON s.slot >= date_trunc('day', w.known_slot AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AND s.slot < w.known_slot
      GROUP BY w.n
    )
    SELECT COALESCE(t.purchase_days, 0)::bigint AS purchase_days, COALESCE(t.pairs, 0)::bigint AS pairs, COALESCE(t.triples, 0)::bigint AS triples,
           COALESCE(t.purchases, 0)::bigint AS purchases, COALESCE(t.net_minor, 0)::bigint AS net_minor,
           COALESCE((SELECT sum(k.customers) FROM known k WHERE k.n = w.n), 0)::bigint AS known
    FROM windows w LEFT JOIN totals t USING (n)
    ORDER BY w.n`.execute(db);
  return result.rows.map((r) => ({
    purchaseDays: Number(r.purchase_days), pairs: Number(r.pairs), triples: Number(r.triples),
    purchases: Number(r.purchases), netMinor: Number(r.net_minor), knownCustomers: Number(r.known),
  }));
}

/** Customers whose first purchase lies in [from, before): the part of a slot before a boundary inside it. */
export async function firstPurchasesBetween(db: Db, from: Date, before: Date): Promise<number> {
  const row = await sql<{ n: number }>`
    SELECT count(*)::bigint AS n FROM customer_purchase_days WHERE first_purchase_at >= ${from} AND first_purchase_at < ${before}`.execute(db);
  return Number(row.rows[0].n);
}
