import { audit, type Actor } from '../db/index.ts';
import { publish } from '../jobs/outbox.ts';
import { parseInput } from '../shared/validation.ts';
import { newId } from '../shared/ids.ts';
import { MergeInput } from '../modules/customers/index.ts';
import type { Services } from '../services.ts';
import { withFields } from '../shared/objects.ts';

// Merging, erasing and exporting a customer touch every module that keeps data about
// them. Each module contributes its own step; this file is the list of steps. A module
// added later (loyalty, feedback) adds its step here.

type Deps = Pick<Services, 'db' | 'clock' | 'customers' | 'commerce' | 'loyalty'>;

/** Moves everything of `from` to the survivor, in one transaction, and records it. */
export async function mergeCustomers(deps: Deps, survivorId: string, input: unknown, { actor }: { actor: Actor }) {
  const { from } = parseInput(MergeInput, input, 'merge');
  const now = deps.clock.now();
  const moved = await deps.db.transaction().execute(async (trx) => {
    const customerPart = await deps.customers.absorb(trx, { survivorId, mergedId: from, now });
    const commercePart = await deps.commerce.moveCustomer(trx, { fromId: from, toId: survivorId, now });
    const loyaltyPart = await deps.loyalty.moveCustomer(trx, { fromId: from, toId: survivorId, now, actor });
    const counts = withFields(customerPart, commercePart, loyaltyPart);
    await trx.insertInto('customer_merges').values({ id: newId(), survivor_id: survivorId, merged_id: from, actor, moved: JSON.stringify(counts), merged_at: now }).execute();
    await audit(trx, { actor, action: 'customer.merge', subject: survivorId, details: { merged: from, ...counts } });
    await publish(trx, [{ type: 'customer.merged', customerId: survivorId, payload: { customer_id: survivorId, merged_id: from, moved: counts } }]);
    return counts;
  });
  return { customer: await deps.customers.get(survivorId), moved };
}

/**
 * GDPR erasure: personal data is removed; purchases, stats and the points ledger
 * stay, attached to an anonymous id, so revenue and loyalty totals do not change.
 */
export async function eraseCustomer(deps: Deps, customerId: string, { actor }: { actor: Actor }) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await deps.customers.anonymize(trx, { customerId, now });
    await audit(trx, { actor, action: 'customer.erase', subject: customerId });
    await publish(trx, [{ type: 'customer.erased', customerId, payload: { customer_id: customerId } }]);
  });
}

/** Everything stored about one person, as one JSON document (GDPR data access). */
export async function exportCustomer(deps: Deps, customerId: string) {
  const customerPart = await deps.customers.exportPart(customerId);
  const commercePart = await deps.commerce.exportPart(customerId);
  const loyaltyPart = await deps.loyalty.exportPart(customerId);
  return { exported_at: deps.clock.now().toISOString(), ...withFields(customerPart, commercePart, loyaltyPart) };
}
