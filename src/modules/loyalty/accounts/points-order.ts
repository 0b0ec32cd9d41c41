import { sql } from 'kysely';
import type { CustomerOrder } from '../../customers/index.ts';

// The customers list's order by points (customer-order.ts in the customers module says why
// it is given to it as SQL): the points a member can spend at `now`, as the list shows
// them (accounts.ts spendable, ledger.ts balanceOf) — the cached balance less the open lots
// still pending (their return window) or past their expiry and not yet swept.
// A customer who is no member has no key: after every member, in either direction.
//
// No index serves this order: the value depends on the moment, and an index on the cached
// balance would cost every member's update on the purchase path its in-place write
// (migration 0007). So a page reads every member's cached balance and sorts them, as the
// orders by purchases read every buyer's stats. The lots held back are summed once for
// all members, not once per member, and the sums joined to the members by hash: the
// pending ones by a scan of the open lots (no index by available_at: every purchase's lot
// would pay for it), the expired ones not yet swept by loyalty_entries_expiring's range up
// to now. A lot both pending and expired is counted once: the second range leaves out the
// first's. The sum per member this replaces (a subquery on each member's open lots) was
// 100,000 index probes and table pages at 100,000 members: 1.4–2.3 s a page on a busy
// two-core machine; the sum at once reads the open lots in 0.35–0.45 s there
// (docs/benchmarks.md, "The customers list, sorted").
export function pointsOrder(now: Date): CustomerOrder {
  return {
    join: sql`LEFT JOIN loyalty_members lm ON lm.customer_id = c.id
    LEFT JOIN (
      SELECT h.customer_id, sum(h.remaining)::bigint AS held FROM (
        SELECT e.customer_id, e.remaining FROM loyalty_entries e WHERE e.remaining > 0 AND e.available_at > ${now}
        UNION ALL
        SELECT e.customer_id, e.remaining FROM loyalty_entries e
        WHERE e.remaining > 0 AND e.expires_at <= ${now} AND (e.available_at > ${now}) IS NOT TRUE
      ) h GROUP BY h.customer_id
    ) lh ON lh.customer_id = c.id`,
    key: sql`(lm.points - COALESCE(lh.held, 0))`,
    type: 'bigint',
    nullable: true,
  };
}
