import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import { currencyExponent } from '../../../shared/money.ts';
import type { Purchase } from '../btyd/index.ts';

/** Every purchase as the models take it: its customer, its local day and its net value in major units of `currency`. */
export async function purchaseValues(db: Db, currency: string): Promise<Purchase[]> {
  const unit = 10 ** currencyExponent(currency);
  const result = await sql<{ customer_id: string; local_date: string; net_minor: number }>`
    SELECT customer_id, local_date, total_minor - refunded_minor AS net_minor FROM purchases`.execute(db);
  return result.rows.map((r) => ({ customerId: r.customer_id, at: r.local_date, value: Number(r.net_minor) / unit }));
}
