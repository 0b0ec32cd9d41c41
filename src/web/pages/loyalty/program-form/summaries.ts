import { countedName, plainName, type CountedName } from '../../../../shared/plural.ts';
import { COUNTED } from '../../../i18n/counted.ts';
import type { I18n } from '../../../i18n/index.ts';
import { isObject, shown } from './document.ts';

// What a closed section or list item of the program form says in its header: one line,
// in the dashboard's language, of what the document holds there ("3 levels: Member,
// Silver from €250.00, Gold from €750.00"; a reward's "Free product · 500 points"). The
// document may be half typed: a value that is not what its field wants is shown as
// written, never as NaN, and a value left out is left out of the line.

type Dictionary = Record<string, unknown>;
type CountedKey = keyof typeof COUNTED;

const SEPARATOR = ' · ';
const join = (parts: readonly (string | false | undefined)[], separator = SEPARATOR) => parts.filter((p): p is string => Boolean(p)).join(separator);
const itemsOf = (value: unknown): Dictionary[] => (Array.isArray(value) ? value.map((item) => (isObject(item) ? item : {})) : []);
const objectAt = (value: unknown): Dictionary => (isObject(value) ? value : {});
const DECIMAL = /^-?\d+(\.\d+)?$/;
const numeric = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : undefined;

/** A list item's name in the dashboard's language, for its title ("Tier 2: Silver"); empty while it has none. */
export const nameOf = (i18n: I18n, value: unknown): string =>
  typeof value === 'string' ? value : isObject(value) ? i18n.localized(Object.fromEntries(Object.entries(value).filter(([, v]) => typeof v === 'string')) as Record<string, string>) : '';

/** A list item's title: its kind and number, and its name once it has one ("Tier 2: Silver"). */
export const titled = (label: string, name: string): string => (name ? `${label}: ${name}` : label);

/** `value` counted with the words that agree with it ("5 points"); a value that is no number is shown as typed, with the words of "many". */
function count(i18n: I18n, key: CountedKey, value: unknown): string {
  const n = numeric(value);
  return countedName(COUNTED[key], i18n.language, n ?? Number.NaN).replace('{count}', n === undefined ? shown(value) : i18n.number(n));
}

/** An amount of the business's currency (the document keeps it a decimal string); as typed while it is none, or while the currency is not known yet. */
function money(i18n: I18n, value: unknown, currency: string | undefined): string {
  const text = shown(value).trim();
  return currency && DECIMAL.test(text) ? i18n.money(text, currency) : text;
}

/** A number as the language writes it ("1,25"); as typed while it is none. */
const numberShown = (i18n: I18n, value: unknown) => {
  const n = numeric(value);
  return n === undefined ? shown(value) : i18n.number(n);
};
const factor = (i18n: I18n, value: unknown) => `×${numberShown(i18n, value)}`;

/** The program's name, what its points are called, and what one is worth. */
export function generalSummary(i18n: I18n, document: Dictionary, currency?: string): string {
  const points = document.points_name;
  const called = typeof points === 'string' || isObject(points) ? plainName(points as CountedName, i18n.language) : '';
  return join([
    shown(document.name),
    typeof called === 'string' && called,
    document.point_value !== undefined && i18n.t('programForm.summary.pointValue', { value: money(i18n, document.point_value, currency) }),
  ]);
}

/** The base rate, and how many multipliers and promotions there are ("10 points per EUR, 2 multipliers, 1 promotion"). */
export function earningSummary(i18n: I18n, document: Dictionary, currency?: string): string {
  const earning = objectAt(document.earning);
  const rate = earning.points_per_currency_unit;
  const points = rate === undefined ? undefined : count(i18n, 'programPoints', rate);
  const multipliers = itemsOf(earning.multipliers).length;
  const promotions = itemsOf(earning.promotions).length;
  return join([
    points && (currency ? i18n.t('programForm.summary.rate', { points, currency }) : points),
    multipliers > 0 && count(i18n, 'programMultipliers', multipliers),
    promotions > 0 && count(i18n, 'programPromotions', promotions),
  ], ', ');
}

const BONUSES = ['sign_up', 'first_purchase', 'birthday', 'profile_completion', 'survey'] as const;

/** Which bonuses the program gives ("6 bonuses: Sign-up, First purchase, …, Referral"). */
export function bonusesSummary(i18n: I18n, document: Dictionary): string {
  const bonuses = objectAt(document.bonuses);
  const given = BONUSES.filter((kind) => bonuses[kind] !== undefined && bonuses[kind] !== 0).map((kind) => i18n.t(`loyalty.bonus.${kind}`));
  if (isObject(bonuses.referral) && Object.keys(bonuses.referral).length > 0) given.push(i18n.t('loyalty.bonus.referral'));
  return given.length ? `${count(i18n, 'programBonuses', given.length)}: ${given.join(', ')}` : i18n.t('programForm.summary.noBonuses');
}

/** When points expire ("Each credit after 12 months"). */
export function expirySummary(i18n: I18n, document: Dictionary): string {
  const expiry = objectAt(document.expiry);
  const { policy, months } = expiry;
  if (policy === undefined || policy === 'none') return i18n.t('programForm.summary.neverExpire');
  if (policy === 'per_lot') return months === undefined ? i18n.t('programForm.expiry.per_lot') : count(i18n, 'programExpiryPerLot', months);
  if (policy === 'inactivity') return months === undefined ? i18n.t('programForm.expiry.inactivity') : count(i18n, 'programExpiryInactive', months);
  return shown(policy);
}

/** A level's threshold as the tiers' metric counts it ("from €250.00", "from 500 points"). */
function threshold(i18n: I18n, metric: unknown, value: unknown, currency: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (metric === 'points') return count(i18n, 'programFromPoints', value);
  if (metric === 'purchases') return count(i18n, 'programFromPurchases', value);
  return i18n.t('programForm.summary.fromAmount', { amount: money(i18n, value, currency) });
}

/** The levels, each from its threshold ("3 levels: Member, Silver from €250.00, Gold from €750.00"); the base level (from 0) by its name alone. */
export function tiersSummary(i18n: I18n, document: Dictionary, currency?: string): string {
  if (document.tiers === undefined) return i18n.t('programForm.summary.noTiers');
  const tiers = objectAt(document.tiers);
  const levels = itemsOf(tiers.levels);
  const named = levels.map((level, i) => {
    const name = nameOf(i18n, level.name) || shown(level.code) || i18n.t('programForm.level', { n: i + 1 });
    const from = numeric(level.threshold) === 0 ? undefined : threshold(i18n, tiers.metric, level.threshold, currency);
    return from ? i18n.t('programForm.summary.level', { name, threshold: from }) : name;
  });
  const counted = count(i18n, 'programLevels', levels.length);
  return named.length ? `${counted}: ${named.join(', ')}` : counted;
}

export const rewardsSummary = (i18n: I18n, document: Dictionary): string => count(i18n, 'programRewards', itemsOf(document.rewards).length);

export const challengesSummary = (i18n: I18n, document: Dictionary): string => count(i18n, 'programChallenges', itemsOf(document.challenges).length);

// A list item's key figures, after its title in its header: what an owner looks for
// among its siblings without opening each. A line of its own, so its first letter is a
// capital ("From €750.00 · points ×1.5").

/** A line's first letter in capitals, as the language writes it (Turkish "i" is "İ"). */
const line = (i18n: I18n, text: string) => text.charAt(0).toLocaleUpperCase(i18n.language) + text.slice(1);

/** A level: its threshold and the benefits that tell it apart ("from €250.00 · points ×1.25"). */
export function levelFigures(i18n: I18n, level: Dictionary, metric: unknown, currency?: string): string {
  const benefits = objectAt(level.benefits);
  return line(i18n, join([
    threshold(i18n, metric, level.threshold, currency),
    benefits.points_multiplier !== undefined && i18n.t('programForm.summary.pointsTimes', { factor: numberShown(i18n, benefits.points_multiplier) }),
    benefits.early_access === true && i18n.t('programForm.earlyAccess'),
  ]));
}

/** A reward: its type with its value, its cost, the tiers it is for by their names ("Fixed discount €5.00 · 1,000 points", "… · tiers: Silver, Gold"). */
export function rewardFigures(i18n: I18n, reward: Dictionary, levels: unknown, currency?: string): string {
  const tierNames = new Map(itemsOf(levels).map((level) => [shown(level.code), nameOf(i18n, level.name) || shown(level.code)]));
  const { type } = reward;
  const kind = typeof type === 'string' && ['fixed_discount', 'percent_discount', 'free_product', 'gift_card', 'event'].includes(type)
    ? i18n.t(`loyalty.rewardType.${type as 'fixed_discount'}`) : shown(type);
  const amount = (type === 'fixed_discount' || type === 'gift_card') && reward.amount !== undefined ? money(i18n, reward.amount, currency)
    : type === 'percent_discount' && reward.percent !== undefined ? (numeric(reward.percent) === undefined ? shown(reward.percent) : i18n.percent(numeric(reward.percent)! / 100))
    : undefined;
  const tiers = Array.isArray(reward.tiers) && reward.tiers.length > 0 ? reward.tiers.map((code) => tierNames.get(shown(code)) ?? shown(code)) : undefined;
  return line(i18n, join([
    join([kind, amount], ' '),
    reward.points !== undefined && count(i18n, 'programPoints', reward.points),
    tiers && i18n.t('programForm.summary.tiers', { tiers: tiers.join(', ') }),
  ]));
}

/** A challenge: its goal and what it earns ("5 visits in 30 days · 500 points"). */
export function challengeFigures(i18n: I18n, challenge: Dictionary): string {
  const goal = objectAt(challenge.goal);
  const what = goal.count === undefined ? undefined : count(i18n, goal.type === 'categories' ? 'programCategories' : 'programVisits', goal.count);
  const within = goal.within_days === undefined ? undefined : count(i18n, 'programWithinDays', goal.within_days);
  return line(i18n, join([
    what && within ? i18n.t('programForm.summary.goal', { goal: what, within }) : what ?? within,
    challenge.points !== undefined && count(i18n, 'programPoints', challenge.points),
    challenge.repeatable === true && i18n.t('programForm.repeatable'),
  ]));
}

/** A multiplier: its factor and what a purchase must match ("×2 · coffee", "×1.25 · Online"). */
export function multiplierFigures(i18n: I18n, multiplier: Dictionary): string {
  const when = objectAt(multiplier.when);
  const values = (key: string) => (Array.isArray(when[key]) ? (when[key] as unknown[]).map(shown) : []);
  const channels = values('channels').map((c) => (['in_store', 'online', 'phone', 'other'].includes(c) ? i18n.t(`timeline.channel.${c as 'online'}`) : c));
  return line(i18n, join([
    multiplier.factor !== undefined && factor(i18n, multiplier.factor),
    join([...values('categories'), ...values('skus'), ...values('stores'), ...channels], ', '),
  ]));
}

/** A promotion: its window and what it gives ("5 Dec 2026 – 7 Dec 2026 · ×2"). */
export function promotionFigures(i18n: I18n, promotion: Dictionary): string {
  const day = (value: unknown) => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? i18n.date(value) : shown(value));
  const window = promotion.from === undefined && promotion.to === undefined ? undefined : `${day(promotion.from)} – ${day(promotion.to)}`.trim();
  return line(i18n, join([
    window,
    promotion.factor !== undefined && factor(i18n, promotion.factor),
    promotion.bonus_points !== undefined && `+${count(i18n, 'programPoints', promotion.bonus_points)}`,
  ]));
}
