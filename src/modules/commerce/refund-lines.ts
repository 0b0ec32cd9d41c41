import type { Db } from '../../db/index.ts';
import { invalidField, type AppError } from '../../shared/errors.ts';

// A refund may name the lines returned ({ sku, quantity }) instead of an amount, as a till
// does when a customer brings back one item of a basket. The amount is then what those
// items were paid: each line's amount as the receipt printed it (quantity × price, rounded
// to the cent), less its share of the basket's discount — the recorded discount, or the
// lines' excess over the total when they add up to more. Lines that add up to less than
// the total are not all the basket (a till may list only some; a web store's total adds
// shipping): each is then refunded at its price less its share of the discount, never
// scaled up to the total. A line can be returned only as many times as it was bought, counting
// the lines of the purchase's earlier refunds. With an amount as well, the amount is
// refunded and the lines are checked and recorded as what came back.

export interface ReturnedLine {
  sku?: string | null;
  quantity: number;
}

interface BoughtLine {
  sku: string | null;
  quantity: number;
  unitPriceMinor: number;
}

/** What the returned lines were paid (minor units), or the problem with the first line that cannot be returned. */
export function valueOfReturnedLines(
  { bought, returnedBefore, returned, totalMinor, discountMinor, purchase }: {
    bought: BoughtLine[]; returnedBefore: ReturnedLine[]; returned: ReturnedLine[]; totalMinor: number; discountMinor: number; purchase: string;
  },
): { valueMinor: number } | AppError {
  if (bought.length === 0) return invalidField('lines', `purchase ${purchase} has no line items to return; give the amount instead`);
  const bySku = new Map<string, { quantity: number; valueMinor: number }>();
  let linesValue = 0;
  for (const l of bought) {
    const amount = Math.round(l.quantity * l.unitPriceMinor);
    linesValue += amount;
    if (!l.sku) continue;
    const s = bySku.get(l.sku) ?? { quantity: 0, valueMinor: 0 };
    s.quantity += l.quantity;
    s.valueMinor += amount;
    bySku.set(l.sku, s);
  }
  const left = new Map([...bySku].map(([sku, s]) => [sku, s.quantity]));
  for (const r of returnedBefore) if (r.sku && left.has(r.sku)) left.set(r.sku, left.get(r.sku)! - r.quantity);
  let value = 0;
  for (const [i, r] of returned.entries()) {
    if (!r.sku) return invalidField(`lines.${i}.sku`, 'is required: the SKU of the line returned');
    const line = bySku.get(r.sku);
    if (!line) return invalidField(`lines.${i}.sku`, `purchase ${purchase} has no line with SKU ${r.sku}`);
    const returnable = left.get(r.sku)!;
    if (r.quantity > returnable + 1e-9) {
      return invalidField(`lines.${i}.quantity`, `exceeds the ${Math.max(0, returnable)} of SKU ${r.sku} still returnable (${line.quantity} bought)`);
    }
    left.set(r.sku, returnable - r.quantity);
    value += r.quantity * (line.valueMinor / line.quantity);
  }
  if (linesValue <= 0) return invalidField('lines', `the lines of purchase ${purchase} have no value to return; give the amount instead`);
  return { valueMinor: Math.round(value * Math.min(1, totalMinor / linesValue, (linesValue - discountMinor) / linesValue)) };
}

/** The purchase's lines and the lines its earlier refunds returned, for valueOfReturnedLines. */
export async function linesOfPurchase(trx: Db, ref: { customer_id: string; purchase_id: string }): Promise<{ bought: BoughtLine[]; returnedBefore: ReturnedLine[]; discountMinor: number }> {
  const bought = await trx.selectFrom('purchase_lines').select(['sku', 'quantity', 'unit_price_minor'])
    .where('customer_id', '=', ref.customer_id).where('purchase_id', '=', ref.purchase_id).orderBy('line_no').execute();
  const refunds = await trx.selectFrom('refunds').select('lines').where('customer_id', '=', ref.customer_id).where('purchase_id', '=', ref.purchase_id).execute();
  const purchase = await trx.selectFrom('purchases').select('discount_minor').where('customer_id', '=', ref.customer_id).where('id', '=', ref.purchase_id).executeTakeFirst();
  return {
    bought: bought.map((l) => ({ sku: l.sku, quantity: Number(l.quantity), unitPriceMinor: Number(l.unit_price_minor) })),
    returnedBefore: refunds.flatMap((r) => (r.lines as ReturnedLine[]) ?? []),
    discountMinor: Number(purchase?.discount_minor ?? 0),
  };
}
