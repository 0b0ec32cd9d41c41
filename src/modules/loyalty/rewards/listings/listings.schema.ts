import { z } from 'zod';

// The query strings of the promotions' lists (campaign-listing.ts, gift-card-listing.ts):
// a page's size and the cursor of the page before it, as GET /customers takes them.

const limit = z.coerce.number().int().min(1).max(500).default(50);
const cursor = z.string().max(200).optional();

export const CampaignListQuery = z.object({ limit, cursor });
export type CampaignListQuery = z.infer<typeof CampaignListQuery>;

/** A campaign's codes: a page of them as JSON, or with format=csv all of them as a download (Accept: text/csv says the same). */
export const CampaignCodesQuery = z.object({ limit, cursor, format: z.enum(['json', 'csv']).optional() });
export type CampaignCodesQuery = z.infer<typeof CampaignCodesQuery>;

/** How a gift card stands now: it can pay (active), nothing is left on it (used_up), or its time has passed with a balance left (expired). */
export const GIFT_CARD_STATES = ['active', 'used_up', 'expired'] as const;
export type GiftCardState = (typeof GIFT_CARD_STATES)[number];

export const GiftCardListQuery = z.object({ limit, cursor, status: z.enum(GIFT_CARD_STATES).optional() });
export type GiftCardListQuery = z.infer<typeof GiftCardListQuery>;
