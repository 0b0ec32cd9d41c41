import { sql } from 'kysely';
import { localDate } from '../../../shared/clock.ts';
import { currencyExponent, toMajor } from '../../../shared/money.ts';
import { isUuid } from '../../../shared/ids.ts';
import { withFields } from '../../../shared/objects.ts';
import { nameIn, namedForms, plainName } from '../../../shared/plural.ts';
import type { Language } from '../../customers/index.ts';
import { couponView, formatCode, shownCode } from '../rewards/codes.ts';
import type { EngagementService } from '../earning/engagement.service.ts';
import { explainLedger, shownAs } from './explain.ts';
import { inactivityExpiresAt } from '../maintenance/inactivity.ts';
import { balanceOf, type Lot } from '../ledger/ledger.ts';
import * as ledger from '../ledger/ledger.repository.ts';
import { findLedgerProblems } from '../ledger/ledger-verify.repository.ts';
import type { LoyaltyCore } from '../loyalty.core.ts';
import { text, tierIndexOf, type Program } from '../program/program.ts';
import { namesByVersion, pointsNameOf } from '../program/program-names.ts';
import type { LocalizedText } from '../program/program.schema.ts';
import { readableCustomer } from '../lifecycle/merged-customers.ts';
import { parseInput } from '../../../shared/validation.ts';
import { LoyaltyReportQuery, outstandingAt, pointsChange, pointsIssued, reportTotals, reportWindow, type ReportWindow } from './report-period.ts';
import { referralLinkOf } from '../earning/referral-link.ts';

// The ledger read back, writing nothing: one member's account with every entry explained,
// their tier history and their part of a data-access export; and every account at once,
// the program's report (liability, breakage) and the proof that each cached balance is the
// sum of its entries.

/**
 * The next day points expire on and how many go that day (a receipt's "500 beans expire on
 * 1 March"), among lots still to expire: those past their date already are expiring_now.
 * Lots earned at different hours expire at different hours of one day; a member and the
 * dashboard read days, so the lots of that day (in the business's time zone) count
 * together, and `at` is the first of them.
 */
function nextExpiry<Lot extends { remaining: number }>(lots: Lot[], expiresAt: (l: Lot) => Date | null, now: Date, timeZone: string) {
  const due = lots.map((lot) => ({ lot, date: expiresAt(lot) })).filter((d): d is { lot: Lot; date: Date } => d.date !== null && d.date > now && d.lot.remaining > 0);
  if (due.length === 0) return null;
  const first = due.reduce((a, b) => (b.date < a.date ? b : a)).date;
  const day = localDate(first, timeZone);
  const points = due.filter((d) => localDate(d.date, timeZone) === day).reduce((sum, d) => sum + d.lot.remaining, 0);
  return { at: first.toISOString(), points };
}

export function createAccounts(core: LoyaltyCore, engagement: EngagementService) {
  const { db, clock, currency, timeZone } = core.deps;

  /**
   * The other customer of each merge transfer among `rows`, as a member or staff can read
   * it: its name, else its card number (external_id). A merged customer's row keeps its
   * profile (customers.absorb); an erased person's is gone, and the entry then says "a
   * duplicate record".
   */
  async function mergedCustomerNames(rows: readonly { kind: string; source_type: string; source_id: string | null }[]) {
    const ids = [...new Set(rows.filter((e) => e.kind === 'adjust' && e.source_type === 'merge' && e.source_id && isUuid(e.source_id)).map((e) => e.source_id!))];
    if (ids.length === 0) return new Map<string, string | null>();
    // By the uuid itself, so the primary key finds them (id::text would read every customer).
    const found = await sql<{ id: string; name: string | null }>`
      SELECT id::text AS id, COALESCE(NULLIF(trim(concat_ws(' ', first_name, last_name)), ''), NULLIF(external_id, '')) AS name
      FROM customers WHERE id = ANY(${ids}::uuid[])`.execute(db);
    return new Map(found.rows.map((r) => [r.id, r.name]));
  }

  /** The loyalty records of one customer besides the ledger, for the data-access export. */
  async function loyaltyRecordsOf(customerId: string) {
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const [coupons, couponUses, giftCards, referredBy, referred, tierHistory] = await Promise.all([
      db.selectFrom('coupons').select(['code', 'chosen_code', 'kind', 'customer_id', 'reward_code', 'campaign_id', 'benefit', 'status', 'max_uses', 'uses', 'valid_from', 'expires_at', 'created_at'])
        .where('customer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('coupon_uses as u').leftJoin('coupons as c', 'c.code', 'u.code').select(['u.code', 'c.chosen_code', 'u.order_ref', 'u.used_at', 'u.rolled_back_at'])
        .where('u.customer_id', '=', customerId).orderBy('u.used_at').execute(),
      db.selectFrom('gift_cards').select(['code', 'currency', 'initial_minor', 'balance_minor', 'expires_at', 'created_at']).where('customer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('loyalty_referrals').select(['referrer_id', 'code', 'status', 'reason', 'created_at', 'settled_at']).where('customer_id', '=', customerId).execute(),
      db.selectFrom('loyalty_referrals').select(['customer_id', 'code', 'status', 'reason', 'created_at', 'settled_at']).where('referrer_id', '=', customerId).orderBy('created_at').execute(),
      db.selectFrom('loyalty_tier_history').select(['from_tier', 'to_tier', 'reason', 'program_version', 'changed_at']).where('customer_id', '=', customerId).orderBy('changed_at').execute(),
    ]);
    return {
      coupons: coupons.map(couponView),
      coupon_uses: couponUses.map((u) => ({ code: shownCode(u), order_ref: u.order_ref, used_at: u.used_at.toISOString(), rolled_back_at: iso(u.rolled_back_at) })),
      gift_cards: giftCards.map((g) => ({ code: formatCode(g.code), currency: g.currency, initial: toMajor(Number(g.initial_minor), g.currency), balance: toMajor(Number(g.balance_minor), g.currency), expires_at: iso(g.expires_at), issued_at: g.created_at.toISOString() })),
      referred_by: referredBy.map((r) => ({ referrer_id: r.referrer_id, code: r.code, status: r.status, reason: r.reason, claimed_at: r.created_at.toISOString(), settled_at: iso(r.settled_at) })),
      referred: referred.map((r) => ({ friend_id: r.customer_id, code: r.code, status: r.status, reason: r.reason, claimed_at: r.created_at.toISOString(), settled_at: iso(r.settled_at) })),
      tier_history: tierHistory.map((h) => ({ from: h.from_tier, to: h.to_tier, reason: h.reason, program_version: h.program_version, at: h.changed_at.toISOString() })),
    };
  }

  /** Tier and progress; the names in `language` (the program's fallback: text()). */
  async function tierProgress(program: Program | undefined, member: { customer_id: string; tier: string | null; tier_since: Date | null; tier_valid_until: Date | null }, now: Date, language: Language) {
    const tiers = program?.document.tiers;
    if (!program || !tiers) return null;
    const metric = (await core.tierMetrics(db, program, [member.customer_id], now)).get(member.customer_id) ?? 0;
    const index = tierIndexOf(program, member.tier);
    const next = tiers.levels[index + 1];
    const fmt = (v: number) => (tiers.metric === 'spend' ? toMajor(Math.round(v), currency) : v);
    return {
      code: member.tier,
      name: index >= 0 ? text(tiers.levels[index].name, language) : null,
      since: member.tier_since?.toISOString() ?? null,
      valid_until: member.tier_valid_until?.toISOString() ?? null,
      metric: tiers.metric,
      window: tiers.window,
      qualifying: fmt(metric),
      next: next ? { code: next.code, name: text(next.name, language), threshold: fmt(program.thresholds[index + 1]), missing: fmt(Math.max(0, program.thresholds[index + 1] - metric)) } : null,
      benefits: index >= 0 ? tiers.levels[index].benefits : null,
    };
  }

  /**
   * A period's opening (outstanding at the start of `from`; 0 at the ledger's start without
   * one) and closing (at the end of `to`, or now when that is later or there is no `to`):
   * opening + the period's change. Each valued at the point_value in force at that instant,
   * the closing at `to`'s last moment — before the first version, at the first version's: a
   * history imported with the program earned by it, and 250 points valued at €0.00 told the
   * accountant nothing; null without a period.
   */
  async function periodEdges<V extends object>(window: ReportWindow | null, opening: number, closing: number, now: Date, valued: (points: number, program: Program | undefined) => V) {
    if (!window) return { opening: null, closing: null };
    const valuedBy = async (at: Date) => (await core.programAt(at)) ?? (await core.programs()).reduce<Program | undefined>((first, p) => (!first || p.effectiveFrom < first.effectiveFrom ? p : first), undefined);
    const edge = async (points: number, at: Date, valuedAt: Date) => withFields({ at: at.toISOString() as string | null }, valued(points, await valuedBy(valuedAt)));
    const closesBeforeNow = window.end !== null && window.end < now;
    return {
      opening: window.start ? await edge(opening, window.start, window.start) : withFields({ at: null as string | null }, valued(0, undefined)),
      closing: closesBeforeNow && window.end ? await edge(closing, window.end, new Date(window.end.getTime() - 1)) : await edge(closing, now, now),
    };
  }

  const accounts = {
    /**
     * The member's account: balance, pending, lots, tier and progress, and every entry
     * explained in `language` (the staff's or the member's; English by default). A merged
     * id answers the survivor's account, under the survivor's id; an erased customer's is a
     * 404, as GET /customers/{id} (merged-customers.ts readableCustomer).
     */
    async account(requested: string, { entries: entryLimit = 500, language = 'en' }: { entries?: number; language?: Language } = {}) {
      const customerId = (await readableCustomer(db, requested)).id;
      const now = clock.now();
      const program = await core.programAt(now);
      const member = await db.selectFrom('loyalty_members').selectAll().where('customer_id', '=', customerId).executeTakeFirst();
      if (!member) return { customer_id: customerId, member: false as const, program_version: program?.version ?? null };
      const lots = await ledger.openLots(db, customerId);
      const balance = balanceOf(lots, member.points, now);
      // Under inactivity expiry a lot has no date of its own: all of them go on the day the
      // member will have been idle for the program's months, unless they buy before.
      const expiry = program?.document.expiry;
      const idleEnd = expiry?.policy === 'inactivity' ? inactivityExpiresAt(member, expiry.months, timeZone) : null;
      const expiresAt = (l: { expiresAt: Date | null }) => (idleEnd && (!l.expiresAt || idleEnd < l.expiresAt) ? idleEnd : l.expiresAt);
      const rows = await db.selectFrom('loyalty_entries').selectAll().where('customer_id', '=', customerId).orderBy('id').execute();
      const allocations = await db.selectFrom('loyalty_allocations').select(['debit_id', 'credit_id', 'points']).where('customer_id', '=', customerId).orderBy('id').execute();
      // A reservation's entry says held or spent by the reservation's state (describeEntry).
      const reservationIds = rows.filter((e) => e.source_type === 'reservation' && e.source_id).map((e) => e.source_id!);
      const reservations = new Map(reservationIds.length === 0 ? [] : (await db.selectFrom('loyalty_reservations').select(['id', 'status'])
        .where('customer_id', '=', customerId).where('id', 'in', reservationIds).execute()).map((r) => [r.id, r.status]));
      let adjusted = 0;
      let reversed = 0;
      for (const e of rows) {
        const as = shownAs(e);
        if (as === 'adjust') adjusted += e.points;
        else if (as === 'reverse') reversed -= e.points;
      }
      // Each entry's names come from the program version it was written under, in `language`.
      const programs = await core.programs();
      const names = namesByVersion(programs, program, language);
      const points = pointsNameOf(program?.document);
      // An entry's points by the name its version gave them (an entry without one, or of a version not found: today's).
      const pointsOf = (version: number | null | undefined) => (version == null ? points : pointsNameOf((programs.find((p) => p.version === version) ?? program)?.document));
      const customers = await mergedCustomerNames(rows);
      const explained = explainLedger({ rows, allocations, reservations, currency, language, now, timeZone, names, points: pointsOf, customers });
      const tier = await tierProgress(program, member, now, language);
      return {
        customer_id: customerId,
        member: true as const,
        joined_at: member.joined_at.toISOString(),
        // The name as a word ("beans"; "zrn"), and its forms for a client that prints a number with it (shared/plural.ts), in
        // `language` or, where the program does not name its points in it, in the program's fallback (program-names.ts
        // pointsNameOf): a Danish member of a café that names them only in Slovenian reads "zrn", as its tiers' names. The
        // forms are that language's, so points_name_language says which plural rules choose among them — Slovenian forms
        // chosen by Danish rules would read "2 zrn" where the café writes "2 zrni".
        points_name: plainName(points, language),
        points_name_forms: namedForms(points, language),
        points_name_language: nameIn(points, language).language as Language,
        balance: balance.available,
        pending: balance.pending,
        expiring_now: balance.expired_unswept,
        // What the member's debts still ask: lots past their expiry are in the stored points but pay nothing.
        owed: Math.max(0, balance.expired_unswept - member.points),
        // Every kind of entry falls in one figure, so they add up: earned + adjusted − redeemed
        // − reversed − expired = balance + pending + expiring_now (the stored points, which
        // are below zero by what is owed). Earned, redeemed and expired are the member's
        // cached counters (verify proves them); adjusted (staff, and merges: the points they
        // moved and the duplicate bonuses they took back, explain.ts shownAs) and reversed
        // (taken back on refunds) are summed from the entries read above.
        lifetime: { earned: member.lifetime_earned, adjusted, redeemed: member.lifetime_redeemed, reversed, expired: member.lifetime_expired },
        tier,
        // The earliest expiry first (what a debit takes first, ledger.ts chooseLots), then the oldest.
        lots: lots.map((l) => {
          const expires = expiresAt(l);
          return {
            entry: l.id, remaining: l.remaining, available_at: l.availableAt?.toISOString() ?? null, expires_at: expires?.toISOString() ?? null,
            pending: Boolean(l.availableAt && l.availableAt > now), expired: expires !== null && expires <= now,
          };
        })
          .sort((a, b) => (a.expires_at ?? '~').localeCompare(b.expires_at ?? '~') || a.entry - b.entry),
        next_expiry: nextExpiry(lots, expiresAt, now, timeZone),
        // The proof: the running sum of the entries ends at the stored points.
        explanation: { entries: explained.entries.slice(-entryLimit), entries_total: explained.entries.length, sum_of_entries: explained.sum, stored_points: member.points },
        // The standings carry the challenge's name as the program gives it (one text or one per language): answered in `language`.
        challenges: (await engagement.challenges(customerId)).map((c) => withFields(c, { name: text(c.name, language) })),
        referral_code: member.referral_code,
        // The code in the shop's link (REFERRAL_LINK): null without one, or without a code.
        referral_link: referralLinkOf(core.deps.referralLink ?? null, member.referral_code),
        program_version: program?.version ?? null,
      };
    },

    /** The tier history of the customer the id stands for (a merged id: the survivor's, whose id it answers). */
    async tierHistory(requested: string) {
      const customerId = (await readableCustomer(db, requested)).id;
      const rows = await db.selectFrom('loyalty_tier_history').selectAll().where('customer_id', '=', customerId).orderBy('changed_at').execute();
      return { customer_id: customerId, items: rows.map((r) => ({ from: r.from_tier, to: r.to_tier, reason: r.reason, program_version: r.program_version, at: r.changed_at.toISOString() })) };
    },

    /**
     * What each of many members can spend now, and their tier, read at once (a customer who
     * is no member is left out): the balance `account` answers as `available`, without the
     * entries and their explanation — for deciding who can afford which reward, and for a
     * page of the customers list. The tier's name is the program in force's (null for a
     * tier it no longer has).
     */
    async spendable(customerIds: readonly string[]): Promise<Map<string, { available: number; tier: string | null; tierName: LocalizedText | null }>> {
      const now = clock.now();
      const out = new Map<string, { available: number; tier: string | null; tierName: LocalizedText | null }>();
      const levels = (await core.programAt(now))?.document.tiers?.levels ?? [];
      const nameOf = (tier: string | null) => (tier === null ? null : levels.find((l) => l.code === tier)?.name ?? null);
      const ids = [...new Set(customerIds)].filter(isUuid);
      for (let i = 0; i < ids.length; i += 1000) {
        const chunk = ids.slice(i, i + 1000);
        const members = await db.selectFrom('loyalty_members').select(['customer_id', 'points', 'tier']).where('customer_id', 'in', chunk).execute();
        const lots = await db.selectFrom('loyalty_entries').select(['customer_id', 'id', 'remaining', 'available_at', 'expires_at'])
          .where('customer_id', 'in', chunk).where('remaining', '>', 0).execute();
        const lotsOf = new Map<string, Lot[]>();
        for (const l of lots) {
          const lot = { id: l.id, remaining: l.remaining!, availableAt: l.available_at, expiresAt: l.expires_at };
          lotsOf.get(l.customer_id)?.push(lot) ?? lotsOf.set(l.customer_id, [lot]);
        }
        for (const m of members) {
          out.set(m.customer_id, { available: balanceOf(lotsOf.get(m.customer_id) ?? [], m.points, now).available, tier: m.tier, tierName: nameOf(m.tier) });
        }
      }
      return out;
    },

    /** Proves every member's cached balance against the ledger (`regulars loyalty verify`). */
    async verify() {
      const started = Date.now();
      const result = await findLedgerProblems(db, clock.now());
      return { ok: result.problems.length === 0, members: result.members, entries: result.entries, problems: result.problems, duration_ms: Date.now() - started };
    },

    /**
     * Points liability, breakage, redemption rate, members per tier. Every entry of the
     * ledger falls in one figure, so they add up (report.test.ts proves it on a worked
     * case): earned + adjusted_in − adjusted_out + merged_in − merged_out − redeemed −
     * expired − reversed − forfeited + owed = outstanding. Owed is added back: a refund of
     * points already spent counts them in reversed while they are in redeemed too, and
     * they leave the lots only as the member's next credits settle the debt.
     *
     * Members are the active customers with a ledger. A merged customer is none: its
     * points moved to the survivor, which is the member, and its closed ledger only keeps
     * the history. An erased customer is none either: nobody can redeem again, and the
     * points it held were forfeited at the erasure (erasure.ts) — in `forfeited`, out of
     * the liability, and in the breakage (points that will never be redeemed). Both
     * ledgers still count in the flows above, so the totals do not change by a merge or
     * an erasure, only move between figures.
     *
     * With a period (`from`/`to`, local dates) the movements are those of the period and
     * the state (members, outstanding, pending, liability, tiers) is still now's: the one
     * definition is report-period.ts reportTotals, the whole ledger its period without bounds.
     * The period's opening is the outstanding at its start by that same definition over the
     * ledger before it (outstandingAt), and its closing the opening plus the period's change
     * (issued − adjusted_out − redeemed − expired − forfeited + merged_in − merged_out): the
     * outstanding at its end, as every figure is a sum of movements by their dates (the tests
     * prove a closing is the next period's opening, and a closing now the outstanding); each
     * valued at the point_value of the program in force then, as the liability is at now's.
     */
    async report(query: LoyaltyReportQuery | unknown = {}) {
      const window = reportWindow(parseInput(LoyaltyReportQuery, query, 'query'), timeZone);
      const now = clock.now();
      const program = await core.programAt(now);
      // A period's opening is read beside its movements (both whole scans of the ledger, in parallel on PostgreSQL).
      const [row, openingPoints] = await Promise.all([reportTotals(db, now, window), window?.start ? outstandingAt(db, now, window.start) : 0]);
      // Expired counts both; expiring_now says how much of it the members' accounts still
      // show apart (their lifetime.expired holds only what the sweep wrote), so the sum of
      // the accounts' lifetime.expired and expiring_now is this expired.
      const t = withFields(row, { expired: row.expired_swept + row.expiring_now });
      const counted = await sql<{ tier: string | null; members: number }>`
        SELECT m.tier, count(*)::float8 AS members FROM loyalty_members m JOIN customers c ON c.id = m.customer_id WHERE c.status = 'active' GROUP BY m.tier`.execute(db);
      const valued = (points: number, valuedBy: Program | undefined) => ({
        points, value: toMajor(Math.round(points * (valuedBy ? Number(valuedBy.document.point_value) : 0) * 10 ** currencyExponent(currency)), currency),
        point_value: valuedBy?.document.point_value ?? null, currency,
      });
      const issued = pointsIssued(t);
      const edges = await periodEdges(window, openingPoints, openingPoints + pointsChange(row), now, valued);
      return {
        as_of: now.toISOString(),
        period: window && { from: window.from, to: window.to },
        members: t.members,
        points: {
          outstanding: t.outstanding, pending: t.pending, owed: t.owed, issued, earned: t.earned, adjusted_in: t.adjusted_in, adjusted_out: t.adjusted_out,
          merged_in: t.merged_in, merged_out: t.merged_out, redeemed: t.redeemed, expired: t.expired, expiring_now: t.expiring_now, reversed: t.reversed, forfeited: t.forfeited,
        },
        liability: valued(t.outstanding, program),
        opening: edges.opening,
        closing: edges.closing,
        /** Share of the points issued that will never be redeemed: expired, or forfeited by an erasure. */
        breakage_rate: issued > 0 ? (t.expired + t.forfeited) / issued : null,
        /** Share of the points issued that were redeemed. */
        redemption_rate: issued > 0 ? t.redeemed / issued : null,
        tiers: tierCounts(program, counted.rows),
      };
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
      const account = member ? await accounts.account(customerId, { entries: 1_000_000 }) : { customer_id: customerId, member: false as const };
      return { loyalty: withFields(account, records) };
    },
  };
  return accounts;
}

export type Accounts = ReturnType<typeof createAccounts>;

/**
 * Members per tier: every tier of the program in force in its order, with 0 where it has
 * none (an empty tier is news, not a gap), then any tier code the program no longer has
 * and members without a tier, where there are such members.
 */
function tierCounts(program: Program | undefined, counted: { tier: string | null; members: number }[]) {
  const members = new Map(counted.map((r) => [r.tier, r.members]));
  const levels = program?.document.tiers?.levels ?? [];
  const known = new Set(levels.map((l) => l.code));
  return [
    ...levels.map((l) => ({ tier: l.code as string | null, name: l.name as typeof l.name | null, members: members.get(l.code) ?? 0 })),
    ...counted.filter((r) => r.tier !== null && !known.has(r.tier)).sort((a, b) => b.members - a.members).map((r) => ({ tier: r.tier, name: r.tier, members: r.members })),
    ...counted.filter((r) => r.tier === null).map((r) => ({ tier: null, name: null, members: r.members })),
  ];
}
