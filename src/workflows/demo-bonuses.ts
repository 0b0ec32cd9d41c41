import type { PurchaseOutcome } from './record-purchases.ts';
import type { Services } from '../services.ts';

// The bonuses the job queue's subscribers (jobs/subscribers.ts) pay for purchases and new
// customers, paid by the demo itself as it records them: a demo that said it was done
// while a server's jobs went on crediting its challenges moved the dashboard's figures for
// a minute and more after it (earned +18 %), and one run without a server left them unpaid
// until the next start (+45 %) — its points expired and its members spent theirs before
// the bonuses existed. The same calls the subscribers make, so the events' delivery later
// finds the work done (each is idempotent) and adds nothing.

/**
 * For one recorded round of purchases, right after it and before its refunds, as a shop's
 * subscriber would run: the challenges each purchase completes, at the purchase's time
 * (evaluateChallengesMany, each member's in time order), and the profile-completion bonus
 * of the round's customers (customer.created). Duplicates too, so a run resumed after a
 * crash between recording and settling settles what the first left.
 */
export async function settleDemoBonuses(
  services: Pick<Services, 'loyalty'>,
  inputs: readonly { occurred_at: string }[],
  outcomes: readonly PurchaseOutcome[],
): Promise<void> {
  const recorded = outcomes.flatMap((o, i) => (o.status === 'error' ? [] : [{ customerId: o.customerId, at: new Date(inputs[i].occurred_at) }]));
  await services.loyalty.evaluateChallengesMany(recorded);
  await services.loyalty.profileCompletionMany([...new Set(recorded.map((r) => r.customerId))]);
}
