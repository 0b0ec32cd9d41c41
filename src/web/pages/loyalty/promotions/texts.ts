import type { I18n, MessageKey } from '../../../i18n/index.ts';
import type { Benefit, CampaignState, GiftCardState } from './types.ts';

// How the Promotions tab says a campaign's and a gift card's facts in the dashboard's
// language: what a coupon gives, where a campaign or a card stands, when it is valid.

/** What a coupon gives: "€5.00 off", "10 % off", "Free product MUG". */
export function benefitText(i18n: I18n, benefit: Benefit, currency: string): string {
  switch (benefit.type) {
    case 'fixed_discount': return i18n.t('promotions.benefit.fixed', { amount: i18n.money(benefit.amount, currency) });
    case 'percent_discount': return i18n.t('promotions.benefit.percent', { percent: i18n.percent(benefit.percent / 100) });
    case 'free_product': return i18n.t('promotions.benefit.free', { sku: benefit.sku });
  }
}

export const campaignStateKey = (state: CampaignState) => `promotions.status.${state}` as MessageKey;
export const giftCardStateKey = (state: GiftCardState) => `promotions.giftCards.status.${state}` as MessageKey;

/** When a campaign's codes can be used: "from 1 Jun 2026", "until …", "1 Jun – 30 Jun 2026", or no limit. */
export function validityText(i18n: I18n, from: string | null, to: string | null): string {
  if (from && to) return i18n.t('promotions.valid.between', { from: i18n.date(from), to: i18n.date(to) });
  if (from) return i18n.t('promotions.valid.from', { date: i18n.date(from) });
  if (to) return i18n.t('promotions.valid.until', { date: i18n.date(to) });
  return i18n.t('promotions.valid.always');
}

/** A whole number as a form's field holds it: digits only, else the text as typed (the server then names the field and says why). */
export function wholeNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
