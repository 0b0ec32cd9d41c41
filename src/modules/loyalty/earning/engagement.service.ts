import { sql } from 'kysely';
import { z } from 'zod';
import { audit, type Actor, type Tx } from '../../../db/index.ts';
import { publish } from '../../../jobs/outbox.ts';
import { conflict, invalid, invalidField, notFound } from '../../../shared/errors.ts';
import { say, type Said } from '../../../shared/messages/index.ts';
import { isUuid } from '../../../shared/ids.ts';
import { parseInput } from '../../../shared/validation.ts';
import { CATEGORIES_KEPT } from '../../commerce/index.ts';
import { personIdsQuery } from '../../customers/index.ts';
import { newCode, normalizeCode } from '../rewards/codes.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { MemberRow } from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { lotExpiry, text, type Program } from '../program/program.ts';
import { activeIds, keysTakenAcrossMerges, lockActiveCustomer, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
import type { ProgramDocument } from '../program/program.schema.ts';
import { createReferralRevocation, qualifyingPurchaseTime, referralAvailableAt, referralStillRewarded } from '../refunds/referral-revocation.ts';
import { categoriesIn, visitsIn } from './challenge-window.ts';

// Points for what members do besides buying: bringing a friend (referrals), completing
// challenges, completing their profile, answering a survey. The friend's referral bonus
// is part of their purchase (in its transaction); the referrer's, the challenges and the
// profile bonus follow from outbox events, so a purchase never waits on — or locks —
// another member's account.

export const ClaimReferralInput = z.object({ code: z.string().trim().min(4).max(40) });
export const SurveyBonusInput = z.object({
  /** The survey response's id: one bonus per response. The score is deliberately not an input. */
  response_id: z.string().trim().min(1).max(200),
});

type Challenge = ProgramDocument['challenges'][number];

/** A member's standing on one challenge (challengeStandings). */
interface ChallengeStanding {
  customerId: string;
  /** The moment the standing is taken at (its window ends there). */
  at: Date;
  challenge: Challenge;
  /** Towards the goal, since the last completion (within the challenge's window). */
  progress: number;
  /** Completions that stand: a refund may have revoked others (challenge-revocation.ts). */
  completions: number;
  lastCompletedAt: Date | null;
  /** Every completion ever, revoked ones too: the next bonus key's number and the one-a-day rule go by these. */
  allCompletions: number;
  lastAnyAt: Date | null;
}

/** Members whose challenges one statement checks (evaluateChallengesMany). */
const CHALLENGE_CHECK_CHUNK = 1_000;

/** Gmail ignores dots and +tags; other providers ignore +tags: the same inbox is the same person. */
function inbox(email: string | null): string | null {
  if (!email) return null;
  const [local, domain] = email.toLowerCase().split('@');
  const base = local.split('+')[0];
  return `${domain === 'gmail.com' || domain === 'googlemail.com' ? base.replace(/\./g, '') : base}@${domain === 'googlemail.com' ? 'gmail.com' : domain}`;
}

export function createEngagementService(core: LoyaltyCore) {
  const { db, clock } = core.deps;
  const revocation = createReferralRevocation(core);

  /**
   * A bonus is once per person: under the member's lock, a key found in the ledger of a
   * customer merged into the member (paid before the merge) is not paid again.
   */
  async function creditBonus(trx: Tx, member: MemberRow, program: Program, { points, key, at, availableAt = null, details }: { points: number; key: string; at: Date; availableAt?: Date | null; details: Record<string, unknown> }) {
    if ((await keysTakenAcrossMerges(trx, [{ customerId: member.customer_id, key }])).size > 0) return false;
    const written = await ledger.credit(trx, member, {
      customerId: member.customer_id, kind: 'bonus', points, occurredAt: at, availableAt, expiresAt: lotExpiry(program, at), sourceType: 'bonus', sourceId: String(details.bonus),
      idempotencyKey: key, programVersion: program.version, details,
    }, clock.now());
    if (written) {
      member.lifetime_earned += points;
      await ledger.saveMembers(trx, [member], clock.now());
    }
    return written !== null;
  }

  /** The points of the entry written under `key` in the ledger of the customer or of anyone merged into it; null when there is none. */
  async function pointsGivenFor(trx: Tx, customerId: string, key: string): Promise<number | null> {
    const found = await sql<{ points: number }>`
      SELECT points FROM loyalty_entries WHERE customer_id IN ${personIdsQuery(customerId)} AND idempotency_key = ${key} LIMIT 1`.execute(trx);
    return found.rows.length ? Number(found.rows[0].points) : null;
  }

  /**
   * Where each member stands on each challenge: completions so far, the last one, and the
   * progress since — purchase days (visits) or distinct categories in the challenge's
   * window that ends at the member's `at`, counting only after the last completion. One
   * statement for any number of members and challenges. The members go as two arrays
   * and the challenges as a few bytes of JSON: a dispatch's ~350 buyers as one JSON row
   * per question made a 108 KB parameter that, under load, took as long to bind as to answer.
   *
   * `reachedOnly`: only whether a goal can be reached matters (the purchase subscriber):
   * leaves out completed challenges that do not repeat, and questions whose member has
   * bought on fewer days in all than a visits goal, or in fewer categories in all than a
   * categories goal (customer_stats.purchase_days and categories, kept by every purchase),
   * without reading their purchases. Most members of a busy shop are such, and this runs
   * for every dispatch of purchases.
   */
  async function challengeStandings(db_: Tx | typeof db, members: { customerId: string; at: Date }[], challenges: readonly Challenge[], { reachedOnly = false } = {}): Promise<ChallengeStanding[]> {
    if (members.length === 0 || challenges.length === 0) return [];
    const rules = JSON.stringify(challenges.map((c, j) => ({ j, code: c.code, visits: c.goal.type === 'visits', goal: c.goal.count, within_days: c.goal.within_days, repeatable: Boolean(c.repeatable) })));
    // What the goal counts: challenge-window.ts. A window is whole days of 24 hours, as
    // shared/clock.ts's addDays counts them for the program's other rules.
    const result = await sql<{ i: string; j: number; completions: string; last_completed_at: Date | null; all_completions: string; last_any_at: Date | null; progress: number }>`
      SELECT m.i, c.j, done.n AS completions, done.last AS last_completed_at, done.n_all AS all_completions, done.last_any AS last_any_at, CASE WHEN c.visits
        THEN ${visitsIn(sql.ref('m.customer_id'), sql.ref('w.start_at'), sql.ref('m.end_at'))}
        ELSE ${categoriesIn(sql.ref('m.customer_id'), sql.ref('w.start_at'), sql.ref('m.end_at'))}
        END::int AS progress
      FROM unnest(${members.map((m) => m.customerId)}::uuid[], ${members.map((m) => m.at.toISOString())}::timestamptz[]) WITH ORDINALITY AS m(customer_id, end_at, i)
      LEFT JOIN customer_stats s ON s.customer_id = m.customer_id
      CROSS JOIN json_to_recordset(${rules}::json) AS c(j int, code text, visits boolean, goal int, within_days int, repeatable boolean)
      CROSS JOIN LATERAL (SELECT count(cp.completed_at) FILTER (WHERE cp.revoked_at IS NULL) AS n, max(cp.completed_at) FILTER (WHERE cp.revoked_at IS NULL) AS last,
                                 count(cp.completed_at) AS n_all, max(cp.completed_at) AS last_any FROM challenge_progress cp
                          WHERE cp.customer_id = m.customer_id AND cp.challenge_code = c.code) done
      CROSS JOIN LATERAL (SELECT greatest(done.last, m.end_at - c.within_days * interval '24 hours') AS start_at) w
      ${reachedOnly ? sql`WHERE (done.n = 0 OR c.repeatable)
        AND CASE WHEN c.visits THEN s.purchase_days >= c.goal
                 ELSE cardinality(s.categories) >= least(c.goal, ${sql.lit(CATEGORIES_KEPT)}) END` : sql``}
      ORDER BY m.i, c.j`.execute(db_);
    return result.rows.map((r) => ({
      customerId: members[Number(r.i) - 1].customerId, at: members[Number(r.i) - 1].at, challenge: challenges[r.j], progress: Number(r.progress),
      completions: Number(r.completions), lastCompletedAt: r.last_completed_at, allCompletions: Number(r.all_completions), lastAnyAt: r.last_any_at,
    }));
  }

  const service = {
    /** The member's own referral code (created on first request). */
    async referralCode(requested: string) {
      if (!isUuid(requested)) throw notFound(say('customer.not_found', { id: requested }));
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // The member's app may still hold a merged id: the survivor's code (merged-customers.ts).
        const active = await lockActiveCustomer(trx, requested);
        if (!active || active.status !== 'active') throw notFound(say('customer.not_found', { id: requested }));
        const customerId = active.id;
        const customer = await trx.selectFrom('customers').select(['id', 'first_name', 'status']).where('id', '=', customerId).executeTakeFirstOrThrow();
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
        if (!member) throw conflict(say('loyalty.not_member'));
        if (member.referral_code) return { code: member.referral_code, created: false };
        // A readable prefix from the first name, a random part for uniqueness.
        const prefix = (customer.first_name ?? 'FRIEND').normalize('NFD').replace(/[^A-Za-z]/g, '').toUpperCase().slice(0, 6) || 'FRIEND';
        const code = `${prefix}-${normalizeCode(newCode(6)).slice(0, 6)}`;
        await trx.insertInto('referral_codes').values({ code, customer_id: customerId, created_at: now }).execute();
        member.referral_code = code;
        await ledger.saveMembers(trx, [member], now);
        return { code, created: true };
      });
    },

    /**
     * Links a new customer to the member whose code they bring. Refused: one's own code,
     * a code of someone with the same inbox or phone, a customer who has bought already
     * (a referral is for new customers), a second referral, and a referral back to the
     * friend who referred you.
     */
    async claimReferral(requestedFriend: string, input: unknown, { actor }: { actor: Actor }) {
      let friendId = requestedFriend;
      const { code: raw } = parseInput(ClaimReferralInput, input, 'referral');
      const code = raw.toUpperCase().trim();
      if (!isUuid(friendId)) throw notFound(say('customer.not_found', { id: friendId }));
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // Both customers' rows locked, in id order as every writer of customers locks them: the
        // checks below read what a claim or purchase that got there first committed. Unlocked,
        // two claims for one friend sent at once both found no referral (the second failed on
        // the key, a 500), two customers claiming each other's code at once were both
        // accepted, and a claim while the friend's first purchase was being recorded (it holds
        // the friend's row until it commits) read no purchase yet: a referral for an old customer.
        // Each id is followed past merges (merged-customers.ts): the friend may be named by a
        // merged id, and the code's owner is read again under the locks, since a merge that
        // committed while this waited moved the code to the survivor; a referrer read before
        // it would be the merged customer, whose closed account nobody sees.
        let owner = await trx.selectFrom('referral_codes').selectAll().where('code', '=', code).executeTakeFirst();
        let locked = new Map<string, { id: string }>();
        for (let attempt = 0; ; attempt++) {
          if (!owner) throw invalidField('code', say('referral.unknown_code', { code: raw }));
          if (attempt === 5) throw new Error('loyalty: a referral code kept changing owner while being claimed');
          locked = await lockActiveCustomers(trx, [friendId, owner.customer_id], { forUpdate: true });
          const held = owner.customer_id;
          owner = await trx.selectFrom('referral_codes').selectAll().where('code', '=', code).executeTakeFirst();
          if (owner && owner.customer_id === (locked.get(held)?.id ?? held)) break;
        }
        const friendNow = locked.get(friendId)?.id;
        const rows = await trx.selectFrom('customers').select(['id', 'email', 'phone', 'status']).where('id', 'in', [friendNow ?? friendId, owner.customer_id]).execute();
        const [friend, referrer] = [friendNow, owner.customer_id].map((id) => rows.find((c) => c.id === id));
        if (!friend || friend.status !== 'active') throw notFound(say('customer.not_found', { id: friendId }));
        friendId = friend.id;
        const reject = (reason: Said) => invalidField('code', reason);
        if (owner.customer_id === friendId) throw reject(say('referral.own_code'));
        if (referrer && ((friend.email && inbox(friend.email) === inbox(referrer.email)) || (friend.phone && friend.phone === referrer.phone))) throw reject(say('referral.same_person'));
        const existing = await trx.selectFrom('loyalty_referrals').selectAll().where('customer_id', '=', friendId).executeTakeFirst();
        if (existing) {
          if (existing.code === code) return { created: false, status: existing.status };
          throw conflict(say('referral.already_referred'));
        }
        const back = await trx.selectFrom('loyalty_referrals').select('customer_id').where('customer_id', '=', owner.customer_id).where('referrer_id', '=', friendId).executeTakeFirst();
        if (back) throw reject(say('referral.referred_back'));
        const bought = await trx.selectFrom('customer_stats').select('purchases_count').where('customer_id', '=', friendId).executeTakeFirst();
        if (bought && bought.purchases_count > 0) throw reject(say('referral.not_new'));
        await trx.insertInto('loyalty_referrals').values({ customer_id: friendId, referrer_id: owner.customer_id, code, status: 'pending', reason: null, purchase_id: null, created_at: now, settled_at: null }).execute();
        await audit(trx, { actor, action: 'loyalty.referral.claim', subject: friendId, details: { code, referrer: owner.customer_id } });
        return { created: true, status: 'pending' as const };
      });
    },

    /**
     * Inside the friend's purchase transaction: the first qualifying purchase rewards the
     * friend now, the referrer through an event. Both bonuses are held for pending_days from
     * the purchase, as its own points are, and a refund that takes it below the minimum
     * takes them back (referral-revocation.ts); the minimum it met is kept for that.
     */
    async onFriendPurchase(trx: Tx, program: Program, member: MemberRow, purchase: { purchaseId: string; totalMinor: number; occurredAt: Date }, pending: { referrer_id: string; code: string }) {
      const referral = program.document.bonuses.referral;
      if (!referral || purchase.totalMinor < program.referralMinimumMinor || purchase.totalMinor === 0) return 0;
      // Only the purchase that settles the pending referral rewards it: the caller read it
      // pending under the friend's lock, and this keeps a second qualifying purchase (a read
      // from before another writer's commit) from rewarding or re-pointing it.
      const settled = await trx.updateTable('loyalty_referrals').set({ status: 'rewarded', purchase_id: purchase.purchaseId, settled_at: clock.now(), minimum_minor: program.referralMinimumMinor })
        .where('customer_id', '=', member.customer_id).where('status', '=', 'pending').executeTakeFirst();
      if (Number(settled.numUpdatedRows) === 0) return 0;
      if (referral.friend > 0) {
        await ledger.credit(trx, member, {
          customerId: member.customer_id, kind: 'bonus', points: referral.friend, occurredAt: purchase.occurredAt,
          availableAt: referralAvailableAt(program, purchase.occurredAt), expiresAt: lotExpiry(program, purchase.occurredAt),
          sourceType: 'bonus', sourceId: 'referral', idempotencyKey: 'bonus:referral:friend', programVersion: program.version,
          details: { bonus: 'referral', role: 'friend', referrer: pending.referrer_id, code: pending.code, purchase_id: purchase.purchaseId },
        }, clock.now());
        member.lifetime_earned += referral.friend;
      }
      await publish(trx, [{
        type: 'loyalty.referral_qualified', customerId: pending.referrer_id,
        payload: { referrer_id: pending.referrer_id, friend_id: member.customer_id, purchase_id: purchase.purchaseId, code: pending.code, occurred_at: purchase.occurredAt.toISOString() },
      }]);
      return referral.friend;
    },

    /**
     * Subscriber of loyalty.referral_qualified: the referrer's bonus, once per friend, held
     * until pending_days after the friend's purchase (`occurred_at`; an event queued before it
     * was sent: qualifyingPurchaseTime). Not paid once a refund has revoked the referral.
     */
    async rewardReferrer({ referrer_id, friend_id, purchase_id, occurred_at, queued_at }: { referrer_id: string; friend_id: string; purchase_id?: string; occurred_at?: string; queued_at?: Date }) {
      const now = clock.now();
      const program = await core.programAt(now);
      const points = program?.document.bonuses.referral?.referrer;
      if (!program || !points) return false;
      return db.transaction().execute(async (trx) => {
        // Queued before a merge of the referrer: the survivor's bonus, once (creditBonus
        // finds the key in the merged ledger when it was paid there before the merge).
        const referrer = await lockActiveCustomer(trx, referrer_id);
        // An erased referrer's points were forfeited (erasure.ts): nobody to give the bonus to.
        if (!referrer || referrer.status === 'erased') return false;
        const member = (await ledger.lockMembers(trx, [referrer.id], { now, create: false })).get(referrer.id);
        if (!member) return false;
        // Read under the referrer's locks, which the revoke job takes too: a refund that
        // revoked the referral first is seen here (nothing paid); one that commits after this
        // read queues the revoke job, which waits for this transaction and takes the bonus back.
        if (purchase_id && !(await referralStillRewarded(trx, purchase_id))) return false;
        const availableAt = referralAvailableAt(program, await qualifyingPurchaseTime(trx, { purchase_id, occurred_at, queued_at: queued_at ?? now }));
        const named = referrer.id === referrer_id ? {} : { referrer_merged: referrer_id };
        const details = { bonus: 'referral', role: 'referrer', friend: friend_id, purchase_id: purchase_id ?? null, ...named };
        return creditBonus(trx, member, program, { points, key: `bonus:referral:${friend_id}`, at: now, availableAt, details });
      });
    },

    /** In a refund's transaction: the referral the purchase settled, revoked below its minimum (referral-revocation.ts). */
    revokeReferralOnRefund: revocation.revokeForRefund,

    /** Subscriber of loyalty.referral_revoked: the referrer's bonus taken back (referral-revocation.ts). */
    revokeReferrerBonus: revocation.revokeReferrerBonus,

    /** Subscriber of purchase.recorded: completes the challenges the purchase finishes (of `only`'s codes, when given). */
    async evaluateChallenges(requested: string, at: Date, only?: ReadonlySet<string>) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program || program.document.challenges.length === 0) return [];
      const completed: string[] = [];
      for (const challenge of program.document.challenges) {
        if (only && !only.has(challenge.code)) continue;
        await db.transaction().execute(async (trx) => {
          // A purchase event queued before a merge of its customer: the survivor's challenges.
          const active = await lockActiveCustomer(trx, requested);
          if (!active || active.status === 'erased') return; // erased since the purchase: its points are forfeited (erasure.ts)
          const customerId = active.id;
          const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
          if (!member) return;
          const [{ progress, completions, allCompletions, lastAnyAt }] = await challengeStandings(trx, [{ customerId, at }], [challenge]);
          if ((completions > 0 && !challenge.repeatable) || progress < challenge.goal.count) return;
          // challenge_progress keeps one row per challenge and day (window_start, the
          // completion's date): a second completion on the same day overwrote the first's row,
          // so the count stayed behind the bonuses paid and every later completion drew a key
          // already used, and was never rewarded. At most one completion a day: what was
          // bought after it counts towards the next, on a later day. A revoked completion
          // keeps its row and its number (migration 0021), so both count here.
          if (lastAnyAt && new Date(lastAnyAt).toISOString().slice(0, 10) === at.toISOString().slice(0, 10)) return;
          const n = allCompletions + 1;
          const credited = await creditBonus(trx, member, program, { points: challenge.points, key: `bonus:challenge:${challenge.code}:${n}`, at, details: { bonus: 'challenge', challenge: text(challenge.name), code: challenge.code, completion: n } });
          if (!credited) return;
          await trx.insertInto('challenge_progress').values({ customer_id: customerId, challenge_code: challenge.code, window_start: at.toISOString().slice(0, 10), progress: JSON.stringify({ count: progress, goal: challenge.goal }), completed_at: at, updated_at: now })
            .onConflict((oc) => oc.columns(['customer_id', 'challenge_code', 'window_start']).doUpdateSet({ completed_at: at, updated_at: now })).execute();
          await publish(trx, [{ type: 'loyalty.challenge_completed', customerId, payload: { customer_id: customerId, challenge: challenge.code, points: challenge.points, completion: n } }]);
          completed.push(challenge.code);
        });
      }
      return completed;
    },

    /**
     * The same for a batch of purchase events (the job queue hands over the events of a
     * dispatch at once): one statement measures every member's progress on every
     * challenge they can still complete, and only the members who reached a goal go
     * through the per-member transaction above, which checks again under the member's lock.
     */
    async evaluateChallengesMany(items: { customerId: string; at: Date }[]) {
      const program = await core.programAt(clock.now());
      if (!program || program.document.challenges.length === 0 || items.length === 0) return [];
      // By the customer each id stands for after merges: the merged customer's purchases are
      // the survivor's now (evaluateChallenges follows the id again under the lock).
      const survivors = await activeIds(db, items.map((i) => i.customerId));
      // At each of a member's purchases in the dispatch, not only the latest: a goal reached
      // by an earlier one is completed at its time (the bonus dated and expiring from there),
      // and a goal within a window ("5 visits in 30 days") reached then may be out of the
      // window that ends at the latest.
      const times = new Map<string, Set<number>>();
      for (const i of items) {
        const id = survivors.get(i.customerId) ?? i.customerId;
        const seen = times.get(id);
        if (seen) seen.add(i.at.getTime());
        else times.set(id, new Set([i.at.getTime()]));
      }
      const questions = [...times].flatMap(([customerId, ats]) => [...ats].sort((a, b) => a - b).map((t) => ({ customerId, at: new Date(t) })));
      // Customer → the moments (in time order, as asked) at which goals were reached, with their challenges.
      const reached = new Map<string, Map<number, Set<string>>>();
      // A statement per CHALLENGE_CHECK_CHUNK questions: after a large import the queue hands
      // over thousands of events at once, and on the embedded database one statement over
      // all of them held its only connection for seconds.
      for (let from = 0; from < questions.length; from += CHALLENGE_CHECK_CHUNK) {
        for (const { customerId, at, challenge, progress } of await challengeStandings(db, questions.slice(from, from + CHALLENGE_CHECK_CHUNK), program.document.challenges, { reachedOnly: true })) {
          if (progress < challenge.goal.count) continue;
          const byTime = reached.get(customerId) ?? reached.set(customerId, new Map()).get(customerId)!;
          const codes = byTime.get(at.getTime()) ?? byTime.set(at.getTime(), new Set()).get(at.getTime())!;
          codes.add(challenge.code);
        }
      }
      const completed: { customerId: string; challenges: string[] }[] = [];
      for (const [id, byTime] of reached) {
        const challenges: string[] = [];
        // Earliest first: a challenge that does not repeat is completed at its first, and checked again under the lock at each.
        for (const [t, codes] of byTime) challenges.push(...(await service.evaluateChallenges(id, new Date(t), codes)));
        completed.push({ customerId: id, challenges });
      }
      return completed;
    },

    /** Progress of every challenge, for the account view. */
    async challenges(customerId: string) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) return [];
      const standings = await challengeStandings(db, [{ customerId, at: now }], program.document.challenges);
      return standings.map(({ challenge: c, progress, completions, lastCompletedAt }) => {
        const reached = !c.repeatable && completions ? c.goal.count : progress;
        return { code: c.code, name: c.name, goal: c.goal, points: c.points, repeatable: c.repeatable, progress: Math.min(reached, c.goal.count), completed: completions, last_completed_at: lastCompletedAt?.toISOString() ?? null };
      });
    },

    /** Subscriber of customer.created / customer.updated: the profile-completion bonus, once. */
    async profileCompletion(requested: string) {
      const now = clock.now();
      const program = await core.programAt(now);
      const points = program?.document.bonuses.profile_completion;
      if (!program || !points) return false;
      return db.transaction().execute(async (trx) => {
        // An event queued before a merge: the survivor's profile (the merge filled it from
        // the merged customer's), and the bonus once per person (creditBonus).
        const customerId = (await lockActiveCustomer(trx, requested))?.id;
        if (!customerId) return false;
        const c = await trx.selectFrom('customers').select(['first_name', 'last_name', 'email', 'phone', 'birthday', 'status']).where('id', '=', customerId).executeTakeFirst();
        if (!c || c.status !== 'active' || !c.first_name || !c.last_name || !c.email || !c.phone || !c.birthday) return false;
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: false })).get(customerId);
        if (!member) return false;
        return creditBonus(trx, member, program, { points, key: 'bonus:profile_completion', at: now, details: { bonus: 'profile_completion' } });
      });
    },

    /**
     * The same for a batch of customer events (the job queue hands over the events of a
     * dispatch at once): one query keeps the customers whose profile has every field, and
     * only those go through the transaction above, which checks again.
     */
    async profileCompletionMany(customerIds: string[]) {
      const program = await core.programAt(clock.now());
      if (!program?.document.bonuses.profile_completion || customerIds.length === 0) return [];
      const survivors = await activeIds(db, customerIds);
      const complete = await db.selectFrom('customers').select('id').where('id', '=', sql<string>`ANY(${[...new Set(customerIds.map((id) => survivors.get(id) ?? id))]}::uuid[])`).where('status', '=', 'active')
        .where('first_name', 'is not', null).where('last_name', 'is not', null).where('email', 'is not', null).where('phone', 'is not', null).where('birthday', 'is not', null)
        .execute();
      const rewarded: string[] = [];
      for (const c of complete) if (await service.profileCompletion(c.id)) rewarded.push(c.id);
      return rewarded;
    },

    /**
     * Thank-you points for a completed survey: one per response, the same whatever the score.
     * The response id is the key that makes the call safe to repeat: a response thanked
     * before answers what it was given then (`replayed`), even if the program has changed
     * since, and gives nothing more.
     */
    async surveyBonus(customerId: string, input: unknown, { actor }: { actor: Actor }): Promise<{ created: boolean; replayed: boolean; points: number }> {
      const { response_id } = parseInput(SurveyBonusInput, input, 'survey bonus');
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) throw invalid('No loyalty program is in force');
      if (!isUuid(customerId)) throw notFound(say('customer.not_found', { id: customerId }));
      const points = program.document.bonuses.survey;
      const key = `bonus:survey:${response_id}`;
      return db.transaction().execute(async (trx) => {
        // The survey tool cannot know about merges: the survivor's thank-you, once per response.
        const customer = await lockActiveCustomer(trx, customerId);
        if (!customer || customer.status === 'erased') throw notFound(say('customer.not_found', { id: customerId }));
        const earlier = await pointsGivenFor(trx, customer.id, key);
        if (earlier !== null) return { created: false, replayed: true, points: earlier };
        if (!points) return { created: false, replayed: false, points: 0 };
        const member = (await ledger.lockMembers(trx, [customer.id], { now, create: false })).get(customer.id);
        if (!member) throw conflict('The customer is not a loyalty member yet');
        if (await creditBonus(trx, member, program, { points, key, at: now, details: { bonus: 'survey', response: response_id } })) {
          await audit(trx, { actor, action: 'loyalty.bonus.survey', subject: customer.id, details: { response_id } });
          return { created: true, replayed: false, points };
        }
        // The same response sent at once: the other request wrote it while this one waited
        // for the member's lock, and committed; this statement sees it.
        return { created: false, replayed: true, points: (await pointsGivenFor(trx, customer.id, key)) ?? 0 };
      });
    },
  };
  return service;
}

export type EngagementService = ReturnType<typeof createEngagementService>;
