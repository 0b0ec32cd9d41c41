import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { localDate } from '../../../shared/clock.ts';
import { publish } from '../../../jobs/outbox.ts';
import type { RefundFacts } from '../../commerce/index.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import { text, type Program } from '../program/program.ts';
import type { createBonusCredit } from '../earning/bonus-credit.ts';
import { categoriesIn, visitsIn } from '../earning/challenge-window.ts';

// A completion a refund revoked, completed again at once when the purchases kept still meet
// the goal (QA F4): "3 visits in 30 days" completed at B-3 of B-1, B-2, B-3, B-4; B-3 refunded
// in full took the bonus back and the account read 3 of 3 but not done, until the next
// purchase completed it, dated then. The challenge engine (challenges.ts) completes only at a
// purchase's event, and B-4's had come and gone, counted after the completion at B-3.
//
// So the refund asks, in its transaction and under the member's lock it holds (the challenge
// job takes it too, so the job sees this completion or makes it itself), what the engine
// would have answered at each kept purchase after the revoked completion had that completion
// never been: the first at which the goal is met, in the challenge's window ending there,
// counted after the completion before that still stands — dated at that purchase, with the
// bonus the program in force gives for it now, under the next completion's key. Before the
// revoked completion the engine had found the goal unmet, with more purchases than are left.
// As the engine: a challenge that does not repeat only when no other completion stands, and
// never twice a day, the business's (a day with a completion of the challenge, revoked or
// not, is skipped: its row keeps the day). A completion that stands after the revoked one leaves it to the
// engine, which counts on from there. Nothing when the customer was erased (they earn nothing).
//
// The credit names the refund (details.after_refund) and the completion it replaces, so a
// retried refund reads the same answer back (refundAnswer).

type CreditBonus = ReturnType<typeof createBonusCredit>;

/** The challenge completed again after `revoked` (its number and moment), or null: its number and the points credited. */
export async function completeAgainAfterRefund(trx: Tx, { member, program, r, code, revoked, creditBonus }: {
  member: MemberRow;
  program: Program | undefined;
  r: RefundFacts;
  code: string;
  revoked: { completion: number; completedAt: Date };
  creditBonus: CreditBonus;
}): Promise<{ completion: number; points: number } | null> {
  const challenge = program?.document.challenges.find((c) => c.code === code);
  if (!program || !challenge || r.customerErased) return null;
  const rows = await trx.selectFrom('challenge_progress').select(['completed_at', 'revoked_at'])
    .where('customer_id', '=', r.customerId).where('challenge_code', '=', code).where('completed_at', 'is not', null).execute();
  const standing = rows.filter((c) => c.revoked_at === null).map((c) => c.completed_at!.getTime());
  if (standing.length > 0 && !challenge.repeatable) return null;
  const last = standing.length > 0 ? new Date(Math.max(...standing)) : null;
  if (last && last.getTime() >= revoked.completedAt.getTime()) return null;
  const { goal } = challenge;
  // Days in the business's time zone, as the engine's (challenges.ts); a row written before
  // keeps its UTC day in window_start, so a day is taken by either.
  const tz = program.timeZone;
  const start = sql`greatest(${last}::timestamptz, k.occurred_at - ${goal.within_days}::int * interval '24 hours')`;
  const counted = goal.type === 'visits' ? visitsIn(r.customerId, start, sql.ref('k.occurred_at')) : categoriesIn(r.customerId, start, sql.ref('k.occurred_at'));
  // The member's kept purchases after the revoked completion, in time order, until one meets the goal.
  const found = await sql<{ at: Date; count: number }>`
    SELECT k.occurred_at AS at, n.count FROM purchases k
    CROSS JOIN LATERAL (SELECT ${counted}::int AS count) n
    WHERE k.customer_id = ${r.customerId} AND k.occurred_at > ${revoked.completedAt} AND k.refunded_minor < k.total_minor
      AND n.count >= ${goal.count}
      AND NOT EXISTS (SELECT 1 FROM challenge_progress cp WHERE cp.customer_id = k.customer_id AND cp.challenge_code = ${code}
                      AND (cp.window_start = (k.occurred_at AT TIME ZONE ${tz})::date OR (cp.completed_at AT TIME ZONE ${tz})::date = (k.occurred_at AT TIME ZONE ${tz})::date))
    ORDER BY k.occurred_at LIMIT 1`.execute(trx);
  const reached = found.rows[0];
  if (!reached) return null;
  const at = new Date(reached.at);
  const n = rows.length + 1;
  const credited = await creditBonus(trx, member, program, {
    points: challenge.points, key: `bonus:challenge:${code}:${n}`, at,
    details: { bonus: 'challenge', challenge: text(challenge.name), code, completion: n, after_refund: r.refundId, replaces: revoked.completion },
  });
  if (!credited) return null;
  await trx.insertInto('challenge_progress').values({
    customer_id: r.customerId, challenge_code: code, window_start: localDate(at, tz),
    progress: JSON.stringify({ count: Number(reached.count), goal }), completed_at: at, updated_at: r.now,
  }).execute();
  await publish(trx, [{ type: 'loyalty.challenge_completed', customerId: r.customerId, payload: { customer_id: r.customerId, challenge: code, points: challenge.points, completion: n } }]);
  return { completion: n, points: challenge.points };
}
