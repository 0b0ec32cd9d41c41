import { sql } from 'kysely';
import type { Tx } from '../../../db/index.ts';
import { publish, type OutgoingEvent } from '../../../jobs/outbox.ts';
import { addDays, addDaysIn, addMonths, addMonthsIn } from '../../../shared/clock.ts';
import { idleBound, idleSince, idleSinceSql, inactivityExpiresAt } from './inactivity.ts';
import { formatCode, newCode, normalizeCode } from '../rewards/codes.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { lotExpiry, text, type Program } from '../program/program.ts';
import type { RewardsService } from '../rewards/rewards.service.ts';
import { forfeitErasedPoints } from '../lifecycle/erasure.ts';
import { keysTakenAcrossMerges, lockActiveCustomers } from '../lifecycle/merged-customers.ts';
import { reviewMembers } from '../tiers/tier-placement.ts';
import { reviewAt } from '../tiers/tier-timeline.ts';

// What happens with time rather than with a request: points expire, members are warned
// before they do, tier periods end, birthdays come, checkout reservations time out.
// Each step is idempotent and works in small transactions, so the hourly job can be
// stopped at any point and simply run again.

const CHUNK = 200;

/** The smallest of the months known (undefined: none). */
const fewest = (months: (number | undefined)[]) => months.reduce<number | undefined>((min, m) => (m === undefined ? min : min === undefined ? m : Math.min(min, m)), undefined);

export function createLoyaltyMaintenance(core: LoyaltyCore, rewards: RewardsService) {
  const { db, timeZone } = core.deps;

  /**
   * Whether the customer holds a birthday gift for this year already: any reward's, in any
   * state (a tier change since, or one withdrawn by a merge, makes no second gift), its
   * year reckoned in the customer's time zone as the birthday's. A merge moves the merged
   * customer's coupons to the survivor, so the survivor's coupons are the whole person's.
   */
  async function hasBirthdayGift(trx: Tx, customerId: string, year: string): Promise<boolean> {
    const found = await sql`
      SELECT 1 FROM coupons k JOIN customers c ON c.id = k.customer_id
      WHERE k.customer_id = ${customerId} AND k.kind = 'reward' AND k.benefit->>'birthday' = 'true'
        AND to_char(k.created_at AT TIME ZONE COALESCE(c.time_zone, ${timeZone}), 'YYYY') = ${year}
      LIMIT 1`.execute(trx);
    return found.rows.length > 0;
  }

  async function inChunks(ids: string[], work: (trx: Tx, chunk: string[]) => Promise<void>) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      await db.transaction().execute((trx) => work(trx, chunk));
    }
  }

  /**
   * Under expiry by inactivity a lot has no date of its own: when a per-lot version comes
   * into force, the lots still open from an inactivity version would never expire (the idle
   * rule no longer applies and they have no date). They get one: the program's `months`
   * after they were earned, or after the per-lot version began when that is later — so a
   * switch never takes points at once, and a member has the new months to spend them. Lots
   * earned under `none`, and those staff gave no date, keep none. The mark of a reminder
   * from the idle period goes, so the per-lot reminder comes before the new date. Writing
   * the same date twice changes nothing: two runs at once agree.
   */
  async function dateLotsEarnedIdle(program: Program | undefined): Promise<number> {
    const expiry = program?.document.expiry;
    if (!program || expiry?.policy !== 'per_lot') return 0;
    const idleVersions = (await core.programs()).filter((p) => p.document.expiry.policy === 'inactivity').map((p) => p.version);
    if (idleVersions.length === 0) return 0;
    let dated = 0;
    for (;;) {
      const lots = await db.selectFrom('loyalty_entries').select(['id', 'occurred_at']).where('remaining', '>', 0).where('expires_at', 'is', null)
        .where('program_version', 'in', idleVersions).orderBy('id').limit(1000).execute();
      if (lots.length === 0) return dated;
      const due = lots.map((l) => addMonthsIn(l.occurred_at > program.effectiveFrom ? l.occurred_at : program.effectiveFrom, expiry.months, timeZone).toISOString());
      await sql`
        UPDATE loyalty_entries e SET expires_at = d.due, reminded_at = NULL
        FROM unnest(${lots.map((l) => l.id)}::bigint[], ${due}::timestamptz[]) AS d(id, due)
        WHERE e.id = d.id AND e.expires_at IS NULL`.execute(db);
      dated += lots.length;
    }
  }

  const maintenance = {
    /** Expires lots past their date (per-lot policy) and whole balances after inactivity. */
    async expirePoints(now: Date): Promise<{ members: number; points: number }> {
      let members = 0;
      let points = 0;
      await dateLotsEarnedIdle(await core.programAt(now));
      const current = (await core.programAt(now))?.document.expiry;
      // The months a lot was earned with (its version's), which the entry states ("earned more
      // than 12 months ago"): a program turned to 6 months, or to inactivity, since does not
      // change them. A lot of a version without per-lot months (dated by dateLotsEarnedIdle,
      // or by staff) counts today's; of lots earned with different months, the fewest is true of all.
      const monthsOf = new Map((await core.programs()).flatMap((p) => (p.document.expiry.policy === 'per_lot' ? [[p.version, p.document.expiry.months] as const] : [])));
      const lotMonths = (version: number | null) => (version !== null && monthsOf.get(version)) || (current?.policy === 'per_lot' ? current.months : undefined);
      // Lots carry their own expiry (set when earned), whatever the current policy.
      for (;;) {
        const due = await sql<{ customer_id: string }>`
          SELECT DISTINCT customer_id FROM loyalty_entries WHERE remaining > 0 AND expires_at <= ${now} LIMIT 1000`.execute(db);
        if (due.rows.length === 0) break;
        await inChunks(due.rows.map((r) => r.customer_id), async (trx, chunk) => {
          const locked = await ledger.lockMembers(trx, chunk, { now, create: false });
          const lots = await trx.selectFrom('loyalty_entries').select(['customer_id', 'id', 'remaining', 'expires_at', 'program_version'])
            .where('customer_id', 'in', chunk).where('remaining', '>', 0).where('expires_at', '<=', now).orderBy('id').execute();
          const events: OutgoingEvent[] = [];
          for (const m of locked.values()) {
            const mine = lots.filter((l) => l.customer_id === m.customer_id);
            const total = mine.reduce((s, l) => s + l.remaining!, 0);
            if (total === 0) continue;
            await ledger.debit(trx, m, {
              customerId: m.customer_id, kind: 'expire', points: total, occurredAt: now, sourceType: 'expiry', sourceId: 'per_lot',
              details: { policy: 'per_lot', lots: mine.map((l) => l.id), months: fewest(mine.map((l) => lotMonths(l.program_version))) },
            }, { now, includePending: true, shortfall: 'fail', lots: mine.map((l) => ({ creditId: l.id, points: l.remaining! })) });
            m.lifetime_expired += total;
            members++;
            points += total;
            events.push({ type: 'loyalty.points_expired', customerId: m.customer_id, payload: { customer_id: m.customer_id, points: total, policy: 'per_lot' } });
          }
          await ledger.saveMembers(trx, [...locked.values()], now);
          await publish(trx, events);
        });
      }
      const program = await core.programAt(now);
      const expiry = program?.document.expiry;
      if (expiry?.policy === 'inactivity') {
        // The candidates by a bound, the members due by the date the account shows them (inactivityExpiresAt).
        const idle = await db.selectFrom('loyalty_members as m').select('customer_id').where('points', '>', 0).where(idleSinceSql('m'), '<=', idleBound(now, expiry.months)).execute();
        await inChunks(idle.map((r) => r.customer_id), async (trx, chunk) => {
          const locked = await ledger.lockMembers(trx, chunk, { now, create: false });
          const events: OutgoingEvent[] = [];
          for (const m of locked.values()) {
            if (inactivityExpiresAt(m, expiry.months, timeZone) > now) continue; // not due yet, or bought meanwhile
            const lots = (await ledger.openLots(trx, m.customer_id)).filter((l) => l.remaining > 0);
            const total = lots.reduce((s, l) => s + l.remaining, 0);
            if (total === 0) continue;
            await ledger.debit(trx, m, {
              customerId: m.customer_id, kind: 'expire', points: total, occurredAt: now, sourceType: 'expiry', sourceId: 'inactivity', programVersion: program!.version,
              details: { policy: 'inactivity', months: expiry.months, last_activity_at: m.last_activity_at },
            }, { now, includePending: true, shortfall: 'fail', lots: lots.map((l) => ({ creditId: l.id, points: l.remaining })) });
            m.lifetime_expired += total;
            members++;
            points += total;
            events.push({ type: 'loyalty.points_expired', customerId: m.customer_id, payload: { customer_id: m.customer_id, points: total, policy: 'inactivity' } });
          }
          await ledger.saveMembers(trx, [...locked.values()], now);
          await publish(trx, events);
        });
      }
      return { members, points };
    },

    /**
     * Settles debts that stand beside lots able to pay them. Credits settle a member's
     * debts as they come, so this finds only debts a ledger written before that rule
     * holds (a credit then settled only while the stored points were below zero, which
     * lots past their expiry could keep above it). Moves nothing between members and
     * changes no balance: the lots' points go to the debts.
     */
    async settleStandingDebts(now: Date): Promise<{ members: number; points: number }> {
      const due = await sql<{ customer_id: string }>`
        SELECT DISTINCT d.customer_id FROM loyalty_entries d
        WHERE d.unsettled > 0 AND EXISTS (
          SELECT 1 FROM loyalty_entries l WHERE l.customer_id = d.customer_id AND l.remaining > 0 AND (l.expires_at IS NULL OR l.expires_at > ${now}))`.execute(db);
      let members = 0;
      let points = 0;
      await inChunks(due.rows.map((r) => r.customer_id), async (trx, chunk) => {
        await ledger.lockMembers(trx, chunk, { now, create: false });
        for (const id of chunk) {
          const used = await ledger.settleDebtsFromLots(trx, id, now);
          if (used > 0) members++;
          points += used;
        }
      });
      return { members, points };
    },

    /**
     * One `loyalty.points_expiring` event per member, reminder_days before points expire (for
     * the reminder message): per lot, for the lots due within the horizon not told of yet;
     * by inactivity, once in each idle period, for all the member's points (they all go that
     * day — a member told once who bought since and went idle again is told again of all of
     * them, not only of the points earned since).
     */
    async remindExpiring(now: Date): Promise<{ members: number }> {
      const program = await core.programAt(now);
      const expiry = program?.document.expiry;
      if (!expiry || expiry.policy === 'none' || expiry.reminder_days === 0) return { members: 0 };
      // Days of the business's calendar, as a lot's months are: across a change of clocks, 14
      // days before 12:30 is 12:30, not an hour off.
      const horizon = addDaysIn(now, expiry.reminder_days, timeZone);
      let members = 0;
      if (expiry.policy === 'per_lot') {
        const due = await sql<{ customer_id: string }>`
          SELECT DISTINCT customer_id FROM loyalty_entries
          WHERE remaining > 0 AND expires_at > ${now} AND expires_at <= ${horizon} AND reminded_at IS NULL`.execute(db);
        await inChunks(due.rows.map((r) => r.customer_id), async (trx, chunk) => {
          // The lots are marked first and only what this run marked is told: two runs at once
          // (two processes, or the job delivered again) both read the lots unmarked above, and
          // each sent the reminder. An UPDATE waits for the other run's marks on the same rows
          // and then skips them, so each lot is in exactly one reminder.
          const rows = await sql<{ customer_id: string; points: number; due: Date }>`
            WITH marked AS (
              UPDATE loyalty_entries e SET reminded_at = ${now}
              WHERE e.customer_id = ANY(${chunk}::uuid[]) AND e.remaining > 0 AND e.reminded_at IS NULL AND e.expires_at > ${now} AND e.expires_at <= ${horizon}
              RETURNING e.customer_id, e.remaining, e.expires_at)
            SELECT customer_id, sum(remaining)::float8 AS points, min(expires_at) AS due FROM marked GROUP BY customer_id ORDER BY customer_id`.execute(trx);
          await publish(trx, rows.rows.map((r) => ({
            type: 'loyalty.points_expiring', customerId: r.customer_id,
            payload: { customer_id: r.customer_id, points: r.points, expires_at: new Date(r.due).toISOString(), policy: expiry.policy },
          })));
          members += rows.rows.length;
        });
        return { members };
      }
      // Inactivity: the members whose idle period ends within the horizon (by the date the
      // account shows, inactivityExpiresAt), not yet expired.
      const candidates = await db.selectFrom('loyalty_members as m').select(['customer_id', 'joined_at', 'last_activity_at']).where('points', '>', 0)
        .where(idleSinceSql('m'), '<=', idleBound(horizon, expiry.months)).where(idleSinceSql('m'), '>', addDays(addMonths(now, -expiry.months), -4)).execute();
      const due = candidates.filter((m) => {
        const at = inactivityExpiresAt(m, expiry.months, timeZone);
        return at > now && at <= horizon;
      });
      await inChunks(due.map((r) => r.customer_id), async (trx, chunk) => {
        // Each member's idle start as read above goes with them: one who bought meanwhile is
        // not idle any more, and is left out. A lot is marked once per idle period (a mark
        // before it began is from an earlier one), and the member is told only when this run
        // marked a lot: two runs at once both read the member as due, and the second's UPDATE
        // waits for the first's marks and then finds the lots marked in this period.
        const since = new Map(due.map((m) => [m.customer_id, idleSince(m).toISOString()]));
        const rows = await sql<{ customer_id: string }>`
          UPDATE loyalty_entries e SET reminded_at = ${now}
          FROM loyalty_members m, unnest(${chunk}::uuid[], ${chunk.map((id) => since.get(id)!)}::timestamptz[]) AS d(customer_id, idle_since)
          WHERE m.customer_id = d.customer_id AND e.customer_id = d.customer_id AND ${idleSinceSql('m')} = d.idle_since
            AND e.remaining > 0 AND (e.reminded_at IS NULL OR e.reminded_at < d.idle_since)
          RETURNING e.customer_id`.execute(trx);
        const told = [...new Set(rows.rows.map((r) => r.customer_id))].sort();
        if (told.length === 0) return;
        // All the member's points go that day, those told of in an earlier reminder too.
        const held = await sql<{ customer_id: string; points: number; joined_at: Date; last_activity_at: Date | null }>`
          SELECT m.customer_id, m.joined_at, m.last_activity_at, (SELECT coalesce(sum(e.remaining), 0) FROM loyalty_entries e WHERE e.customer_id = m.customer_id AND e.remaining > 0)::float8 AS points
          FROM loyalty_members m WHERE m.customer_id = ANY(${told}::uuid[]) ORDER BY m.customer_id`.execute(trx);
        await publish(trx, held.rows.map((r) => ({
          type: 'loyalty.points_expiring', customerId: r.customer_id,
          payload: { customer_id: r.customer_id, points: r.points, expires_at: inactivityExpiresAt(r, expiry.months, timeZone).toISOString(), policy: expiry.policy },
        })));
        members += held.rows.length;
      });
      return { members };
    },

    /**
     * At the end of a tier period (plus grace) a member is placed again — kept and renewed,
     * or moved down — by the window ending at the moment the review fell due, and dated
     * then (tier-placement.ts reviewMembers: the rules a purchase and the replay use), so a
     * run that comes late places members as one on time would have. The grace is days on
     * the business's calendar (tier-timeline.ts reviewAt): the index narrows the members
     * to those whose period ended by grace_days plus one of 24 hours ago (a DST change
     * makes a local day 23 or 25 hours), the rule itself picks those due.
     */
    async reviewTiers(now: Date): Promise<{ reviewed: number; down: number }> {
      const program = await core.programAt(now);
      const tiers = program?.document.tiers;
      if (!program || !tiers) return { reviewed: 0, down: 0 };
      const isDue = (validUntil: Date | null) => validUntil !== null && reviewAt(validUntil.getTime(), tiers.grace_days, timeZone) <= now.getTime();
      const due = (await db.selectFrom('loyalty_members').select(['customer_id', 'tier_valid_until'])
        .where('tier_valid_until', '<=', addDays(now, 1 - tiers.grace_days)).orderBy('customer_id').execute()).filter((r) => isDue(r.tier_valid_until));
      let down = 0;
      await inChunks(due.map((r) => r.customer_id), async (trx, chunk) => {
        const locked = await ledger.lockMembers(trx, chunk, { now, create: false });
        // Reviewed meanwhile (a purchase makes a review due by then itself) are left alone.
        const dueNow = [...locked.values()].filter((m) => isDue(m.tier_valid_until));
        const changes = await reviewMembers(trx, core, program, dueNow, now);
        down += changes.length;
        await ledger.saveMembers(trx, [...locked.values()], now);
        await core.recordTierChanges(trx, program, changes, now);
      });
      return { reviewed: due.length, down };
    },

    /**
     * Birthday bonus (and the tier's birthday points and gift) on the member's birthday in
     * their own time zone; once per year (the entry's key holds the year). 29 February
     * birthdays are celebrated on 28 February in other years.
     */
    async birthdays(now: Date): Promise<{ members: number }> {
      const program = await core.programAt(now);
      if (!program) return { members: 0 };
      const doc = program.document;
      const hasTierGift = doc.tiers?.levels.some((l) => l.benefits.birthday_bonus || l.benefits.birthday_reward);
      if (!doc.bonuses.birthday && !hasTierGift) return { members: 0 };
      const due = await sql<{ customer_id: string; local_date: string }>`
        SELECT m.customer_id, to_char((${now}::timestamptz AT TIME ZONE COALESCE(c.time_zone, ${timeZone})), 'YYYY-MM-DD') AS local_date
        FROM loyalty_members m JOIN customers c ON c.id = m.customer_id
        WHERE c.status = 'active' AND c.birthday IS NOT NULL AND (
          to_char(c.birthday, 'MM-DD') = to_char((${now}::timestamptz AT TIME ZONE COALESCE(c.time_zone, ${timeZone})), 'MM-DD')
          OR (to_char(c.birthday, 'MM-DD') = '02-29' AND to_char((${now}::timestamptz AT TIME ZONE COALESCE(c.time_zone, ${timeZone})), 'MM-DD') = '02-28'
              AND NOT to_char(((${now}::timestamptz AT TIME ZONE COALESCE(c.time_zone, ${timeZone}))::date + 1), 'MM-DD') = '02-29'))
          AND NOT EXISTS (SELECT 1 FROM loyalty_entries e WHERE e.customer_id = m.customer_id
                          AND e.idempotency_key = 'bonus:birthday:' || to_char((${now}::timestamptz AT TIME ZONE COALESCE(c.time_zone, ${timeZone})), 'YYYY'))`.execute(db);
      let members = 0;
      const yearOf = new Map(due.rows.map((r) => [r.customer_id, r.local_date.slice(0, 4)]));
      await inChunks(due.rows.map((r) => r.customer_id), async (trx, chunk) => {
        // A customer read as due may have been merged since (the list is read before any
        // lock): the bonus is the survivor's, once per person and year, so the year's key
        // is looked for in the survivor's ledger and in every ledger merged into it (a
        // birthday paid to the merged customer this year is the person's birthday bonus).
        // The gift too: once per person and year (hasBirthdayGift).
        const customers = await lockActiveCustomers(trx, chunk);
        const years = new Map<string, string>();
        for (const id of chunk) {
          const c = customers.get(id);
          if (c && c.status === 'active' && !years.has(c.id)) years.set(c.id, yearOf.get(id)!);
        }
        const paid = await keysTakenAcrossMerges(trx, [...years].map(([customerId, year]) => ({ customerId, key: `bonus:birthday:${year}` })));
        const locked = await ledger.lockMembers(trx, [...years.keys()], { now, create: false });
        const events: OutgoingEvent[] = [];
        for (const m of locked.values()) {
          const year = years.get(m.customer_id)!;
          const level = doc.tiers?.levels.find((l) => l.code === m.tier);
          const points = (doc.bonuses.birthday ?? 0) + (level?.benefits.birthday_bonus ?? 0);
          const gift = level?.benefits.birthday_reward ? doc.rewards.find((r) => r.code === level.benefits.birthday_reward) : undefined;
          // The bonus entry's key holds the year, so a second run adds nothing; a gift-only
          // birthday is guarded by the coupon check below.
          let entryId: number | null = null;
          if (points > 0) {
            if (paid.has(`${m.customer_id} bonus:birthday:${year}`)) continue;
            const written = await ledger.credit(trx, m, {
              customerId: m.customer_id, kind: 'bonus', points, occurredAt: now, expiresAt: lotExpiry(program, now), sourceType: 'bonus', sourceId: 'birthday',
              idempotencyKey: `bonus:birthday:${year}`, programVersion: program.version, details: { bonus: 'birthday', year, tier: m.tier },
            }, now);
            if (!written) continue;
            entryId = written.id;
            m.lifetime_earned += points;
          }
          let coupon: string | undefined;
          if (gift && !(await hasBirthdayGift(trx, m.customer_id, year))) {
            coupon = normalizeCode(newCode());
            // points_entry_id: the birthday entry the gift came with, so a merge of two ids
            // that both had the year's gift pairs each gift with its bonus (merge-birthday-gifts.ts).
            // Good for valid_days of the business's calendar, as a redeemed reward is (rewards.service.ts).
            await trx.insertInto('coupons').values({
              code: coupon, kind: 'reward', customer_id: m.customer_id, campaign_id: null, reward_code: gift.code,
              benefit: JSON.stringify({ type: gift.type, amount: gift.amount, percent: gift.percent, sku: gift.sku, event: gift.event, name: gift.name, birthday: true }),
              status: 'active', max_uses: 1, uses: 0, per_customer_limit: null, valid_from: now, expires_at: addDaysIn(now, gift.valid_days, timeZone), points_entry_id: entryId, created_at: now,
            }).execute();
          }
          if (points > 0 || coupon) {
            members++;
            events.push({ type: 'loyalty.birthday', customerId: m.customer_id, payload: { customer_id: m.customer_id, points, gift: gift ? { reward: gift.code, name: text(gift.name), coupon: coupon ? formatCode(coupon) : null } : null } });
          }
        }
        await ledger.saveMembers(trx, [...locked.values()], now);
        await publish(trx, events);
      });
      return { members };
    },

    /** Everything above, in order (the hourly job, and `regulars loyalty maintain`). */
    async runAll(now: Date) {
      const reservations = await rewards.releaseStaleReservations(now);
      const expired = await maintenance.expirePoints(now);
      const debtsSettled = await maintenance.settleStandingDebts(now);
      const forfeited = await forfeitErasedPoints(db, now);
      const reminded = await maintenance.remindExpiring(now);
      const tiers = await maintenance.reviewTiers(now);
      const birthdays = await maintenance.birthdays(now);
      return { reservations_released: reservations, expired, debts_settled: debtsSettled, forfeited, reminded, tiers, birthdays };
    },
  };
  return maintenance;
}

export type LoyaltyMaintenance = ReturnType<typeof createLoyaltyMaintenance>;
