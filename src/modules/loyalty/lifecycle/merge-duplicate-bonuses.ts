import { sql, type RawBuilder } from 'kysely';
import { audit, type Actor, type Tx } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { personIdsQuery } from '../../customers/index.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { Program } from '../program/program.ts';

// One person, one of each once-per-person bonus. A merge says two customer ids were one
// person all along, and each id may have been given the same bonus: a sign-up bonus, a
// first-purchase bonus, a profile-completion bonus, a birthday bonus for the same year,
// the bonus of a challenge that does not repeat. The bonus writers already look a key up
// in every ledger of the person (keysTakenAcrossMerges), so none of these is given twice
// after a merge; this takes back the second one given before it.
//
// Which bonuses: those whose ledger key names the bonus once per person (ONCE_PER_PERSON),
// and a challenge's when its program says it does not repeat (its completions under the
// two ids were the one completion of the person; a repeatable one's are completions of
// their own, each in its own window, and stay). Not the referral bonus: it belongs to a
// referral, which the merge keeps with its outcome (merge-loyalty.ts), and its own refund
// rule takes it back (referral-revocation.ts). Not a survey's: one per response, and a
// response is one id's. A birthday gift (a coupon, not an entry) follows the same rule in
// merge-birthday-gifts.ts: the one that came with the birthday bonus taken back here is
// withdrawn, unless it was used.
//
// Which one stays: the one given first (occurred_at; then the entry written first), and
// the later one is taken back, whichever id it was given to. The first-purchase bonus is
// the first purchase's, and the later purchase was not the person's first (the rule the
// ledger and simulate follow, earning/first-purchase.ts: a bonus given stays, so a merge
// takes back only a second one, and a purchase dated earlier under the other id — a
// first purchase of 0.00 among them — takes nothing from a lone one); the sign-up
// bonus is the person's joining, which is the earlier; and so for the rest. So the outcome
// does not depend on which id staff keep as the survivor.
//
// How: a `reverse` entry in the survivor's ledger (the merged ledger is closed), keyed by
// the bonus entry it takes back, so a retried or chained merge (C into A, then A into B)
// never takes the same bonus twice. It keeps the bonus's source and details, so it reads
// as that bonus taken back, and names the bonus that stays (duplicate_of) and the one
// taken (taken_back). Its points come from the bonus's own lot first (in the survivor's
// ledger: the lot itself, or the transfer lot a merge made of it), then from the other
// lots earliest expiry first, pending ones last, as a refund's reversal takes them; what
// was already spent follows the program's refund_shortfall (owed, or forgiven), as a
// refund's does. A first-purchase bonus whose purchase refunds have taken back in part is
// taken back less that part (already_reversed): a refund takes back the purchase's
// credits, its bonus included, in proportion, and refunds afterwards leave the bonus out
// (refunds-and-receipts.ts).

const ONCE_PER_PERSON = /^bonus:(sign_up|first_purchase|profile_completion|birthday:\d+)$/;

interface BonusEntry {
  customer_id: string;
  id: number;
  points: number;
  occurred_at: Date;
  idempotency_key: string;
  source_type: string;
  source_id: string | null;
  details: Record<string, unknown>;
  program_version: number | null;
}

/** What a bonus counts as once per person under: its key, a non-repeatable challenge's code; null: not once per person. */
function onceKey(e: BonusEntry, programs: readonly Program[], current: Program | undefined): string | null {
  if (ONCE_PER_PERSON.test(e.idempotency_key)) return e.idempotency_key;
  const code = e.details.bonus === 'challenge' ? e.details.code : undefined;
  if (typeof code !== 'string') return null;
  // The challenge as the program that paid it says (else as the program in force says).
  const program = programs.find((p) => p.version === e.program_version) ?? current;
  const challenge = program?.document.challenges.find((c) => c.code === code);
  return challenge && !challenge.repeatable ? `bonus:challenge:${code}` : null;
}

/**
 * Takes back from the survivor `to` (row locked by the caller, who saves it) every
 * once-per-person bonus the person now has more than once, the first given staying.
 * Runs after the merged member's lots moved to the survivor. Answers how many and how
 * many points.
 */
export async function takeBackDuplicateBonuses(trx: Tx, to: MemberRow, { fromId, now, actor, programs, program }: {
  fromId: string; now: Date; actor: Actor; programs: readonly Program[]; program: Program | undefined;
}): Promise<{ duplicate_bonuses: number; duplicate_bonus_points: number }> {
  const toId = to.customer_id;
  // The person: the survivor and everyone merged into it, the customer merged now and its own chain included.
  const person = sql`(SELECT id FROM ${personIdsQuery(toId)} AS a UNION SELECT id FROM ${personIdsQuery(fromId)} AS b)`;
  const bonuses = (await sql<BonusEntry>`
    SELECT customer_id, id, points, occurred_at, idempotency_key, source_type, source_id, details, program_version
    FROM loyalty_entries WHERE customer_id IN ${person} AND kind = 'bonus' AND points > 0 AND idempotency_key LIKE 'bonus:%'
    ORDER BY occurred_at, id`.execute(trx)).rows.map((e) => withFields(e, { id: Number(e.id), points: Number(e.points), program_version: e.program_version === null ? null : Number(e.program_version) }));
  const groups = new Map<string, BonusEntry[]>();
  for (const e of bonuses) {
    const key = onceKey(e, programs, program);
    if (!key) continue;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const duplicates = [...groups.values()].filter((g) => g.length > 1);
  if (duplicates.length === 0) return { duplicate_bonuses: 0, duplicate_bonus_points: 0 };
  const taken = new Set((await sql<{ entry: string }>`
    SELECT details->'taken_back'->>'entry' AS entry FROM loyalty_entries
    WHERE customer_id IN ${person} AND kind = 'reverse' AND details ? 'duplicate_of'`.execute(trx)).rows.map((r) => Number(r.entry)));
  const policy = program?.document.refund_shortfall ?? 'negative_balance';
  let count = 0;
  let points = 0;
  for (const [kept, ...later] of duplicates) {
    for (const bonus of later) {
      if (taken.has(bonus.id)) continue;
      const alreadyReversed = bonus.details.bonus === 'first_purchase' && bonus.source_type === 'purchase' ? await refundedPartOf(trx, person, bonus) : 0;
      const due = bonus.points - alreadyReversed;
      if (due <= 0) continue;
      const details = withFields(bonus.details, {
        duplicate_of: { customer_id: kept.customer_id, entry: kept.id }, taken_back: { customer_id: bonus.customer_id, entry: bonus.id },
        bonus_points: bonus.points, already_reversed: alreadyReversed, policy,
      });
      const result = await ledger.debit(trx, to, {
        customerId: toId, kind: 'reverse', points: due, occurredAt: now, sourceType: bonus.source_type, sourceId: bonus.source_id,
        idempotencyKey: `merge-duplicate:${bonus.id}`, reason: `once per person: ${bonus.idempotency_key} was given to ${kept.customer_id} first`,
        actor, programVersion: program?.version ?? null, details,
      }, { now, includePending: true, prefer: await lotsOf(trx, person, toId, bonus), shortfall: policy === 'negative_balance' ? 'owe' : 'forgive' });
      // Nothing written: a retry found its key, or, under `forgive`, the bonus was all spent and nothing is left to take.
      if (result.id === null) continue;
      count += 1;
      points += result.debited;
      await audit(trx, {
        at: now,
        actor, action: 'loyalty.duplicate_bonus_taken_back', subject: toId,
        details: { bonus: bonus.idempotency_key, taken_back: { customer_id: bonus.customer_id, entry: bonus.id }, kept: { customer_id: kept.customer_id, entry: kept.id }, points: result.debited, owed: result.unsettled, forgiven: policy === 'forgive' ? result.shortfall : 0 },
      });
    }
  }
  return { duplicate_bonuses: count, duplicate_bonus_points: points };
}

/**
 * The part of a first-purchase bonus its purchase's refunds took back: they take back the
 * purchase's credits (its points and the bonus) in proportion, so the bonus's part is
 * its share of what they took (forgiven points counted as taken, as refunds count them).
 */
async function refundedPartOf(trx: Tx, person: RawBuilder<unknown>, bonus: BonusEntry): Promise<number> {
  const r = (await sql<{ credited: number; reversed: number }>`
    SELECT COALESCE(sum(points) FILTER (WHERE points > 0), 0)::float8 AS credited,
           COALESCE(sum(-points + COALESCE((details->>'forgiven')::bigint, 0)) FILTER (WHERE kind = 'reverse' AND NOT details ? 'duplicate_of'), 0)::float8 AS reversed
    FROM loyalty_entries WHERE customer_id IN ${person} AND source_type = 'purchase' AND source_id = ${bonus.source_id}`.execute(trx)).rows[0];
  if (!r || r.credited <= 0 || r.reversed <= 0) return 0;
  return Math.min(bonus.points, Math.round((bonus.points * r.reversed) / r.credited));
}

/** The survivor's open lot that carries the bonus: the bonus's own, or the transfer lot (lots) a merge made of it. */
async function lotsOf(trx: Tx, person: RawBuilder<unknown>, toId: string, bonus: BonusEntry): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    WITH RECURSIVE lots(customer_id, id) AS (
      SELECT ${bonus.customer_id}::uuid, ${bonus.id}::bigint
      UNION SELECT e.customer_id, e.id FROM loyalty_entries e JOIN lots l ON e.source_id = l.customer_id::text AND e.details->>'lot' = l.id::text
      WHERE e.customer_id IN ${person} AND e.source_type = 'merge' AND e.points > 0
    ) SELECT id FROM lots WHERE customer_id = ${toId}`.execute(trx);
  return rows.rows.map((r) => Number(r.id));
}
