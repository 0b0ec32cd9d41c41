import { amountField, toMinor } from '../../../shared/money.ts';

// What a coupon's use gave, in minor units of the business's currency, as far as the use
// tells it: the till may send the order's subtotal (order_subtotal) and, for a free
// product, the product's price (product_price), as a checkout sends Voucherify an order's
// amount and Shopify records each code's amount on the order. Amounts stay integers
// (shared/money.ts): a percentage is applied in integer arithmetic on its decimal digits and
// rounded once to the minor unit, halves up — the rule refunds share amounts by.

/** A coupon's benefit as stored (jsonb): the fields a discount is read from. */
export type Benefit = { type?: unknown; amount?: unknown; percent?: unknown };

/** What a till said of the order at a use: amounts as it sent them (decimal strings or numbers), both optional. */
export interface UseAmounts {
  order_subtotal?: string | number;
  product_price?: string | number;
}

/** The same in minor units; null where not sent. */
export interface UseAmountsMinor {
  subtotal: number | null;
  price: number | null;
}

/** The amounts a use sent, in minor units of the business's currency; a bad amount is a 422 naming its field. */
export function useAmounts(sent: UseAmounts, currency: string): UseAmountsMinor {
  return {
    subtotal: sent.order_subtotal === undefined ? null : amountField('order_subtotal', sent.order_subtotal, currency),
    price: sent.product_price === undefined ? null : amountField('product_price', sent.product_price, currency),
  };
}

/**
 * The discount a use gave, or null when the use does not tell it: a fixed amount (at most
 * the subtotal, when sent: 5.00 off an order of 3.20 gives 3.20), a percentage of the
 * subtotal, a free product's price. Other benefits (an event, a gift card) give no discount.
 */
export function discountGiven(benefit: Benefit, { subtotal, price }: UseAmountsMinor, currency: string): number | null {
  switch (benefit.type) {
    case 'fixed_discount': {
      const amount = minorOrNull(benefit.amount, currency);
      return amount === null || subtotal === null ? amount : Math.min(amount, subtotal);
    }
    case 'percent_discount':
      return subtotal === null || typeof benefit.percent !== 'number' ? null : percentOf(subtotal, benefit.percent);
    case 'free_product':
      return price;
    default:
      return null;
  }
}

/** A stored amount in minor units; null for one that is not an amount of this currency (nothing is recorded rather than a wrong figure). */
export function minorOrNull(amount: unknown, currency: string): number | null {
  if (typeof amount !== 'string' && typeof amount !== 'number') return null;
  try {
    return toMinor(amount, currency);
  } catch {
    return null;
  }
}

/** `percent` % of `minor` (both non-negative), rounded to the minor unit, halves up, without floats touching the amount. */
export function percentOf(minor: number, percent: number): number {
  const [whole, fraction = ''] = decimalDigits(percent).split('.');
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(minor) * BigInt(whole + fraction);
  const denominator = 100n * scale;
  return Number((numerator * 2n + denominator) / (2n * denominator));
}

/** A percentage's digits as written (12.5 → "12.5"): the shortest form that reads back as it, never an exponent. */
function decimalDigits(value: number): string {
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}
