import { counted, say, type Said } from '../../../shared/messages/index.ts';
import type { CountedName } from '../../../shared/plural.ts';
import { localDate, timeIn } from '../../../shared/clock.ts';

// The ledger's rules, pure: which lots a debit consumes, and what a member's entries say
// about the balance. The repository stores what these decide.
//
// Invariants (checked by `regulars loyalty verify`):
//   credit.remaining = credit.points − Σ allocations from it            (≥ 0)
//   debit.unsettled  = −debit.points − Σ allocations to it              (≥ 0)
//   member.points    = Σ entry.points = Σ credit.remaining − Σ debit.unsettled
// A debit takes points from lots; what no lot covers stays `unsettled` (a refund of
// points already spent) and the member's next credits settle it first.

export interface Lot {
  id: number;
  remaining: number;
  availableAt: Date | null;
  expiresAt: Date | null;
}

export interface Allocation {
  creditId: number;
  points: number;
}

/**
 * Lots for a debit of `points`: the preferred lots first (a refund takes back the
 * purchase's own points), then the lots that expire earliest (never-expiring last),
 * oldest first among equals. Pending lots are used only when allowed (reversals), after
 * the available ones. Other lots past their expiry are never used; a preferred one is (a
 * refund dated before the lot's date, recorded after it: planDebit leaves out those past
 * their date at the take-back's own), until the sweep writes it off: a refund takes back
 * the purchase's own points, and the sweep then finds nothing left of them to expire
 * (otherwise the member lost them twice, once to the refund from other lots and once to
 * the expiry).
 */
export function chooseLots(lots: readonly Lot[], points: number, { now, includePending, prefer = [] }: { now: Date; includePending: boolean; prefer?: readonly number[] }): { allocations: Allocation[]; shortfall: number } {
  const t = now.getTime();
  const preferred = new Set(prefer);
  const usable = lots.filter((l) => l.remaining > 0 && (preferred.has(l.id) || !(l.expiresAt && l.expiresAt.getTime() <= t)));
  const isAvailable = (l: Lot) => !l.availableAt || l.availableAt.getTime() <= t;
  const rank = (l: Lot) => (preferred.has(l.id) ? 0 : isAvailable(l) ? 1 : 2);
  const ordered = usable
    .filter((l) => preferred.has(l.id) || isAvailable(l) || includePending)
    .sort((a, b) => rank(a) - rank(b) || (a.expiresAt?.getTime() ?? Infinity) - (b.expiresAt?.getTime() ?? Infinity) || a.id - b.id);
  const allocations: Allocation[] = [];
  let left = points;
  for (const lot of ordered) {
    if (left === 0) break;
    const take = Math.min(left, lot.remaining);
    allocations.push({ creditId: lot.id, points: take });
    left -= take;
  }
  return { allocations, shortfall: left };
}

/**
 * What a debit of `points` writes: the lots it takes, and the part no lot covers that stays
 * owed. `debited` 0: nothing to write. `expired`: the part not taken because the points it
 * takes back had expired already (see planDebit's `expired`).
 */
export interface DebitPlan {
  debited: number;
  unsettled: number;
  shortfall: number;
  expired: number;
  allocations: Allocation[];
}

/**
 * Plans a debit: with `shortfall: 'fail'` it is refused (debited 0) when the lots do not
 * cover it; 'owe' debits it all and leaves the rest unsettled; 'forgive' debits only what
 * the lots cover. `explicit` lots are taken as given (expiry names its own lots: they are
 * past their date, which chooseLots skips).
 *
 * `expired` (a take-back: a refund's, or a revoked bonus's): of the points to take back,
 * how many the preferred lots (the purchase's own) have lost to expiry and no earlier
 * take-back has counted. What the preferred lots still hold is taken first; what they no
 * longer hold because it expired is not taken again from other lots or owed — the member
 * lost those points once already. Points the lots lost to spending are taken back as usual
 * (the member had their value). `writtenOff` is what the sweep wrote off of them less what
 * earlier take-backs counted (below 0 when those counted lots the sweep had not reached);
 * a preferred lot past its date at `at`, the take-back's own date, counts as expired too
 * and is not taken, whether or not the sweep has reached it: so the take-back is the same
 * whenever the hourly sweep runs, and a period's expired points (the report counts a lot by
 * its date) do not move to a later refund. A take-back dated before the lot's date still
 * takes it (the refund came first).
 */
export function planDebit(
  allLots: readonly Lot[],
  points: number,
  { now, includePending, prefer, shortfall, explicit, expired: takeBack }: { now: Date; includePending: boolean; prefer?: readonly number[]; shortfall: 'fail' | 'owe' | 'forgive'; explicit?: Allocation[]; expired?: { writtenOff: number; at: Date } },
): DebitPlan {
  let expired = 0;
  let lots = allLots;
  if (takeBack && prefer?.length) {
    const lapsed = (l: Lot) => prefer.includes(l.id) && l.expiresAt !== null && l.expiresAt.getTime() <= takeBack.at.getTime();
    lots = allLots.filter((l) => !lapsed(l));
    const lost = takeBack.writtenOff + allLots.filter(lapsed).reduce((s, l) => s + l.remaining, 0);
    const own = chooseLots(lots.filter((l) => prefer.includes(l.id)), points, { now, includePending, prefer });
    expired = Math.max(0, Math.min(lost, own.shortfall));
  }
  const wanted = points - expired;
  const choice = explicit ? { allocations: explicit, shortfall: 0 } : chooseLots(lots, wanted, { now, includePending, prefer });
  const refused = { debited: 0, unsettled: 0, shortfall: choice.shortfall, expired, allocations: [] };
  if (choice.shortfall > 0 && shortfall === 'fail') return refused;
  const debited = shortfall === 'forgive' ? wanted - choice.shortfall : wanted;
  if (debited === 0) return refused;
  return { debited, unsettled: shortfall === 'owe' ? choice.shortfall : 0, shortfall: choice.shortfall, expired, allocations: choice.allocations };
}

/** Takes allocations out of lots held in memory, so the next debit planned against them sees what is left. */
export function takeFromLots(lots: Lot[], allocations: readonly Allocation[]): void {
  for (const a of allocations) {
    const lot = lots.find((l) => l.id === a.creditId);
    if (lot) lot.remaining -= a.points;
  }
}

/** Points a member can spend now, and points still in their holding period. */
export function balanceOf(lots: readonly Lot[], memberPoints: number, now: Date): { available: number; pending: number; expired_unswept: number } {
  const t = now.getTime();
  let pending = 0;
  let expired = 0;
  for (const l of lots) {
    if (l.remaining <= 0) continue;
    if (l.expiresAt && l.expiresAt.getTime() <= t) expired += l.remaining;
    else if (l.availableAt && l.availableAt.getTime() > t) pending += l.remaining;
  }
  return { available: memberPoints - pending - expired, pending, expired_unswept: expired };
}

/**
 * What a "not enough points" refusal tells the cashier is there: the points spendable now,
 * and those still pending (the return window) with the day the first becomes spendable,
 * so "0 available" is not read as "none at all". A catalogue message (told in the
 * dashboard's language; in a string, English); the pending points by `pointsName`, the
 * program's name for them (program-names.ts pointsNameOf), as the rest of the refusal.
 * The caller names them: the ledger knows nothing of the program (program uses ledger).
 */
export function pointsOnHand(lots: readonly Lot[], memberPoints: number, now: Date, pointsName: CountedName, timeZone: string): Said {
  const { available, pending } = balanceOf(lots, memberPoints, now);
  const spendable = Math.max(0, available);
  const onHand = say(spendable === 1 ? 'points.available_one' : 'points.available', { available: spendable });
  if (pending <= 0) return onHand;
  const t = now.getTime();
  const first = Math.min(...lots.filter((l) => l.remaining > 0 && l.availableAt && l.availableAt.getTime() > t).map((l) => l.availableAt!.getTime()));
  // The day in the business's zone (not UTC's: points of a purchase at 00:30 there came due
  // a day later than the refusal said), and the hour when that day is today — "spendable on
  // 2026-01-24" read at 09:59 on the 24th, when they come at 10:00, looked like a fault.
  const firstAt = new Date(first);
  const day = localDate(firstAt, timeZone);
  const date = day === localDate(now, timeZone) ? `${day} ${timeIn(firstAt, timeZone).slice(11, 16)}` : day;
  return say('points.available_and_pending', { on_hand: onHand, pending, points_name: counted(pointsName, pending), date });
}

/**
 * Points to take back after a refund: the purchase's credits × refunded share, computed
 * on the cumulative refunded amount so that partial refunds add up exactly to a full
 * reversal (no rounding drift), minus what earlier refunds already took back.
 */
export function pointsToReverse({ credited, alreadyReversed, refundedMinor, totalMinor }: { credited: number; alreadyReversed: number; refundedMinor: number; totalMinor: number }): number {
  if (totalMinor <= 0 || credited <= 0) return 0;
  const due = refundedMinor >= totalMinor ? credited : Math.round((credited * refundedMinor) / totalMinor);
  return Math.max(0, due - alreadyReversed);
}
