import { discountGiven, minorOrNull, type Benefit, type UseAmountsMinor } from './discounts.ts';

// The amounts a coupon's use was sent, read back for a retry under its key with other
// values. A use keeps them only in its request's hash and as the discount they gave, so
// a retry with another order_subtotal or product_price was told "a different body"
// without naming either. The discount often fixes what was sent — a free product's price
// is its discount, a fixed amount's subtotal below it is its discount, a percentage's
// discount leaves a few subtotals that round to it — and each candidate, with this
// request's values and with none, is proven by the hash: a match is what was sent, never
// a guess; no match leaves the 409 unnamed, as before.

/** Subtotals at most this many apart are tried for a percentage (a 1 % discount leaves about 100). */
const MOST_SUBTOTALS = 2_000;

export function recordedAmounts({ hashOf, storedHash, benefit, discount, sent, currency }: {
  /** The request's hash as useCoupon makes it, with these amounts. */
  hashOf: (amounts: UseAmountsMinor) => string;
  storedHash: string;
  benefit: Benefit;
  /** What the recorded use gave (coupon_uses.discount_minor). */
  discount: number | null;
  sent: UseAmountsMinor;
  currency: string;
}): UseAmountsMinor | undefined {
  const subtotals = new Set<number | null>([null, sent.subtotal]);
  const prices = new Set<number | null>([null, sent.price]);
  if (discount !== null) {
    if (benefit.type === 'free_product') prices.add(discount);
    const amount = benefit.type === 'fixed_discount' ? minorOrNull(benefit.amount, currency) : null;
    if (amount !== null && discount < amount) subtotals.add(discount);
    if (benefit.type === 'percent_discount' && typeof benefit.percent === 'number' && benefit.percent > 0) {
      const around = (discount * 100) / benefit.percent;
      const from = Math.max(0, Math.floor(around - 100 / benefit.percent) - 1);
      const to = Math.ceil(around + 100 / benefit.percent) + 1;
      if (to - from <= MOST_SUBTOTALS) {
        for (let s = from; s <= to; s++) if (discountGiven(benefit, { subtotal: s, price: null }, currency) === discount) subtotals.add(s);
      }
    }
  }
  for (const subtotal of subtotals) {
    for (const price of prices) if (hashOf({ subtotal, price }) === storedHash) return { subtotal, price };
  }
  return undefined;
}
