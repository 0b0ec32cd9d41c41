import { withFields } from '../../../../shared/objects.ts';
import type { LoyaltyCore } from '../../loyalty.core.ts';
import { createCampaignCodes } from './campaign-codes.ts';
import { createCampaignListing } from './campaign-listing.ts';
import { createGiftCardListing } from './gift-card-listing.ts';

// The promotions' read side: the campaigns of coupons with their figures, a campaign's
// codes (a page, or all as CSV), and the gift cards. The writes are coupons.ts and
// gift-cards.ts; nothing here writes.
export function createPromotionListings(core: LoyaltyCore) {
  return withFields(createCampaignListing(core), createCampaignCodes(core), createGiftCardListing(core));
}
