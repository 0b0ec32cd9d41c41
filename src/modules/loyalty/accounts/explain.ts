import type { LoyaltyEntryKind } from '../../../db/index.ts';
import { withFields } from '../../../shared/objects.ts';
import { countedName, type CountedName } from '../../../shared/plural.ts';
import type { Language } from '../../customers/index.ts';
import { LOCALES } from '../../../shared/messages/index.ts';
import { moneyIn } from '../../../shared/money.ts';
import { formatCode } from '../rewards/codes.ts';
import { PHRASES, type Rounding, type Unit } from './explain-phrases.ts';
import type { EarningFactor } from '../program/program.ts';
import { POINTS_WORDS, STORED_NAMES, type ProgramNames } from '../program/program-names.ts';

// One line of plain language per ledger entry, so staff (and the member) can answer
// "why is my balance what it is?" by reading the account top to bottom — in the five
// languages Regulars speaks. The sentence frames are translated (explain-phrases.ts); the
// names inside them (a tier's, a promotion's, a reward's, a challenge's) are the program's
// own words, in the language asked for where the program gives them in several
// (program-names.ts), and the numbers are written as the language writes them (numberIn).
// A number of points takes the points' name in its form for that number ("→ 5 zrn",
// "→ 21 зерно"): the name the version that wrote the entry gave them (pointsNameOf of that
// version), as the tiers' and rewards' names are — an entry says what the member was told
// when it was written, and a later version that renames the points, or names none, does
// not rewrite "1000 зёрен" as "1000 баллов". The account's points_name is today's.
//
// The account reads as things happened (explainLedger): by each entry's occurrence — a
// purchase's or a refund's own time, the moment a bonus was given — not the order the
// ledger was written in, which an import of older purchases turns around. Points still in
// their holding period are kept apart: each line has the running total, the part of it
// that is pending and the rest, and a pending credit says from which day it can be spent,
// as a member of a Smile.io or LoyaltyLion program sees "pending" next to the points.
//
// One exception to the order (shownOrder): a debit dated before an entry written ahead of
// it — a refund dated last week, recorded after today's redemption had spent the points
// it takes back — stands where it was recorded when, at its own date, it would show that
// redemption spending points the member did not have. Its own date is then said in words.

interface EntryLike {
  kind: LoyaltyEntryKind;
  points: number;
  source_type: string;
  source_id: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** A checkout reservation's state (loyalty_reservations.status). */
export type ReservationStatus = 'held' | 'captured' | 'released' | 'expired';

/**
 * `reservations`: the state of the checkout reservations the entries name. The ledger is
 * append-only, so a reservation's debit stays the entry written when the points were held;
 * a capture changes only the reservation, and the entry reads as spent once it is captured.
 * (A release or a time-out writes an entry of its own that gives the points back.)
 */
export function describeEntry(e: EntryLike, currency: string, language: Language = 'en', { reservations, names = STORED_NAMES, points = POINTS_WORDS, customers, forfeited = 0 }: {
  reservations?: ReadonlyMap<string, ReservationStatus>;
  /** Of what a take-back could not take (details.forgiven), the points the customer's erasure had forfeited (forfeitedAtErasure): not spent. */
  forfeited?: number;
  /** What to call the other customer of a merge's transfer (mergedCustomerNames): a name or card number, null when none is known. */
  customers?: ReadonlyMap<string, string | null>;
  names?: ProgramNames;
  /** What the points are called (program-names.ts pointsNameOf); the product's own word by default. */
  points?: CountedName;
} = {}): string {
  const say = PHRASES[language];
  const d = e.details as Record<string, any>;
  const n = (v: unknown) => numberIn(language, v);
  const unit = unitOf(points, language);
  switch (e.kind) {
    case 'earn': {
      const factors = ((d.factors ?? []) as EarningFactor[]).map((f) => {
        const name = names.factor(f.name);
        return ` × ${n(f.factor)} ${'tier' in name ? say.tierFactor(name.tier) : name.name}${f.share < 1 ? say.onShare(percentIn(language, f.share)) : ''}`;
      }).join('');
      const bonus = ((d.bonus_points ?? []) as { name: string; points: number }[]).map((b) => ` + ${n(b.points)} ${names.promotion(b.name)}`).join('');
      const exact = typeof d.exact === 'number' ? round4(d.exact) : undefined;
      const earned = d.capped_at ? d.uncapped : Math.abs(e.points);
      const arithmetic = factors || bonus ? `${factors}${bonus} = ${n(exact)}` : '';
      const rounded = exact !== undefined && exact !== earned ? say.rounded(n(earned), d.rounding as Rounding) : '';
      // A purchase the cap cut short earns the room left under it: the other purchases of
      // its day had earned the cap less its points.
      const day = d.capped_at ? dayIn(language, d.local_date) : '';
      const capped = !d.capped_at ? ''
        : e.points === 0 ? say.cappedToNothing({ cap: d.capped_at, day, unit })
        : say.capped({ cap: d.capped_at, day, points: e.points, before: d.capped_at - e.points, unit });
      // A purchase below the program's minimum earned nothing: its entry of 0 says why (accrual.ts).
      const below = d.below_minimum !== undefined && e.points === 0 ? say.belowMinimum(moneyIn(language, d.below_minimum, currency)) : '';
      return `${say.purchase({ purchase: d.purchase ?? e.source_id, total: moneyIn(language, d.total, currency), base: n(round4(d.base)), count: Number(round4(d.base)), unit })}${arithmetic}${rounded}${capped}${below}`;
    }
    case 'bonus':
      return d.bonus === 'first_purchase' ? say.firstPurchase(d.purchase)
        : d.bonus === 'sign_up' ? say.signUp
        : d.bonus === 'birthday' ? say.birthday(d.year)
        : d.bonus === 'referral' ? say.referral(d.role === 'referrer' ? 'referrer' : 'friend')
        : d.bonus === 'challenge' ? say.challenge(names.challenge(d.code, d.challenge))
        : d.bonus === 'profile_completion' ? say.profileCompletion
        : d.bonus === 'survey' ? say.survey
        : say.otherBonus(d.bonus ?? e.source_id);
    case 'reverse': {
      // What it could not take back was spent and forgiven, or forfeited when the customer was
      // erased (QA F10: a refund after the erasure said "200 already spent and forgiven").
      const forgiven = (d.forgiven ?? 0) - forfeited;
      const lost = forfeited > 0 ? say.forfeitedAtErasure(forfeited, unit) : '';
      // A merge's take-back of a bonus the person had twice keeps that bonus's details, so it names the bonus as the bonus's own entry does.
      if (d.duplicate_of) return say.duplicateTakenBack({ bonus: describeEntry({ kind: 'bonus', points: -e.points, source_type: e.source_type, source_id: e.source_id, reason: null, details: d }, currency, language, { names, points }), forgiven, unit }) + lost;
      // A revoked bonus that took nothing (an entry of 0: expired already, or spent and forgiven) reads as revoked, not taken back.
      const nothing = e.points === 0 && typeof d.credited === 'number' && ((d.expired ?? 0) > 0 || forgiven > 0) ? { credited: d.credited, forgiven, expired: d.expired ?? 0, unit } : null;
      if (d.bonus === 'referral' && nothing) return say.referralRevokedNothingTaken(withFields({ role: d.role === 'referrer' ? 'referrer' as const : 'friend' as const, purchase: d.purchase ?? d.purchase_id }, nothing)) + lost;
      if (d.bonus === 'challenge' && nothing) return say.challengeRevokedNothingTaken(withFields({ name: names.challenge(d.code, d.challenge), purchase: d.purchase, left: d.left, goal: d.goal }, nothing)) + lost;
      if (d.bonus === 'referral') return say.referralTakenBack({ role: d.role === 'referrer' ? 'referrer' : 'friend', purchase: d.purchase ?? d.purchase_id, forgiven, expired: d.expired ?? 0, unit }) + lost;
      if (d.bonus === 'challenge') return say.challengeTakenBack({ name: names.challenge(d.code, d.challenge), purchase: d.purchase, left: d.left, goal: d.goal, forgiven, expired: d.expired ?? 0, unit }) + lost;
      const percent = typeof d.refunded_share === 'number' ? percentIn(language, d.refunded_share) : null;
      const taken = Math.abs(e.points);
      // An entry of 0: the refund found what it would take back expired already, forgiven or forfeited (refunds-and-receipts.ts).
      if (e.points === 0 && d.refund_id && percent !== null) {
        return say.nothingTakenBack({ refund: d.refund_id, amount: moneyIn(language, d.amount, currency), purchase: d.purchase, percent, credited: d.credited, forgiven, expired: d.expired ?? 0, unit }) + lost;
      }
      return (d.refund_id && percent !== null
        ? say.namedRefund({ refund: d.refund_id, amount: moneyIn(language, d.amount, currency), purchase: d.purchase, percent, points: taken, credited: d.credited, forgiven, expired: d.expired, byLines: weighedApart(d), unit })
        : say.refund({ percent, points: taken, credited: d.credited, forgiven, expired: d.expired, unit })) + lost;
    }
    case 'redeem':
      // The till's order, or none: a reservation's own id means nothing in a member's history.
      return d.reservation ? (reservations?.get(d.reservation) === 'captured' ? say.spent : say.held)(d.order_ref ?? null)
        : say.redeemed(names.reward(d.reward, d.reward_name ?? d.reward), d.gift_card ? { giftCard: formatCode(d.gift_card) } : { coupon: d.coupon ? formatCode(d.coupon) : '—' });
    case 'release':
      return say.released(d.why === undefined ? null : d.why === 'checkout reservation timed out' ? 'timed_out' : d.why === 'checkout reservation partly captured' ? 'not_spent' : 'released');
    case 'expire':
      // A credit: the sweep's write-off undone for a refund dated before it (refunds/expiry-of-lots.ts).
      if (e.points > 0) return say.expiryUndone(d.refund_id ?? null);
      return d.policy === 'inactivity' ? say.expiredInactivity(d.months) : say.expiredAge(d.months);
    case 'adjust': {
      // A merge's transfer names the other record in words, never by its id (a raw uuid means nothing to a member).
      const other = e.source_type === 'merge' ? (d.merged_from ?? d.merged_into) : undefined;
      if (typeof other === 'string') {
        const into = d.merged_from === undefined;
        return say.mergeMoved({ direction: into ? 'out' : 'in', debt: into ? e.points > 0 : e.points < 0, who: customers?.get(other) ?? null });
      }
      return say.adjustment(e.source_type === 'merge', e.reason ?? '');
    }
    default:
      return e.kind;
  }
}

/**
 * The kind an entry reads as, and the account's lifetime figure it counts in: its own,
 * but a merge's take-back of a bonus the person had twice (a `reverse` entry naming the
 * bonus that stays, duplicate_of) is an adjustment made by the merge, not a refund.
 */
export function shownAs(e: Pick<EntryLike, 'kind' | 'details'>): LoyaltyEntryKind {
  return e.kind === 'reverse' && e.details.duplicate_of ? 'adjust' : e.kind;
}

const round4 = (v: unknown) => (typeof v === 'number' ? Number(v.toFixed(4)) : v);

/** The points' name in `language` in its form for a count (plural.ts countedName). */
const unitOf = (points: CountedName, language: Language): Unit => (count) => countedName(points, language, count);

// The dashboard's locales (LOCALES): a share and an amount read as its percentages and
// amounts do there — "84.5%", "84,5 %", "%84,5"; "€29.99", "29,99 €" — so the member tab
// does not write one figure two ways beside its cards (QA: "57,4%" in the Russian
// explanation beside "0,1 %" on the dashboard, "6.30 EUR" in it beside "€398.19").
const percentFormats = new Map<Language, Intl.NumberFormat>();

/**
 * A number of a sentence (a base of 129.6 points, a factor of 1.25) with the language's
 * decimal separator: "129,6", "1,25" in sl, tr, da and ru, as the shares (percentIn) and
 * the dashboard's figures read. The digits stay as stored; no thousands separator, in any
 * language: the "." that groups thousands in sl, tr and da is the English decimal point,
 * and a sentence is quoted across languages (a ticket, an export), where "1.250" must not
 * be read two ways. (An amount is money, moneyIn: its decimals and its currency tell its
 * separators apart.) Anything not a number (an id, a missing value) is left as it is.
 */
export function numberIn(language: Language, value: unknown): unknown {
  const written = typeof value === 'number' && Number.isFinite(value) ? String(value)
    : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? value : undefined;
  if (written === undefined) return value;
  return language === 'en' ? written : written.replace('.', ',');
}

/** A share (0.845) as the language writes a percentage, sign and all, one decimal where it is not whole: "84.5%", "84,5 %", "%84,5". */
function percentIn(language: Language, share: number): string {
  let format = percentFormats.get(language);
  if (!format) percentFormats.set(language, (format = new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 1 })));
  // Rounded first: Intl would round the binary value of 0.8445, which may lie below it.
  return format.format(Math.round(share * 1000) / 1000);
}

const dayFormats = new Map<Language, Intl.DateTimeFormat>();

/**
 * A date written as one word, as the dashboard writes dates (src/web/time.ts keptTogether):
 * its spaces no-break ones, so a line never ends inside it — a Russian "7 дек. 2026 г." left
 * "г." alone on the next line of a member's statement. Only the space after a comma stays,
 * so "7 Dec 2026," and its time may part as a sentence's words do.
 */
const oneWord = (text: string) => text.replace(/(?<!,) /g, '\u00a0');

/** `format` writing its dates as one word (oneWord). */
const keptTogether = (format: Intl.DateTimeFormat) => ({ format: (at: Date) => oneWord(format.format(at)) });

/**
 * A purchase's local date ("2026-05-01", the day its store's zone says) as the language
 * writes a day, as the "spendable from" day reads ("1 May 2026"). Formatted in UTC: the
 * date is already the store's, and no zone may move it to the day before.
 */
function dayIn(language: Language, localDate: unknown): string {
  if (typeof localDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return String(localDate ?? '');
  let format = dayFormats.get(language);
  if (!format) dayFormats.set(language, (format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone: 'UTC' })));
  return oneWord(format.format(new Date(`${localDate}T00:00:00Z`)));
}

/**
 * Whether a refund's points went back by what the lines returned earned (details.earned_share_returned,
 * refunds-and-receipts.ts) at a share other than the amount's: the lines' points multipliers
 * weighed them apart, and "60% refunded: 120 of its 160 points" needs saying why. Where no
 * multiplier set the lines apart the two shares agree and nothing is added.
 */
function weighedApart(d: Record<string, unknown>): boolean {
  return typeof d.earned_share_returned === 'number' && typeof d.refunded_share === 'number' && Math.abs(d.earned_share_returned - d.refunded_share) > 1e-6;
}

/** A ledger row as the account reads it (loyalty_entries). */
export interface LedgerRow extends EntryLike {
  id: number;
  occurred_at: Date;
  /** When it was written: the writer's clock, read as its request came or once it held the member. */
  created_at: Date;
  remaining: number | null;
  unsettled: number | null;
  available_at: Date | null;
  expires_at: Date | null;
  actor: string | null;
  /** The program version the entry was written under: its names, in the language asked for. */
  program_version?: number | null;
}

/**
 * Of each take-back written after the customer's erasure, the part of what it could not
 * take (details.forgiven) that the erasure had forfeited (erasure.ts): a refund of an
 * erased customer's purchase finds the points gone, forfeited rather than spent. In the
 * order written, each take-back counts against the points the erasures before it
 * forfeited that earlier take-backs have not counted; anything beyond was spent before.
 */
function forfeitedAtErasure(rows: readonly LedgerRow[]): Map<number, number> {
  const out = new Map<number, number>();
  let left = 0;
  for (const e of [...rows].sort((a, b) => a.id - b.id)) {
    if (e.source_type === 'erasure') left -= e.points;
    const forgiven = e.kind === 'reverse' ? Number((e.details as { forgiven?: number }).forgiven ?? 0) : 0;
    if (left > 0 && forgiven > 0) {
      const part = Math.min(left, forgiven);
      out.set(e.id, part);
      left -= part;
    }
  }
  return out;
}

/**
 * The member's entries in the order they happened (occurred_at; equal times as written,
 * by id), each with its running total (balance_after) split into pending_after — points
 * still in their holding period now — and spendable_after, the rest. The last line's
 * pending_after is the account's pending; its spendable_after the balance, plus points
 * already expired that the hourly maintenance has not yet taken out (expiring_now) until
 * it writes their expiry entry. `sum` is the sum of all entries, for the proof.
 */
export function explainLedger({ rows, allocations, reservations, currency, language, now, timeZone, names, points = () => POINTS_WORDS, customers }: {
  rows: readonly LedgerRow[];
  allocations: readonly { debit_id: number; credit_id: number; points: number }[];
  reservations?: ReadonlyMap<string, ReservationStatus>;
  currency: string;
  language: Language;
  now: Date;
  timeZone: string;
  /** The program's names for an entry's version (program-names.ts namesByVersion); without it, the names as stored. */
  names?: (version: number | null | undefined) => ProgramNames;
  /** What the points are called by an entry's version (program-names.ts pointsNameOf of it); the product's own word by default. */
  points?: (version: number | null | undefined) => CountedName;
  /** The other customers of the merges the entries record, in words (describeEntry). */
  customers?: ReadonlyMap<string, string | null>;
}) {
  const { ordered, shownAt } = shownOrder(rows);
  const forfeited = forfeitedAtErasure(rows);
  const line = new Map(ordered.map((e, i) => [e.id, i]));
  const t = now.getTime();
  // As the balance counts them (balanceOf): a lot past its expiry is not pending.
  const pending = (e: LedgerRow) => e.points > 0 && e.available_at !== null && e.available_at.getTime() > t && !(e.expires_at && e.expires_at.getTime() <= t);
  // What each line adds to the pending points: a pending credit all its points, a debit
  // minus what it took from pending credits (a refund of a purchase still in its return
  // window) — counted at the later of the two lines, as a debt owed before the credit
  // that settled it is settled only when that credit comes.
  const pendingBy = ordered.map((e) => (pending(e) ? e.points : 0));
  const takenBy = new Map<number, { entry: number; points: number }[]>();
  const tookFrom = new Map<number, { entry: number; points: number }[]>();
  const add = (to: Map<number, { entry: number; points: number }[]>, id: number, item: { entry: number; points: number }) => {
    const list = to.get(id);
    if (list) list.push(item);
    else to.set(id, [item]);
  };
  for (const a of allocations) {
    add(takenBy, a.credit_id, { entry: a.debit_id, points: a.points });
    add(tookFrom, a.debit_id, { entry: a.credit_id, points: a.points });
    const credit = line.get(a.credit_id);
    const debit = line.get(a.debit_id);
    if (credit !== undefined && debit !== undefined && pending(ordered[credit])) pendingBy[Math.max(credit, debit)] -= a.points;
  }
  const say = PHRASES[language];
  const day = keptTogether(new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeZone }));
  const dayAndTime = keptTogether(new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  let running = 0;
  let pendingRunning = 0;
  const entries = ordered.map((e, i) => {
    running += e.points;
    pendingRunning += pendingBy[i];
    const stillPending = pending(e) && e.remaining !== null && e.remaining > 0;
    const pointsName = points(e.program_version);
    // An expiry names the lots it took (a member asks "which points?"): by purchase, or by the day earned.
    const took = e.kind === 'expire' ? tookFrom.get(e.id) ?? [] : [];
    const lotsTaken = took.flatMap((a) => {
      const lot = byId.get(a.entry);
      if (!lot) return [];
      const purchase = lot.kind === 'earn' ? (lot.details as { purchase?: unknown }).purchase : undefined;
      return [{ points: a.points, purchase: typeof purchase === 'string' ? purchase : null, day: day.format(lot.occurred_at) }];
    });
    const described = describeEntry(e, currency, language, { reservations, names: names?.(e.program_version), points: pointsName, customers, forfeited: forfeited.get(e.id) })
      + (lotsTaken.length > 0 ? say.expiredFrom(lotsTaken) : '');
    // Shown where it was recorded: its own date in words, with the time when that is the same day.
    const at = shownAt.get(e.id) ?? e.occurred_at;
    const said = at === e.occurred_at ? described
      : `${described}${say.recordedLater((day.format(at) === day.format(e.occurred_at) ? dayAndTime : day).format(e.occurred_at))}`;
    const entry = {
      id: e.id, at: at.toISOString(), kind: e.kind, shown_as: shownAs(e), points: e.points,
      balance_after: running, spendable_after: running - pendingRunning, pending_after: pendingRunning,
      description: stillPending ? `${said}${say.pending(e.remaining!, day.format(e.available_at!), unitOf(pointsName, language))}` : said,
      source: { type: e.source_type, id: e.source_id },
    };
    // A credit says what is left of it, whether that is still pending, and which debits took from it; a debit, what it still owes and which credits it took from;
    // an entry of 0 points (a purchase the daily cap left without points, a refund of points expired already) is neither.
    if (e.points > 0) {
      return withFields(entry, {
        remaining: e.remaining, available_at: e.available_at?.toISOString() ?? null, expires_at: e.expires_at?.toISOString() ?? null, pending: stillPending,
        taken_by: takenBy.get(e.id) ?? [], reason: e.reason, actor: e.actor,
      });
    }
    if (e.points < 0) return withFields(entry, { unsettled: e.unsettled, took_from: tookFrom.get(e.id) ?? [], reason: e.reason, actor: e.actor });
    return withFields(entry, { unsettled: e.unsettled, reason: e.reason, actor: e.actor });
  });
  return { entries, sum: running };
}

/**
 * The order the account reads in: by occurrence (equal times as written, by id), except
 * that a debit written later never makes one written before it read as overdrawing. The ledger
 * never lets a redemption (a checkout hold, a staff debit) spend points the member does
 * not have, and every live writer dates its entry after taking the member's lock, so
 * among live entries the dates follow the writes. A debit dated earlier than it was
 * written does not: a refund dated last week (by the till, or by a refunds file) recorded
 * after today's redemption took back points the redemption had spent — its shortfall is
 * a debt since its recording — but at its own date it would come first, and the
 * redemption after it would read as spending points that were not there. So when a debit
 * reads below zero, lower than the ledger stood just after it was written (the sum of the
 * entries up to it by id), the debits written after it and shown before it move to when
 * they were recorded: after every entry written before them, and not before their own
 * writing (created_at). `shownAt` holds those entries' new times. A debit written later
 * that leaves everything above zero stays at its own date: the purchases, refunds and
 * bonuses of an imported history read in the order they happened, however late they were
 * written. Moving only ever delays an entry, to one of finitely many times, so it ends.
 */
export function shownOrder(rows: readonly LedgerRow[]): { ordered: LedgerRow[]; shownAt: Map<number, Date> } {
  // An expiry undone (refunds/expiry-of-lots.ts) is dated when its points expired, for the
  // report's periods, but reads where it was recorded: after the expiry it undoes.
  const shownAt = new Map<number, Date>(rows.filter((e) => e.kind === 'expire' && e.points > 0).map((e) => [e.id, e.created_at]));
  const time = (e: LedgerRow) => (shownAt.get(e.id) ?? e.occurred_at).getTime();
  const sort = () => [...rows].sort((a, b) => time(a) - time(b) || a.id - b.id);
  const written = new Map<number, number>();
  let sum = 0;
  for (const e of [...rows].sort((a, b) => a.id - b.id)) written.set(e.id, (sum += e.points));
  let ordered = sort();
  for (;;) {
    let running = 0;
    let moved = false;
    for (let i = 0; i < ordered.length && !moved; i++) {
      const e = ordered[i];
      running += e.points;
      if (e.points >= 0 || running >= 0 || running >= written.get(e.id)!) continue;
      for (const later of ordered.slice(0, i)) {
        if (later.points >= 0 || later.id < e.id) continue;
        let recorded = later.created_at.getTime();
        for (const x of rows) if (x.id < later.id) recorded = Math.max(recorded, time(x));
        shownAt.set(later.id, new Date(recorded));
        moved = true;
      }
    }
    if (!moved) return { ordered, shownAt };
    ordered = sort();
  }
}
