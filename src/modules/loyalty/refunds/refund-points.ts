import { atSkuAverage, valueOfLines, type BoughtLine, type PurchaseReturns } from '../../commerce/index.ts';
import { isLineCondition, lineMatches, round, text, type EarningFactor, type Program } from '../program/program.ts';

// What a refund naming the lines returned takes back: what those lines earned, not their
// share of the amount. Returning a double-points bag of coffee bought with two mugs takes
// back the coffee's points, not the basket's average: otherwise a customer could buy
// double-points items with others, return them, and keep the difference.
//
// The ledger's purchase entry keeps the points and the factors that applied, each with the
// share of the basket it applied to (explain.ts reads them), but not which lines they were.
// They are worked out again here from the purchase's stored lines and the rules of the
// program version that earned the purchase (the entry's program_version): a line rule
// (category, SKU: a multiplier or a promotion's factor) counts for a line when it matches
// the line and the entry says it applied — the same name and factor on the same share of
// the basket — so a rule whose purchase-level conditions (a tier, a store, a weekday) did
// not hold then is not applied now. A line's weight is its amount × its line factors; the
// basket's discount and the factors of the whole purchase (tier, store, promotion) are
// every line's alike and cancel out of the shares, and a daily cap cut all of them alike.
//
// Shares add up over the purchase's refunds, and the points are taken on the cumulative
// share as amount-share reversals are (ledger.ts pointsToReverse): what is due after this
// refund, rounded to the nearest point (halves up), less what earlier refunds took back —
// so the refunds of every line take back exactly the purchase's points, in any order, and
// never more. A refund by amount alone counts its share of the total; one whose amount is
// below its lines' value, the lines' share × amount ÷ value. The purchase's bonuses (its
// first-purchase bonus) go back by the refunded amount's share, as before.

/** Each line's weight in what the purchase earned: its amount × the line rules that applied to it (see above). */
export function lineWeights(program: Program | undefined, lines: readonly BoughtLine[], applied: readonly EarningFactor[]): number[] {
  // As pointsForPurchase: quantity × unit price, unrounded.
  const amounts = lines.map((l) => l.quantity * l.unitPriceMinor);
  const linesTotal = amounts.reduce((a, b) => a + b, 0);
  if (!program || linesTotal <= 0) return amounts;
  const factors = lines.map(() => 1);
  const unclaimed = [...applied];
  const rule = (name: string, when: Parameters<typeof lineMatches>[0], factor: number) => {
    let share = 0;
    const matching: number[] = [];
    lines.forEach((line, i) => {
      if (!lineMatches(when, line)) return;
      matching.push(i);
      share += amounts[i] / linesTotal;
    });
    const found = share > 0 ? unclaimed.findIndex((f) => f.name === name && f.factor === factor && Math.abs(f.share - share) < 1e-9) : -1;
    if (found < 0) return;
    unclaimed.splice(found, 1);
    for (const i of matching) factors[i] *= factor;
  };
  const earning = program.document.earning;
  earning.multipliers.forEach((m, i) => {
    if (isLineCondition(m.when)) rule(program.multiplierNames[i], m.when, m.factor);
  });
  for (const promo of earning.promotions) {
    if (promo.when && isLineCondition(promo.when) && promo.factor !== undefined) rule(text(promo.name), promo.when, promo.factor);
  }
  return amounts.map((a, i) => a * factors[i]);
}

/**
 * The share (0–1) of the purchase's points its refunds so far took back, by what they
 * returned: a refund naming lines, those lines' weight over all the lines' (a SKU on
 * several lines at its average weight), × its amount ÷ the lines' value when the amount
 * is less; a refund by amount, its share of the total.
 */
export function earnedShareReturned(weights: readonly number[], returns: PurchaseReturns): number {
  const { bought, totalMinor, discountMinor } = returns;
  if (totalMinor <= 0) return 0;
  const all = weights.reduce((a, b) => a + b, 0);
  let share = 0;
  for (const r of returns.refunds) {
    if (r.lines.length === 0 || all <= 0) {
      share += r.amountMinor / totalMinor;
      continue;
    }
    const weight = atSkuAverage(bought, weights, r.lines);
    const value = valueOfLines({ bought, returned: r.lines, totalMinor, discountMinor });
    share += (weight / all) * (value > 0 ? Math.min(1, r.amountMinor / value) : 1);
  }
  return Math.min(1, share);
}

/**
 * Points to take back after a refund when the purchase's refunds named lines: the earned
 * points × the share returned (all of them once every line is back or the purchase is
 * fully refunded), plus the purchase's bonus × the refunded amount's share, each rounded
 * to the nearest point (halves up), less what earlier refunds of it took back.
 */
export function pointsToReverseByLines({ earned, bonus, alreadyReversed, share, refundedMinor, totalMinor }: {
  earned: number; bonus: number; alreadyReversed: number; share: number; refundedMinor: number; totalMinor: number;
}): number {
  if (totalMinor <= 0) return 0;
  const full = refundedMinor >= totalMinor;
  const earnedDue = full || share >= 1 - 1e-9 ? earned : round(earned * share, 'nearest');
  const bonusDue = full ? bonus : round((bonus * refundedMinor) / totalMinor, 'nearest');
  return Math.max(0, earnedDue + bonusDue - alreadyReversed);
}
