import { sql } from 'kysely';
import { z } from 'zod';
import { audit, lockKeys, notifyOnCommit, type Actor, type LoyaltyEntryKind, type Tx } from '../../db/index.ts';
import { publish, type OutgoingEvent } from '../../jobs/outbox.ts';
import { AppError, conflict, invalid, invalidField, notFound } from '../../shared/errors.ts';
import { amountField, currencyExponent, toMajor } from '../../shared/money.ts';
import { isCalendarDay, parseInput } from '../../shared/validation.ts';
import { addDays, addMonths, instantOf, isDateOnly } from '../../shared/clock.ts';
import { balanceOf, pointsToReverse } from './ledger.ts';
import * as accrual from './accrual.repository.ts';
import * as ledger from './ledger.repository.ts';
import type { MemberRow, NewEntry } from './ledger.repository.ts';
import { PROGRAM_CHANNEL, type LoyaltyCore } from './loyalty.core.ts';
import { simulateProgram } from './simulate.ts';
import { mergedNotFound, requireActiveCustomer } from './merged-customers.ts';
import { compileProgram, lotExpiry, pointsForPurchase, text, tierIndexOf, windowStart, type Program, type PurchaseFacts } from './program.ts';
import { ApplyProgramInput, ProgramDocument } from './program.schema.ts';
import { insertProgram, listPrograms } from './program.repository.ts';
import { explainLedger } from './explain.ts';
import { couponView, formatCode, shownCode } from './codes.ts';
import { customerToRead, personIdsQuery, type Identity, type Language } from '../customers/index.ts';
import type { EngagementService } from './engagement.service.ts';
import { withFields } from '../../shared/objects.ts';
import type { RefundFacts } from '../commerce/index.ts';

// Points for purchases (inside the purchase's transaction), reversals on refunds, staff
// adjustments, the program's versions, and the member's account with its explanation.

/** A new lot's points in the account's pending or (already past their expiry) expired sums. */
function addHeld(held: { pending: number; expired: number }, lot: NewEntry, now: Date) {
  if (lot.expiresAt && lot.expiresAt.getTime() <= now.getTime()) held.expired += lot.points;
  else if (lot.availableAt && lot.availableAt.getTime() > now.getTime()) held.pending += lot.points;
}

/** A member with several purchases in one group: its tier metric as the group's purchases are counted (climbersBefore). */
interface Climber {
  metric: number;
  /** The tier window, as the metric is read: [start, now]. */
  window: { start: number; end: number };
}

export interface AccrualItem {
  customerId: string;
  purchaseId: string;
  externalId: string;
  facts: PurchaseFacts;
}

/** What a POS prints on the receipt. */
export interface LoyaltySummary {
  points_earned: number;
  balance: number;
  pending: number;
  tier: string | null;
}

export const AdjustmentInput = z.object({
  points: z.number().int('must be a whole number of points').refine((n) => n !== 0, 'must not be 0').refine((n) => Math.abs(n) <= 1e9, 'is too large'),
  reason: z.string({ error: (issue) => (issue.input === undefined ? 'is required (say why, it is audited)' : undefined) }).trim().min(3, 'is required (say why, it is audited)').max(500),
  idempotency_key: z.string().trim().min(1).max(200),
});

/** The members' read that membersForAccrualLater queued, with the program it was made for; null: no program in force. */
export type AccrualRead = { program: Program; members: accrual.AccrualMembersLater } | null;

/** How far in the past a version's effective_from may lie once a version is in force: a client's clock running behind. */
const CLOCK_ALLOWANCE_MS = 5 * 60_000;

export function createLoyaltyService(core: LoyaltyCore, engagement: EngagementService) {
  const { db, clock, currency, timeZone } = core.deps;

  /**
   * The customer whose ledger a staff action writes, row-locked (shared) for the rest of the
   * transaction: customers before members, the lock order of every writer. A merged
   * customer is refused: a merge that committed while this waited for its lock moved the
   * member's lots to the survivor, and points written now would stay behind, unseen, on
   * the merged customer's closed account. Staff act on the id they chose, so it is not
   * followed to the survivor (the policy: merged-customers.ts); the refusal names the
   * active end of the merge chain.
   */
  async function requireWritableCustomer(trx: Tx, id: string) {
    const row = await requireActiveCustomer(trx, id);
    if (row.id !== id) throw mergedNotFound(row);
    return row;
  }

  /** Base tier, the joined event and the sign-up bonus's entry (not yet written) for a member enrolled just now. */
  function welcomeMember(program: Program, m: MemberRow, now: Date, events: OutgoingEvent[]): NewEntry | null {
    const bonus = program.document.bonuses.sign_up;
    core.placeInTier(program, m, 0, now, { allowDowngrade: false, reason: 'joined' });
    events.push({ type: 'loyalty.member_joined', customerId: m.customer_id, payload: { customer_id: m.customer_id, program_version: program.version, tier: m.tier } });
    if (!bonus) return null;
    return { customerId: m.customer_id, kind: 'bonus', points: bonus, occurredAt: now, expiresAt: lotExpiry(program, now), sourceType: 'bonus', sourceId: 'sign_up', idempotencyKey: 'bonus:sign_up', programVersion: program.version, details: { bonus: 'sign_up' } };
  }

  /** Sign-up bonus and base tier for members enrolled just now. */
  async function welcome(trx: Tx, program: Program, members: MemberRow[], now: Date, events: OutgoingEvent[]) {
    for (const m of members) {
      const signUp = welcomeMember(program, m, now, events);
      if (signUp && (await ledger.credit(trx, m, signUp, now))) m.lifetime_earned += signUp.points;
    }
  }

  /**
   * Tier upgrades after accrual. The qualification metric is read only for members who
   * could reach a level that would change something: its upper bound (net spend, purchase
   * count or points earned over all time) below the next threshold means the placement
   * is the one a metric of 0 gives. `bulk` holds the lots not yet written (a points metric
   * counts them).
   */
  /**
   * Whether the member's stats (all time, this transaction's purchases counted) reach the
   * next tier's threshold: an upper bound of the window's metric, so only these need it read.
   */
  function mayMoveUp(program: Program, st: accrual.AccrualState): boolean {
    const tiers = program.document.tiers!;
    const next = program.thresholds[Math.max(tierIndexOf(program, st.member.tier), 1)];
    if (next === undefined) return false;
    const bound = tiers.metric === 'spend' ? st.netSpendMinor : tiers.metric === 'purchases' ? st.purchasesCount : st.member.lifetime_earned;
    return bound >= next;
  }

  async function placeAfterAccrual(trx: Tx, program: Program, states: Map<string, accrual.AccrualState>, bulk: NewEntry[], now: Date) {
    const tiers = program.document.tiers!;
    const ids = [...states.values()].filter((st) => mayMoveUp(program, st)).map((st) => st.member.customer_id);
    const metrics = ids.length ? await core.tierMetrics(trx, program, ids, now) : new Map<string, number>();
    if (ids.length && tiers.metric === 'points') {
      const start = (windowStart(program, now, timeZone) ?? new Date(0)).getTime();
      const wanted = new Set(ids);
      for (const e of bulk) {
        const at = e.occurredAt.getTime();
        if (wanted.has(e.customerId) && (e.kind === 'earn' || e.kind === 'bonus') && at >= start && at <= now.getTime()) metrics.set(e.customerId, (metrics.get(e.customerId) ?? 0) + e.points);
      }
    }
    const changes = [];
    for (const st of states.values()) {
      const change = core.placeInTier(program, st.member, metrics.get(st.member.customer_id) ?? 0, now, { allowDowngrade: false, reason: 'qualified' });
      if (change) changes.push(change);
    }
    return changes;
  }

  /**
   * A member with several purchases in one group (a batch, an import chunk; rarely two
   * single purchases at once) moves up between them, as the same purchases sent one by one
   * would: the purchase that crosses a threshold earns at the old tier, the next at the new
   * one. This is where each such member's tier metric stands before the group, for accrue
   * to count the group's purchases onto one by one; only members whose stats may reach the
   * next tier (and, on the points metric, every such member: the group's points are not
   * known yet) cost the read, and a group without such members costs nothing.
   */
  async function climbersBefore(
    trx: Tx, program: Program, repeated: ReadonlySet<string>, states: Map<string, accrual.AccrualState>, items: AccrualItem[], bulk: NewEntry[], now: Date,
  ): Promise<Map<string, Climber>> {
    const climbers = new Map<string, Climber>();
    const tiers = program.document.tiers;
    if (!tiers) return climbers;
    const window = { start: (windowStart(program, now, timeZone) ?? new Date(0)).getTime(), end: now.getTime() };
    for (const id of repeated) {
      if (tiers.metric === 'points' || mayMoveUp(program, states.get(id)!)) climbers.set(id, { metric: 0, window });
    }
    if (climbers.size === 0) return climbers;
    const metrics = await core.tierMetrics(trx, program, [...climbers.keys()], now);
    for (const [id, c] of climbers) c.metric = metrics.get(id) ?? 0;
    if (tiers.metric === 'points') {
      // The ledger holds none of the group's points yet; a new member's sign-up bonus
      // waits in `bulk` with them.
      for (const e of bulk) {
        const c = climbers.get(e.customerId);
        const at = e.occurredAt.getTime();
        if (c && (e.kind === 'earn' || e.kind === 'bonus') && at >= c.window.start && at <= c.window.end) c.metric += e.points;
      }
    } else {
      // Spend and purchases are read from the purchases, which already hold the group's.
      for (const i of items) {
        const c = climbers.get(i.customerId);
        if (c) c.metric -= climbContribution(program, c, i, 0);
      }
    }
    return climbers;
  }

  /** What one purchase adds to its member's tier metric (`points`: what it earned), inside the window or nothing. */
  function climbContribution(program: Program, c: Climber, item: AccrualItem, points: number): number {
    const at = item.facts.occurredAt.getTime();
    if (at < c.window.start || at > c.window.end) return 0;
    const metric = program.document.tiers!.metric;
    return metric === 'spend' ? item.facts.totalMinor : metric === 'purchases' ? (item.facts.totalMinor > 0 ? 1 : 0) : points;
  }

  /** The members with more than one of these purchases. */
  function repeatedCustomers(items: AccrualItem[], states: Map<string, accrual.AccrualState>): Set<string> {
    const repeated = new Set<string>();
    if (items.length < 2) return repeated;
    const seen = new Set<string>();
    for (const i of items) {
      if (seen.has(i.customerId)) {
        if (states.has(i.customerId)) repeated.add(i.customerId);
      } else seen.add(i.customerId);
    }
    return repeated;
  }

  /** Inactivity expiry, applied before a member's next credit (the sweep may not have run yet). */
  async function expireIfInactive(trx: Tx, program: Program, member: MemberRow, at: Date, now: Date) {
    const expiry = program.document.expiry;
    if (expiry.policy !== 'inactivity' || !member.last_activity_at || member.points <= 0) return;
    if (addMonths(member.last_activity_at, expiry.months).getTime() > at.getTime()) return;
    const lots = (await ledger.openLots(trx, member.customer_id)).filter((l) => l.remaining > 0);
    const points = lots.reduce((s, l) => s + l.remaining, 0);
    if (points === 0) return;
    await ledger.debit(trx, member, { customerId: member.customer_id, kind: 'expire', points, occurredAt: at, sourceType: 'expiry', sourceId: 'inactivity', programVersion: program.version, details: { policy: 'inactivity', months: expiry.months, last_activity_at: member.last_activity_at } },
      { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
    member.lifetime_expired += points;
  }

  const service = {
    // ── Program ──────────────────────────────────────────────────────────────
    async applyProgram(input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(ApplyProgramInput, input, 'program application');
      const document = parseInput(ProgramDocument, data.program, 'program', 'program');
      checkAmounts(document, currency);
      const now = clock.now();
      const effectiveFrom = data.effective_from ? new Date(data.effective_from) : now;
      const result = await db.transaction().execute(async (trx) => {
        await lockKeys(trx, ['loyalty:program']);
        await refuseRewrittenHistory(trx, effectiveFrom, now);
        const scheduled = await scheduledVersionsOverridden(trx, effectiveFrom, now);
        const version = await insertProgram(trx, { document, effective_from: effectiveFrom, tier_policy: data.tier_policy, note: data.note ?? null, created_by: actor, created_at: now });
        await audit(trx, { actor, action: 'loyalty.program.apply', subject: String(version), details: { effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy, note: data.note } });
        await publish(trx, [{ type: 'loyalty.program_applied', payload: { version, effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy } }]);
        await notifyOnCommit(trx, PROGRAM_CHANNEL);
        core.invalidate();
        // A version that is in force now re-places every member by its tier rules at once;
        // a future-dated one does so at the review after it takes effect.
        const tierChanges = effectiveFrom.getTime() <= now.getTime() ? await reevaluateAll(trx, data.tier_policy, now) : { up: 0, down: 0, unchanged: 0, deferred: true };
        return { version, tierChanges, warnings: scheduled.map((p) => overriddenWarning(p, version, effectiveFrom)) };
      });
      core.invalidate();
      return {
        version: result.version, effective_from: effectiveFrom.toISOString(), tier_policy: data.tier_policy, note: data.note ?? null,
        tier_changes: result.tierChanges, warnings: result.warnings, program: document,
      };
    },

    /** Drops the cached program versions (another process applied one: PROGRAM_CHANNEL). */
    forgetPrograms() {
      core.invalidate();
    },

    async currentProgram() {
      const now = clock.now();
      const program = await core.programAt(now);
      const all = await core.programs();
      return {
        current: program ? { version: program.version, effective_from: program.effectiveFrom.toISOString(), note: program.note ?? null, document: program.document } : null,
        versions: all.map((p) => ({ version: p.version, effective_from: p.effectiveFrom.toISOString(), note: p.note ?? null, in_force: p.version === program?.version })),
      };
    },

    /** Replays the purchases since `since` against a proposed program; writes nothing. */
    async simulate(programInput: unknown, { since }: { since: string }) {
      const document = parseInput(ProgramDocument, programInput, 'program', 'program');
      checkAmounts(document, currency);
      const now = clock.now();
      const sinceDate = simulationStart(since, timeZone, now);
      const proposed = compileProgram({ version: 0, effectiveFrom: now, document, currency });
      return simulateProgram({ db, proposed, current: await core.programAt(now), since: sinceDate, now, currency, timeZone });
    },

    async programVersion(version: number) {
      const p = (await core.programs()).find((x) => x.version === version);
      if (!p) throw notFound(`Program version ${version}`);
      return { version: p.version, effective_from: p.effectiveFrom.toISOString(), note: p.note ?? null, document: p.document };
    },

    // ── Accrual (inside the purchase transaction) ────────────────────────────
    /**
     * The members accrual will need, locked and read with the transaction's next awaited
     * statement (pipeline.ts): called with the buyers' identities and the purchases' local
     * dates before the customers are resolved and the purchases written, so the purchase
     * path reads them in the round trip that reads the owners and keys. The caller holds
     * the identities' locks. Null when no program is in force. Pass it to accrue.
     */
    async membersForAccrualLater(trx: Tx, { identities, localDates, now }: { identities: Identity[]; localDates: string[]; now: Date }): Promise<AccrualRead> {
      const program = await core.programAt(now, trx);
      if (!program) return null;
      const doc = program.document;
      const members = await accrual.lockMembersForAccrualLater(trx, identities, {
        now, create: doc.enrolment === 'automatic',
        capDates: doc.earning.daily_cap ? [...new Set(localDates)] : null,
        referrals: Boolean(doc.bonuses.referral),
      });
      return { program, members };
    },

    /**
     * Points for newly recorded purchases, in the purchases' transaction; the caller holds
     * the customers' row locks, and `read` is membersForAccrualLater's, for the same
     * purchases (`created`: the customers this transaction created). Returns what each
     * purchase's response carries, or null when no program is in force (or the customer is
     * not a member of an on-request one).
     */
    async accrue(
      trx: Tx,
      items: AccrualItem[],
      now: Date,
      read: AccrualRead,
      created: ReadonlySet<string>,
    ): Promise<Map<string, LoyaltySummary | null>> {
      const out = new Map<string, LoyaltySummary | null>();
      if (!read || items.length === 0) {
        for (const i of items) out.set(i.purchaseId, null);
        return out;
      }
      const { program } = read;
      const doc = program.document;
      // The members were locked and read with the owners; one more round trip writes
      // lots, members and events with the purchases, and commits. Only the rare cases (a
      // debt to settle, a referral, inactivity expiry, a tier threshold within reach, a
      // member another writer changed meanwhile) add statements.
      const states = await read.members.states(items.map((i) => i.customerId), created);
      // They were read before this transaction's purchases were counted in customer_stats
      // (except a member read again): count them as the stats now do.
      for (const i of items) {
        const st = states.get(i.customerId);
        if (!st || st.readAfterPurchases) continue;
        st.purchasesCount += 1;
        st.netSpendMinor += i.facts.totalMinor;
      }
      const members = new Map([...states].map(([id, st]) => [id, st.member]));
      const events: OutgoingEvent[] = [];
      const bulk: NewEntry[] = [];
      for (const m of members.values()) {
        if (!m.created) continue;
        const signUp = welcomeMember(program, m, now, events);
        if (signUp) {
          // A member enrolled just now has no debt: the bonus goes with the other new lots.
          bulk.push(signUp);
          m.points += signUp.points;
          m.lifetime_earned += signUp.points;
        }
      }

      const capUsed = new Map<string, number>();
      for (const [id, st] of states) for (const [date, used] of Object.entries(st.capUsed)) capUsed.set(`${id}|${date}`, Number(used));
      // customer_stats already counts this transaction's purchases.
      const countBefore = new Map([...states].map(([id, st]) => [id, st.purchasesCount]));
      for (const i of items) if (members.has(i.customerId)) countBefore.set(i.customerId, countBefore.get(i.customerId)! - 1);
      const referrals = new Map<string, { referrer_id: string; code: string }>();
      for (const [id, st] of states) if (st.referral) referrals.set(id, st.referral);
      /** Members whose lots changed outside `bulk` (debts settled, referral bonus, inactivity expiry): their lot sums are read again at the end. */
      const reread = new Set<string>();

      const earned = new Map<string, number>();
      const sorted = [...items].sort((a, b) => a.facts.occurredAt.getTime() - b.facts.occurredAt.getTime());
      const firstBonusGiven = new Set<string>();
      // A member with several purchases in the group (a batch, an import chunk) moves up a
      // tier between them, and each of them gets the receipt of the account right after it
      // (for everyone else, that is the account at the end of the group).
      const repeated = repeatedCustomers(items, states);
      const climbers = repeated.size ? await climbersBefore(trx, program, repeated, states, items, bulk, now) : new Map<string, Climber>();
      const climbChanges: NonNullable<ReturnType<LoyaltyCore['placeInTier']>>[] = [];
      const afterEach = new Map<string, LoyaltySummary>();
      const lastOf = new Map<string, string>();
      const running = new Map<string, { pending: number; expired: number }>();
      for (const id of repeated) {
        const st = states.get(id)!;
        running.set(id, { pending: st.pending, expired: st.expired });
      }
      for (const e of bulk) {
        const run = running.get(e.customerId);
        if (run) addHeld(run, e, now);
      }
      for (const item of sorted) {
        const member = members.get(item.customerId);
        if (!member) {
          out.set(item.purchaseId, null);
          continue;
        }
        const expiredBefore = member.lifetime_expired;
        await expireIfInactive(trx, program, member, item.facts.occurredAt, now);
        if (member.lifetime_expired !== expiredBefore) reread.add(member.customer_id);
        const result = pointsForPurchase(program, item.facts, { tier: member.tier });
        let points = result.points;
        let capped = false;
        if (doc.earning.daily_cap) {
          const key = `${member.customer_id}|${item.facts.localDate}`;
          const room = Math.max(0, doc.earning.daily_cap - (capUsed.get(key) ?? 0));
          if (points > room) {
            points = room;
            capped = true;
          }
          capUsed.set(key, (capUsed.get(key) ?? 0) + points);
        }
        const availableAt = doc.pending_days > 0 ? addDays(item.facts.occurredAt, doc.pending_days) : null;
        const expiresAt = lotExpiry(program, item.facts.occurredAt);
        const entries: NewEntry[] = [];
        // A purchase the cap left without points gets an entry too, of 0 points (no lot:
        // migration 0018), so the account says why it earned nothing; it costs a row in
        // the statement that writes the lots, and only for such a purchase.
        if (points > 0 || capped) {
          const details = {
            purchase: item.externalId, local_date: item.facts.localDate, total: toMajor(item.facts.totalMinor, currency), base: result.base,
            factors: result.factors, bonus_points: result.bonusPoints, exact: result.exact, rounding: doc.earning.rounding,
          };
          entries.push({
            customerId: member.customer_id, kind: 'earn', points, occurredAt: item.facts.occurredAt,
            availableAt: points > 0 ? availableAt : null, expiresAt: points > 0 ? expiresAt : null,
            sourceType: 'purchase', sourceId: item.purchaseId, idempotencyKey: `purchase:${item.purchaseId}`, programVersion: program.version,
            details: capped ? withFields(details, { capped_at: doc.earning.daily_cap, uncapped: result.points }) : details,
          });
        }
        const firstBonus = doc.bonuses.first_purchase;
        if (firstBonus && countBefore.get(member.customer_id) === 0 && !firstBonusGiven.has(member.customer_id) && item.facts.totalMinor > 0) {
          firstBonusGiven.add(member.customer_id);
          entries.push({
            customerId: member.customer_id, kind: 'bonus', points: firstBonus, occurredAt: item.facts.occurredAt, availableAt, expiresAt,
            sourceType: 'purchase', sourceId: item.purchaseId, idempotencyKey: 'bonus:first_purchase', programVersion: program.version,
            details: { bonus: 'first_purchase', purchase: item.externalId },
          });
        }
        for (const e of entries) {
          member.lifetime_earned += e.points;
          // An entry of 0 points settles nothing: it goes with the other new lots whatever the member owes.
          if (member.points < 0 && e.points > 0) {
            // Someone who owes points settles the debt from this credit (rare; one by one).
            await ledger.credit(trx, member, e, now);
            reread.add(member.customer_id);
          } else {
            bulk.push(e);
            member.points += e.points;
            const run = running.get(member.customer_id);
            if (run) addHeld(run, e, now);
          }
        }
        let referralBonus = 0;
        const referral = referrals.get(member.customer_id);
        if (referral) {
          referralBonus = await engagement.onFriendPurchase(trx, program, member, { purchaseId: item.purchaseId, totalMinor: item.facts.totalMinor, occurredAt: item.facts.occurredAt }, referral);
          if (referralBonus > 0 || item.facts.totalMinor >= program.referralMinimumMinor) referrals.delete(member.customer_id);
          reread.add(member.customer_id);
        }
        const pointsEarned = points + referralBonus + entries.filter((e) => e.kind === 'bonus').reduce((s, e) => s + e.points, 0);
        earned.set(item.purchaseId, pointsEarned);
        if (!member.last_activity_at || member.last_activity_at.getTime() < item.facts.occurredAt.getTime()) member.last_activity_at = item.facts.occurredAt;
        const climber = climbers.get(member.customer_id);
        if (climber) {
          climber.metric += climbContribution(program, climber, item, pointsEarned);
          const change = core.placeInTier(program, member, climber.metric, now, { allowDowngrade: false, reason: 'qualified' });
          if (change) climbChanges.push(change);
        }
        const run = running.get(member.customer_id);
        if (run) {
          afterEach.set(item.purchaseId, { points_earned: pointsEarned, balance: member.points - run.pending - run.expired, pending: run.pending, tier: member.tier });
          lastOf.set(member.customer_id, item.purchaseId);
        }
      }

      const tierChanges = doc.tiers ? [...climbChanges, ...(await placeAfterAccrual(trx, program, states, bulk, now))] : [];
      await accrual.writeAccrual(trx, { credits: bulk, members: [...members.values()], events, now });
      await core.recordTierChanges(trx, program, tierChanges, now);

      // What the receipt shows: the lot sums read with the lock, plus the lots added now.
      const held = new Map<string, { pending: number; expired: number }>();
      for (const [id, st] of states) held.set(id, { pending: st.pending, expired: st.expired });
      for (const e of bulk) addHeld(held.get(e.customerId)!, e, now);
      if (reread.size) {
        const sums = await accrual.lotSums(trx, [...reread], now);
        for (const id of reread) held.set(id, sums.get(id) ?? { pending: 0, expired: 0 });
      }
      for (const item of items) {
        if (out.has(item.purchaseId)) continue;
        const receipt = afterEach.get(item.purchaseId);
        // A member's last purchase (in time) shows the account as written, like everyone's.
        if (receipt && !reread.has(item.customerId) && lastOf.get(item.customerId) !== item.purchaseId) {
          out.set(item.purchaseId, receipt);
          continue;
        }
        const m = members.get(item.customerId)!;
        const h = held.get(m.customer_id)!;
        out.set(item.purchaseId, { points_earned: earned.get(item.purchaseId) ?? 0, balance: m.points - h.pending - h.expired, pending: h.pending, tier: m.tier });
      }
      return out;
    },

    /**
     * Takes back a refunded purchase's points in proportion to the refunded share (see
     * pointsToReverse), from the purchase's own lots first. Points already spent follow
     * the program's refund_shortfall: a negative balance settled by the next credits, or
     * forgiven. A reward coupon used on the order is not given back: its discount already
     * lowered the total, so no points were earned on it. A refund that takes the purchase
     * below the minimum of the referral it qualified revokes the referral (`referral`:
     * the friend's bonus taken back here, the referrer's by a job; referral-revocation.ts).
     */
    async reverseForRefund(trx: Tx, r: RefundFacts) {
      const members = await ledger.lockMembers(trx, [r.customerId], { now: r.now, create: false });
      const member = members.get(r.customerId);
      if (!member) return null;
      let rows = await trx.selectFrom('loyalty_entries').select(['id', 'kind', 'points', 'details'])
        .where('customer_id', '=', r.customerId).where('source_type', '=', 'purchase').where('source_id', '=', r.purchaseId).execute();
      let prefer = rows.filter((e) => e.points > 0).map((e) => e.id);
      // No credit here: the purchase may have been earned by a customer merged into this
      // one (a merge moves the purchase, but its lots stay in the merged member's closed
      // ledger and only what was left of them comes over, as transfer lots). Its credits
      // and earlier reversals are then read from those ledgers, and the transfer lots
      // descending from its lots are taken first; without this, a refund after a merge
      // took back nothing.
      if (prefer.length === 0) ({ rows, prefer } = await purchaseEntriesAcrossMerges(trx, r.customerId, r.purchaseId));
      const credited = rows.filter((e) => e.points > 0).reduce((s, e) => s + e.points, 0);
      const alreadyReversed = rows.filter((e) => e.kind === 'reverse').reduce((s, e) => s - e.points + Number((e.details as { forgiven?: number }).forgiven ?? 0), 0);
      const points = pointsToReverse({ credited, alreadyReversed, refundedMinor: r.refundedMinor, totalMinor: r.totalMinor });
      const program = await core.programAt(r.now, trx);
      const policy = program?.document.refund_shortfall ?? 'negative_balance';
      const result = points === 0 ? { debited: 0, unsettled: 0 } : await ledger.debit(trx, member, {
        customerId: r.customerId, kind: 'reverse', points, occurredAt: r.occurredAt, sourceType: 'purchase', sourceId: r.purchaseId,
        idempotencyKey: `refund:${r.refundId}`, programVersion: program?.version ?? null,
        details: { refund: r.refundId, refund_id: r.refundExternalId, amount: r.amount, purchase: r.purchaseExternalId, credited, refunded_share: r.refundedMinor / r.totalMinor, policy },
      }, { now: r.now, includePending: true, prefer, shortfall: policy === 'negative_balance' ? 'owe' : 'forgive' });
      // Also when the purchase's own points are back already: the referral is a rule of its own.
      const referral = await engagement.revokeReferralOnRefund(trx, member, program, r);
      if (result.debited > 0 || (referral?.points_reversed ?? 0) > 0) await ledger.saveMembers(trx, [member], r.now);
      return { points_reversed: result.debited, unsettled: result.unsettled, referral };
    },

    /**
     * What a refund answers when it is sent again (a till's retry): what reverseForRefund
     * answered, read back from the entries it wrote under the refund's keys (in the ledgers
     * of the person, a merge having moved the purchase), with what of them is still owed now.
     */
    async refundAnswer(trx: Tx, r: { customerId: string; refundId: string }) {
      const member = await trx.selectFrom('loyalty_members').select('customer_id').where('customer_id', '=', r.customerId).executeTakeFirst();
      if (!member) return null;
      const rows = await trx.selectFrom('loyalty_entries').select(['idempotency_key', 'points', 'unsettled'])
        .where(sql<boolean>`customer_id IN ${personIdsQuery(r.customerId)}`)
        .where('idempotency_key', 'in', [`refund:${r.refundId}`, `refund:${r.refundId}:referral`]).execute();
      const taken = (key: string) => {
        const e = rows.find((x) => x.idempotency_key === key);
        return { points_reversed: e ? -Number(e.points) : 0, unsettled: e ? Number(e.unsettled ?? 0) : 0 };
      };
      const referral = rows.some((x) => x.idempotency_key === `refund:${r.refundId}:referral`) ? withFields(taken(`refund:${r.refundId}:referral`), { status: 'revoked' as const }) : null;
      return withFields(taken(`refund:${r.refundId}`), { referral });
    },

    /**
     * What a purchase answers after it was recorded (a replay of it, a read of it): the
     * points it earned, and the member's balance now. The purchase's credits are looked up
     * in the ledgers of its customer and of everyone merged into it: a merge moves the
     * purchase to the survivor but its entries stay where they were written.
     */
    async receipts(refs: { customer_id: string; id: string }[]): Promise<Map<string, LoyaltySummary | null>> {
      const out = new Map<string, LoyaltySummary | null>();
      if (refs.length === 0) return out;
      const now = clock.now();
      const customerIds = [...new Set(refs.map((r) => r.customer_id))];
      const members = new Map((await db.selectFrom('loyalty_members').select(['customer_id', 'points', 'tier']).where('customer_id', 'in', customerIds).execute()).map((m) => [m.customer_id, m]));
      const credits = await db.selectFrom('loyalty_entries').select(['source_id', 'points'])
        .where(sql<boolean>`customer_id IN ${personIdsQuery(sql`unnest(${customerIds}::uuid[])`)}`)
        .where('source_type', '=', 'purchase').where('points', '>', 0).where('source_id', 'in', refs.map((r) => r.id)).execute();
      for (const ref of refs) {
        const m = members.get(ref.customer_id);
        if (!m) {
          out.set(ref.id, null);
          continue;
        }
        const balance = balanceOf(await ledger.openLots(db, ref.customer_id), m.points, now);
        const earned = credits.filter((c) => c.source_id === ref.id).reduce((s, c) => s + c.points, 0);
        out.set(ref.id, { points_earned: earned, balance: balance.available, pending: balance.pending, tier: m.tier });
      }
      return out;
    },

    // ── Staff ────────────────────────────────────────────────────────────────
    async adjust(customerId: string, input: unknown, { actor }: { actor: Actor }) {
      const data = parseInput(AdjustmentInput, input, 'adjustment');
      const now = clock.now();
      const outcome = await db.transaction().execute(async (trx) => {
        await requireWritableCustomer(trx, customerId);
        const program = await core.programAt(now, trx);
        const members = await ledger.lockMembers(trx, [customerId], { now, create: true });
        const member = members.get(customerId)!;
        const idempotencyKey = `adjust:${data.idempotency_key}`;
        // A retry answers what the first request did (under the member's lock, so it sees a
        // concurrent first one), before the balance is asked: a debit retried after the
        // points were spent is still the same debit. The same key with other values is not
        // a retry, and says so rather than pretend the new values were applied.
        const earlier = await trx.selectFrom('loyalty_entries').select(['points', 'reason'])
          .where('customer_id', '=', customerId).where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
        if (earlier) {
          if (Number(earlier.points) !== data.points || earlier.reason !== data.reason) {
            throw conflict(`Adjustment ${data.idempotency_key} was already recorded with other values (${Number(earlier.points)} points, reason "${earlier.reason}"); use a new idempotency_key for a new adjustment`);
          }
          return { created: false };
        }
        const events: OutgoingEvent[] = [];
        if (member.created && program) await welcome(trx, program, [member], now, events);
        const base = { customerId, kind: 'adjust' as const, occurredAt: now, sourceType: 'adjustment', sourceId: null, idempotencyKey, reason: data.reason, actor, programVersion: program?.version ?? null, details: {} };
        let written: boolean;
        if (data.points > 0) {
          written = (await ledger.credit(trx, member, withFields(base, { points: data.points, expiresAt: program ? lotExpiry(program, now) : null }), now)) !== null;
        } else {
          const r = await ledger.debit(trx, member, withFields(base, { points: -data.points }), { now, includePending: false, shortfall: 'fail' });
          if (r.shortfall > 0) {
            const view = balanceOf(await ledger.openLots(trx, customerId), member.points, now);
            throw invalidField('points', `would take the balance below zero: ${view.available} points are available`);
          }
          written = !r.duplicate;
        }
        if (!written) return { created: false };
        await ledger.saveMembers(trx, [member], now);
        await audit(trx, { actor, action: 'loyalty.adjust', subject: customerId, details: { points: data.points, reason: data.reason } });
        events.push({ type: 'loyalty.points_adjusted', customerId, payload: { customer_id: customerId, points: data.points, reason: data.reason, actor } });
        await publish(trx, events);
        return { created: true };
      });
      return withFields(outcome, { account: await service.account(customerId) });
    },

    /** Enrols a customer (programs with enrolment on_request, or before any purchase). */
    async enrol(customerId: string, { actor }: { actor: Actor }) {
      const now = clock.now();
      const program = await core.programAt(now);
      if (!program) throw invalid('No loyalty program is in force: apply one first (regulars loyalty apply program.json)');
      const created = await db.transaction().execute(async (trx) => {
        await requireWritableCustomer(trx, customerId);
        const member = (await ledger.lockMembers(trx, [customerId], { now, create: true })).get(customerId)!;
        if (!member.created) return false;
        const events: OutgoingEvent[] = [];
        await welcome(trx, program, [member], now, events);
        await ledger.saveMembers(trx, [member], now);
        await audit(trx, { actor, action: 'loyalty.enrol', subject: customerId });
        await publish(trx, events);
        return true;
      });
      // A profile completed before joining earns its bonus now: its own check runs on
      // profile changes, and found no member then.
      if (created) await engagement.profileCompletion(customerId);
      return { created, account: await service.account(customerId) };
    },

    /**
     * Subscriber of customer.created: under automatic enrolment a customer who signs up
     * without buying (the dashboard, POST /customers, a customers import) joins at once,
     * with the sign-up bonus, as a buyer joins in the purchase's own transaction. One query
     * keeps the active customers who are not members yet (a buyer already is), and each
     * joins through enrol, which does nothing for a member. Answers who joined.
     */
    async enrolSignUps(customerIds: string[]): Promise<string[]> {
      if (customerIds.length === 0) return [];
      const program = await core.programAt(clock.now());
      if (program?.document.enrolment !== 'automatic') return [];
      const joining = await db.selectFrom('customers as c').leftJoin('loyalty_members as m', 'm.customer_id', 'c.id').select('c.id')
        .where('c.id', '=', sql<string>`ANY(${[...new Set(customerIds)]}::uuid[])`).where('c.status', '=', 'active').where('m.customer_id', 'is', null)
        .execute();
      const joined: string[] = [];
      for (const { id } of joining) {
        try {
          if ((await service.enrol(id, { actor: 'loyalty:automatic-enrolment' })).created) joined.push(id);
        } catch (error) {
          // Merged or erased since the query: nobody to enrol.
          if (!(error instanceof AppError && error.kind === 'not_found')) throw error;
        }
      }
      return joined;
    },

    // ── Reading ──────────────────────────────────────────────────────────────
    /**
     * The member's account: balance, pending, lots, tier and progress, and every entry
     * explained in `language` (the staff's or the member's; English by default). A merged
     * id answers the survivor's account, under the survivor's id (merged-customers.ts).
     */
    async account(requested: string, { entries: entryLimit = 500, language = 'en' }: { entries?: number; language?: Language } = {}) {
      const customerId = (await customerToRead(db, requested)).id;
      const now = clock.now();
      const program = await core.programAt(now);
      const member = await db.selectFrom('loyalty_members').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      if (!member) return { customer_id: customerId, member: false as const, program_version: program?.version ?? null };
      const lots = await ledger.openLots(db, customerId);
      const balance = balanceOf(lots, member.points, now);
      const rows = await db.selectFrom('loyalty_entries').selectAll().where('customer_id', '=', customerId).orderBy('id').execute();
      const allocations = await db.selectFrom('loyalty_allocations').select(['debit_id', 'credit_id', 'points']).where('customer_id', '=', customerId).orderBy('id').execute();
      // A reservation's entry says held or spent by the reservation's state (describeEntry).
      const reservationIds = rows.filter((e) => e.source_type === 'reservation' && e.source_id).map((e) => e.source_id!);
      const reservations = new Map(reservationIds.length === 0 ? [] : (await db.selectFrom('loyalty_reservations').select(['id', 'status'])
        .where('customer_id', '=', customerId).where('id', 'in', reservationIds).execute()).map((r) => [r.id, r.status]));
      let adjusted = 0;
      let reversed = 0;
      for (const e of rows) {
        if (e.kind === 'adjust') adjusted += e.points;
        else if (e.kind === 'reverse') reversed -= e.points;
      }
      const explained = explainLedger({ rows, allocations, reservations, currency, language, now, timeZone });
      const tier = await tierProgress(program, member, now);
      return {
        customer_id: customerId,
        member: true as const,
        joined_at: member.joined_at.toISOString(),
        points_name: program ? text(program.document.points_name) : 'points',
        balance: balance.available,
        pending: balance.pending,
        expiring_now: balance.expired_unswept,
        owed: member.points < 0 ? -member.points : 0,
        // Every kind of entry falls in one figure, so they add up: earned + adjusted − redeemed
        // − reversed − expired = balance + pending + expiring_now (the stored points, which
        // are below zero by what is owed). Earned, redeemed and expired are the member's
        // cached counters (verify proves them); adjusted (staff, and points moved by merges)
        // and reversed (taken back on refunds) are summed from the entries read above.
        lifetime: { earned: member.lifetime_earned, adjusted, redeemed: member.lifetime_redeemed, reversed, expired: member.lifetime_expired },
        tier,
        lots: lots.map((l) => ({ entry: l.id, remaining: l.remaining, available_at: l.availableAt?.toISOString() ?? null, expires_at: l.expiresAt?.toISOString() ?? null, pending: Boolean(l.availableAt && l.availableAt > now) })),
        // The proof: the running sum of the entries ends at the stored points.
        explanation: { entries: explained.entries.slice(-entryLimit), entries_total: explained.entries.length, sum_of_entries: explained.sum, stored_points: member.points },
        challenges: await engagement.challenges(customerId),
        referral_code: member.referral_code,
        program_version: program?.version ?? null,
      };
    },

    /** The tier history of the customer the id stands for (a merged id: the survivor's, whose id it answers). */
    async tierHistory(requested: string) {
      const customerId = (await customerToRead(db, requested)).id;
      const rows = await db.selectFrom('loyalty_tier_history').selectAll().where('customer_id', '=', customerId).orderBy('changed_at').execute();
      return { customer_id: customerId, items: rows.map((r) => ({ from: r.from_tier, to: r.to_tier, reason: r.reason, program_version: r.program_version, at: r.changed_at.toISOString() })) };
    },

    /** Proves every member's cached balance against the ledger (`regulars loyalty verify`). */
    async verify() {
      const started = Date.now();
      const result = await ledger.findLedgerProblems(db);
      return { ok: result.problems.length === 0, members: result.members, entries: result.entries, problems: result.problems, duration_ms: Date.now() - started };
    },

    /** Points liability, breakage, redemption rate, members per tier. */
    async report() {
      const now = clock.now();
      const program = await core.programAt(now);
      // Lots past their expiry count as expired from that moment, as the members' balances
      // show them, not only once the sweep (maintenance) has written their expiry entries.
      const totals = await sql<{ members: number; outstanding: number; pending: number; owed: number; earned: number; redeemed: number; expired: number; reversed: number }>`
        SELECT (SELECT count(*) FROM loyalty_members)::float8 AS members,
               (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND (expires_at IS NULL OR expires_at > ${now}))::float8 AS outstanding,
               (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND available_at > ${now})::float8 AS pending,
               (SELECT COALESCE(sum(unsettled), 0) FROM loyalty_entries WHERE unsettled > 0)::float8 AS owed,
               COALESCE(sum(points) FILTER (WHERE kind IN ('earn', 'bonus')), 0)::float8 AS earned,
               (COALESCE(-sum(points) FILTER (WHERE kind = 'redeem'), 0) - COALESCE(sum(points) FILTER (WHERE kind = 'release'), 0))::float8 AS redeemed,
               (COALESCE(-sum(points) FILTER (WHERE kind = 'expire'), 0)
                + (SELECT COALESCE(sum(remaining), 0) FROM loyalty_entries WHERE remaining > 0 AND expires_at <= ${now}))::float8 AS expired,
               COALESCE(-sum(points) FILTER (WHERE kind = 'reverse'), 0)::float8 AS reversed
        FROM loyalty_entries`.execute(db);
      const t = totals.rows[0];
      const tiers = await sql<{ tier: string | null; members: number }>`SELECT tier, count(*)::float8 AS members FROM loyalty_members GROUP BY tier ORDER BY 2 DESC`.execute(db);
      const pointValue = program ? Number(program.document.point_value) : 0;
      const net = t.earned - t.reversed;
      return {
        as_of: now.toISOString(),
        members: t.members,
        points: { outstanding: t.outstanding, pending: t.pending, owed: t.owed, earned: t.earned, redeemed: t.redeemed, expired: t.expired, reversed: t.reversed },
        liability: { points: t.outstanding, value: toMajor(Math.round(t.outstanding * pointValue * 10 ** currencyExponent(currency)), currency), point_value: program?.document.point_value ?? null, currency },
        /** Share of points earned (net of reversals) that expired unused. */
        breakage_rate: net > 0 ? t.expired / net : null,
        /** Share of points earned (net of reversals) that were redeemed. */
        redemption_rate: net > 0 ? t.redeemed / net : null,
        tiers: tiers.rows.map((r) => ({ tier: r.tier, name: program?.document.tiers?.levels.find((l) => l.code === r.tier)?.name ?? r.tier, members: r.members })),
      };
    },

    // ── Customer lifecycle steps ─────────────────────────────────────────────
    /**
     * The loyalty part of a merge, in the merge's transaction: everything the loyalty
     * module keeps about the merged customer ends up with the survivor (what stays behind
     * and why: moveLoyaltyRecords). The merged member's open lots move as transfer entries
     * that keep each lot's expiry and holding period; a debt moves too; the survivor keeps
     * the higher tier. The merged member's own ledger stays as it was, closed by the
     * transfer-out entry. Returns what moved, for the merge's `moved` counts.
     */
    async moveCustomer(trx: Tx, { fromId, toId, now }: { fromId: string; toId: string; now: Date }) {
      const members = await ledger.lockMembers(trx, [fromId, toId], { now, create: false });
      const from = members.get(fromId);
      let points = 0;
      let referralCode = { referral_codes: 0 };
      // A customer who never joined can still have loyalty records (a gift card issued to
      // them, uses of a promotion code, a referral claimed before the first purchase):
      // those move below whether or not there is a ledger to move.
      if (from) {
        // A checkout reservation's points are a debit of the merged member's own ledger: a
        // capture or release after the merge (by the POS, or the expiry sweep) would give
        // them back to the merged customer, where nobody sees them again. So a merge waits
        // for the checkout to settle. The member's lock, held now, keeps a new one out.
        const held = await trx.selectFrom('loyalty_reservations').select(['points']).where('customer_id', '=', fromId).where('status', '=', 'held').execute();
        if (held.length > 0) {
          throw conflict(`Customer ${fromId} has a checkout reservation of ${held.reduce((sum, r) => sum + r.points, 0)} points in progress: capture or release it, then merge`);
        }
        const to = members.get(toId) ?? (await ledger.lockMembers(trx, [toId], { now, create: true })).get(toId)!;
        const lots = (await ledger.openLots(trx, fromId)).filter((l) => l.remaining > 0);
        const moving = lots.reduce((s, l) => s + l.remaining, 0);
        if (moving > 0) {
          await ledger.debit(trx, from, { customerId: fromId, kind: 'adjust', points: moving, occurredAt: now, sourceType: 'merge', sourceId: toId, idempotencyKey: `merge-out:${toId}`, reason: `merged into ${toId}`, actor: 'system', details: { merged_into: toId } },
            { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
          for (const l of lots) {
            await ledger.credit(trx, to, { customerId: toId, kind: 'adjust', points: l.remaining, occurredAt: now, availableAt: l.availableAt, expiresAt: l.expiresAt, sourceType: 'merge', sourceId: fromId, idempotencyKey: `merge-in:${fromId}:${l.id}`, reason: `merged from ${fromId}`, actor: 'system', details: { merged_from: fromId, lot: l.id } }, now);
          }
        }
        const owed = from.points < 0 ? -from.points : 0;
        if (owed > 0) {
          await ledger.credit(trx, from, { customerId: fromId, kind: 'adjust', points: owed, occurredAt: now, sourceType: 'merge', sourceId: toId, idempotencyKey: `merge-debt-out:${toId}`, reason: `debt moved to ${toId}`, actor: 'system', details: { merged_into: toId } }, now);
          await ledger.debit(trx, to, { customerId: toId, kind: 'adjust', points: owed, occurredAt: now, sourceType: 'merge', sourceId: fromId, idempotencyKey: `merge-debt-in:${fromId}`, reason: `debt moved from ${fromId}`, actor: 'system', details: { merged_from: fromId } }, { now, includePending: true, shortfall: 'owe' });
        }
        const program = await core.programAt(now, trx);
        if (program && tierIndexOf(program, from.tier) > tierIndexOf(program, to.tier)) {
          const change = { customerId: toId, from: to.tier, to: from.tier, reason: 'merge' };
          to.tier = from.tier;
          to.tier_since = from.tier_since;
          to.tier_valid_until = from.tier_valid_until;
          await core.recordTierChanges(trx, program, [change], now);
        }
        if (from.last_activity_at && (!to.last_activity_at || from.last_activity_at > to.last_activity_at)) to.last_activity_at = from.last_activity_at;
        referralCode = await moveReferralCode(trx, from, to);
        await ledger.saveMembers(trx, [from, to], now);
        points = moving - owed;
      }
      const records = await moveLoyaltyRecords(trx, fromId, toId, now);
      return withFields({ loyalty_points: points }, referralCode, records);
    },

    /**
     * Everything the loyalty module keeps about the person: the account (ledger, lots,
     * challenges, referral code) and the records around it — coupons and their uses, gift
     * cards, referrals either way, tier history. After a merge the survivor's export holds
     * what came from the merged customer too (moveLoyaltyRecords), as its own.
     */
    async exportPart(customerId: string) {
      const member = await db.selectFrom('loyalty_members').select('customer_id').where('customer_id', '=', customerId).executeTakeFirst();
      const records = await loyaltyRecordsOf(customerId);
      const hasRecords = Object.values(records).some((list) => list.length > 0);
      if (!member && !hasRecords) return { loyalty: null };
      const account = member ? await service.account(customerId, { entries: 1_000_000 }) : { customer_id: customerId, member: false as const };
      return { loyalty: withFields(account, records) };
    },
  };

  /** The loyalty records of one customer besides the ledger, for the data-access export. */
  async function loyaltyRecordsOf(customerId: string) {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const [coupons, couponUses, giftCards, referredBy, referred, tierHistory] = await Promise.all([
      db.selectFrom('coupons').select(['code', 'chosen_code', 'kind', 'customer_id', 'reward_code', 'campaign_id', 'benefit', 'status', 'max_uses', 'uses', 'valid_from', 'expires_at', 'created_at'])
        .where('customer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('coupon_uses as u').leftJoin('coupons as c', 'c.code', 'u.code').select(['u.code', 'c.chosen_code', 'u.order_ref', 'u.used_at'])
        .where('u.customer_id', '=', customerId).orderBy('u.used_at').execute(),
      db.selectFrom('gift_cards').select(['code', 'currency', 'initial_minor', 'balance_minor', 'expires_at', 'created_at']).where('customer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('loyalty_referrals').select(['referrer_id', 'code', 'status', 'reason', 'created_at', 'settled_at']).where('customer_id', '=', customerId).execute(),
      db.selectFrom('loyalty_referrals').select(['customer_id', 'code', 'status', 'reason', 'created_at', 'settled_at']).where('referrer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('loyalty_tier_history').select(['from_tier', 'to_tier', 'reason', 'program_version', 'changed_at']).where('customer_id', '=', customerId).orderBy('changed_at').execute(),
    ]);
    return {
      coupons: coupons.map(couponView),
      coupon_uses: couponUses.map((u) => ({ code: shownCode(u), order_ref: u.order_ref, used_at: u.used_at.toISOString() })),
      gift_cards: giftCards.map((g) => ({ code: formatCode(g.code), currency: g.currency, initial: toMajor(Number(g.initial_minor), g.currency), balance: toMajor(Number(g.balance_minor), g.currency), expires_at: iso(g.expires_at), issued_at: g.created_at.toISOString() })),
      referred_by: referredBy.map((r) => ({ referrer_id: r.referrer_id, code: r.code, status: r.status, reason: r.reason, claimed_at: r.created_at.toISOString(), settled_at: iso(r.settled_at) })),
      referred: referred.map((r) => ({ friend_id: r.customer_id, code: r.code, status: r.status, reason: r.reason, claimed_at: r.created_at.toISOString(), settled_at: iso(r.settled_at) })),
      tier_history: tierHistory.map((h) => ({ from: h.from_tier, to: h.to_tier, reason: h.reason, program_version: h.program_version, at: h.changed_at.toISOString() })),
    };
  }

  /**
   * A purchase's entries (credits and reversals) in the ledgers of `customerId` and of
   * every customer merged into it, directly or through another merge, and, as `prefer`,
   * `customerId`'s open transfer lots that descend from the purchase's credits (a merge's
   * transfer lot names the lot it came from: details.lot, source_id the merged customer).
   */
  async function purchaseEntriesAcrossMerges(trx: Tx, customerId: string, purchaseId: string) {
    const person = personIdsQuery(customerId);
    const found = await sql<{ customer_id: string; id: number; kind: LoyaltyEntryKind; points: number; details: Record<string, unknown>; transfer: boolean }>`
      WITH RECURSIVE entries AS (
        SELECT e.customer_id, e.id, e.kind, e.points, e.details FROM loyalty_entries e
        WHERE e.customer_id IN ${person} AND e.source_type = 'purchase' AND e.source_id = ${purchaseId}
      ), lots(customer_id, id) AS (
        SELECT customer_id, id FROM entries WHERE points > 0
        UNION SELECT e.customer_id, e.id FROM loyalty_entries e JOIN lots l ON e.source_id = l.customer_id::text AND e.details->>'lot' = l.id::text
        WHERE e.customer_id IN ${person} AND e.source_type = 'merge' AND e.points > 0
      )
      SELECT customer_id, id, kind, points, details, false AS transfer FROM entries
      UNION ALL SELECT customer_id, id, NULL, NULL, NULL, true FROM lots WHERE customer_id = ${customerId} AND id NOT IN (SELECT id FROM entries)`.execute(trx);
    return {
      rows: found.rows.filter((e) => !e.transfer).map((e) => ({ id: Number(e.id), kind: e.kind, points: Number(e.points), details: e.details })),
      prefer: found.rows.filter((e) => e.transfer).map((e) => Number(e.id)),
    };
  }

  async function tierProgress(program: Program | undefined, member: { customer_id: string; tier: string | null; tier_since: Date | null; tier_valid_until: Date | null }, now: Date) {
    const tiers = program?.document.tiers;
    if (!program || !tiers) return null;
    const metric = (await core.tierMetrics(db, program, [member.customer_id], now)).get(member.customer_id) ?? 0;
    const index = tierIndexOf(program, member.tier);
    const next = tiers.levels[index + 1];
    const fmt = (v: number) => (tiers.metric === 'spend' ? toMajor(Math.round(v), currency) : v);
    return {
      code: member.tier,
      name: index >= 0 ? tiers.levels[index].name : null,
      since: member.tier_since?.toISOString() ?? null,
      valid_until: member.tier_valid_until?.toISOString() ?? null,
      metric: tiers.metric,
      window: tiers.window,
      qualifying: fmt(metric),
      next: next ? { code: next.code, name: next.name, threshold: fmt(program.thresholds[index + 1]), missing: fmt(Math.max(0, program.thresholds[index + 1] - metric)) } : null,
      benefits: index >= 0 ? tiers.levels[index].benefits : null,
    };
  }

  /**
   * The versions applied earlier but not yet in force that a version effective from `from`
   * keeps out for good. The version in force is the latest applied whose date has come
   * (core.programAt), not the one with the latest date: a scheduled version whose date is
   * not before `from` would, on its date, find this later-applied one in force already and
   * never apply. The business may mean that (a correction that cancels the plan), or not
   * (a fix to today's program, the plan still wanted): applying is not refused, the answer
   * says so (overriddenWarning).
   */
  /**
   * A version dated back over a time another version was in force would claim rules that
   * did not apply then: what was earned meanwhile stays earned (and labelled) under the
   * version in force. So only the first version may be dated back (a program set up
   * before its history is imported); a later one starts now or later, with a few minutes'
   * allowance for a client's clock.
   */
  async function refuseRewrittenHistory(trx: Tx, from: Date, now: Date) {
    if (from.getTime() >= now.getTime() - CLOCK_ALLOWANCE_MS) return;
    const inForce = (await listPrograms(trx)).filter((p) => p.effective_from.getTime() <= now.getTime()).at(-1);
    if (!inForce) return;
    throw invalidField('effective_from', `is in the past (${from.toISOString()}), while version ${inForce.version} has been in force since ${inForce.effective_from.toISOString()} and what was earned meanwhile was earned under it; leave effective_from out to apply now, or give a later time`);
  }

  async function scheduledVersionsOverridden(trx: Tx, from: Date, now: Date) {
    const rows = await listPrograms(trx);
    return rows.filter((p) => p.effective_from.getTime() > now.getTime() && p.effective_from.getTime() >= from.getTime())
      .map((p) => ({ version: p.version, effective_from: p.effective_from }));
  }

  function overriddenWarning(p: { version: number; effective_from: Date }, version: number, from: Date) {
    const date = p.effective_from.toISOString();
    return {
      code: 'scheduled_version_overridden' as const,
      version: p.version,
      effective_from: date,
      message: `Version ${p.version}, scheduled to take effect on ${date}, will never be in force: version ${version}, applied after it and in force from ${from.toISOString()}, ` +
        `takes precedence on that date too (the version in force is the latest applied whose date has come). To still switch to version ${p.version}'s rules on ${date}, apply its document again with effective_from ${date}.`,
    };
  }

  /** Re-places every member by the tier rules in force (after a program is applied). */
  async function reevaluateAll(trx: Tx, policy: 'upgrade_now' | 'reevaluate_now', now: Date) {
    const program = await core.programAt(now, trx);
    const counts = { up: 0, down: 0, unchanged: 0 };
    if (!program?.document.tiers) return counts;
    const ids = (await trx.selectFrom('loyalty_members').select('customer_id').orderBy('customer_id').execute()).map((r) => r.customer_id);
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      const members = await ledger.lockMembers(trx, chunk, { now, create: false });
      const metrics = await core.tierMetrics(trx, program, chunk, now);
      const changes = [];
      for (const m of members.values()) {
        const before = tierIndexOf(program, m.tier);
        const change = core.placeInTier(program, m, metrics.get(m.customer_id) ?? 0, now, { allowDowngrade: policy === 'reevaluate_now', reason: `program changed (${policy})` });
        if (change) {
          changes.push(change);
          if (tierIndexOf(program, m.tier) > before) counts.up++;
          else counts.down++;
        } else counts.unchanged++;
      }
      await ledger.saveMembers(trx, [...members.values()], now);
      await core.recordTierChanges(trx, program, changes, now);
    }
    return counts;
  }

  return service;
}

// ── What a merge does with the loyalty records ────────────────────────────────────────
// A merge says that two customer ids were one person all along, so whatever the person
// was given, used or earned under the merged id is the survivor's from now on: usable by
// the survivor at the till, counted against the survivor's limits, shown in the
// survivor's account and export. Per table:
//
// - loyalty_entries, loyalty_allocations: stay. The merged ledger is closed by transfer
//   entries (moveCustomer) and verifies on its own; moving entries would renumber them
//   and break the allocations' keys.
// - loyalty_reservations: a held one refuses the merge (409, moveCustomer); settled ones
//   stay with the ledger whose debit they name (debit_entry_id).
// - loyalty_members: the merged member's row stays, with the closed ledger's counters.
// - coupons (reward and birthday coupons, customer_id): moved, whatever their status. An
//   unused one is then the survivor's to use: the till checks the coupon's owner against
//   the customer at checkout, and the merged id is no longer anyone's.
// - coupon_uses: moved, so a per-customer limit counts the person's uses under both ids
//   (the limit is counted by customer_id, per campaign, or per code outside one).
// - gift_cards: moved (the stored value is the person's); their transactions carry no
//   customer.
// - referral_codes: moved (migration 0013: a customer may own several). Every code the
//   person shared goes on bringing friends, and their bonuses reach the survivor. The
//   survivor's own code (loyalty_members.referral_code, the one shown) stays; a survivor
//   without one takes the merged customer's.
// - loyalty_referrals, the merged customer as the friend (one row at most, keyed by the
//   friend): becomes the survivor's when the survivor was not referred itself and the
//   referrer is not the survivor. Never a self-referral: a pending referral between the
//   two ids is rejected. A pending referral that cannot move (the survivor was referred
//   already) is rejected, or it would wait forever on a customer who buys no more; one
//   that moves to a survivor who had bought before it was claimed is rejected too, as a
//   claim by that customer would have been (a referral is for new customers). Settled
//   ones keep their outcome: the bonuses were paid.
// - loyalty_referrals, the merged customer as the referrer: the survivor becomes the
//   referrer, so a friend's later qualifying purchase rewards the survivor; except the
//   survivor's own referral by the merged customer, which keeps its ids (never a
//   self-referral) and, if pending, is rejected.
// - challenge_progress (key customer, challenge, day): moved, so completions under either
//   id count once for the person (a challenge that does not repeat is not completed
//   again) and the progress towards the next one starts after the latest. Two completions
//   of a challenge on the same day become one row, the later: at most one completion a
//   day, the rule evaluateChallenges keeps. The next completion's bonus key goes on from
//   the survivor's count, never below the keys its own ledger used.
// - loyalty_tier_history (key customer, random id): moved as it is (the reasons are fixed
//   words the web app translates); the merge's own tier change follows it.

/** The referral code part of a merge (the policy above), on the two locked members; their cached codes follow. */
async function moveReferralCode(trx: Tx, from: MemberRow, to: MemberRow) {
  const moved = await trx.updateTable('referral_codes').set({ customer_id: to.customer_id }).where('customer_id', '=', from.customer_id).returning('code').execute();
  to.referral_code ??= from.referral_code ?? moved[0]?.code ?? null;
  from.referral_code = null;
  return { referral_codes: moved.length };
}

/**
 * Coupons, coupon uses, gift cards, referrals, challenge progress and tier history of the
 * merged customer go to the survivor (the policy above): one statement per table. The
 * caller holds both customers' rows (customers.absorb), which a referral claim locks too.
 */
async function moveLoyaltyRecords(trx: Tx, fromId: string, toId: string, now: Date) {
  const count = (r: { numUpdatedRows: bigint }) => Number(r.numUpdatedRows);
  const coupons = count(await trx.updateTable('coupons').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const couponUses = count(await trx.updateTable('coupon_uses').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const giftCards = count(await trx.updateTable('gift_cards').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const tierHistory = count(await trx.updateTable('loyalty_tier_history').set({ customer_id: toId }).where('customer_id', '=', fromId).executeTakeFirst());
  const challenges = await sql<{ n: number }>`
    WITH gone AS (
      DELETE FROM challenge_progress WHERE customer_id = ${fromId}
      RETURNING challenge_code, window_start, progress, completed_at, updated_at
    ), merged AS (
      INSERT INTO challenge_progress (customer_id, challenge_code, window_start, progress, completed_at, updated_at)
      SELECT ${toId}, challenge_code, window_start, progress, completed_at, updated_at FROM gone
      ON CONFLICT (customer_id, challenge_code, window_start) DO UPDATE
        SET completed_at = GREATEST(challenge_progress.completed_at, EXCLUDED.completed_at), updated_at = ${now}
      RETURNING 1
    ) SELECT count(*)::int AS n FROM merged`.execute(trx);
  // Each row at most once: the merged customer's own referral (as the friend) and those
  // it made (as the referrer). `reject` names why a pending one ends here.
  const referrals = await sql<{ moved: boolean; rejected: boolean }>`
    UPDATE loyalty_referrals r SET
      customer_id = CASE WHEN v.move_friend THEN ${toId}::uuid ELSE r.customer_id END,
      referrer_id = CASE WHEN v.move_referrer THEN ${toId}::uuid ELSE r.referrer_id END,
      status = CASE WHEN v.reject IS NULL THEN r.status ELSE 'rejected' END,
      reason = COALESCE(v.reject, r.reason),
      settled_at = CASE WHEN v.reject IS NULL THEN r.settled_at ELSE ${now}::timestamptz END
    FROM (
      SELECT x.customer_id,
             x.customer_id = ${fromId} AND x.referrer_id <> ${toId} AND NOT b.referred AS move_friend,
             x.referrer_id = ${fromId} AND x.customer_id <> ${toId} AS move_referrer,
             CASE WHEN x.status <> 'pending' THEN NULL
                  WHEN x.customer_id = ${toId} OR x.referrer_id = ${toId} THEN ${`self-referral: ${fromId} was merged into ${toId}`}
                  WHEN x.customer_id = ${fromId} AND b.referred THEN ${`merged into ${toId}, who was referred already`}
                  WHEN x.customer_id = ${fromId} AND EXISTS (SELECT 1 FROM purchases p WHERE p.customer_id = ${toId} AND p.created_at < x.created_at)
                    THEN ${`merged into ${toId}, a customer who had bought before the referral`}
             END AS reject
      FROM loyalty_referrals x
      CROSS JOIN (SELECT EXISTS (SELECT 1 FROM loyalty_referrals WHERE customer_id = ${toId}) AS referred) b
      WHERE x.customer_id = ${fromId} OR x.referrer_id = ${fromId}
    ) v
    WHERE r.customer_id = v.customer_id
    RETURNING v.move_friend OR v.move_referrer AS moved, v.reject IS NOT NULL AS rejected`.execute(trx);
  return {
    coupons, coupon_uses: couponUses, gift_cards: giftCards,
    referrals: referrals.rows.filter((r) => r.moved).length, referrals_rejected: referrals.rows.filter((r) => r.rejected).length,
    challenge_progress: Number(challenges.rows[0].n), tier_history: tierHistory,
  };
}

/** Amounts in the document must fit the business currency's decimals ("5.005" is not euros). */
function checkAmounts(document: ProgramDocument, currency: string) {
  const check = (value: string | undefined, field: string) => value !== undefined && amountField(field, value, currency);
  check(document.earning.minimum_purchase, 'program.earning.minimum_purchase');
  check(document.bonuses.referral?.minimum_purchase, 'program.bonuses.referral.minimum_purchase');
  if (document.tiers?.metric === 'spend') document.tiers.levels.forEach((l, i) => check(l.threshold, `program.tiers.levels.${i}.threshold`));
  document.rewards.forEach((r, i) => check(r.amount, `program.rewards.${i}.amount`));
}

export type LoyaltyService = ReturnType<typeof createLoyaltyService>;

/**
 * Where a simulation starts: a date (YYYY-MM-DD) is the start of that day in the
 * business's time zone, as the owner reads it; a timestamp is taken as written. Neither
 * may name a day the calendar lacks (Date.parse would move 2026-02-30 to 2 March) nor lie
 * ahead (there would be nothing to replay).
 */
function simulationStart(since: string, timeZone: string, now: Date): Date {
  const text = since.trim();
  const at = instantOf(text, timeZone);
  if (!(isDateOnly(text) || text.includes('T')) || Number.isNaN(at.getTime()) || !isCalendarDay(text)) {
    throw invalidField('since', 'must be a date (YYYY-MM-DD) or an ISO 8601 timestamp of a real day');
  }
  if (at.getTime() > now.getTime()) throw invalidField('since', `is in the future (${at.toISOString()}): there is nothing to replay yet`);
  return at;
}
