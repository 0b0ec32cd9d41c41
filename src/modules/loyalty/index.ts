import { createLoyaltyCore, type LoyaltyDeps } from './loyalty.core.ts';
import { createEngagementService } from './earning/engagement.service.ts';
import { createLoyaltyService } from './loyalty.service.ts';
import { createLoyaltyMaintenance } from './maintenance/maintenance.ts';
import { createRewardsService } from './rewards/rewards.service.ts';
import { createGiftCards } from './rewards/gift-cards.ts';
import { createGiftCardRefunds } from './rewards/gift-card-refunds.ts';
import { createCouponRollbacks } from './rewards/coupon-rollbacks.ts';
import { createPromotionListings } from './rewards/listings/promotion-listings.ts';
import { withFields } from '../../shared/objects.ts';

// The loyalty program: a provable points ledger, earning rules, tiers, rewards, coupons,
// gift cards, reservations and the scheduled maintenance. Other modules and workflows
// use only what this file exports.

export { ProgramDocument, NewProgramDocument, ApplyProgramInput, LocalizedText, PluralForms, programJsonSchema } from './program/program.schema.ts';
export { compileProgram, pointsForPurchase, type Program, type PurchaseFacts } from './program/program.ts';
export { pointsNameOf, pointsWord } from './program/program-names.ts';
export { type AccrualItem, type LoyaltySummary } from './earning/accrual.ts';
export { AdjustmentInput, type AdjustOptions } from './accounts/staff-actions.ts';
export { RedeemRewardInput } from './rewards/rewards.service.ts';
export { UseCouponInput, CampaignInput } from './rewards/coupons.ts';
export { CouponRollbackInput } from './rewards/coupon-rollbacks.ts';
export { COUPON_PROBLEM_CODES } from './rewards/codes.ts';
export { REWARD_PROBLEM_CODES } from './rewards/reward-rules.ts';
export { GiftCardChargeInput, GiftCardIssueInput } from './rewards/gift-cards.ts';
export { GiftCardRefundInput } from './rewards/gift-card-refunds.ts';
export { ReserveInput, CaptureInput } from './rewards/reservations.ts';
export { CampaignListQuery, CampaignCodesQuery, GiftCardListQuery, GIFT_CARD_STATES } from './rewards/listings/listings.schema.ts';
export { CAMPAIGN_STATES } from './rewards/listings/campaign-listing.ts';
export { CODE_CSV_COLUMNS } from './rewards/listings/campaign-codes.ts';
export { simulateProgram, type SimulationReport } from './simulate/simulate.ts';
export { PROGRAM_CHANNEL } from './loyalty.core.ts';
export { ClaimReferralInput, type ReferralOfPurchase } from './earning/referrals.ts';
export { SurveyBonusInput } from './earning/profile-and-survey-bonuses.ts';
export { customerDatesOf, customerSinceOrder } from './accounts/customer-dates.ts';
export { pointsOrder } from './accounts/points-order.ts';
export { LoyaltyReportQuery } from './accounts/report-period.ts';

export function createLoyalty(deps: LoyaltyDeps) {
  const core = createLoyaltyCore(deps);
  const engagement = createEngagementService(core);
  const account = createLoyaltyService(core, engagement);
  const rewards = createRewardsService(core);
  // Gift cards (charges given back too), coupons' uses given back, and the promotions' read side (campaigns with their figures, their codes, every gift card).
  const giftCards = withFields(createGiftCards(core), createGiftCardRefunds(core), createCouponRollbacks(core), createPromotionListings(core));
  const maintenance = createLoyaltyMaintenance(core, rewards);
  return withFields(account, rewards, engagement, giftCards, { maintenance, programAt: core.programAt });
}

export type LoyaltyService = ReturnType<typeof createLoyalty>;
