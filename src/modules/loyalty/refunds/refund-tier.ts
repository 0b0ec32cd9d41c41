import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { personIdsQuery } from '../../customers/index.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore, TierChange } from '../loyalty.core.ts';
import { tierIndexOf, type Program } from '../program/program.ts';
import { settle, settledAt } from '../tiers/tier-placement.ts';
import { newTierState, TierRules, type TierMove } from '../tiers/tier-timeline.ts';

// A refund's effect on the tier, live: on a lifetime window, a refund that takes the
// member's lifetime qualifying value below the threshold of the tier they hold moves them
// down at once to the tier that value qualifies for (TierRules.refunded, which the replay
// of stored history and `loyalty simulate` apply at the same refund). Other windows keep
// their rule: the refund lowers the qualification and the period's review decides.
//
// Runs in the refund's transaction, after its take-backs are written, the member's row
// locked (reverseForRefund). The value is the lifetime sum the purchase path reads
// (tierMetrics), up to the refund or the member's last purchase, whichever is later, so
// it holds every purchase and every entry the refund wrote. A refund dated before the
// member's latest purchase or tier change (a refunds file imported after its purchases)
// is judged on that whole total and the move, if any, is dated when it is recorded — the
// tier history is append-only and chains in time order, as settle says.

/**
 * The tier change a refund makes (none, or one down); the member row is updated (the caller
 * saves it) and the change recorded, with its `loyalty.tier_changed` event.
 */
export async function moveDownAfterRefund(trx: Tx, core: LoyaltyCore, { program, member, refundId, at, now }: {
  program: Program | undefined; member: MemberRow; refundId: string; at: Date; now: Date;
}): Promise<TierChange[]> {
  const tiers = program?.document.tiers;
  if (!program || !tiers || tiers.window !== 'lifetime') return [];
  const held = tierIndexOf(program, member.tier);
  if (held <= 0) return [];
  // Under a points metric a refund changes the value only by the entries it wrote (none: it took nothing back, and the replay sees nothing either).
  if (tiers.metric === 'points') {
    const wrote = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM loyalty_entries WHERE customer_id = ${member.customer_id} AND idempotency_key LIKE ${`refund:${refundId}%`}`.execute(trx);
    if (Number(wrote.rows[0].n) === 0) return [];
  }
  const id = member.customer_id;
  const end = new Date(Math.max(at.getTime(), member.last_activity_at?.getTime() ?? -Infinity));
  const metric = (await core.tierMetrics(trx, program, [id], undefined, new Map([[id, end]]))).get(id) ?? 0;
  const rules = new TierRules(program, core.deps.timeZone);
  const when = at.getTime() >= settledAt(rules, member) ? at : now;
  const state = newTierState(held, member.tier_valid_until?.getTime() ?? null);
  const moves: TierMove[] = [];
  rules.refundedWith(state, when.getTime(), metric, (from, t, reason) => moves.push({ from, to: state.tier, at: t, reason }));
  if (moves.length === 0) return [];
  // Held ≥ 1 and read from the member's own row, settle records the one move and nothing more.
  // Keyed by the refund's id (no other column could tie it to the refund), so a retry of the
  // refund finds the move it made (refundTierChange).
  const changes = settle(program, member, state, moves, when).map((c, i) => (i === 0 ? withFields(c, { id: refundId }) : c));
  await core.recordTierChanges(trx, program, changes, now);
  return changes;
}

/** What a refund's answer says of its move (tier_change): the tier codes as the history records them; null: it moved nobody. */
export function tierChangeAnswer(changes: readonly TierChange[]): { from: string | null; to: string | null; reason: string } | null {
  const c = changes[0];
  return c ? { from: c.from, to: c.to, reason: c.reason } : null;
}

/**
 * The move a refund recorded before made, for a retry of it: the history row keyed by its id,
 * in the ledgers of the person `customerId` is (a merge moves the history to the survivor).
 */
export async function refundTierChange(trx: Tx, { customerId, refundId }: { customerId: string; refundId: string }) {
  const row = await trx.selectFrom('loyalty_tier_history').select(['from_tier', 'to_tier', 'reason'])
    .where(sql<boolean>`customer_id IN ${personIdsQuery(customerId)}`).where('id', '=', refundId).executeTakeFirst();
  return tierChangeAnswer(row ? [{ customerId, from: row.from_tier, to: row.to_tier, reason: row.reason }] : []);
}
