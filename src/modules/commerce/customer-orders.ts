import { sql } from 'kysely';
import type { CustomerOrder, ForeignOrders } from '../customers/index.ts';

// The customers list's orders by purchases (customer-order.ts in the customers module says
// why they are given to it as SQL): commerce's customer_stats, one row per customer who
// bought, kept up to date by every purchase, refund and merge.
//
// A customer without a purchase has no key (not 0): the list puts them after every buyer,
// in either direction. One whose purchases were all refunded has bought — net spend 0,
// among the buyers. No index serves these orders: a purchase updates these columns, and an
// index on them would cost every purchase its in-place update (migration 0026 says why).

const statsJoin = sql`LEFT JOIN customer_stats cs ON cs.customer_id = c.id AND cs.purchases_count > 0`;
const ofStats = (column: string, type: CustomerOrder['type']) => (): CustomerOrder =>
  ({ join: statsJoin, key: sql.ref(`cs.${column}`), tie: sql`cs.customer_id`, type, nullable: true });

export const customerStatsOrders: Pick<ForeignOrders, 'last_purchase_at' | 'net_spend' | 'purchases'> = {
  last_purchase_at: ofStats('last_purchase_at', 'timestamptz'),
  net_spend: ofStats('net_spend_minor', 'bigint'),
  purchases: ofStats('purchases_count', 'bigint'),
};
