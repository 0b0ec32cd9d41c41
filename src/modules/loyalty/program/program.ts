import { addDaysIn, addMonthsIn, instantOf, startOfLocalDay } from '../../../shared/clock.ts';
import { amountField, currencyExponent, toMinor } from '../../../shared/money.ts';
import { textIn } from '../../../shared/messages/index.ts';
import type { Condition, LocalizedText, ProgramDocument } from './program.schema.ts';

// The program's rules as pure functions: how many points a purchase earns (and why),
// which tier a qualification metric gives, and when a tier period ends. No I/O here, so
// the live accrual and `regulars loyalty simulate` compute exactly the same numbers.

export interface Program {
  version: number;
  effectiveFrom: Date;
  document: ProgramDocument;
  currency: string;
  /** The business's time zone, in which a lot's months are counted (lotExpiry). */
  timeZone: string;
  /** Tier thresholds in the metric's unit; for spend in minor units. */
  thresholds: number[];
  minimumPurchaseMinor: number;
  referralMinimumMinor: number;
  pointValueMinor: number;
  /** Per promotion, [from, to) in epoch ms; per multiplier, its display name (parsed once, used per purchase). */
  promotionTimes: [number, number][];
  /** Per reward code, [available_from, available_to) in epoch ms, an open end ±Infinity; dates read as promotions' are. */
  rewardTimes: ReadonlyMap<string, [number, number]>;
  multiplierNames: string[];
  unitMinor: number;
  /** Why the version was applied (`regulars loyalty apply --note`), as stored with it; absent for a proposal being simulated. */
  note?: string | null;
}

/** Amounts in the document must fit the business currency's decimals ("5.005" is not euros): checked before a version is applied or simulated. */
export function checkAmounts(document: ProgramDocument, currency: string) {
  const check = (value: string | undefined, field: string) => value !== undefined && amountField(field, value, currency);
  check(document.earning.minimum_purchase, 'program.earning.minimum_purchase');
  check(document.bonuses.referral?.minimum_purchase, 'program.bonuses.referral.minimum_purchase');
  if (document.tiers?.metric === 'spend') document.tiers.levels.forEach((l, i) => check(l.threshold, `program.tiers.levels.${i}.threshold`));
  document.rewards.forEach((r, i) => check(r.amount, `program.rewards.${i}.amount`));
}

export function compileProgram({ version, effectiveFrom, document, currency, timeZone }: { version: number; effectiveFrom: Date; document: ProgramDocument; currency: string; timeZone: string }): Program {
  const tiers = document.tiers;
  return {
    version,
    effectiveFrom,
    document,
    currency,
    timeZone,
    thresholds: tiers ? tiers.levels.map((l) => (tiers.metric === 'spend' ? toMinor(l.threshold, currency) : Number(l.threshold))) : [],
    minimumPurchaseMinor: document.earning.minimum_purchase ? toMinor(document.earning.minimum_purchase, currency) : 0,
    referralMinimumMinor: document.bonuses.referral?.minimum_purchase ? toMinor(document.bonuses.referral.minimum_purchase, currency) : 0,
    // Point values are often fractions of a cent ("0.005"): kept in millionths of a unit.
    pointValueMinor: Number(document.point_value) * 10 ** currencyExponent(currency),
    // A date alone is the start of that day in the business's time zone, as the owner means "from Saturday".
    promotionTimes: document.earning.promotions.map((p) => [instantOf(p.from, timeZone).getTime(), instantOf(p.to, timeZone).getTime()]),
    rewardTimes: new Map(document.rewards.map((r) => [r.code, [
      r.available_from ? instantOf(r.available_from, timeZone).getTime() : Number.NEGATIVE_INFINITY,
      r.available_to ? instantOf(r.available_to, timeZone).getTime() : Number.POSITIVE_INFINITY,
    ]])),
    multiplierNames: document.earning.multipliers.map((m) => (m.name ? text(m.name) : describeCondition(m.when))),
    unitMinor: 10 ** currencyExponent(currency),
  };
}

export interface PurchaseFacts {
  occurredAt: Date;
  /** The purchase's calendar date in its store's time zone. */
  localDate: string;
  storeCode: string | null;
  channel: string;
  /** What the customer paid, after discount: the earning base. */
  totalMinor: number;
  lines: { sku: string | null; category: string | null; quantity: number; unitPriceMinor: number }[];
}

export interface EarningFactor {
  name: string;
  factor: number;
  /** Share of the purchase (0–1) the factor applies to; line rules apply to some lines only. */
  share: number;
}

export interface EarnedPoints {
  points: number;
  /** The exact value before rounding, for the explanation. */
  exact: number;
  base: number;
  factors: EarningFactor[];
  bonusPoints: { name: string; points: number }[];
  below_minimum?: boolean;
}

const isoWeekday = (localDate: string) => {
  const d = new Date(`${localDate}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

function purchaseMatches(when: Condition, p: PurchaseFacts, tier: string | null): boolean {
  if (when.stores && !(p.storeCode && when.stores.includes(p.storeCode))) return false;
  if (when.channels && !when.channels.includes(p.channel as never)) return false;
  if (when.tiers && !(tier && when.tiers.includes(tier))) return false;
  if (when.weekdays && !when.weekdays.includes(isoWeekday(p.localDate))) return false;
  return true;
}

export function lineMatches(when: Condition, line: PurchaseFacts['lines'][number]): boolean {
  if (when.categories && !(line.category && when.categories.includes(line.category))) return false;
  if (when.skus && !(line.sku && when.skus.includes(line.sku))) return false;
  return true;
}

export const isLineCondition = (when: Condition) => Boolean(when.categories || when.skus);

/**
 * Points a purchase earns before the daily cap. The base is the total paid (after
 * discount) × points per currency unit. A line rule (category, SKU) applies to the
 * line's share of the total — its quantity × unit price over the sum of all lines, so a
 * basket-level discount lowers every line alike. Matching factors multiply (tier ×
 * store × promotion …). The exact value is rounded once per purchase by the program's
 * rounding rule, so a purchase never loses a point to rounding line by line.
 */
export function pointsForPurchase(program: Program, purchase: PurchaseFacts, { tier }: { tier: string | null }): EarnedPoints {
  const doc = program.document;
  const base = (purchase.totalMinor / program.unitMinor) * doc.earning.points_per_currency_unit;
  if (purchase.totalMinor < program.minimumPurchaseMinor || purchase.totalMinor === 0) {
    return { points: 0, exact: 0, base, factors: [], bonusPoints: [], below_minimum: purchase.totalMinor > 0 };
  }
  const rules = new AppliedRules(purchase, tier);
  if (tier && doc.tiers) {
    const level = doc.tiers.levels.find((l) => l.code === tier);
    if (level && level.benefits.points_multiplier !== 1) rules.whole(`${text(level.name)} tier`, undefined, level.benefits.points_multiplier);
  }
  const multipliers = doc.earning.multipliers;
  for (let i = 0; i < multipliers.length; i++) {
    const m = multipliers[i];
    if (isLineCondition(m.when)) rules.line(program.multiplierNames[i], m.when, m.factor);
    else rules.whole(program.multiplierNames[i], m.when, m.factor);
  }
  const at = purchase.occurredAt.getTime();
  const promotions = doc.earning.promotions;
  const bonusPoints: { name: string; points: number }[] = [];
  let bonusSum = 0;
  for (let i = 0; i < promotions.length; i++) {
    const [from, to] = program.promotionTimes[i];
    if (at < from || at >= to) continue;
    const promo = promotions[i];
    const when = promo.when;
    if (when && !purchaseMatches(when, purchase, tier)) continue;
    if (when && isLineCondition(when) && !purchase.lines.some((l) => lineMatches(when, l))) continue;
    if (promo.factor !== undefined) {
      if (when && isLineCondition(when)) rules.line(text(promo.name), when, promo.factor);
      else rules.whole(text(promo.name), undefined, promo.factor);
    }
    if (promo.bonus_points) {
      bonusPoints.push({ name: text(promo.name), points: promo.bonus_points });
      bonusSum += promo.bonus_points;
    }
  }
  const exact = base * rules.weightedLineFactor() * rules.purchaseFactor + bonusSum;
  return { points: round(exact, doc.earning.rounding), exact, base, factors: rules.factors, bonusPoints };
}

/**
 * The factors that apply to one purchase, gathered rule by rule. Methods of one object
 * rather than closures made per purchase: a simulation works out points for a million
 * purchases, and every closure made was an allocation (and, under tsx, a renaming).
 */
class AppliedRules {
  readonly factors: EarningFactor[] = [];
  /** The product of the rules that apply to the whole purchase. */
  purchaseFactor = 1;
  /** Per line, the product of the line rules matching it (null: none yet, every line at 1). */
  private lineFactor: number[] | null = null;
  private lineAmounts: number[];
  private linesTotal = 0;

  constructor(private purchase: PurchaseFacts, private tier: string | null) {
    const lines = purchase.lines;
    this.lineAmounts = new Array<number>(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const amount = lines[i].quantity * lines[i].unitPriceMinor;
      this.lineAmounts[i] = amount;
      this.linesTotal += amount;
    }
  }

  /** A line rule: its factor on the lines it matches, weighed by their share of the lines' total. */
  line(name: string, when: Condition, factor: number) {
    if (!purchaseMatches(when, this.purchase, this.tier) || this.linesTotal <= 0) return;
    const lines = this.purchase.lines;
    let share = 0;
    for (let i = 0; i < lines.length; i++) {
      if (!lineMatches(when, lines[i])) continue;
      const lineFactor = (this.lineFactor ??= new Array<number>(lines.length).fill(1));
      lineFactor[i] *= factor;
      share += this.lineAmounts[i] / this.linesTotal;
    }
    if (share > 0) this.factors.push({ name, factor, share });
  }

  /** A rule on the whole purchase (a tier's multiplier, a store, a channel, a promotion without lines). */
  whole(name: string, when: Condition | undefined, factor: number) {
    if (when && !purchaseMatches(when, this.purchase, this.tier)) return;
    this.purchaseFactor *= factor;
    this.factors.push({ name, factor, share: 1 });
  }

  /**
   * The lines' factors averaged by their amounts (1 without lines). Summed even when no line
   * rule applied, as it always was: the shares' sum can differ from 1 in the last bit, and the
   * ledger's recorded exact values are made this way.
   */
  weightedLineFactor(): number {
    if (this.linesTotal <= 0) return 1;
    const lineFactor = this.lineFactor;
    let sum = 0;
    for (let i = 0; i < this.lineAmounts.length; i++) sum += (this.lineAmounts[i] / this.linesTotal) * (lineFactor ? lineFactor[i] : 1);
    return sum;
  }
}

/** Rounds a non-negative exact point value; the epsilon absorbs binary floating-point noise (29.999999999 → 30). */
export function round(exact: number, rule: 'floor' | 'nearest' | 'ceil'): number {
  const EPS = 1e-9;
  if (rule === 'floor') return Math.floor(exact + EPS);
  if (rule === 'ceil') return Math.ceil(exact - EPS);
  return Math.floor(exact + 0.5 + EPS);
}

function describeCondition(when: Condition): string {
  const parts = [
    when.categories && `category ${when.categories.join('/')}`,
    when.skus && `SKU ${when.skus.join('/')}`,
    when.stores && `store ${when.stores.join('/')}`,
    when.channels && `channel ${when.channels.join('/')}`,
    when.tiers && `tier ${when.tiers.join('/')}`,
    when.weekdays && `weekday ${when.weekdays.join('/')}`,
  ].filter(Boolean);
  return parts.join(', ') || 'every purchase';
}

/** A localized text in one language (English, then any, when the language is missing). */
export function text(value: LocalizedText, language = 'en'): string {
  return textIn(value, language);
}

// ── Tiers ─────────────────────────────────────────────────────────────────────

/** Index of the highest level whose threshold the metric reaches (0 = base level). */
export function tierIndexFor(program: Program, metric: number): number {
  let index = 0;
  program.thresholds.forEach((t, i) => {
    if (metric >= t) index = i;
  });
  return index;
}

export function tierIndexOf(program: Program, code: string | null): number {
  if (!code || !program.document.tiers) return -1;
  return program.document.tiers.levels.findIndex((l) => l.code === code);
}

/**
 * The first instant of the qualification window that ends at `at` (null: lifetime); the
 * window holds the times from it to `at`, both included — the one boundary rule, for the
 * live sums (tierMetrics), the tier timeline and simulate's replay (TierRules.windowStartOf).
 * Rolling: the instant 12 months before `at` is left out (the window starts a millisecond
 * after it), so a purchase counts in the windows ending less than 12 months after it, and
 * the review at the end of the period it started — 12 months on, with no grace — no longer
 * counts it: without that, the purchase that earned a tier would also renew it. Calendar
 * year: from the local midnight that starts the year. Months on the business's calendar
 * (addMonthsIn, as points expiry): the same local time, across summer time too.
 */
export function windowStart(program: Program, at: Date, timeZone: string): Date | null {
  const window = program.document.tiers?.window;
  if (window === 'rolling_12_months') return new Date(addMonthsIn(at, -12, timeZone).getTime() + 1);
  if (window === 'calendar_year') return startOfLocalDay(`${yearIn(at, timeZone)}-01-01`, timeZone);
  return null;
}

/**
 * Until when a tier reached (or re-qualified) at `at` is held: twelve months on a rolling
 * window; to the end of the next calendar year on a calendar-year window (reach gold in
 * 2026, keep it through 2027); for ever on a lifetime window. The grace period comes on top
 * (TierRules.reviewDue). On the business's calendar: reached at 12:00 on 28 March 2026 in
 * Ljubljana (winter time), held until 12:00 on 28 March 2027 there (summer time).
 */
export function tierValidUntil(program: Program, at: Date, timeZone: string): Date | null {
  const window = program.document.tiers?.window;
  if (window === 'rolling_12_months') return addMonthsIn(at, 12, timeZone);
  if (window === 'calendar_year') return startOfLocalDay(`${yearIn(at, timeZone) + 2}-01-01`, timeZone);
  return null;
}


function yearIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' }).format(at));
}

/**
 * When points earned at `at` become spendable: pending_days later at the same local time,
 * on the business's calendar as expiry and tier periods are (14 days from 00:30 is 00:30,
 * across a change of summer time too); null: at once.
 */
export function heldUntil(program: Program, at: Date): Date | null {
  const days = program.document.pending_days;
  return days > 0 ? addDaysIn(at, days, program.timeZone) : null;
}

/** When points earned at `at` expire under a per-lot policy (null: they do not). */
export function lotExpiry(program: Program, at: Date): Date | null {
  const expiry = program.document.expiry;
  return expiry.policy === 'per_lot' ? addMonthsIn(at, expiry.months, program.timeZone) : null;
}
