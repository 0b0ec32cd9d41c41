import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { invalidField, type AppError } from '../../shared/errors.ts';
import { say } from '../../shared/messages/index.ts';
import { moneyOfMinor } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';

// A refund may name the lines returned ({ sku, quantity }) instead of an amount, as a till
// does when a customer brings back one item of a basket. The amount is then what those
// items were paid: each line's amount as the receipt printed it (quantity × price, rounded
// to the cent), less its share of the basket's discount — the recorded discount, or the
// lines' excess over the total when they add up to more. Lines that add up to less than
// the total are not all the basket (a till may list only some; a web store's total adds
// shipping): each is then refunded at its price less its share of the discount, never
// scaled up to the total. A line can be returned only as many times as it was bought, counting
// the lines of the purchase's earlier refunds.
//
// With an amount as well, the amount is refunded and the lines are recorded as what came
// back (a return with a restocking fee, a damaged item refunded in part). So that lines
// are never marked returned for an amount that has nothing to do with them, the amount may
// not exceed what those lines were paid plus the part of the purchase outside its lines
// (shipping); below it, loyalty takes back the lines' points scaled by amount ÷ value.
// The API (refund-record.ts) and a refunds file (refund-check.ts) both decide here, so
// a refund means the same whichever way it comes.

export interface ReturnedLine {
  sku?: string | null;
  quantity: number;
}

export interface BoughtLine {
  sku: string | null;
  category: string | null;
  quantity: number;
  unitPriceMinor: number;
}

/** A purchase's lines and what its refunds (recorded, and earlier in a file) returned of them. */
export interface PurchaseLines {
  bought: BoughtLine[];
  returnedBefore: ReturnedLine[];
  discountMinor: number;
}

/** The receipt's amount of each line (quantity × price, to the cent), and of all of them. */
function lineAmounts(bought: BoughtLine[]) {
  const amounts = bought.map((l) => Math.round(l.quantity * l.unitPriceMinor));
  return { amounts, linesValue: amounts.reduce((a, b) => a + b, 0) };
}

/**
 * What share of its price each line was paid: the discount (or the lines' excess over the
 * total) taken from every line alike. Never below nothing: a purchase recorded before a
 * discount was held to its lines (purchase-lines.ts) may have one beyond them.
 */
function paidShare(linesValue: number, totalMinor: number, discountMinor: number): number {
  return linesValue > 0 ? Math.max(0, Math.min(1, totalMinor / linesValue, (linesValue - discountMinor) / linesValue)) : 0;
}

/** Per SKU: the quantity bought and the sum of a per-line figure (lines without a SKU cannot be named, and are not here). */
function bySkuOf(bought: BoughtLine[], perLine: readonly number[]) {
  const bySku = new Map<string, { quantity: number; total: number }>();
  bought.forEach((l, i) => {
    if (!l.sku) return;
    const s = bySku.get(l.sku) ?? { quantity: 0, total: 0 };
    s.quantity += l.quantity;
    s.total += perLine[i];
    bySku.set(l.sku, s);
  });
  return bySku;
}

/**
 * What returned lines come to by a per-line figure of the lines bought (what each cost on
 * the receipt, or the weight of the points it earned): a SKU on several lines at its
 * average per unit.
 */
export function atSkuAverage(bought: BoughtLine[], perLine: readonly number[], returned: ReturnedLine[]): number {
  const bySku = bySkuOf(bought, perLine);
  let sum = 0;
  for (const r of returned) {
    const line = r.sku ? bySku.get(r.sku) : undefined;
    if (line) sum += r.quantity * (line.total / line.quantity);
  }
  return sum;
}

/**
 * What these lines were paid (minor units), without checking they can be returned: a SKU
 * on several lines is valued at its average price. Loyalty values a recorded refund's
 * lines with it, to scale the points of a refund whose amount is below its lines' value.
 */
export function valueOfLines({ bought, returned, totalMinor, discountMinor }: { bought: BoughtLine[]; returned: ReturnedLine[]; totalMinor: number; discountMinor: number }): number {
  const { amounts, linesValue } = lineAmounts(bought);
  return Math.round(atSkuAverage(bought, amounts, returned) * paidShare(linesValue, totalMinor, discountMinor));
}

/** What the returned lines were paid (minor units), or the problem with the first line that cannot be returned. */
export function valueOfReturnedLines(
  { bought, returnedBefore, returned, totalMinor, discountMinor, purchase }: PurchaseLines & { returned: ReturnedLine[]; totalMinor: number; purchase: string },
): { valueMinor: number } | AppError {
  if (bought.length === 0) return invalidField('lines', say('refund.no_line_items', { purchase }));
  const { amounts, linesValue } = lineAmounts(bought);
  const bySku = bySkuOf(bought, amounts);
  const left = new Map([...bySku].map(([sku, s]) => [sku, s.quantity]));
  for (const r of returnedBefore) if (r.sku && left.has(r.sku)) left.set(r.sku, left.get(r.sku)! - r.quantity);
  for (const [i, r] of returned.entries()) {
    if (!r.sku) return invalidField(`lines.${i}.sku`, say('refund.sku_required'));
    const line = bySku.get(r.sku);
    if (!line) return invalidField(`lines.${i}.sku`, say('refund.no_such_sku', { purchase, sku: r.sku }));
    const returnable = left.get(r.sku)!;
    if (r.quantity > returnable + 1e-9) {
      return invalidField(`lines.${i}.quantity`, say('refund.quantity_exceeds', { returnable: Math.max(0, returnable), sku: r.sku, bought: line.quantity }));
    }
    left.set(r.sku, returnable - r.quantity);
  }
  if (linesValue <= 0) return invalidField('lines', say('refund.lines_without_value', { purchase }));
  return { valueMinor: valueOfLines({ bought, returned, totalMinor, discountMinor }) };
}

/**
 * The amount a refund naming lines takes, by the rules above: the lines' value, or the
 * amount given with them when it is at most that value plus the part of the purchase
 * outside its lines; else the problem, named as the field the client can change.
 */
export function amountOfReturnedLines(
  p: PurchaseLines & { returned: ReturnedLine[]; amountMinor: number | null; totalMinor: number; currency: string; purchase: string },
): { amountMinor: number } | AppError {
  if (p.bought.length === 0 && p.amountMinor !== null) {
    return invalidField('lines', say('refund.lines_unchecked', { purchase: p.purchase }));
  }
  const returned = valueOfReturnedLines(p);
  if (!('valueMinor' in returned)) return returned;
  if (p.amountMinor === null) return { amountMinor: returned.valueMinor };
  const { linesValue } = lineAmounts(p.bought);
  const outsideLines = Math.max(0, p.totalMinor - Math.round(linesValue * paidShare(linesValue, p.totalMinor, p.discountMinor)));
  const most = returned.valueMinor + outsideLines;
  if (p.amountMinor > most) {
    const amounts = { amount: moneyOfMinor(p.amountMinor, p.currency), value: moneyOfMinor(returned.valueMinor, p.currency) };
    return invalidField('amount', outsideLines
      ? say('refund.amount_exceeds_lines_and_rest', withFields(amounts, { rest: moneyOfMinor(outsideLines, p.currency), purchase: p.purchase }))
      : say('refund.amount_exceeds_lines', amounts));
  }
  return { amountMinor: p.amountMinor };
}

/** The purchase's lines and the lines its earlier refunds returned, for valueOfReturnedLines. */
export async function linesOfPurchase(trx: Db, ref: { customer_id: string; purchase_id: string }): Promise<PurchaseLines> {
  const { bought, refunds, discountMinor } = await returnsOfPurchase(trx, ref);
  return { bought, returnedBefore: refunds.flatMap((r) => r.lines), discountMinor };
}

/** A purchase's refunds as loyalty weighs them: each one's amount and the lines it named (none: a refund by amount). */
export interface PurchaseReturns {
  bought: BoughtLine[];
  discountMinor: number;
  totalMinor: number;
  refunds: { amountMinor: number; lines: ReturnedLine[] }[];
}

/**
 * The purchase's lines, discount and total, and every refund of it recorded so far. One
 * statement, one round trip: loyalty reads it for every refund of a purchase that earned
 * points (a file's refunds, many to a transaction, made three a refund of some twelve).
 */
export async function returnsOfPurchase(trx: Db, ref: { customer_id: string; purchase_id: string }): Promise<PurchaseReturns> {
  const { customer_id: customerId, purchase_id: purchaseId } = ref;
  const { rows: [row] } = await sql<{
    bought: { sku: string | null; category: string | null; quantity: number | string; unit_price_minor: number | string }[];
    refunds: { amount_minor: number | string; lines: ReturnedLine[] | null }[];
    discount_minor: number | null;
    total_minor: number | null;
  }>`
    SELECT (SELECT coalesce(json_agg(json_build_object('sku', l.sku, 'category', l.category, 'quantity', l.quantity, 'unit_price_minor', l.unit_price_minor) ORDER BY l.line_no), '[]')
              FROM purchase_lines l WHERE l.customer_id = ${customerId} AND l.purchase_id = ${purchaseId}) AS bought,
           (SELECT coalesce(json_agg(json_build_object('amount_minor', r.amount_minor, 'lines', r.lines) ORDER BY r.created_at, r.id), '[]')
              FROM refunds r WHERE r.customer_id = ${customerId} AND r.purchase_id = ${purchaseId}) AS refunds,
           p.discount_minor, p.total_minor
    FROM (SELECT 1) AS one LEFT JOIN purchases p ON p.customer_id = ${customerId} AND p.id = ${purchaseId}`.execute(trx);
  return {
    bought: row.bought.map((l) => ({ sku: l.sku, category: l.category, quantity: Number(l.quantity), unitPriceMinor: Number(l.unit_price_minor) })),
    discountMinor: Number(row.discount_minor ?? 0),
    totalMinor: Number(row.total_minor ?? 0),
    refunds: row.refunds.map((r) => ({ amountMinor: Number(r.amount_minor), lines: r.lines ?? [] })),
  };
}
