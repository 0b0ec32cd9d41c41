import { countedName, plainName, type CountedName } from '../../../../shared/plural.ts';
import { COUNTED } from '../../../i18n/counted.ts';
import type { I18n } from '../../../i18n/index.ts';
import { instantOfWallClock } from '../../../time.ts';
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

/** The program's tier levels by code, each as its name in the dashboard's language (its code while it has none). */
const tierNamesOf = (i18n: I18n, levels: unknown) => new Map(itemsOf(levels).map((level) => [shown(level.code), nameOf(i18n, level.name) || shown(level.code)]));

/**
 * An instant as its day ("5 Dec 2026") in the business's time zone, as the form's inputs
 * show it; a date alone is that calendar day (not midnight UTC, the day before west of
 * Greenwich); as typed while it is neither.
 */
function dayShown(i18n: I18n, value: unknown): string {
  if (typeof value !== 'string') return shown(value);
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Number.isNaN(Date.parse(text)) ? text : i18n.date(text);
  // A time without an offset is the business's wall-clock time, as the inputs read it.
  const at = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text) ? instantOfWallClock(text, i18n.timeZone) ?? text : text;
  return Number.isNaN(Date.parse(at)) ? text : i18n.date(at);
}

/** When a reward can be redeemed: "available 1 Dec 2026 – 6 Jan 2027", "available from …", "available until …"; nothing while always. */
function availability(i18n: I18n, reward: Dictionary): string | undefined {
  const from = reward.available_from === undefined ? undefined : dayShown(i18n, reward.available_from);
  const to = reward.available_to === undefined ? undefined : dayShown(i18n, reward.available_to);
  if (from !== undefined && to !== undefined) return i18n.t('programForm.summary.availableBetween', { from, to });
  if (from !== undefined) return i18n.t('programForm.summary.availableFrom', { from });
  if (to !== undefined) return i18n.t('programForm.summary.availableUntil', { to });
  return undefined;
}

/** A reward: its type with its value, its cost, the tiers it is for by their names, when it can be had ("Fixed discount €5.00 · 1,000 points", "… · tiers: Silver, Gold · available from 1 Dec 2026"). */
export function rewardFigures(i18n: I18n, reward: Dictionary, levels: unknown, currency?: string): string {
  const tierNames = tierNamesOf(i18n, levels);
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
    availability(i18n, reward),
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

const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The weekdays' names in the language, Monday (ISO 1) first: "Monday" (long) or "Mon" (short), as Intl writes them. */
export function weekdayNames(i18n: I18n, width: 'long' | 'short'): string[] {
  const format = new Intl.DateTimeFormat(i18n.language, { weekday: width, timeZone: 'UTC' });
  // 1 January 2024 was a Monday.
  return ISO_WEEKDAYS.map((day) => format.format(new Date(Date.UTC(2024, 0, day))));
}

/** The weekdays a condition offers, each by its ISO number (1 = Monday) and its name, capitalised as a label is ("Ponedeljek"). */
export const weekdayChoices = (i18n: I18n): (readonly [day: number, name: string])[] =>
  weekdayNames(i18n, 'long').map((name, i) => [ISO_WEEKDAYS[i], line(i18n, name)] as const);

/**
 * A condition's weekdays in a line: "weekends", "weekdays" (Monday to Friday), "every day",
 * else the days, a run of three or more as a span ("Mon–Thu and Sat"). A value that is no
 * weekday is shown as typed.
 */
export function weekdaysText(i18n: I18n, value: unknown): string {
  const given = Array.isArray(value) ? value : [value];
  const isDay = (d: unknown): d is number => typeof d === 'number' && Number.isInteger(d) && d >= 1 && d <= 7;
  const days = [...new Set(given.filter(isDay))].sort((a, b) => a - b);
  const others = given.filter((d) => !isDay(d)).map(shown);
  if (!others.length) {
    const set = days.join('');
    if (set === '67') return i18n.t('programForm.summary.weekends');
    if (set === '12345') return i18n.t('programForm.summary.workdays');
    if (set === '1234567') return i18n.t('programForm.summary.everyDay');
  }
  const names = weekdayNames(i18n, 'short');
  const runs: number[][] = [];
  for (const day of days) {
    const run = runs.at(-1);
    if (run && run.at(-1) === day - 1) run.push(day);
    else runs.push([day]);
  }
  const said = runs.flatMap((run) => (run.length >= 3 ? [`${names[run[0] - 1]}–${names[run.at(-1)! - 1]}`] : run.map((d) => names[d - 1])));
  return i18n.list([...said, ...others]);
}

/** A few values as they are ("coffee, cake"); more than three by their count ("12 SKUs"), the line being one line. */
function some(i18n: I18n, values: readonly string[], key: CountedKey): string | undefined {
  if (!values.length) return undefined;
  return values.length > 3 ? count(i18n, key, values.length) : values.join(', ');
}

/**
 * What a purchase must match, in a line: its categories, SKUs, stores, channels, the
 * member's tiers by their names and the weekdays ("coffee, Online", "Silver and Gold, weekends").
 */
export function conditionText(i18n: I18n, when: unknown, levels?: unknown): string {
  const condition = objectAt(when);
  const values = (key: string): unknown[] => (Array.isArray(condition[key]) ? condition[key] as unknown[] : condition[key] === undefined ? [] : [condition[key]]);
  const texts = (key: string) => values(key).map(shown);
  const channels = texts('channels').map((c) => (['in_store', 'online', 'phone', 'other'].includes(c) ? i18n.t(`timeline.channel.${c as 'online'}`) : c));
  const tierNames = tierNamesOf(i18n, levels);
  const tiers = texts('tiers').map((code) => tierNames.get(code) ?? code);
  return join([
    some(i18n, texts('categories'), 'programCategories'),
    some(i18n, texts('skus'), 'programSkus'),
    some(i18n, texts('stores'), 'programStores'),
    channels.length > 0 && channels.join(', '),
    tiers.length > 0 && i18n.list(tiers),
    values('weekdays').length > 0 && weekdaysText(i18n, values('weekdays')),
  ], ', ');
}

/** A multiplier: its factor and what a purchase must match ("×2 · coffee", "×1.25 · Online", "×1.5 · Silver and Gold, weekends"). */
export function multiplierFigures(i18n: I18n, multiplier: Dictionary, levels?: unknown): string {
  return line(i18n, join([
    multiplier.factor !== undefined && factor(i18n, multiplier.factor),
    conditionText(i18n, multiplier.when, levels),
  ]));
}

/** A promotion: its window, what it gives and what a purchase must match ("5 Dec 2026 – 7 Dec 2026 · ×2 · Gold, weekends"). */
export function promotionFigures(i18n: I18n, promotion: Dictionary, levels?: unknown): string {
  const window = promotion.from === undefined && promotion.to === undefined ? undefined : `${dayShown(i18n, promotion.from)} – ${dayShown(i18n, promotion.to)}`.trim();
  return line(i18n, join([
    window,
    promotion.factor !== undefined && factor(i18n, promotion.factor),
    promotion.bonus_points !== undefined && `+${count(i18n, 'programPoints', promotion.bonus_points)}`,
    conditionText(i18n, promotion.when, levels),
  ]));
}
