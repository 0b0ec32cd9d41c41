import { sql } from 'kysely';
import type { Db, LoyaltyEntryKind, Tx } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import type { RefundFacts } from '../../commerce/index.ts';
import { personIdsQuery } from '../../customers/index.ts';
import type { LoyaltySummary } from '../earning/accrual.ts';
import { createBonusCredit } from '../earning/bonus-credit.ts';
import type { EngagementService } from '../earning/engagement.service.ts';
import { balanceOf, pointsToReverse } from '../ledger/ledger.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import type { EarningFactor } from '../program/program.ts';
import { expiryOfLots, undoExpiry } from './expiry-of-lots.ts';
import { revokeChallengesForRefund } from './challenge-revocation.ts';
import { earnedShareReturned, lineWeights, pointsToReverseByLines } from './refund-points.ts';
import { moveDownAfterRefund, refundTierChange, tierChangeAnswer } from './refund-tier.ts';
import { FRIEND_BONUS_KEY } from '../earning/bonus-credit.ts';

// A recorded purchase's points afterwards: taken back when it is refunded, and read back
// when the purchase or the refund is sent again (a till's retry, a replayed import). A
// merge moves the purchase to the survivor but leaves its entries in the ledger they were
// written to, so each of these looks in the ledgers of everyone merged into the customer.

export function createRefundsAndReceipts(core: LoyaltyCore, engagement: EngagementService) {
  const { db, clock } = core.deps;
  const creditBonus = createBonusCredit(core);

  /**
   * A purchase's entries (credits and reversals) in the ledgers of `customerId` and of
   * every customer merged into it, directly or through another merge, and, as `prefer`,
   * `customerId`'s open transfer lots that descend from the purchase's credits (a merge's
   * transfer lot names the lot it came from: details.lot, source_id the merged customer).
   */
  async function purchaseEntriesAcrossMerges(trx: Tx, customerId: string, purchaseId: string) {
    const person = personIdsQuery(customerId);
    const found = await sql<{ customer_id: string; id: number; kind: LoyaltyEntryKind; points: number; details: Record<string, unknown>; program_version: number | null; transfer: boolean }>`
      WITH RECURSIVE entries AS (
        SELECT e.customer_id, e.id, e.kind, e.points, e.details, e.program_version FROM loyalty_entries e
        WHERE e.customer_id IN ${person} AND e.source_type = 'purchase' AND e.source_id = ${purchaseId}
      ), lots(customer_id, id) AS (
        SELECT customer_id, id FROM entries WHERE points > 0
        UNION SELECT e.customer_id, e.id FROM loyalty_entries e JOIN lots l ON e.source_id = l.customer_id::text AND e.details->>'lot' = l.id::text
        WHERE e.customer_id IN ${person} AND e.source_type = 'merge' AND e.points > 0
      )
      SELECT customer_id, id, kind, points, details, program_version, false AS transfer FROM entries
      UNION ALL SELECT customer_id, id, NULL, NULL, NULL, NULL, true FROM lots WHERE customer_id = ${customerId} AND id NOT IN (SELECT id FROM entries)`.execute(trx);
    return {
      rows: found.rows.filter((e) => !e.transfer).map((e) => ({
        id: Number(e.id), kind: e.kind, points: Number(e.points), details: e.details, program_version: e.program_version === null ? null : Number(e.program_version),
      })),
      prefer: found.rows.filter((e) => e.transfer).map((e) => Number(e.id)),
    };
  }

  /**
   * What a refund takes back when the purchase's refunds (this one or an earlier one) named
   * lines: what the lines earned (refund-points.ts); null when none did, or the purchase
   * earned no points of its own, and the refunded share of the amount decides as before.
   */
  async function returnedByLines(
    trx: Tx, r: RefundFacts, rows: { kind: LoyaltyEntryKind | null; points: number; details: unknown; program_version: number | null }[],
    { credited, alreadyReversed }: { credited: number; alreadyReversed: number },
  ): Promise<{ points: number; share: number } | null> {
    const earn = rows.find((e) => e.kind === 'earn' && e.points > 0);
    if (!earn) return null;
    const returns = await r.returns();
    if (!returns.refunds.some((x) => x.lines.length > 0)) return null;
    const program = earn.program_version === null ? undefined : (await core.programs(trx)).find((p) => p.version === earn.program_version);
    const weights = lineWeights(program, returns.bought, ((earn.details as { factors?: EarningFactor[] }).factors) ?? []);
    const share = earnedShareReturned(weights, returns);
    const points = pointsToReverseByLines({ earned: earn.points, bonus: credited - earn.points, alreadyReversed, share, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
    return { points, share };
  }

  /**
   * The member's standing a receipt prints — spendable balance, pending points, tier — from
   * their row's points and tier and their open lots at `now`: a purchase's receipt
   * (receipts) and a refund's slip (reverseForRefund, refundAnswer) alike, in the
   * transaction of the refund.
   */
  async function standingOf(executor: Db | Tx, member: { customer_id: string; points: number; tier: string | null }, now: Date) {
    const { available, pending } = balanceOf(await ledger.openLots(executor, member.customer_id), member.points, now);
    return { balance: available, pending, tier: member.tier };
  }

  return {
    /**
     * Takes back a refunded purchase's points in proportion to the refunded share (see
     * pointsToReverse) — or, when its refunds named the lines returned, what those lines
     * earned (refund-points.ts) — from the purchase's own lots first, also when they are past
     * their expiry now but were not at the refund's date. Its points that had expired by the
     * refund's date, written off by the sweep or not yet, are not taken again
     * (details.expired: the member lost them once; planDebit's `expired`). Points already spent follow
     * the program's refund_shortfall: a negative balance settled by the next credits, or
     * forgiven. A reward coupon used on the order is not given back: its discount already
     * lowered the total, so no points were earned on it. A refund that takes the purchase
     * below the minimum of the referral it qualified revokes the referral (`referral`:
     * the friend's bonus taken back here, the referrer's by a job; referral-revocation.ts),
     * and one that leaves a challenge completion short of its goal revokes that completion
     * and takes its bonus back (challenge-revocation.ts).
     */
    async reverseForRefund(trx: Tx, refund: RefundFacts) {
      const members = await ledger.lockMembers(trx, [refund.customerId], { now: refund.now, create: false });
      const member = members.get(refund.customerId);
      if (!member) return null;
      // A refund sent without a date of its own is dated as its request came; its take-backs are dated once the member is locked, as a
      // redemption's are, so one that waited for a redemption to commit reads after it
      // (explain.ts; QA F4). A refund's own date stays as given: explain.ts shows one that
      // would read as overdrawing a redemption written before it where it was recorded.
      const r = refund.dated ? refund : withFields(refund, { occurredAt: clock.now() });
      let rows = await trx.selectFrom('loyalty_entries').select(['id', 'kind', 'points', 'details', 'program_version'])
        .where('customer_id', '=', r.customerId).where('source_type', '=', 'purchase').where('source_id', '=', r.purchaseId).execute();
      let prefer = rows.filter((e) => e.points > 0).map((e) => e.id);
      // No credit here: the purchase may have been earned by a customer merged into this
      // one (a merge moves the purchase, but its lots stay in the merged member's closed
      // ledger and only what was left of them comes over, as transfer lots). Its credits
      // and earlier reversals are then read from those ledgers, and the transfer lots
      // descending from its lots are taken first; without this, a refund after a merge
      // took back nothing.
      if (prefer.length === 0) ({ rows, prefer } = await purchaseEntriesAcrossMerges(trx, r.customerId, r.purchaseId));
      // A first-purchase bonus a merge took back as the person's second (merge-duplicate-bonuses.ts)
      // is the purchase's no more: out of what it credited, and the part of it earlier refunds took out of what they took back.
      const undone = rows.map((e) => e.details as { duplicate_of?: unknown; bonus_points?: number; already_reversed?: number }).filter((d) => d.duplicate_of);
      const credited = rows.filter((e) => e.points > 0).reduce((s, e) => s + e.points, 0) - undone.reduce((s, d) => s + Number(d.bonus_points ?? 0), 0);
      // What earlier refunds settled counts whether they took it, forgave it or found it expired.
      const reversals = rows.filter((e) => e.kind === 'reverse' && !(e.details as { duplicate_of?: unknown }).duplicate_of);
      const expiredBefore = reversals.reduce((s, e) => s + Number((e.details as { expired?: number }).expired ?? 0), 0);
      const alreadyReversed = reversals.reduce((s, e) => s - e.points + Number((e.details as { forgiven?: number }).forgiven ?? 0), 0) + expiredBefore
        - undone.reduce((s, d) => s + Number(d.already_reversed ?? 0), 0);
      const byLines = await returnedByLines(trx, r, rows, { credited, alreadyReversed });
      const points = byLines?.points ?? pointsToReverse({ credited, alreadyReversed, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
      const program = await core.programAt(r.now, trx);
      // An erased customer earns nothing again (erasure.ts), so a debt of theirs would stand
      // for ever in the report's owed: what a refund after the erasure cannot take is forgiven.
      const policy = r.customerErased ? 'forgive' : (program?.document.refund_shortfall ?? 'negative_balance');
      const entry = {
        customerId: r.customerId, kind: 'reverse' as const, occurredAt: r.occurredAt, sourceType: 'purchase', sourceId: r.purchaseId,
        idempotencyKey: `refund:${r.refundId}`, programVersion: program?.version ?? null,
        details: withFields(
          { refund: r.refundId, refund_id: r.refundExternalId, amount: r.amount, purchase: r.purchaseExternalId, credited, refunded_share: r.refundedMinor / r.totalMinor, policy },
          byLines ? { earned_share_returned: byLines.share } : {},
        ),
      };
      // What expiry wrote off of the purchase's lots by the refund's date is not taken again; what it wrote off after that date the refund takes, its write-off undone (expiry-of-lots.ts).
      const expiry = points === 0 ? null : await expiryOfLots(trx, r.customerId, [...rows.filter((e) => e.points > 0).map((e) => e.id), ...prefer], r.occurredAt);
      const restored = expiry === null ? [] : await undoExpiry(trx, member, {
        restorable: expiry.restorable, due: points, prefer, at: r.occurredAt, key: `refund:${r.refundId}:expiry`, now: r.now,
        details: { refund: r.refundId, refund_id: r.refundExternalId, purchase: r.purchaseExternalId }, programVersion: program?.version ?? null,
      });
      const result = expiry === null ? { debited: 0, unsettled: 0, shortfall: 0, expired: 0, duplicate: false } : await ledger.debit(trx, member, withFields(entry, { points }), {
        now: r.now, includePending: true, prefer: [...prefer, ...restored], shortfall: policy === 'negative_balance' ? 'owe' : 'forgive',
        expired: { writtenOff: expiry.by - expiredBefore, at: r.occurredAt },
      });
      // Nothing taken because what the refund takes back had expired already or was spent
      // and forgiven (refund_shortfall "forgive"): an entry of 0 points (migration 0020)
      // says so in the member's explanation, and its details.expired and details.forgiven
      // count as settled for the purchase's next refunds, as a take-back's do — without it
      // the next refund took the forgiven share again, from points earned since. Nothing is
      // written when the refund had nothing to take back at all (points 0: earlier refunds
      // took back all it would, or the purchase earned nothing): their entries, or the
      // purchase's, already explain the account, and a line saying nothing changed would
      // only repeat them.
      const forgiven = policy === 'forgive' ? result.shortfall : 0;
      if (result.debited === 0 && (result.expired > 0 || forgiven > 0) && !result.duplicate) {
        await ledger.recordNothing(trx, withFields(entry, { details: withFields(entry.details, { expired: result.expired }, forgiven > 0 ? { forgiven } : {}) }), r.now);
      }
      // Also when the purchase's own points are back already: the referral is a rule of its own.
      const referral = await engagement.revokeReferralOnRefund(trx, member, program, r);
      // So are the challenges the purchase helped complete (challenge-revocation.ts), and
      // completed again at once when the purchases kept meet their goal (challenge-completed-again.ts).
      const challenges = await revokeChallengesForRefund(trx, member, program, r, creditBonus);
      // On a lifetime window, a refund that takes the member below their tier's threshold moves them down now (refund-tier.ts).
      const tierChanges = await moveDownAfterRefund(trx, core, { program, member, refundId: r.refundId, at: r.occurredAt, now: r.now });
      if (result.debited > 0 || (referral?.points_reversed ?? 0) > 0 || challenges.some((c) => c.points_reversed > 0) || tierChanges.length > 0) await ledger.saveMembers(trx, [member], r.now);
      const answer = { points_reversed: result.debited, unsettled: result.unsettled, referral, challenges, tier_change: tierChangeAnswer(tierChanges) };
      // A refund answered on its own (the API's) prints the member's standing after it; a file's refunds are counted.
      return r.answered ? withFields(answer, await standingOf(trx, member, clock.now())) : answer;
    },

    /**
     * What a refund answers when it is sent again (a till's retry): what reverseForRefund
     * answered, read back from the entries it wrote under the refund's keys (in the ledgers
     * of the person, a merge having moved the purchase), with what of them is still owed now.
     */
    async refundAnswer(trx: Tx, r: { customerId: string; refundId: string }) {
      const member = await trx.selectFrom('loyalty_members').select(['customer_id', 'points', 'tier']).where('customer_id', '=', r.customerId).executeTakeFirst();
      if (!member) return null;
      const rows = await trx.selectFrom('loyalty_entries').select(['idempotency_key', 'points', 'unsettled', 'details'])
        .where(sql<boolean>`customer_id IN ${personIdsQuery(r.customerId)}`)
        .where((w) => w.or([
          w('idempotency_key', 'in', [`refund:${r.refundId}`, `refund:${r.refundId}:referral`]),
          // The challenge completions it revoked: their take-backs are keyed by the refund and the completion's bonus key.
          w.and([w('source_type', '=', 'bonus'), w('source_id', '=', 'challenge'), w('idempotency_key', 'like', `refund:${r.refundId}:bonus:challenge:%`)]),
          // And those it completed again with the purchases kept: their credits name the refund.
          w.and([w('source_type', '=', 'bonus'), w('source_id', '=', 'challenge'), w('kind', '=', 'bonus'), w(sql<string>`details->>'after_refund'`, '=', r.refundId)]),
        ])).execute();
      const taken = (key: string) => {
        const e = rows.find((x) => x.idempotency_key === key);
        // An entry of 0 (a refund of expired points) took back nothing: 0, not −0.
        return { points_reversed: e && Number(e.points) < 0 ? -Number(e.points) : 0, unsettled: e ? Number(e.unsettled ?? 0) : 0 };
      };
      const referral = rows.some((x) => x.idempotency_key === `refund:${r.refundId}:referral`) ? withFields(taken(`refund:${r.refundId}:referral`), { status: 'revoked' as const }) : null;
      // A completion whose bonus was never credited (nothing to take back) wrote no entry and
      // is not read back here; the live answer and the loyalty.challenge_revoked event name it.
      const again = rows.filter((x) => (x.details as { after_refund?: string }).after_refund === r.refundId).map((x) => {
        const d = x.details as { code: string; completion: number; replaces?: number };
        return { code: d.code, replaces: Number(d.replaces ?? 0), completion: Number(d.completion), points: Number(x.points) };
      });
      const challenges = rows.filter((x) => x.idempotency_key?.startsWith(`refund:${r.refundId}:bonus:challenge:`))
        .map((x) => {
          const d = x.details as { code: string; completion?: number };
          const back = taken(x.idempotency_key!);
          const completion = Number(d.completion ?? 0);
          const anew = again.find((a) => a.code === d.code && a.replaces === completion);
          return { challenge: d.code, completion, points_reversed: back.points_reversed, unsettled: back.unsettled, completed_again: anew ? { completion: anew.completion, points: anew.points } : null };
        })
        .sort((a, b) => a.challenge.localeCompare(b.challenge) || a.completion - b.completion);
      // The move it made is found again (keyed by the refund); the standing is the member's now, as a purchase's replay prints it.
      return withFields(taken(`refund:${r.refundId}`), { referral, challenges, tier_change: await refundTierChange(trx, r) }, await standingOf(trx, member, clock.now()));
    },

    /**
     * What a purchase answers after it was recorded (a replay of it, a read of it): the
     * points it earned, and the member's balance now. The purchase's credits are looked up
     * in the ledgers of its customer and of everyone merged into it: a merge moves the
     * purchase to the survivor but its entries stay where they were written. Its credits are
     * what its first answer counted (accrual.ts): its points and bonuses (source the
     * purchase) and the friend's referral bonus it paid (a bonus entry naming the purchase).
     */
    async receipts(refs: { customer_id: string; id: string }[]): Promise<Map<string, LoyaltySummary | null>> {
      const out = new Map<string, LoyaltySummary | null>();
      if (refs.length === 0) return out;
      const now = clock.now();
      const customerIds = [...new Set(refs.map((r) => r.customer_id))];
      const members = new Map((await db.selectFrom('loyalty_members').select(['customer_id', 'points', 'tier']).where('customer_id', 'in', customerIds).execute()).map((m) => [m.customer_id, m]));
      const purchaseIds = refs.map((r) => r.id);
      const credits = await db.selectFrom('loyalty_entries')
        .select(['points', sql<string>`CASE WHEN source_type = 'purchase' THEN source_id ELSE details->>'purchase_id' END`.as('source_id')])
        .where(sql<boolean>`customer_id IN ${personIdsQuery(sql`unnest(${customerIds}::uuid[])`)}`)
        .where('points', '>', 0)
        .where((eb) => eb.or([
          eb.and([eb('source_type', '=', 'purchase'), eb('source_id', 'in', purchaseIds)]),
          eb.and([eb('source_type', '=', 'bonus'), eb('idempotency_key', '=', FRIEND_BONUS_KEY), eb(sql<string>`details->>'purchase_id'`, 'in', purchaseIds)]),
        ]))
        .execute();
      for (const ref of refs) {
        const m = members.get(ref.customer_id);
        if (!m) {
          out.set(ref.id, null);
          continue;
        }
        const earned = credits.filter((c) => c.source_id === ref.id).reduce((s, c) => s + c.points, 0);
        out.set(ref.id, withFields({ points_earned: earned }, await standingOf(db, m, now)));
      }
      return out;
    },
  };
}
