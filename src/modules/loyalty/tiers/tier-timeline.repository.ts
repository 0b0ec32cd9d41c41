import { sql } from 'kysely';
import type { Db, Tx } from '../../../db/index.ts';
import type { MemberHistory } from './tier-timeline.ts';

// SQL of the tier timeline (tier-timeline.ts): the stored history a member's tier is worked
// out from, read from where each member needs it up to now. Only the members the cached
// tier cannot place read it (a back-dated purchase, several purchases of one member at once,
// a review due), from the indexes by member and time the window sums use.

const toTime = (v: Date | string) => (v instanceof Date ? v : new Date(v)).getTime();

/**
 * Per member, their purchases from `from` (null: all) to now — without `exclude`, this
 * transaction's own, which the caller places itself — with their refund rows, and under a
 * points metric their ledger entries that count towards it (credits and reversals).
 */
export async function readMemberHistories(
  db: Db | Tx, metric: 'spend' | 'points' | 'purchases', wanted: { customerId: string; from: Date | null }[], now: Date, exclude: string[],
): Promise<Map<string, MemberHistory>> {
  const out = new Map<string, MemberHistory>();
  if (wanted.length === 0) return out;
  for (const w of wanted) out.set(w.customerId, { purchases: [], entries: [] });
  const ids = wanted.map((w) => w.customerId);
  const froms = wanted.map((w) => (w.from ? w.from.toISOString() : '-infinity'));
  const purchases = await sql<{ customer_id: string; id: string; occurred_at: Date; total_minor: number; refunded_minor: number; refunds: { at: string; amount: number }[] | null }>`
    SELECT q.id AS customer_id, p.id, p.occurred_at, p.total_minor, p.refunded_minor,
           CASE WHEN p.refunded_minor > 0 THEN (
             SELECT json_agg(json_build_object('at', r.occurred_at, 'amount', r.amount_minor) ORDER BY r.occurred_at, r.created_at)
             FROM refunds r WHERE r.customer_id = p.customer_id AND r.purchase_id = p.id) END AS refunds
    FROM unnest(${ids}::uuid[], ${froms}::timestamptz[]) AS q(id, from_at)
    JOIN purchases p ON (p.customer_id, p.occurred_at) >= (q.id, q.from_at) AND (p.customer_id, p.occurred_at) <= (q.id, ${now}::timestamptz)
    WHERE NOT (p.id = ANY(${exclude}::uuid[]))
    ORDER BY q.id, p.occurred_at`.execute(db);
  for (const r of purchases.rows) {
    const rows = r.refunds ?? [];
    const accounted = rows.reduce((s, x) => s + Number(x.amount), 0);
    out.get(r.customer_id)!.purchases.push({
      id: r.id, at: toTime(r.occurred_at), totalMinor: Number(r.total_minor),
      refundedAtOnceMinor: Math.max(0, Number(r.refunded_minor) - accounted),
      refunds: rows.map((x) => ({ at: toTime(x.at), amountMinor: Number(x.amount) })).filter((x) => x.at <= now.getTime()),
    });
  }
  if (metric === 'points') {
    const entries = await sql<{ customer_id: string; occurred_at: Date; points: number; refund: boolean }>`
      SELECT q.id AS customer_id, e.occurred_at, e.points::float8 AS points, COALESCE(e.idempotency_key LIKE 'refund:%', false) AS refund
      FROM unnest(${ids}::uuid[], ${froms}::timestamptz[]) AS q(id, from_at)
      JOIN loyalty_entries e ON (e.customer_id, e.occurred_at) >= (q.id, q.from_at) AND (e.customer_id, e.occurred_at) <= (q.id, ${now}::timestamptz)
      WHERE e.kind IN ('earn', 'bonus', 'reverse')
      ORDER BY q.id, e.occurred_at`.execute(db);
    for (const r of entries.rows) out.get(r.customer_id)!.entries.push({ at: toTime(r.occurred_at), points: Number(r.points), refund: r.refund === true });
  }
  return out;
}

/**
 * Per member, the changes their recorded tier history holds from `from` on (a back-dated
 * purchase's time), in time order: what the replay from there is told against (tier-placement.ts settle).
 */
export async function recordedTierChanges(db: Db | Tx, wanted: { customerId: string; from: Date }[]): Promise<Map<string, RecordedChange[]>> {
  const out = new Map<string, RecordedChange[]>(wanted.map((w) => [w.customerId, []]));
  if (wanted.length === 0) return out;
  const rows = await sql<{ customer_id: string; from_tier: string | null; to_tier: string | null; changed_at: Date | string }>`
    SELECT h.customer_id, h.from_tier, h.to_tier, h.changed_at
    FROM unnest(${wanted.map((w) => w.customerId)}::uuid[], ${wanted.map((w) => w.from.toISOString())}::timestamptz[]) AS q(id, from_at)
    JOIN loyalty_tier_history h ON h.customer_id = q.id AND h.changed_at >= q.from_at
    ORDER BY h.customer_id, h.changed_at`.execute(db);
  for (const r of rows.rows) out.get(r.customer_id)!.push({ from: r.from_tier, to: r.to_tier, at: toTime(r.changed_at) });
  return out;
}

/** A change of the recorded tier history, as its row holds it. */
export interface RecordedChange { from: string | null; to: string | null; at: number }
