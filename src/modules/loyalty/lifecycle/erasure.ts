import { sql } from 'kysely';
import { audit, type Actor, type Db, type Tx } from '../../../db/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';

// The loyalty part of a GDPR erasure (workflows/customer-lifecycle.ts eraseCustomer), in
// the erasure's transaction.
//
// The policy: an erased customer's points are forfeited. Erasure removes every way the
// person could be recognised again (identities, profile), so nobody can ever redeem those
// points: they are no liability any more (as Smile.io and LoyaltyLion treat a deleted
// customer's points), and the erased customer is no member in the report. The ledger is
// append-only, so the points go by an entry of their own: a debit (kind `adjust`, source
// `erasure`, reason "customer erased: points forfeited", audited as the erasure's actor)
// that takes every lot not expired yet, pending ones too. The report counts it as
// `forfeited` (accounts.ts), so its figures still add up and the points stay in the
// breakage (they will never be redeemed). What is not forfeited:
// - lots past their expiry that the sweep has not written off yet: they are expired, and
//   the hourly maintenance writes their expiry as for anyone;
// - a debt (points spent, then taken back by a refund): it stays owed, as it stood; there
//   is nothing to take, and no later credit will settle it.
// Purchases, their stats and the ledger stay (under the anonymous id), so revenue and
// the points earned, redeemed and expired do not change. Every loyalty route answers an
// erased customer's id as GET /customers/{id} does, a 404 (merged-customers.ts), so
// nothing credits or spends for them later (bonuses and jobs refuse or skip one), except
// a checkout reservation held at the erasure: a till can no longer capture or release it,
// it lapses, its points come back to the lots they came from, and the hourly maintenance
// forfeits them (forfeitErasedPoints), as it does the points of customers erased before
// this policy. A refund after the erasure finds nothing to take back (refunds-and-receipts.ts
// forgives it: nobody will earn it again), and its explanation says the points were
// forfeited here, not spent (explain.ts forfeitedAtErasure).

const REASON = 'customer erased: points forfeited';

/** Forfeits what the member holds, on its locked row; returns the points forfeited (0: none). */
async function forfeit(trx: Tx, member: ledger.MemberRow, { now, actor }: { now: Date; actor: Actor }): Promise<number> {
  const lots = (await ledger.openLots(trx, member.customer_id)).filter((l) => l.remaining > 0 && !(l.expiresAt && l.expiresAt <= now));
  const points = lots.reduce((sum, l) => sum + l.remaining, 0);
  if (points === 0) return 0;
  await ledger.debit(trx, member, {
    customerId: member.customer_id, kind: 'adjust', points, occurredAt: now, sourceType: 'erasure', sourceId: member.customer_id,
    reason: REASON, actor: 'system', details: { forfeited: 'erasure', lots: lots.map((l) => l.id) },
  }, { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
  await ledger.saveMembers(trx, [member], now);
  await audit(trx, { at: now, actor, action: 'loyalty.points_forfeited', subject: member.customer_id, details: { points, reason: REASON } });
  return points;
}

export function createErasureLoyalty(core: LoyaltyCore) {
  return {
    /**
     * The loyalty step of an erasure, in its transaction, after the customers module has
     * locked and anonymised the customer's row (customers before members, as every
     * writer): the member's points are forfeited (the policy above). Answers the points
     * forfeited, and those checkout reservations still hold: no till can capture them now,
     * and once they lapse the maintenance forfeits them (those of lots not expired by then).
     */
    async eraseCustomer(trx: Tx, { customerId, now, actor }: { customerId: string; now: Date; actor: Actor }) {
      const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
      if (!member) return { loyalty_points_forfeited: 0, loyalty_points_held: 0 };
      const held = await trx.selectFrom('loyalty_reservations').select((eb) => eb.fn.coalesce(eb.fn.sum<string>('points'), eb.val('0')).as('points'))
        .where('customer_id', '=', customerId).where('status', '=', 'held').executeTakeFirstOrThrow();
      return { loyalty_points_forfeited: await forfeit(trx, member, { now, actor }), loyalty_points_held: Number(held.points) };
    },
  };
}

/**
 * The hourly maintenance's part: forfeits points erased customers still hold (erased
 * before erasure forfeited them, or a reservation released since). One transaction per
 * member, customer row first; returns the members and points.
 */
export async function forfeitErasedPoints(db: Db, now: Date): Promise<{ members: number; points: number }> {
  const due = await sql<{ customer_id: string }>`
    SELECT DISTINCT e.customer_id FROM loyalty_entries e JOIN customers c ON c.id = e.customer_id
    WHERE c.status = 'erased' AND e.remaining > 0 AND (e.expires_at IS NULL OR e.expires_at > ${now})
    LIMIT 1000`.execute(db);
  let members = 0;
  let points = 0;
  for (const { customer_id: id } of due.rows) {
    const forfeited = await db.transaction().execute(async (trx) => {
      await sql`SELECT 1 FROM customers WHERE id = ${id} FOR SHARE`.execute(trx);
      const member = (await ledger.lockMembers(trx, [id], { now, create: false })).get(id);
      return member ? forfeit(trx, member, { now, actor: 'system' }) : 0;
    });
    if (forfeited > 0) [members, points] = [members + 1, points + forfeited];
  }
  return { members, points };
}
