import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import { currencyExponent } from '../../../shared/money.ts';
import type { PurchaseColumns } from '../btyd/index.ts';

/**
 * Every purchase as the models take it, as columns: its customer numbered 0, 1, … (by
 * the database, so this thread does not look a million ids up), its local day since
 * 1970-01-01, and its net value in major units of `currency`.
 */
export async function purchaseColumns(db: Db, currency: string): Promise<PurchaseColumns> {
  const unit = 10 ** currencyExponent(currency);
  const { rows } = await sql<{ customer: number; day: number; net_minor: number }>`
    SELECT (dense_rank() OVER (ORDER BY customer_id))::int - 1 AS customer, local_date - DATE '1970-01-01' AS day,
           total_minor - refunded_minor AS net_minor
    FROM purchases`.execute(db);
  const columns = { customer: new Int32Array(rows.length), day: new Int32Array(rows.length), value: new Float64Array(rows.length) };
  rows.forEach((r, i) => {
    columns.customer[i] = r.customer;
    columns.day[i] = r.day;
    columns.value[i] = Number(r.net_minor) / unit;
  });
  return columns;
}
