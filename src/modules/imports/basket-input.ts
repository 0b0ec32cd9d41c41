import { toMajor, toMinor } from '../../shared/money.ts';
import { withFields } from '../../shared/objects.ts';
import type { Basket } from './baskets.ts';
import { CANONICAL, LINE_COLUMNS, type ColumnLayout } from './mapping.ts';
import { cell, purchaseInput } from './rows.ts';

// The rows of one order (a file with one row per item bought) become one purchase input,
// the body the API takes: the order's fields from its rows, one line per row. Exports
// differ in where they put the order's fields — Shopify writes them on the first row only,
// UCI Online Retail on every row — so a later row may leave them empty, and one that
// gives another value is refused rather than one of them picked.

export interface BasketProblem {
  line: number;
  /** The canonical column the problem is in. */
  column: string;
  reason: string;
}

/** The order's own columns: everything but the line items and the order id they are grouped by. */
const ORDER_COLUMNS = CANONICAL.purchases.map((f) => f.name).filter((n) => n !== 'external_id' && !(LINE_COLUMNS as readonly string[]).includes(n));

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A basket's purchase input, and what is wrong with its rows that the API's rules cannot see. */
export function basketInput(basket: Basket, layout: ColumnLayout, externalId: string, businessCurrency: string) {
  const problems: BasketProblem[] = [];
  const rows = basket.map((r) => r.values);
  // The order's fields: each the first value its rows give; another value later is a problem of that row.
  const orderRow = rows[0].slice();
  for (const column of ORDER_COLUMNS) {
    const i = layout.index.get(column);
    if (i === undefined) continue;
    let first: { value: string; line: number } | undefined;
    for (const record of basket) {
      const value = cell(record.values, layout, column);
      if (value === undefined) continue;
      if (!first) first = { value, line: record.line };
      else if (value !== first.value) problems.push({ line: record.line, column, reason: `"${value}" differs from "${first.value}" on line ${first.line}, in the same order ${externalId}` });
    }
    if (first) orderRow[i] = first.value;
  }
  const input = purchaseInput(orderRow, layout, externalId);
  const lines = basket.map((record) => lineOf(record, layout, problems));
  const total = input.total || computedTotal(lines, input.discount, input.currency ?? businessCurrency, basket[0].line, problems);
  return { input: withFields(input, { total, lines: lines.map((l) => l.item) }), problems };
}

/** A row's line item; a quantity that is not a positive number is a problem of the row (and 1 stands in). */
function lineOf(record: Basket[number], layout: ColumnLayout, problems: BasketProblem[]) {
  const get = (column: string) => cell(record.values, layout, column);
  const text = get('line_quantity');
  let quantity = text?.replace(/^\+/, '');
  const problem = text === undefined ? undefined
    : !NUMBER.test(text) ? `must be a number such as 2 or 0.5, not "${text}"`
    : text.startsWith('-') ? `is negative (${text}): a returned item? Import returns as a refunds file`
    : undefined;
  if (problem) {
    problems.push({ line: record.line, column: 'line_quantity', reason: problem });
    quantity = '1'; // the basket is refused for the problem; 1 keeps the API's rules from telling it again
  }
  const unitPrice = get('line_unit_price');
  return {
    /** The line as the API takes it (an empty quantity is 1 there too). */
    item: { sku: get('line_sku'), name: get('line_name'), category: get('line_category'), quantity: quantity === undefined ? undefined : Number(quantity), unit_price: unitPrice as string },
    quantity: quantity ?? '1',
    unitPrice,
  };
}

/**
 * What the lines add up to, less the order's discount: each line rounded to the currency's
 * cents as a receipt prints it (1.5 kg at 2.99 is 4.49), halves up. A price or discount
 * that is not an amount leaves the total at 0: the API's rules report that field.
 */
function computedTotal(lines: { quantity: string; unitPrice: string | undefined }[], discount: string | undefined, currency: string, line: number, problems: BasketProblem[]): string {
  try {
    let sum = 0n;
    for (const l of lines) sum += lineAmount(l.quantity, toMinor(l.unitPrice ?? '', currency));
    const discountMinor = discount === undefined ? 0n : BigInt(toMinor(discount, currency));
    if (discountMinor > sum) {
      problems.push({ line, column: 'discount', reason: `${discount} is more than the order's lines add up to (${toMajor(sum, currency)})` });
      return '0';
    }
    return toMajor(sum - discountMinor, currency);
  } catch {
    return '0';
  }
}

/** quantity × unit price in minor units, rounded half up, without floating-point error. */
function lineAmount(quantity: string, unitMinor: number): bigint {
  const [whole, fraction = ''] = quantity.split('.');
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * BigInt(unitMinor);
  return (scaled * 2n + scale) / (2n * scale);
}
