import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import type { RefundFacts } from '../../commerce/index.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { Program } from '../program/program.ts';
import { bonusCredits, takeBonusBack } from './bonus-takeback.ts';
import { categoriesIn, visitsIn } from '../earning/challenge-window.ts';
import type { createBonusCredit } from '../earning/bonus-credit.ts';
import { completeAgainAfterRefund } from './challenge-completed-again.ts';

// A challenge completion stands on its qualifying purchases: a refund that leaves it fewer
// than its goal revokes it and takes its bonus back, as a refund below a referral's minimum
// revokes the referral (referral-revocation.ts). Without this, three purchases bought and
// returned kept "Try 3 categories" and its bonus on nothing spent.
//
// The challenge engine counts a purchase until it is refunded in full (challengeStandings:
// refunded_minor < total_minor), so only a refund that completes a purchase's refund can
// change a completion; any other returns at once. That, and doing it here rather than when
// purchases are recorded, keeps the purchase path as it was: nothing records which purchases
// a completion used. They are counted again instead, as the engine counted them when the
// goal was reached: in the window ending at the completion, after the completion before it
// that still stands, against the goal the completion met (kept in its row's progress).
//
// In the refund's transaction, under the member's lock, which the challenge job takes too:
// a completion the job wrote first is seen here and revoked; a job that runs after the
// refund counts without the refunded purchase. The row is marked (revoked_at, migration
// 0021), not deleted, and marked once: a retried refund, or a later refund of another of
// its purchases, finds it revoked and takes nothing more. A completion revoked no longer
// counts as done, so the member can complete the challenge again with purchases they keep:
// at once, in this refund, when those already bought meet the goal (challenge-completed-again.ts).

interface Goal {
  type: 'visits' | 'categories';
  count: number;
  within_days: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The goal a completion met, as its row keeps it (`{ count, goal }`); undefined for a row without one. */
function goalOf(progress: unknown): Goal | undefined {
  const p = (typeof progress === 'string' ? JSON.parse(progress) : progress) as { goal?: Goal } | null;
  return p?.goal && typeof p.goal.count === 'number' ? p.goal : undefined;
}

/** What the goal counts in (start, end], as the engine counts it (challenge-window.ts). */
async function qualifying(trx: Tx, customerId: string, goal: Goal, start: Date, end: Date): Promise<number> {
  const counted = goal.type === 'visits' ? visitsIn(customerId, start, end) : categoriesIn(customerId, start, end);
  const found = await sql<{ n: number }>`SELECT ${counted}::int AS n`.execute(trx);
  return Number(found.rows[0]?.n ?? 0);
}

/** The completion's bonus: the challenge's credit given at the completion's moment, in the ledgers of the person (a merge leaves it where it was written). */
async function bonusOf(trx: Tx, customerId: string, code: string, completedAt: Date) {
  const [first] = await bonusCredits(trx, customerId, sql`source_type = 'bonus' AND source_id = 'challenge' AND details->>'code' = ${code} AND occurred_at = ${completedAt}`);
  return first;
}

/**
 * In a refund's transaction, on the member whose row the caller holds (the caller saves
 * it): revokes each challenge completion the refund leaves short of its goal and takes its
 * bonus back — from its own lot first, what was spent following refund_shortfall like the
 * purchase's points — with an entry that says why (an entry of 0 when all of it was
 * forgiven). Answers the completions revoked, with the points each took back, and each
 * challenge completed again at once by the purchases kept (`completed_again`, on its last
 * completion revoked).
 */
export async function revokeChallengesForRefund(trx: Tx, member: MemberRow, program: Program | undefined, r: RefundFacts, creditBonus: ReturnType<typeof createBonusCredit>) {
  const revoked: { challenge: string; completion: number; points_reversed: number; unsettled: number; completed_again: { completion: number; points: number } | null }[] = [];
  if (r.refundedMinor < r.totalMinor) return revoked;
  const purchase = await trx.selectFrom('purchases').select(['occurred_at', 'external_id']).where('customer_id', '=', r.customerId).where('id', '=', r.purchaseId).executeTakeFirst();
  if (!purchase) return revoked;
  const rows = await trx.selectFrom('challenge_progress').select(['challenge_code', 'window_start', 'progress', 'completed_at', 'revoked_at'])
    .where('customer_id', '=', r.customerId).where('completed_at', 'is not', null).where('revoked_at', 'is', null)
    .orderBy('challenge_code').orderBy('completed_at').execute();
  const boughtAt = purchase.occurred_at.getTime();
  // Only a completion at or after the purchase can have counted it.
  if (!rows.some((c) => c.completed_at!.getTime() >= boughtAt)) return revoked;
  const policy = r.customerErased ? 'forgive' : (program?.document.refund_shortfall ?? 'negative_balance');
  let code: string | null = null;
  let standing: Date | null = null; // the code's last completion that still stands
  const lastRevoked = new Map<string, { item: (typeof revoked)[number]; completedAt: Date }>();
  for (const c of rows) {
    if (c.challenge_code !== code) [code, standing] = [c.challenge_code, null];
    const completedAt = c.completed_at!;
    const goal = goalOf(c.progress);
    const start = goal && new Date(Math.max(standing?.getTime() ?? -Infinity, completedAt.getTime() - goal.within_days * DAY_MS));
    if (!goal || !start || completedAt.getTime() < boughtAt || boughtAt <= start.getTime()) {
      standing = completedAt;
      continue;
    }
    const left = await qualifying(trx, r.customerId, goal, start, completedAt);
    if (left >= goal.count) {
      standing = completedAt;
      continue;
    }
    const marked = await trx.updateTable('challenge_progress').set({ revoked_at: r.now, updated_at: r.now })
      .where('customer_id', '=', r.customerId).where('challenge_code', '=', c.challenge_code).where('window_start', '=', c.window_start).where('revoked_at', 'is', null)
      .returning('challenge_code').executeTakeFirst();
    if (!marked) continue;
    const bonus = await bonusOf(trx, r.customerId, c.challenge_code, completedAt);
    const completion = Number(bonus?.details.completion ?? 0);
    let reversed = { debited: 0, unsettled: 0 };
    if (bonus) {
      const entry = {
        occurredAt: r.occurredAt, sourceType: 'bonus', sourceId: 'challenge',
        idempotencyKey: `refund:${r.refundId}:${bonus.idempotency_key}`, programVersion: program?.version ?? null,
        details: {
          bonus: 'challenge', code: c.challenge_code, challenge: bonus.details.challenge ?? null, completion, refund: r.refundId, refund_id: r.refundExternalId,
          purchase: r.purchaseExternalId, purchase_id: r.purchaseId, credited: bonus.points, left, goal: goal.count, policy,
        },
      };
      // All of it expired already or spent and forgiven: takeBonusBack's entry of 0 says why the challenge reads as not done.
      reversed = await takeBonusBack(trx, member, bonus, entry, { now: r.now, policy });
    }
    await publish(trx, [{
      type: 'loyalty.challenge_revoked', customerId: r.customerId,
      payload: { customer_id: r.customerId, challenge: c.challenge_code, completion, points: bonus?.points ?? 0, points_reversed: reversed.debited, purchase_id: r.purchaseId, refund_id: r.refundId },
    }]);
    revoked.push({ challenge: c.challenge_code, completion, points_reversed: reversed.debited, unsettled: reversed.unsettled, completed_again: null });
    lastRevoked.set(c.challenge_code, { item: revoked[revoked.length - 1], completedAt });
  }
  for (const [code, { item, completedAt }] of lastRevoked) {
    item.completed_again = await completeAgainAfterRefund(trx, { member, program, r, code, revoked: { completion: item.completion, completedAt }, creditBonus });
  }
  return revoked;
}
