import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { personIdsQuery } from '../../customers/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow, NewEntry } from '../ledger/ledger.repository.ts';

// What expiry did to the lots a take-back (a refund's, a revoked bonus's) takes first, seen
// from the take-back's own date. Points that had expired by that date are the member's loss
// already and are not taken again. Points the sweep wrote off after that date were still in
// the lot when the refund happened: a refund dated before the lot's date but recorded after
// the sweep (a till that synced late, a history imported in two files with the hourly sweep
// between them) takes them as it would have before the sweep. The sweep's write-off of them
// is undone by a credit of kind `expire` (positive: an expiry taken back, dated when the
// points expired, so the report's period of the expiry is the one corrected), which the
// take-back then takes. Without it the take-back found them expired, so whether a refund
// took points back or not depended on when the hourly sweep had run.

/** Of one lot, what the sweep wrote off after the take-back's date and no earlier take-back restored. */
export interface RestorableLot {
  lot: number;
  expiresAt: Date;
  points: number;
}

/**
 * What expiry wrote off of `lotIds` (the person's ledgers: a merge's transfer lot expires in
 * the survivor's), split at `at`: `by`, written off with effect by then (the lot's date, or
 * the expiry's own time when earlier: inactivity), and what of `customerId`'s own lots expired
 * per lot after it, less what earlier take-backs restored (`restorable`). A lot of another
 * ledger (a merged person's), or expired by inactivity, counts in `by` whatever its date.
 */
export async function expiryOfLots(trx: Tx, customerId: string, lotIds: number[], at: Date): Promise<{ by: number; restorable: RestorableLot[] }> {
  if (lotIds.length === 0) return { by: 0, restorable: [] };
  const found = await sql<{ lot: number; expires_at: Date | null; points: number; after: boolean; restored: number }>`
    SELECT a.credit_id AS lot, c.expires_at, sum(a.points)::float8 AS points,
           (a.customer_id = ${customerId} AND c.expires_at IS NOT NULL AND LEAST(c.expires_at, d.occurred_at) > ${at}) AS after,
           (SELECT COALESCE(sum(u.points), 0) FROM loyalty_entries u WHERE u.customer_id = ${customerId} AND u.kind = 'expire' AND u.points > 0
              AND u.details->>'lot' = a.credit_id::text)::float8 AS restored
    FROM loyalty_allocations a
    JOIN loyalty_entries d ON d.customer_id = a.customer_id AND d.id = a.debit_id AND d.kind = 'expire'
    JOIN loyalty_entries c ON c.customer_id = a.customer_id AND c.id = a.credit_id
    WHERE a.customer_id IN ${personIdsQuery(customerId)} AND a.credit_id = ANY(${lotIds}::bigint[])
    GROUP BY a.credit_id, a.customer_id, c.expires_at, d.occurred_at
    ORDER BY a.credit_id`.execute(trx);
  let by = 0;
  const restorable = new Map<number, RestorableLot>();
  for (const r of found.rows) {
    if (!r.after) {
      by += r.points;
      continue;
    }
    const lot = restorable.get(Number(r.lot)) ?? { lot: Number(r.lot), expiresAt: new Date(r.expires_at!), points: -r.restored };
    lot.points += r.points;
    restorable.set(lot.lot, lot);
  }
  return { by, restorable: [...restorable.values()].filter((l) => l.points > 0) };
}

/**
 * Undoes the write-off of as much of `restorable` as the take-back of `due` points needs
 * beyond what `prefer`'s lots hold at `at` (the lots it takes first), oldest lot first: a
 * credit of kind `expire` each, keyed `${key}:${lot}` (a take-back sent again writes none
 * twice), for the take-back to take. Returns the new lots' ids (to prefer) and updates the
 * locked member's points and lifetime expired; the caller saves the member.
 */
export async function undoExpiry(
  trx: Tx, member: MemberRow,
  { restorable, due, prefer, at, key, details, programVersion, now }: {
    restorable: RestorableLot[]; due: number; prefer: number[]; at: Date; key: string;
    details: Record<string, unknown>; programVersion: number | null; now: Date;
  },
): Promise<number[]> {
  if (restorable.length === 0 || due <= 0) return [];
  const held = (await ledger.openLots(trx, member.customer_id))
    .filter((l) => prefer.includes(l.id) && !(l.expiresAt && l.expiresAt.getTime() <= at.getTime()))
    .reduce((s, l) => s + l.remaining, 0);
  let wanted = due - held;
  const entries: NewEntry[] = [];
  for (const r of restorable) {
    if (wanted <= 0) break;
    const points = Math.min(wanted, r.points);
    wanted -= points;
    entries.push({
      customerId: member.customer_id, kind: 'expire', points, occurredAt: r.expiresAt, expiresAt: r.expiresAt, sourceType: 'expiry', sourceId: 'per_lot',
      idempotencyKey: `${key}:${r.lot}`, programVersion, details: withFields(details, { policy: 'per_lot', lot: r.lot, undone: true }),
    });
  }
  const written = await ledger.insertCredits(trx, entries, now);
  const restored = written.reduce((s, w) => s + Number(w.points), 0);
  member.points += restored;
  member.lifetime_expired -= restored;
  return written.map((w) => Number(w.id));
}
