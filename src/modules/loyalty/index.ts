import { createLoyaltyCore, type LoyaltyDeps } from './loyalty.core.ts';
import { createEngagementService } from './engagement.service.ts';
import { createLoyaltyService } from './loyalty.service.ts';
import { createLoyaltyMaintenance } from './maintenance.ts';
import { createRewardsService } from './rewards.service.ts';
import { createGiftCards } from './gift-cards.ts';
import { withFields } from '../../shared/objects.ts';

// The loyalty program: a provable points ledger, earning rules, tiers, rewards, coupons,
// gift cards, reservations and the scheduled maintenance. Other modules and workflows
// use only what this file exports.

export { ProgramDocument, ApplyProgramInput, LocalizedText, PluralForms, programJsonSchema } from './program.schema.ts';
export { compileProgram, pointsForPurchase, type Program, type PurchaseFacts } from './program.ts';
export { type AccrualItem, type LoyaltySummary } from './accrual.ts';
export { AdjustmentInput } from './staff-actions.ts';
export { RedeemRewardInput } from './rewards.service.ts';
export { UseCouponInput, CampaignInput } from './coupons.ts';
export { COUPON_PROBLEM_CODES } from './codes.ts';
export { REWARD_PROBLEM_CODES } from './reward-rules.ts';
export { GiftCardChargeInput, GiftCardIssueInput } from './gift-cards.ts';
export { ReserveInput, CaptureInput } from './reservations.ts';
export { simulateProgram, type SimulationReport } from './simulate.ts';
export { PROGRAM_CHANNEL } from './loyalty.core.ts';
export { ClaimReferralInput, SurveyBonusInput } from './engagement.service.ts';

export function createLoyalty(deps: LoyaltyDeps) {
  const core = createLoyaltyCore(deps);
  const engagement = createEngagementService(core);
  const account = createLoyaltyService(core, engagement);
  const rewards = createRewardsService(core);
  const giftCards = createGiftCards(core);
  const maintenance = createLoyaltyMaintenance(core, rewards);
  return withFields(account, rewards, engagement, giftCards, { maintenance, programAt: core.programAt });
}

export type LoyaltyService = ReturnType<typeof createLoyalty>;
