import { say, type Said } from '../../../shared/messages/index.ts';
import { toMajor, toMinor } from '../../../shared/money.ts';
import { withFields } from '../../../shared/objects.ts';
import { linesAmountMinor } from '../../commerce/index.ts';
import type { Basket } from './baskets.ts';
import { CANONICAL, LINE_COLUMNS, type ColumnLayout } from './mapping.ts';
import { cell, purchaseInput, refundRow } from './rows.ts';

// The rows of one order (a file with one row per item bought) become one purchase input,
// the body the API takes: the order's fields from its rows, one line per row; the rows of
// one refund (a returns file with one row per item returned), one refund with its lines.
// Exports differ in where they put the order's fields — Shopify writes them on the first
// row only, UCI Online Retail on every row — so a later row may leave them empty, and one
// that gives another value is refused rather than one of them picked.

export interface BasketProblem {
  line: number;
  /** The canonical column the problem is in. */
  column: string;
  reason: Said;
}

/** The columns of the whole purchase or refund: everything but the line items and the id they are grouped by. */
const wholeColumns = (kind: 'purchases' | 'refunds') => CANONICAL[kind].map((f) => f.name).filter((n) => n !== 'external_id' && !(LINE_COLUMNS as readonly string[]).includes(n));
const ORDER_COLUMNS = wholeColumns('purchases');
const REFUND_COLUMNS = wholeColumns('refunds');

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** A basket's purchase input, and what is wrong with its rows that the API's rules cannot see. */
export function basketInput(basket: Basket, layout: ColumnLayout, externalId: string, businessCurrency: string) {
  const problems: BasketProblem[] = [];
  const input = purchaseInput(wholeRow(basket, layout, ORDER_COLUMNS, { kind: 'order', id: externalId }, problems), layout, externalId);
  const lines = basket.map((record) => lineOf(record, layout, problems));
  const total = input.total || computedTotal(lines, input.discount, input.currency ?? businessCurrency);
  return { input: withFields(input, { total, lines: lines.map((l) => l.item) }), problems };
}

/**
 * A refund's row (the purchase it refunds and the body the refunds API takes), from the rows
 * of one refund id when the file names the items returned. A returns file may sign their
 * quantities (-1: one came back), so the sign is dropped.
 */
export function refundBasketInput(basket: Basket, layout: ColumnLayout, lineItems: boolean) {
  const problems: BasketProblem[] = [];
  const row = refundRow(lineItems ? wholeRow(basket, layout, REFUND_COLUMNS, { kind: 'refund', id: String(cell(basket[0].values, layout, 'external_id')) }, problems) : basket[0].values, layout);
  if (!lineItems) return { row, problems };
  const lines = basket.map((record) => ({
    sku: cell(record.values, layout, 'line_sku'),
    quantity: Number(quantityOf(record, layout, problems, (text) => text.replace(/^-/, ''))),
  }));
  return { row: { purchase: row.purchase, input: withFields(row.input, { lines }) }, problems };
}

/** The fields of the whole (order or refund) from its rows: each the first value they give; another value later is a problem of that row. */
function wholeRow(basket: Basket, layout: ColumnLayout, columns: string[], whole: { kind: 'order' | 'refund'; id: string }, problems: BasketProblem[]): string[] {
  const row = basket[0].values.slice();
  for (const column of columns) {
    const i = layout.index.get(column);
    if (i === undefined) continue;
    let first: { value: string; line: number } | undefined;
    for (const record of basket) {
      const value = cell(record.values, layout, column);
      if (value === undefined) continue;
      if (!first) first = { value, line: record.line };
      else if (value !== first.value) {
        const reason = say(whole.kind === 'order' ? 'import.differs_in_order' : 'import.differs_in_refund', { value, first: first.value, line: first.line, id: whole.id });
        problems.push({ line: record.line, column, reason });
      }
    }
    if (first) row[i] = first.value;
  }
  return row;
}

/**
 * A row's quantity as decimal text ("1" when empty); one that is not a number, or negative
 * where a sign means nothing, is a problem of the row (and 1 stands in, so the API's rules
 * do not tell it again: the basket is refused anyway).
 */
function quantityOf(record: Basket[number], layout: ColumnLayout, problems: BasketProblem[], unsign = (text: string) => text): string {
  const text = cell(record.values, layout, 'line_quantity');
  if (text === undefined) return '1';
  const problem = !NUMBER.test(text) ? say('import.quantity_not_number', { text })
    : unsign(text).startsWith('-') ? say('import.quantity_negative', { text })
    : undefined;
  if (problem) problems.push({ line: record.line, column: 'line_quantity', reason: problem });
  return problem ? '1' : unsign(text).replace(/^\+/, '');
}

/** A row's line item. */
function lineOf(record: Basket[number], layout: ColumnLayout, problems: BasketProblem[]) {
  const get = (column: string) => cell(record.values, layout, column);
  const quantity = quantityOf(record, layout, problems);
  const unitPrice = get('line_unit_price');
  return {
    /** The line as the API takes it (an empty quantity is 1 there too). */
    item: { sku: get('line_sku'), name: get('line_name'), category: get('line_category'), quantity: Number(quantity), unit_price: unitPrice as string },
    quantity,
    unitPrice,
  };
}

/**
 * What the lines add up to, less the order's discount: each line rounded to the currency's
 * cents as a receipt prints it (1.5 kg at 2.99 is 4.49), halves up — the sum the API's rule
 * compares the discount with (commerce purchase-lines.ts). A price or discount that is not
 * an amount, or a discount more than the lines, leaves the total at 0: the API's rules
 * report that field, as they do for an order sent with its total.
 */
function computedTotal(lines: { quantity: string; unitPrice: string | undefined }[], discount: string | undefined, currency: string): string {
  try {
    const priced = lines.map((l) => ({ quantity: l.quantity, unitPriceMinor: toMinor(l.unitPrice ?? '', currency) }));
    if (priced.some((l) => l.unitPriceMinor < 0)) return '0'; // a negative price (UCI's "Adjust bad debt"): the API's rules name it
    const sum = linesAmountMinor(priced);
    const discountMinor = discount === undefined ? 0n : BigInt(toMinor(discount, currency));
    return discountMinor > sum ? '0' : toMajor(sum - discountMinor, currency);
  } catch {
    return '0';
  }
}
