import type { Db } from '../../../db/index.ts';

/** Active customers who bought, with what RFM needs from their stats. */
export function buyerStats(db: Db) {
  return db
    .selectFrom('customer_stats')
    .innerJoin('customers', 'customers.id', 'customer_stats.customer_id')
    .select(['customer_id', 'last_purchase_at', 'purchase_days', 'net_spend_minor'])
    .where('customers.status', '=', 'active')
    .where('purchases_count', '>', 0)
    .execute();
}
