import type { DemoWish } from '../modules/demo/index.ts';
import type { Services } from '../services.ts';
import { AppError } from '../shared/errors.ts';
import { inParallel } from '../shared/in-parallel.ts';

// The demo's members spend their points, so that its loyalty report, its members' coupons
// and gift cards look like a running program's (a redemption rate of 0 % read as broken).
// On the demo's last day only: the ledger dates a redemption when it is made, and the
// history is recorded customer by customer, not day by day.

const IN_FLIGHT = 8; // redemptions of a moment share a transaction (group commit)

/**
 * Each wishing member redeems the dearest reward they can afford and may have, no further
 * up the catalogue (cheapest first) than their wish; one who can afford none of those
 * keeps collecting. A reward the engine refuses (out of stock, not available today) is
 * skipped. The wish's key makes it once: a run resumed after a crash replays it or, its
 * choice changed by the points the first one spent, is refused for reusing the key —
 * nothing is spent twice. Returns how many rewards were redeemed by this run.
 */
export async function redeemDemoWishes(services: Pick<Services, 'clock' | 'loyalty'>, wishes: readonly DemoWish[]): Promise<number> {
  const program = await services.loyalty.programAt(services.clock.now());
  const catalogue = [...(program?.document.rewards ?? [])].sort((a, b) => a.points - b.points);
  if (catalogue.length === 0 || wishes.length === 0) return 0;
  const spendable = await services.loyalty.spendable(wishes.map((w) => w.customerId));

  const choices = wishes.flatMap((w) => {
    const member = spendable.get(w.customerId);
    if (!member) return [];
    const reach = Math.min(catalogue.length - 1, Math.floor(w.wish * catalogue.length));
    const reward = catalogue.slice(0, reach + 1).findLast((r) => r.points <= member.available && (!r.tiers || (member.tier !== null && r.tiers.includes(member.tier))));
    return reward ? [{ customerId: w.customerId, input: { reward: reward.code, idempotency_key: w.idempotencyKey } }] : [];
  });

  let redeemed = 0;
  await inParallel({
    items: choices,
    limit: IN_FLIGHT,
    task: async ({ customerId, input }) => {
      try {
        const { outcome } = await services.loyalty.redeemRewardTimed(customerId, input, { actor: 'demo' });
        if (!(outcome instanceof AppError) && outcome.created) redeemed++;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    },
  });
  return redeemed;
}
