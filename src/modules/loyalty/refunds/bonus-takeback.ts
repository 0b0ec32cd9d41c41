import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { personIdsQuery } from '../../customers/index.ts';
import { withFields } from '../../../shared/objects.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow, NewEntry } from '../ledger/ledger.repository.ts';

// Taking a bonus back when what earned it is undone (a referral or a challenge completion a
// refund revokes): find the bonus's credit wherever the person's ledgers hold it (a merge
// leaves it where it was written), and reverse its points from its own lot first — or the
// transfer lots merges made of it — then by the ledger's order, what was already spent
// following the program's refund_shortfall as a purchase's points do.

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

/** Reverses `bonus`'s points from `member`'s ledger by the `reverse` entry `entry` describes (its points are the bonus's). */
export async function takeBonusBack(
  trx: Tx, member: MemberRow, bonus: BonusEntry, entry: Omit<NewEntry, 'kind' | 'points' | 'customerId'>,
  { now, policy }: { now: Date; policy: 'negative_balance' | 'forgive' },
) {
  return ledger.debit(trx, member, withFields(entry, { customerId: member.customer_id, kind: 'reverse' as const, points: bonus.points }), {
    now, includePending: true, prefer: await lotsFrom(trx, member.customer_id, bonus), shortfall: policy === 'negative_balance' ? 'owe' : 'forgive',
  });
}
