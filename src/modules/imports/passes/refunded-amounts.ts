import type { Actor } from '../../../db/index.ts';
import { amountField, moneyOfMinor } from '../../../shared/money.ts';
import { say, told, type Text } from '../../../shared/messages/index.ts';
import { AppError } from '../../../shared/errors.ts';
import type { PreparedPurchase } from '../../commerce/index.ts';
import type { Basket } from '../rows/baskets.ts';
import type { DryRunTally } from '../report/dry-run.ts';
import type { ErrorReport } from '../report/error-report.ts';
import type { ImportDeps } from './import-options.ts';
import type { ColumnLayout } from '../rows/mapping.ts';
import type { SpooledRow } from '../file/spool.ts';

// A web store's orders export says how much of each order was refunded since (Shopify's
// "Refunded Amount"), without the refunds themselves: a refunded order imported at its
// full total would count as spend it is not and keep the points it earned. So a purchases
// file with a refunded amount column makes each order's refunds add up to that amount:
// after the order is recorded, a refund of what is missing (the whole amount the first
// time) is recorded through the same refund path as the API's, so the points come back
// in proportion, and the refund's id names the amount (`#1001#refunded-12.50`). Importing
// the file again finds the refunds there and records nothing; a later export with a
// larger amount records the difference. The export gives no date for a refund: it is
// dated at the order's time, so the order's spend is net of it in every period.

/** The column's amount for the order (its first row that has one), in minor units; 0 when the cell is empty. */
export function refundedAmountOf(basket: Basket, layout: ColumnLayout, purchase: PreparedPurchase): { minor: number } | { line: number; reason: Text } {
  const column = layout.index.get('refunded_amount')!;
  // An order's fields are on its first row, and maybe on none of the others (Shopify's export).
  const row = basket.find((r) => r.values[column]?.trim()) ?? basket[0];
  const text = (row.values[column] ?? '').trim();
  if (text === '') return { minor: 0 };
  let minor: number;
  try {
    minor = amountField('refunded_amount', text, purchase.currency);
  } catch (error) {
    if (error instanceof AppError) return { line: row.line, reason: error.problems[0].reason };
    throw error;
  }
  if (minor < 0) return { line: row.line, reason: say('import.refunded_negative', { amount: moneyOfMinor(minor, purchase.currency) }) };
  if (minor > purchase.totalMinor) {
    return { line: row.line, reason: say('import.refunded_exceeds_total', { amount: moneyOfMinor(minor, purchase.currency), total: moneyOfMinor(purchase.totalMinor, purchase.currency) }) };
  }
  return { minor };
}

/** An order recorded by the import whose refunds are to add up to `refundedMinor`. */
export interface RefundedOrder {
  line: number;
  externalId: string;
  /** The order's, as recorded: the refunded amount's. */
  currency: string;
  refundedMinor: number;
}

/**
 * Records, for each order, the refund its refunds miss to add up to the refunded amount
 * (none when they do already). Each is its own transaction, as a refund through the API:
 * a crash leaves some recorded, and the import run again records the rest. Answers how
 * many were recorded, and how many coupon uses those that left nothing of their orders
 * gave back (as a refunds file's refunds do); a refusal (a refund through the API
 * meanwhile left less to refund) is the order's row's error.
 */
export async function settleRefundedAmounts({ deps, actor }: { deps: Pick<ImportDeps, 'commerce'>; actor: Actor }, orders: RefundedOrder[], report: ErrorReport): Promise<{ recorded: number; couponUsesRolledBack: number }> {
  let recorded = 0;
  let couponUsesRolledBack = 0;
  for (const order of orders) {
    try {
      const outcome = await deps.commerce.refundUpTo(order, order.refundedMinor, { actor });
      if (outcome.created) recorded++;
      couponUsesRolledBack += outcome.couponUsesRolledBack;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      report.addReason(order.line, 'refunded_amount', told((language) => error.in(language).message));
    }
  }
  return { recorded, couponUsesRolledBack };
}

/**
 * A dry run's part of settleRefundedAmounts: the valid rows' refunded amounts, and what the
 * refunds of their orders stored before add up to (refundUpTo compares the same), for the
 * tally to count the refunds the import would record.
 */
export async function noteRefundedAmounts(deps: Pick<ImportDeps, 'commerce'>, rows: SpooledRow[], tally: DryRunTally): Promise<void> {
  const refunded = rows.filter((r) => r.refundedMinor > 0);
  if (refunded.length === 0) return;
  for (const r of refunded) tally.noteRefunded(r.line, r.prepared.externalId, r.refundedMinor);
  tally.noteRefundedBefore(await deps.commerce.refundedOf(refunded.map((r) => r.prepared.externalId)));
}
