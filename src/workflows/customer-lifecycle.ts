import { audit, type Actor } from '../db/index.ts';
import { publish } from '../jobs/outbox.ts';
import { parseInput } from '../shared/validation.ts';
import { newId } from '../shared/ids.ts';
import { customerToRead, MergeInput } from '../modules/customers/index.ts';
import type { Services } from '../services.ts';
import { withFields } from '../shared/objects.ts';

// Merging, erasing and exporting a customer touch every module that keeps data about
// them. Each module contributes its own step; this file is the list of steps. A module
// added later (loyalty, feedback) adds its step here.

type Deps = Pick<Services, 'db' | 'clock' | 'customers' | 'commerce' | 'loyalty'>;

type Moved = NonNullable<Awaited<ReturnType<Deps['customers']['absorb']>>> & Awaited<ReturnType<Deps['commerce']['moveCustomer']>> & Awaited<ReturnType<Deps['loyalty']['moveCustomer']>>;

// What a merge recorded by an earlier version did not count yet, a replay of it answers as
// 0 (the answer's shape has every count). The compiler keeps the list whole.
const NOTHING_COUNTED: Record<keyof Moved, 0> = {
  identities: 0, purchases: 0, loyalty_points: 0, duplicate_bonuses: 0, duplicate_bonus_points: 0, duplicate_birthday_gifts: 0, referral_codes: 0,
  coupons: 0, coupon_uses: 0, gift_cards: 0, referrals: 0, referrals_rejected: 0, challenge_progress: 0, tier_history: 0,
};

/**
 * Moves everything of `from` to the survivor, in one transaction, and records it. Sent
 * again once it succeeded (a client retrying after a timeout), it changes nothing and
 * answers as the merge did: the survivor as it is now and what the merge moved, with
 * `replayed` true — also when the survivor has since been merged into a third customer,
 * whose record it then shows. `from` merged into another customer is refused (409).
 */
export async function mergeCustomers(deps: Deps, survivorId: string, input: unknown, { actor }: { actor: Actor }) {
  const { from } = parseInput(MergeInput, input, 'merge');
  const now = deps.clock.now();
  const { moved, replayed, current } = await deps.db.transaction().execute(async (trx) => {
    const customerPart = await deps.customers.absorb(trx, { survivorId, mergedId: from, now });
    if (!customerPart) {
      const recorded = await trx.selectFrom('customer_merges').select('moved').where('survivor_id', '=', survivorId).where('merged_id', '=', from)
        .orderBy('merged_at', 'desc').limit(1).executeTakeFirst();
      // The survivor merged into another since: the answer shows the customer it is now part of.
      const { id: current } = await customerToRead(trx, survivorId);
      return { moved: withFields(NOTHING_COUNTED, (recorded?.moved ?? {}) as Partial<Moved>) as Moved, replayed: true, current };
    }
    const commercePart = await deps.commerce.moveCustomer(trx, { fromId: from, toId: survivorId, now });
    const loyaltyPart = await deps.loyalty.moveCustomer(trx, { fromId: from, toId: survivorId, now, actor });
    const counts = withFields(customerPart, commercePart, loyaltyPart);
    await trx.insertInto('customer_merges').values({ id: newId(), survivor_id: survivorId, merged_id: from, actor, moved: JSON.stringify(counts), merged_at: now }).execute();
    await audit(trx, { at: now, actor, action: 'customer.merge', subject: survivorId, details: { merged: from, ...counts } });
    await publish(trx, [{ type: 'customer.merged', customerId: survivorId, payload: { customer_id: survivorId, merged_id: from, moved: counts } }]);
    return { moved: counts as Moved, replayed: false, current: survivorId };
  });
  return { customer: await deps.customers.get(current), moved, replayed };
}

/**
 * GDPR erasure: personal data is removed; purchases, stats and the points ledger
 * stay, attached to an anonymous id, so revenue and the points earned, redeemed and
 * expired do not change. The points the customer still held are forfeited, by a ledger
 * entry of their own (nobody can redeem them again: no liability; the policy is the
 * loyalty module's erasure.ts), and the customer is no member in the loyalty report.
 */
export async function eraseCustomer(deps: Deps, customerId: string, { actor }: { actor: Actor }) {
  const now = deps.clock.now();
  // What the erasure did, from its own transaction (DELETE /customers/{id} answers it): the
  // points a read before it would tell can differ (a reservation held or settled meanwhile).
  return deps.db.transaction().execute(async (trx) => {
    const customerPart = await deps.customers.anonymize(trx, { customerId, now });
    const { loyalty_points_forfeited, loyalty_points_held } = await deps.loyalty.eraseCustomer(trx, { customerId, now, actor });
    await audit(trx, { at: now, actor, action: 'customer.erase', subject: customerId, details: { loyalty_points_forfeited } });
    await publish(trx, [{ type: 'customer.erased', customerId, payload: { customer_id: customerId } }]);
    return withFields({ customer_id: customerId, erased_at: now.toISOString(), loyalty_points_forfeited, loyalty_points_held }, customerPart);
  });
}

/**
 * Everything stored about one person, as one JSON document (GDPR data access), and who took
 * it, in the activity log: personal data leaving the system is an action a business must be
 * able to account for, as an erasure is. Recorded once the document is made (an unknown or
 * erased customer's refusal records nothing).
 */
export async function exportCustomer(deps: Deps, customerId: string, { actor }: { actor: Actor }) {
  const customerPart = await deps.customers.exportPart(customerId);
  const commercePart = await deps.commerce.exportPart(customerId);
  const loyaltyPart = await deps.loyalty.exportPart(customerId);
  const now = deps.clock.now();
  await audit(deps.db, { at: now, actor, action: 'customer.export', subject: customerId });
  return { exported_at: now.toISOString(), ...withFields(customerPart, commercePart, loyaltyPart) };
}
