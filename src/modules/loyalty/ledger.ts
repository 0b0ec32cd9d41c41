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
 * the available ones. Lots already expired are never used.
 */
export function chooseLots(lots: readonly Lot[], points: number, { now, includePending, prefer = [] }: { now: Date; includePending: boolean; prefer?: readonly number[] }): { allocations: Allocation[]; shortfall: number } {
  const t = now.getTime();
  const usable = lots.filter((l) => l.remaining > 0 && !(l.expiresAt && l.expiresAt.getTime() <= t));
  const isAvailable = (l: Lot) => !l.availableAt || l.availableAt.getTime() <= t;
  const preferred = new Set(prefer);
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
 * Points to take back after a refund: the purchase's credits × refunded share, computed
 * on the cumulative refunded amount so that partial refunds add up exactly to a full
 * reversal (no rounding drift), minus what earlier refunds already took back.
 */
export function pointsToReverse({ credited, alreadyReversed, refundedMinor, totalMinor }: { credited: number; alreadyReversed: number; refundedMinor: number; totalMinor: number }): number {
  if (totalMinor <= 0 || credited <= 0) return 0;
  const due = refundedMinor >= totalMinor ? credited : Math.round((credited * refundedMinor) / totalMinor);
  return Math.max(0, due - alreadyReversed);
}
