import { conflict, invalidField, type AppError } from '../../../shared/errors.ts';
import { anyOf, counted, perLanguage, say, type Said } from '../../../shared/messages/index.ts';
import { planDebit, pointsOnHand, type Lot } from '../ledger/ledger.ts';
import type { Program } from '../program/program.ts';
import type { ProgramDocument } from '../program/program.schema.ts';
import { pointsNameOf, pointsWord } from '../program/program-names.ts';

// Whether a member can redeem a reward now, and if not why: one rule for the redemption,
// which refuses with it, and the rewards catalogue, which says it per reward
// (GET /loyalty/rewards?customer_id=), so a till or an app never offers what it would be
// refused.

type Reward = ProgramDocument['rewards'][number];

/** Why a member cannot redeem a reward now, as the catalogue's `problem_code` says it. */
export const REWARD_PROBLEM_CODES = ['not_yet_available', 'no_longer_available', 'not_for_tier', 'out_of_stock', 'not_enough_points'] as const;
export type RewardProblemCode = (typeof REWARD_PROBLEM_CODES)[number];

export interface RewardProblem {
  code: RewardProblemCode;
  /** What the redemption is refused with (a refusal naming the field `reward`, or a conflict with the state). */
  said: Said;
  /** 422 (the reward cannot be had by this member now) or 409 (the stock or the points do not cover it). */
  kind: 'invalid' | 'conflict';
}

/** What the rule reads of the member: their tier, points and lots (as the redemption has locked them). */
export interface Redeemer {
  tier: string | null;
  points: number;
  lots: readonly Lot[];
}

/**
 * Why `member` cannot redeem `reward` now, or null when a redemption would be made, the
 * checks in the redemption's order: the reward's window (available_from, available_to),
 * its tiers, its stock (`issued`: coupons or cards issued for it so far), and the points
 * spendable now (pending points do not count).
 */
export function rewardProblem(reward: Reward, program: Program, member: Redeemer, { now, issued }: { now: Date; issued: number }): RewardProblem | null {
  // The window as the program compiled it: a date alone is that day's start in the business's time zone.
  const [from, to] = program.rewardTimes.get(reward.code) ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (reward.available_from && from > now.getTime()) {
    return { code: 'not_yet_available', kind: 'invalid', said: say('reward.available_from', { from: reward.available_from }) };
  }
  if (reward.available_to && to <= now.getTime()) {
    return { code: 'no_longer_available', kind: 'invalid', said: say('reward.available_until', { to: reward.available_to }) };
  }
  if (reward.tiers && !(member.tier && reward.tiers.includes(member.tier))) {
    const tierName = (code: string) => perLanguage(program.document.tiers?.levels.find((l) => l.code === code)?.name ?? code);
    const tiers = anyOf(reward.tiers.map(tierName));
    const said = member.tier ? say('reward.for_tiers', { tiers, tier: tierName(member.tier) }) : say('reward.for_tiers_not_placed', { tiers });
    return { code: 'not_for_tier', kind: 'invalid', said };
  }
  if (reward.stock !== undefined && issued >= reward.stock) return { code: 'out_of_stock', kind: 'conflict', said: say('reward.out_of_stock', { reward: perLanguage(reward.name) }) };
  if (spendPlan(reward, member, now).debited === 0) {
    const name = pointsNameOf(program.document);
    const said = say('reward.not_enough_points', {
      points_word: pointsWord(name), reward: perLanguage(reward.name), points: reward.points, points_name: counted(name, reward.points), on_hand: pointsOnHand(member.lots, member.points, now, name, program.timeZone),
    });
    return { code: 'not_enough_points', kind: 'conflict', said };
  }
  return null;
}

/** Which lots a redemption of `reward` takes its points from (debited 0: they do not cover it). */
export function spendPlan(reward: Reward, member: Redeemer, now: Date) {
  return planDebit(member.lots, reward.points, { now, includePending: false, shortfall: 'fail' });
}

/** The redemption's refusal for a problem. */
export function refusalOf(problem: RewardProblem): AppError {
  return problem.kind === 'invalid' ? invalidField('reward', problem.said) : conflict(problem.said);
}
