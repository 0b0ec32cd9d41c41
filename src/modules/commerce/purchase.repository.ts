import { sql } from 'kysely';
import { sendLater, type Db, type Tx } from '../../db/index.ts';
import { outboxInsert, type OutgoingEvent } from '../../jobs/outbox.ts';
import { isUuid } from '../../shared/ids.ts';

// SQL for purchases, refunds and the per-customer stats read model. Batch writes send a
// whole batch as one JSON parameter (json_to_recordset): one round trip and no limit on
// bind parameters, which is what makes imports of millions of rows fast.

export interface KeyRow {
  external_id: string;
  customer_id: string;
  purchase_id: string;
  request_hash: string;
  referral_code: string | null;
}

export async function findKeys(db: Db | Tx, externalIds: string[]): Promise<Map<string, KeyRow>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db.selectFrom('purchase_keys').selectAll().where('external_id', '=', sql<string>`ANY(${externalIds}::text[])`).execute();
  return new Map(rows.map((r) => [r.external_id, r]));
}

/** What the purchases these order ids name have had refunded: order id → minor units (a CSV dry run's forecast of an export's refunds). */
export async function refundedOfPurchases(db: Db | Tx, externalIds: string[]): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db.selectFrom('purchase_keys as k')
    .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'k.customer_id').onRef('p.id', '=', 'k.purchase_id'))
    .select(['k.external_id', 'p.refunded_minor'])
    .where('k.external_id', '=', sql<string>`ANY(${externalIds}::text[])`).execute();
  return new Map(rows.map((r) => [r.external_id, Number(r.refunded_minor)]));
}

export async function findPurchaseRef(db: Db | Tx, idOrExternalId: string, isUuid: boolean) {
  let q = db.selectFrom('purchase_keys').select(['customer_id', 'purchase_id', 'external_id']);
  q = isUuid ? q.where((eb) => eb.or([eb('purchase_id', '=', idOrExternalId), eb('external_id', '=', idOrExternalId)])) : q.where('external_id', '=', idOrExternalId);
  return q.executeTakeFirst();
}

/** The stores of the purchases these references (order ids, or Regulars ids) name: reference → store id, for those with a store. */
export async function storesOfPurchases(db: Db | Tx, refs: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (refs.length === 0) return found;
  const byId = new Map(refs.filter(isUuid).map((r) => [r.toLowerCase(), r]));
  const ids = [...byId.keys()];
  const rows = await db.selectFrom('purchase_keys as k')
    .innerJoin('purchases as p', (j) => j.onRef('p.customer_id', '=', 'k.customer_id').onRef('p.id', '=', 'k.purchase_id'))
    .select(['k.external_id', 'k.purchase_id', 'p.store_id'])
    .where((eb) => eb.or([
      eb('k.external_id', '=', sql<string>`ANY(${refs}::text[])`),
      ...(ids.length ? [eb('k.purchase_id', '=', sql<string>`ANY(${ids}::uuid[])`)] : []),
    ]))
    .where('p.store_id', 'is not', null)
    .execute();
  const wanted = new Set(refs);
  // As findPurchaseRef reads a reference: an order id first, then a Regulars id.
  for (const r of rows) if (wanted.has(r.external_id)) found.set(r.external_id, r.store_id!);
  for (const r of rows) {
    const ref = byId.get(r.purchase_id);
    if (ref && !found.has(ref)) found.set(ref, r.store_id!);
  }
  return found;
}

/**
 * customer_stats.categories keeps at most this many of the customer's categories (migration
 * 0009): enough to tell that a member cannot yet reach a categories challenge, few enough
 * that rewriting the row at every purchase stays cheap. A customer with this many is
 * checked for any goal.
 */
export const CATEGORIES_KEPT = 32;

export interface NewPurchaseRow {
  customer_id: string;
  id: string;
  external_id: string;
  occurred_at: string;
  local_date: string;
  store_id: string | null;
  channel: string;
  currency: string;
  total_minor: number;
  discount_minor: number;
  promo_code: string | null;
  source: string;
  request_hash: string;
  /** In the claim's spelling (purchase.prepare.ts keptRequestOf). */
  referral_code: string | null;
  lines: { line_no: number; sku: string | null; name: string | null; category: string | null; quantity: string; unit_price_minor: number }[];
}

/**
 * Purchases, their idempotency keys, their lines, the buyers' running stats and the
 * purchase.recorded events, in one statement (a round trip per statement is most of a purchase's cost). The stats are
 * advanced incrementally: the statement's snapshot does not yet see the new purchases,
 * so "a day with no purchase before" is exactly a new purchase day. Callers hold the
 * customers' row locks, so no other writer advances the same stats in between.
 */
export async function insertPurchases(trx: Tx, rows: NewPurchaseRow[], { now, events }: { now: Date; events: OutgoingEvent[] }): Promise<void> {
  if (rows.length === 0) return;
  const purchases = JSON.stringify(rows.map(({ lines: _lines, ...p }) => p));
  const lines = JSON.stringify(
    rows.flatMap((r) =>
      r.lines.map((l) => ({
        customer_id: r.customer_id, purchase_id: r.id, line_no: l.line_no, sku: l.sku, name: l.name, category: l.category, quantity: l.quantity, unit_price_minor: l.unit_price_minor,
      })),
    ),
  );
  // Nothing is read back: the statement goes out with the transaction's next one (pipeline.ts).
  await sendLater(trx, sql`
    WITH input AS (
      SELECT * FROM json_to_recordset(${purchases}::json) AS t(customer_id uuid, id uuid, external_id text,
        occurred_at timestamptz, local_date date, store_id uuid, channel text, currency text, total_minor bigint,
        discount_minor bigint, promo_code text, source text, request_hash text, referral_code text)
    ), new_purchases AS (
      INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, store_id, channel, currency,
                             total_minor, discount_minor, promo_code, source, created_at)
      SELECT customer_id, id, external_id, occurred_at, local_date, store_id, channel, currency,
             total_minor, discount_minor, promo_code, source, ${now} FROM input
      RETURNING customer_id, id
    ), new_keys AS (
      INSERT INTO purchase_keys (external_id, customer_id, purchase_id, request_hash, referral_code)
      SELECT external_id, customer_id, id, request_hash, referral_code FROM input
    ), line_input AS (
      SELECT * FROM json_to_recordset(${lines}::json) AS l(customer_id uuid, purchase_id uuid, line_no int,
        sku text, name text, category text, quantity numeric, unit_price_minor bigint)
    ), new_lines AS (
      INSERT INTO purchase_lines (customer_id, purchase_id, line_no, sku, name, category, quantity, unit_price_minor)
      SELECT l.customer_id, l.purchase_id, l.line_no, l.sku, l.name, l.category, l.quantity, l.unit_price_minor
      FROM line_input l
      -- Only lines of a purchase this statement inserted: the guarantee a foreign key gave (migration 0007), without its per-line look-up and lock.
      JOIN new_purchases p ON p.customer_id = l.customer_id AND p.id = l.purchase_id
    ), batch AS (
      SELECT i.customer_id, min(i.occurred_at) AS first_at, max(i.occurred_at) AS last_at, count(*) AS n,
             -- A purchase on a local date happened within a day either side of that date
             -- (zone offsets are under 15 hours; two days of margin whatever the session's
             -- TimeZone): the range makes this a look-up in purchases_customer_time per row.
             -- Without it the planner may hash the whole purchases table once per
             -- statement, a full scan per import chunk.
             count(DISTINCT i.local_date) FILTER (WHERE NOT EXISTS (
               SELECT 1 FROM purchases p WHERE p.customer_id = i.customer_id
                 AND p.occurred_at > i.local_date - 2 AND p.occurred_at < i.local_date + 3 AND p.local_date = i.local_date)) AS new_days,
             sum(i.total_minor) AS gross
      FROM input i GROUP BY i.customer_id
    ), batch_categories AS (
      SELECT l.customer_id, (array_agg(DISTINCT l.category ORDER BY l.category))[1:${sql.lit(CATEGORIES_KEPT)}] AS categories
      FROM line_input l WHERE l.category IS NOT NULL GROUP BY l.customer_id
    )${events.length ? sql`, events_out AS (${outboxInsert(events)})` : sql``}
    INSERT INTO customer_stats AS s (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days,
                                     gross_spend_minor, refunded_minor, net_spend_minor, categories, updated_at)
    SELECT b.customer_id, first_at, last_at, n, new_days, gross, 0, gross, coalesce(c.categories, '{}'), ${now}
    FROM batch b LEFT JOIN batch_categories c ON c.customer_id = b.customer_id
    ON CONFLICT (customer_id) DO UPDATE SET
      first_purchase_at = LEAST(s.first_purchase_at, EXCLUDED.first_purchase_at),
      last_purchase_at = GREATEST(s.last_purchase_at, EXCLUDED.last_purchase_at),
      purchases_count = s.purchases_count + EXCLUDED.purchases_count,
      purchase_days = s.purchase_days + EXCLUDED.purchase_days,
      gross_spend_minor = s.gross_spend_minor + EXCLUDED.gross_spend_minor,
      net_spend_minor = s.net_spend_minor + EXCLUDED.net_spend_minor,
      -- A regular buys what they bought before: most purchases leave the array as it is.
      categories = CASE WHEN EXCLUDED.categories <@ s.categories OR cardinality(s.categories) >= ${sql.lit(CATEGORIES_KEPT)} THEN s.categories
        ELSE ARRAY(SELECT DISTINCT c FROM unnest(s.categories || EXCLUDED.categories) AS c ORDER BY 1 LIMIT ${sql.lit(CATEGORIES_KEPT)}) END,
      updated_at = EXCLUDED.updated_at
  `);
}

/**
 * Recomputes the stats of these customers from their purchases (refunds, merges: the
 * rare writes that change history rather than add to it). Callers hold the customers'
 * row locks, so two writers cannot each count without the other's purchase.
 */
export async function recomputeStats(trx: Tx, customerIds: string[], now: Date): Promise<void> {
  if (customerIds.length === 0) return;
  await sql`
    INSERT INTO customer_stats AS s (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days,
                                     gross_spend_minor, refunded_minor, net_spend_minor, categories, updated_at)
    SELECT p.customer_id, min(occurred_at), max(occurred_at), count(*), count(DISTINCT local_date),
           sum(total_minor), sum(refunded_minor), sum(total_minor - refunded_minor),
           ARRAY(SELECT DISTINCT l.category FROM purchase_lines l WHERE l.customer_id = p.customer_id AND l.category IS NOT NULL
                 ORDER BY 1 LIMIT ${sql.lit(CATEGORIES_KEPT)}), ${now}
    FROM purchases p
    WHERE p.customer_id = ANY(${[...new Set(customerIds)]}::uuid[])
    GROUP BY p.customer_id
    ON CONFLICT (customer_id) DO UPDATE SET
      first_purchase_at = EXCLUDED.first_purchase_at, last_purchase_at = EXCLUDED.last_purchase_at,
      purchases_count = EXCLUDED.purchases_count, purchase_days = EXCLUDED.purchase_days,
      gross_spend_minor = EXCLUDED.gross_spend_minor, refunded_minor = EXCLUDED.refunded_minor,
      net_spend_minor = EXCLUDED.net_spend_minor, categories = EXCLUDED.categories, updated_at = EXCLUDED.updated_at
  `.execute(trx);
}

export interface PurchaseRow {
  customer_id: string;
  id: string;
  external_id: string;
  occurred_at: Date;
  local_date: string;
  store_id: string | null;
  channel: string;
  currency: string;
  total_minor: number;
  discount_minor: number;
  refunded_minor: number;
  promo_code: string | null;
  source: string;
  created_at: Date;
  lines: { line_no: number; sku: string | null; name: string | null; category: string | null; quantity: string; unit_price_minor: number }[];
  refunds: { id: string; external_id: string; amount_minor: number; reason: string | null; occurred_at: string; lines: { sku: string | null; quantity: number }[] }[];
}

const PURCHASE_WITH_DETAILS = sql`
  SELECT p.*,
    COALESCE((SELECT jsonb_agg(jsonb_build_object('line_no', l.line_no, 'sku', l.sku, 'name', l.name, 'category', l.category,
              'quantity', l.quantity::text, 'unit_price_minor', l.unit_price_minor) ORDER BY l.line_no)
              FROM purchase_lines l WHERE l.customer_id = p.customer_id AND l.purchase_id = p.id), '[]') AS lines,
    COALESCE((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'external_id', r.external_id, 'amount_minor', r.amount_minor,
              'reason', r.reason, 'occurred_at', r.occurred_at, 'lines', COALESCE(r.lines, '[]'::jsonb)) ORDER BY r.occurred_at)
              FROM refunds r WHERE r.customer_id = p.customer_id AND r.purchase_id = p.id), '[]') AS refunds
  FROM purchases p`;

export async function purchasesByIds(db: Db | Tx, refs: { customer_id: string; id: string }[]): Promise<PurchaseRow[]> {
  if (refs.length === 0) return [];
  const result = await sql<PurchaseRow>`
    ${PURCHASE_WITH_DETAILS}
    JOIN unnest(${refs.map((r) => r.customer_id)}::uuid[], ${refs.map((r) => r.id)}::uuid[]) AS q(customer_id, id)
      ON p.customer_id = q.customer_id AND p.id = q.id
  `.execute(db);
  return result.rows;
}

/** The purchases recorded under these order ids, read by their keys as they are now (a merge may have moved one since it was looked up). */
export async function purchasesByExternalIds(db: Db | Tx, externalIds: string[]): Promise<PurchaseRow[]> {
  if (externalIds.length === 0) return [];
  const result = await sql<PurchaseRow>`
    ${PURCHASE_WITH_DETAILS}
    JOIN purchase_keys k ON k.customer_id = p.customer_id AND k.purchase_id = p.id
    WHERE k.external_id = ANY(${externalIds}::text[])
  `.execute(db);
  return result.rows;
}

export async function purchasesOfCustomer(
  db: Db | Tx,
  { customerId, limit, before }: { customerId: string; limit: number; before?: { occurred_at: string; id: string } },
): Promise<PurchaseRow[]> {
  const after = before ? sql`AND (p.occurred_at, p.id) < (${before.occurred_at}::timestamptz, ${before.id}::uuid)` : sql``;
  const result = await sql<PurchaseRow>`
    ${PURCHASE_WITH_DETAILS}
    WHERE p.customer_id = ${customerId} ${after}
    ORDER BY p.occurred_at DESC, p.id DESC
    LIMIT ${limit}
  `.execute(db);
  return result.rows;
}
