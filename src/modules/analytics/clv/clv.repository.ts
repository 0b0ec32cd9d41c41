import { sql } from 'kysely';
import type { Db } from '../../../db/index.ts';
import type { Purchase } from '../btyd/index.ts';

/** Every purchase as the models take it: its customer, its local day and its net value in major units. */
export async function purchaseValues(db: Db): Promise<Purchase[]> {
  const result = await sql<{ customer_id: string; local_date: string; net: number }>`
    SELECT customer_id, local_date, (total_minor - refunded_minor) / 100.0 AS net FROM purchases`.execute(db);
  return result.rows.map((r) => ({ customerId: r.customer_id, at: r.local_date, value: Number(r.net) }));
}
