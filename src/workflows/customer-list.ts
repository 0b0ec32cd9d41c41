import type { Services } from '../services.ts';
import { withFields } from '../shared/objects.ts';

// The customers list as GET /customers answers it and `regulars customers list` prints it:
// a page of the customers module's search, each customer with their running stats (commerce)
// and their loyalty standing (loyalty), two reads for the whole page.

type Deps = Pick<Services, 'customers' | 'commerce' | 'loyalty'>;

/** A page of customers (`query` as GET /customers takes it), each with `stats` and `loyalty` (null: not a member). */
export async function listCustomers(deps: Deps, query: unknown) {
  const found = await deps.customers.search(query);
  const ids = found.items.map((c) => c.id);
  const [stats, members] = await Promise.all([deps.commerce.statsOfMany(ids), deps.loyalty.spendable(ids)]);
  const loyaltyOf = (id: string) => {
    const m = members.get(id);
    return m ? { points: m.available, tier: m.tier, tier_name: m.tierName } : null;
  };
  return withFields(found, { items: found.items.map((c) => withFields(c, { stats: stats.get(c.id)!, loyalty: loyaltyOf(c.id) })) });
}
