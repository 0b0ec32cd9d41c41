import { sql } from 'kysely';
import type { CustomerOrder } from '../../customers/index.ts';

// The customers list's order by points (customer-order.ts in the customers module says why
// it is given to it as SQL): the points a member can spend at `now`, as the list shows
// them (accounts.ts spendable, ledger.ts balanceOf) — the cached balance less the open lots
// still pending (their return window) or past their expiry and not yet swept. Those lots
// are read from loyalty_entries_open_lot_sums (migration 0008), the index alone.
// A customer who is no member has no key: after every member, in either direction.
//
// No index serves this order: the value depends on the moment, and an index on the cached
// balance would cost every member's update on the purchase path its in-place write
// (migration 0007). So a page reads every active customer's balance: 1.3–1.6 s at 100,000
// members on a busy two-core machine (bench/customer-sort.bench.ts), where the other
// orders take under 20 ms. Fine for thousands of members; for more, the balance spendable
// now would have to be kept (or the held-back points indexed) — not done yet.
export function pointsOrder(now: Date): CustomerOrder {
  return {
    join: sql`LEFT JOIN LATERAL (
      SELECT (m.points - COALESCE((
        SELECT sum(e.remaining) FROM loyalty_entries e
        WHERE e.customer_id = m.customer_id AND e.remaining > 0 AND (e.expires_at <= ${now} OR e.available_at > ${now})
      ), 0))::bigint AS available
      FROM loyalty_members m WHERE m.customer_id = c.id
    ) lp ON true`,
    key: sql`lp.available`,
    type: 'bigint',
    nullable: true,
  };
}
