import type { LoyaltyService } from '../../../../modules/loyalty/index.ts';

// The promotions' answers as the dashboard reads them: the server's own shapes (type-only
// imports: no server code reaches the browser bundle), their dates already ISO strings.

type Served<K extends keyof LoyaltyService> = LoyaltyService[K] extends (...args: never[]) => Promise<infer R> ? R : never;

/** What a campaign's coupons give, as POST /coupons/campaigns takes it and the campaign keeps it. */
export type Benefit =
  | { type: 'fixed_discount'; amount: string }
  | { type: 'percent_discount'; percent: number }
  | { type: 'free_product'; sku: string };

export type Campaign = Omit<Served<'campaign'>, 'benefit'> & { benefit: Benefit };
export type CampaignState = Campaign['status'];
export interface CampaignPage {
  items: Campaign[];
  next_cursor: string | null;
}
export type CampaignCode = Served<'campaignCodes'>['items'][number];
export type CampaignCreated = Omit<Served<'createCampaign'>, 'benefit'> & { benefit: Benefit };
export type ListedGiftCard = Served<'giftCards'>['items'][number];
export type GiftCardState = ListedGiftCard['status'];
export type UsableGiftCard = Served<'giftCard'>;
export type GiftCardIssued = Served<'issueGiftCard'>;
