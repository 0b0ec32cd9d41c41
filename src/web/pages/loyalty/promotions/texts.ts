import type { I18n, MessageKey } from '../../../i18n/index.ts';
import { lastDayBefore } from '../../../time.ts';
import { parseAmount, showDecimal } from '../program-form/document.ts';
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

/**
 * When a campaign's codes can be used, in the business's days: "From 1 Jun 2026", "Through
 * 30 Jun 2026", "1 Jun 2026 – 30 Jun 2026", or no limit. An end at a day's start there says
 * the last day before it (an expiry typed as 1 Jul 00:00 works through 30 Jun); a start or an
 * end at another time of day says its time.
 */
export function validityText(i18n: I18n, from: string | null, to: string | null): string {
  const start = from && (lastDayBefore(from, i18n.timeZone) === undefined ? i18n.date(from, true) : i18n.date(from));
  const lastDay = to ? lastDayBefore(to, i18n.timeZone) : undefined;
  const end = to && (lastDay ? i18n.date(lastDay) : i18n.date(to, true));
  if (start && end) return i18n.t('promotions.valid.between', { from: start, to: end });
  if (start) return i18n.t('promotions.valid.from', { date: start });
  if (end) return i18n.t(lastDay ? 'promotions.valid.through' : 'promotions.valid.until', { date: end });
  return i18n.t('promotions.valid.always');
}

/**
 * A whole number as a form's field holds it: digits, with a minus or not, else the text as
 * typed (the server then names the field and says why). A negative number goes as a
 * number, so its refusal says what the least is ("must be at least 1"), not that -3 is no
 * number.
 */
export function wholeNumber(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * Why an amount field's text (a gift card's, a campaign's discount) is not sent, in the
 * dashboard's words and number format: nothing typed is missing; a negative amount must be
 * more than nothing ("0,00 €"); any other text that is no amount is shown how to write one
 * ("25,50" in Danish, as the field reads it). Sent, each came back as the API's "non-negative
 * decimal amount with a decimal point (not a comma), e.g. "29.33"", though the field takes a
 * comma. Zero and too many decimals are the server's to say: its words name the rule ("a
 * discount of nothing"). Undefined for an amount to send.
 */
export function amountMistake(i18n: I18n, text: string, currency: string): string | undefined {
  const amount = parseAmount(text);
  if (amount === undefined) return i18n.t('common.required');
  if (/^-\d+(\.\d+)?$/.test(amount)) return i18n.t('promotions.amount.positive', { zero: i18n.money('0', currency) });
  if (!/^\d+(\.\d+)?$/.test(amount)) return i18n.t('promotions.amount.unreadable', { example: showDecimal('25.50', i18n.number(1.5).charAt(1)) });
  return undefined;
}
