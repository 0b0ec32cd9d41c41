import { say } from '../../../shared/messages/index.ts';
import type { Basket } from '../rows/baskets.ts';
import type { ErrorReport } from '../report/error-report.ts';
import type { ColumnLayout, ImportKind } from '../rows/mapping.ts';

// A web store's export lists every order, paid or not: Shopify's "Financial Status" says
// pending, authorized (the card held, not charged), voided or expired for orders that
// never became a sale. Such an order is not a purchase — it earns nothing and is no
// customer's spend — so a purchases file with a payment status column leaves it out,
// counted, not as an error. An order refunded since was a sale: it is imported, and its
// refunds with `import refunds`. An empty status is a sale (a till writes none).

const PAID = new Set(['paid', 'partially_paid', 'partially_refunded', 'refunded']);
const NOT_PAID = new Set(['pending', 'authorized', 'voided', 'expired', 'unpaid', 'cancelled', 'canceled']);

/**
 * For a purchases file with a payment status column: whether an order (its rows) is to be
 * imported. An unpaid one is left out and counted; a status not known here is reported as
 * the row's error, and the order is then left out with it (ErrorReport.leftOut).
 */
export function paymentFilter(kind: ImportKind, layout: ColumnLayout, report: ErrorReport) {
  const column = layout.index.get('payment_status');
  if (kind !== 'purchases' || column === undefined) return undefined;
  const filter = {
    notPaid: 0,
    wanted(basket: Basket): boolean {
      // An order's fields are on its first row, and maybe on none of the others (Shopify's export).
      const row = basket.find((r) => r.values[column]?.trim()) ?? basket[0];
      const status = (row.values[column] ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
      if (status === '' || PAID.has(status)) return true;
      if (NOT_PAID.has(status)) {
        filter.notPaid++;
        return false;
      }
      report.addReason(row.line, 'payment_status', say('import.unknown_payment_status', { status: row.values[column].trim(), paid: [...PAID].join(', '), not_paid: [...NOT_PAID].join(', ') }));
      return true;
    },
  };
  return filter;
}
