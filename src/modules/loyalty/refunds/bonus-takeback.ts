import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { personIdsQuery } from '../../customers/index.ts';
import { withFields } from '../../../shared/objects.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import { expiryOfLots, undoExpiry } from './expiry-of-lots.ts';
import type { MemberRow, NewEntry } from '../ledger/ledger.repository.ts';

// Taking a bonus back when what earned it is undone (a referral or a challenge completion a
// refund revokes): find the bonus's credit wherever the person's ledgers hold it (a merge
// leaves it where it was written), and reverse its points from its own lot first — or the
// transfer lots merges made of it — then by the ledger's order, what was already spent
// following the program's refund_shortfall as a purchase's points do. What expiry wrote off
// of those lots is not taken again (the member lost it once), as for a purchase's points.

/** A bonus's credit, wherever the person's ledgers hold it. */
export interface BonusEntry {
  customer_id: string;
  id: number;
  points: number;
  idempotency_key: string;
  occurred_at: Date;
  details: { purchase_id?: string; completion?: number; challenge?: unknown };
}

/** Bonus credits matching `where` (a condition on loyalty_entries) in the ledgers of `customerId` and of everyone merged into it, oldest first. */
export async function bonusCredits(trx: Tx, customerId: string, where: RawBuilder<unknown>): Promise<BonusEntry[]> {
  const found = await sql<BonusEntry>`
    SELECT customer_id, id, points, idempotency_key, occurred_at, details FROM loyalty_entries
    WHERE customer_id IN ${personIdsQuery(customerId)} AND ${where} AND points > 0 ORDER BY id`.execute(trx);
  return found.rows.map((r) => ({ customer_id: r.customer_id, id: Number(r.id), points: Number(r.points), idempotency_key: r.idempotency_key, occurred_at: new Date(r.occurred_at), details: r.details ?? {} }));
}

/**
 * The ids of `customerId`'s open lots that descend from `entry` (the entry itself when it
 * is in that ledger, and the transfer lots merges made from it: details.lot names the lot,
 * source_id the merged customer): a reversal takes the bonus back from these first.
 */
export async function lotsFrom(trx: Tx, customerId: string, entry: BonusEntry): Promise<number[]> {
  const found = await sql<{ id: number }>`
    WITH RECURSIVE lots(customer_id, id) AS (
      SELECT ${entry.customer_id}::uuid, ${entry.id}::bigint
      UNION SELECT e.customer_id, e.id FROM loyalty_entries e JOIN lots l ON e.source_id = l.customer_id::text AND e.details->>'lot' = l.id::text
      WHERE e.customer_id IN ${personIdsQuery(customerId)} AND e.source_type = 'merge' AND e.points > 0
    ) SELECT id FROM lots WHERE customer_id = ${customerId}`.execute(trx);
  return found.rows.map((r) => Number(r.id));
}

/**
 * Reverses `bonus`'s points from `member`'s ledger by the `reverse` entry `entry` describes (its points are the bonus's).
 * Of its points, what expiry wrote off of the bonus's lot (or the transfer lots made of it),
 * or what of them is past its date at the take-back's (planDebit's `expired`), is not taken (`expired`; a bonus is taken back once, so no earlier take-back counted it):
 * without this, a referral or challenge revoked after its bonus expired took the bonus again
 * from the member's other points, or made it a debt. What of it was spent before it expired
 * is still taken back, as for a purchase.
 */
export async function takeBonusBack(
  trx: Tx, member: MemberRow, bonus: BonusEntry, entry: Omit<NewEntry, 'kind' | 'points' | 'customerId'>,
  { now, policy }: { now: Date; policy: 'negative_balance' | 'forgive' },
) {
  const prefer = await lotsFrom(trx, member.customer_id, bonus);
  const reverse = withFields(entry, { customerId: member.customer_id, kind: 'reverse' as const, points: bonus.points });
  const expiry = await expiryOfLots(trx, member.customer_id, [bonus.id, ...prefer], entry.occurredAt);
  const restored = await undoExpiry(trx, member, {
    restorable: expiry.restorable, due: bonus.points, prefer, at: entry.occurredAt, key: `${entry.idempotencyKey ?? `bonus:${bonus.id}`}:expiry`, now,
    details: entry.details ?? {}, programVersion: entry.programVersion ?? null,
  });
  const result = await ledger.debit(trx, member, reverse, {
    now, includePending: true, prefer: [...prefer, ...restored], shortfall: policy === 'negative_balance' ? 'owe' : 'forgive',
    expired: { writtenOff: expiry.by, at: entry.occurredAt },
  });
  // Nothing taken — it expired already, or was spent and forgiven, or both: an entry of 0
  // still tells the member why the referral or challenge reads as revoked, with the details
  // ledger.debit writes when it takes something (expired, forgiven). Its key is the
  // take-back's, so a refund or a job sent again writes nothing more.
  const forgiven = policy === 'forgive' ? result.shortfall : 0;
  if (result.debited === 0 && !result.duplicate && (result.expired > 0 || forgiven > 0)) {
    const details = withFields(entry.details ?? {}, result.expired > 0 ? { expired: result.expired } : {}, forgiven > 0 ? { forgiven } : {});
    await ledger.recordNothing(trx, withFields(reverse, { details }), now);
  }
  return result;
}
