import type { Services } from '../../services.ts';
import { LOCALES, PROMOTION_STATES, say, type Entry, type Language, type Said } from '../../shared/messages/index.ts';
import { money, moneyIn } from '../../shared/money.ts';
import { validityText, whenText } from '../dates.ts';
import { count, countIn } from '../language.ts';
import { table } from './table.ts';

// What `regulars coupons …` and `regulars gift-cards …` print for people (promotions.ts):
// a campaign's or a card's figures as labelled lines, the lists as tables with headings,
// in the command line's language, each date as dates.ts writes it (on the clock of the
// business's time zone, a validity's end as the last day it works). --json prints the API's answers instead.

type Loyalty = Services['loyalty'];
export type Campaign = Awaited<ReturnType<Loyalty['campaign']>>;
export type CampaignCode = Awaited<ReturnType<Loyalty['campaignCodes']>>['items'][number];
export type GiftCard = Awaited<ReturnType<Loyalty['giftCard']>>;
export type ListedGiftCard = Awaited<ReturnType<Loyalty['giftCards']>>['items'][number];

/** Labelled lines under a heading, the labels padded to one width in `language`. */
function labelled(heading: string, lines: [Said, string][], language: Language): string {
  const labels = lines.map(([label]) => `${label.in(language)}:`);
  const width = Math.max(...labels.map((l) => l.length));
  return [heading, ...lines.map(([, value], i) => `  ${labels[i].padEnd(width)}  ${value}`)].join('\n');
}

const stateIn = (words: Readonly<Record<string, Entry>>, state: string, language: Language) => words[state]?.[language] ?? state;

/** A percentage as `language` writes one: "10%", "10 %", "%12,5". */
const percentOf = (value: number, language: Language) =>
  new Intl.NumberFormat(LOCALES[language], { style: 'percent', maximumFractionDigits: 2 }).format(value / 100);

/** What a campaign gives: "€5.00 off", "10 % popusta", "бесплатный товар LATTE". */
export function benefitIn(benefit: unknown, currency: string, language: Language): string {
  const b = benefit as { type: string; amount?: string; percent?: number; sku?: string };
  if (b.type === 'fixed_discount') return say('cli.promotions.benefit_fixed', { amount: money(b.amount, currency) }).in(language);
  if (b.type === 'percent_discount') return say('cli.promotions.benefit_percent', { percent: percentOf(Number(b.percent), language) }).in(language);
  return say('cli.promotions.benefit_free', { sku: String(b.sku) }).in(language);
}

/** How a campaign was made: its unique codes and the uses of each, or its shared code and the uses of it in all. */
function codesIn(c: Campaign, language: Language): string {
  const uses = countIn('uses', c.max_uses, language);
  return c.shared_code !== null
    ? say('cli.coupons.shared_code', { code: c.shared_code, uses }).in(language)
    : say('cli.coupons.unique_codes', { codes: countIn('uniqueCodes', c.codes, language), uses }).in(language);
}

/** A campaign with its figures, under `heading` (its name, or what a create did). */
export function describeCampaign(c: Campaign, heading: string, timeZone: string, language: Language): string {
  const n = (v: number) => count(v, language);
  return labelled(heading, [
    [say('cli.promotions.benefit'), benefitIn(c.benefit, c.currency, language)],
    [say('cli.promotions.codes'), codesIn(c, language)],
    [say('cli.promotions.per_customer'), c.per_customer_limit === null ? say('cli.promotions.no_limit').in(language) : countIn('uses', c.per_customer_limit, language)],
    [say('cli.promotions.valid'), validityText(c.valid_from, c.expires_at, timeZone).in(language)],
    [say('cli.promotions.status'), stateIn(PROMOTION_STATES.campaign, c.status, language)],
    [say('cli.promotions.uses'), c.uses_without_customer > 0 ? say('cli.coupons.uses_without_customer', { uses: c.uses, without: c.uses_without_customer }).in(language) : n(c.uses)],
    [say('cli.promotions.codes_used'), say('cli.promotions.of', { used: c.codes_used, total: c.codes }).in(language)],
    [say('cli.metrics.customers'), n(c.customers)],
    [say('cli.promotions.discount_given'), c.discount_given === null ? say('cli.coupons.discount_not_recorded').in(language) : moneyIn(language, c.discount_given, c.currency)],
    [say('cli.promotions.created_at'), whenText(c.created_at, timeZone)],
  ], language);
}

/** The campaigns, one a row: what `coupons list` prints. */
export function campaignTable(items: Campaign[], language: Language): string {
  if (items.length === 0) return say('cli.coupons.none').in(language);
  const t = (label: Said) => label.in(language);
  const n = (v: number) => count(v, language);
  return table([
    [t(say('cli.promotions.id')), t(say('cli.promotions.campaign')), t(say('cli.promotions.benefit')), t(say('cli.promotions.codes')), t(say('cli.promotions.codes_used')),
      t(say('cli.promotions.uses')), t(say('cli.metrics.customers')), t(say('cli.promotions.discount_given')), t(say('cli.promotions.status'))],
    ...items.map((c) => [
      c.id, c.name, benefitIn(c.benefit, c.currency, language), c.shared_code ?? countIn('uniqueCodes', c.codes, language),
      say('cli.promotions.of', { used: c.codes_used, total: c.codes }).in(language),
      n(c.uses), n(c.customers), c.discount_given === null ? '—' : moneyIn(language, c.discount_given, c.currency), stateIn(PROMOTION_STATES.campaign, c.status, language),
    ]),
  ], 'llllrrrrl');
}

/** A campaign's codes, one a row: what `coupons codes` prints without --csv. */
export function codeTable(items: CampaignCode[], timeZone: string, language: Language): string {
  const t = (label: Said) => label.in(language);
  return table([
    [t(say('cli.promotions.code')), t(say('cli.promotions.status')), t(say('cli.promotions.uses')), t(say('cli.promotions.last_used'))],
    ...items.map((c) => [
      c.code, stateIn(PROMOTION_STATES.code, c.problem_code ?? 'usable', language), say('cli.promotions.of', { used: c.uses, total: c.max_uses }).in(language), c.last_used_at === null ? '—' : whenText(c.last_used_at, timeZone),
    ]),
  ], 'llrl');
}

/** Where a card stands, as the list's status says it: nothing left, can pay, or past its expiry with a balance left. */
const giftCardState = (g: GiftCard) => (g.usable ? 'active' : Number(g.balance) === 0 ? 'used_up' : 'expired');

const balanceIn = (g: { balance: string; initial: string; currency: string }, language: Language) =>
  say('cli.gift_cards.balance_of', { balance: money(g.balance, g.currency), initial: money(g.initial, g.currency) }).in(language);

/** A gift card with its balance, under `heading` (its code, or what an issue did). */
export function describeGiftCard(g: GiftCard, heading: string, timeZone: string, language: Language): string {
  return labelled(heading, [
    [say('cli.promotions.balance'), balanceIn(g, language)],
    [say('cli.promotions.status'), stateIn(PROMOTION_STATES.giftCard, giftCardState(g), language)],
    [say('cli.promotions.customer'), g.customer_id ?? say('cli.gift_cards.bearer').in(language)],
    [say('cli.promotions.valid'), validityText(null, g.expires_at, timeZone).in(language)],
    [say('cli.promotions.issued_at'), whenText(g.issued_at, timeZone)],
  ], language);
}

/** The gift cards, one a row: what `gift-cards list` prints. */
export function giftCardTable(items: ListedGiftCard[], timeZone: string, language: Language): string {
  if (items.length === 0) return say('cli.gift_cards.none').in(language);
  const t = (label: Said) => label.in(language);
  return table([
    [t(say('cli.promotions.code')), t(say('cli.promotions.balance')), t(say('cli.promotions.status')), t(say('cli.promotions.customer')), t(say('cli.promotions.valid')), t(say('cli.promotions.issued_at'))],
    ...items.map((g) => [
      g.code, balanceIn(g, language), stateIn(PROMOTION_STATES.giftCard, g.status, language), g.customer_name ?? g.customer_id ?? '—', validityText(null, g.expires_at, timeZone).in(language), whenText(g.issued_at, timeZone),
    ]),
  ], 'lrllll');
}
