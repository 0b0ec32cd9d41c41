import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { addDaysToDate, addMonthsToDate, daysBetweenDates } from '../../../shared/clock.ts';
import { toMajor } from '../../../shared/money.ts';
import type { PeriodName } from './metrics.schema.ts';

// Loyalty metrics of a period: the definitions, the calendar arithmetic and the shaping
// of the aggregated rows into figures. No I/O; the SQL is in metrics.repository.ts.
//
// Definitions (the API summary and the README say the same):
// - A purchase counts in the period when its local_date (the store's calendar date) is
//   in [from, to]. Every purchase row counts as a purchase, refunded ones included (as in
//   customer_stats); revenue is net: total − refunded.
// - Repeat customer: a customer with purchases on at least two different local dates in
//   the period. Two receipts on one day are one visit, not a repeat.
// - Repeat purchase ratio = repeat customers ÷ customers who bought in the period.
// - Average check = net revenue ÷ purchases. Purchase frequency = purchases ÷ customers.
// - Churn rate = customers who bought in the previous period and not in this one ÷
//   customers who bought in the previous period. The previous period has the same length
//   and ends the day before `from` (whole months: the same number of months).
// - CLV (simple formula) = annual revenue per customer × average years a customer stays
//   − acquisition cost, where annual revenue per customer = net revenue ÷ customers ÷
//   period length in years, and average years a customer stays = 1 ÷ annual churn rate,
//   the annual churn rate being the churn rate above ÷ period length in years (a
//   constant-churn, geometric lifetime). Observed mean lifetimes are not used: customers
//   still active have not finished theirs, so the mean would be biased short.
// - Promotion purchase: promo_code is set or discount_minor > 0.
// - Revenue by tier groups by the customer's current loyalty_members.tier; customers
//   without a member row or without a tier are "none".

export const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
export const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** n when [from, to] is exactly n calendar months (from + n months − 1 day = to), else null. */
export function wholeMonths(from: string, to: string): number | null {
  if (Number(from.slice(8, 10)) > 28) return null; // month ends make "a month later" ambiguous
  const guess = monthIndex(to) - monthIndex(from);
  for (const n of [guess, guess + 1]) if (n > 0 && addDaysToDate(addMonthsToDate(from, n), -1) === to) return n;
  return null;
}

export interface Period {
  from: string;
  to: string;
  /** number of calendar days, both ends included */
  days: number;
  /** length in years, for annual figures: months ÷ 12 for whole months, else days ÷ 365.25 */
  years: number;
  previous: { from: string; to: string };
}

const PERIOD_MONTHS: Record<PeriodName, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The period of a query: a named period (the last 1, 3 or 12 months ending today), a
 * calendar year, or [from, to] with from defaulting to 12 months before `to` and `to` to
 * today. Without anything: the 12 months ending today.
 */
export function resolvePeriod({ period, year, from, to, today }: { period?: PeriodName; year?: number; from?: string; to?: string; today: string }): Period {
  if (period !== undefined) {
    to = today;
    from = addDaysToDate(addMonthsToDate(today, -PERIOD_MONTHS[period]), 1);
  } else if (year !== undefined) {
    from = `${String(year).padStart(4, '0')}-01-01`;
    to = `${String(year).padStart(4, '0')}-12-31`;
  }
  to ??= today;
  from ??= addDaysToDate(addMonthsToDate(to, -12), 1);
  if (from > to) throw invalidField('from', say('analytics.from_after_to', { to }));
  const days = daysBetweenDates(from, to) + 1;
  const months = wholeMonths(from, to);
  return {
    from,
    to,
    days,
    years: months !== null ? months / 12 : days / 365.25,
    previous: months !== null ? { from: addMonthsToDate(from, -months), to: addDaysToDate(from, -1) } : { from: addDaysToDate(from, -days), to: addDaysToDate(from, -1) },
  };
}

/** One aggregated group from the repository: customers of one tier, repeat or not, buying now and/or before. */
export interface MetricRow {
  tier: string;
  repeat: boolean;
  bought_now: boolean;
  bought_before: boolean;
  customers: number;
  purchases: number;
  net_minor: number;
  promo_purchases: number;
  promo_customers: number;
}

export interface RevenueGroup {
  customers: number;
  purchases: number;
  revenue: string;
  /** share of the period's net revenue */
  share_of_revenue: number | null;
  /** revenue ÷ purchases, as the period's average_check is (null without purchases) */
  average_check: string | null;
}

export interface PromotionGroup {
  customers: number;
  purchases: number;
  promo_purchases: number;
  /** promo_purchases ÷ purchases */
  share: number | null;
  /** customers with at least one promotion purchase */
  promo_customers: number;
}

export interface LoyaltyMetrics {
  /** name: the named period asked for (null when dates or a year were) */
  period: { name: PeriodName | null; from: string; to: string; days: number; previous: { from: string; to: string } };
  store: string | null;
  currency: string;
  customers: number;
  purchases: number;
  revenue: string;
  repeat_purchase_ratio: { value: number | null; repeat_customers: number; customers: number };
  average_check: { value: string | null; purchases: number };
  purchase_frequency: { value: number | null; purchases: number; customers: number };
  churn_rate: { value: number | null; churned_customers: number; previous_customers: number };
  clv: {
    value: string | null;
    annual_revenue_per_customer: string | null;
    average_lifetime_years: number | null;
    acquisition_cost: string;
    /** where acquisition_cost came from: the query, the business's stored setting, or neither (0) */
    acquisition_cost_source: AcquisitionCost['source'];
    customers: number;
    previous_customers: number;
    churned_customers: number;
    note: string | null;
    /** note as a code, for a caller that says it in its own language */
    note_code: ClvNoteCode | null;
  };
  revenue_by_customer_type: { repeat: RevenueGroup; other: RevenueGroup };
  revenue_by_tier: ({ tier: string } & RevenueGroup)[];
  promotions: { repeat: PromotionGroup; other: PromotionGroup; all: PromotionGroup };
}

const ratio = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

function sum(rows: readonly MetricRow[]) {
  return rows.reduce(
    (t, r) => ({
      customers: t.customers + r.customers,
      purchases: t.purchases + r.purchases,
      net_minor: t.net_minor + r.net_minor,
      promo_purchases: t.promo_purchases + r.promo_purchases,
      promo_customers: t.promo_customers + r.promo_customers,
    }),
    { customers: 0, purchases: 0, net_minor: 0, promo_purchases: 0, promo_customers: 0 },
  );
}

/** The figures of a period that the analytics overview compares: what metrics and the overview share. */
export type HeadlineMetrics = Pick<LoyaltyMetrics, 'customers' | 'purchases' | 'revenue' | 'repeat_purchase_ratio' | 'average_check'>;

export function headlineMetrics({ customers, repeatCustomers, purchases, netMinor, currency }: {
  customers: number;
  repeatCustomers: number;
  purchases: number;
  netMinor: number;
  currency: string;
}): HeadlineMetrics {
  const money = (minor: number) => toMajor(Math.round(minor), currency);
  return {
    customers,
    purchases,
    revenue: money(netMinor),
    repeat_purchase_ratio: { value: ratio(repeatCustomers, customers), repeat_customers: repeatCustomers, customers },
    average_check: { value: purchases > 0 ? money(netMinor / purchases) : null, purchases },
  };
}

/** The acquisition cost a CLV subtracts and where it came from: the query, the stored setting, or none (0). */
export interface AcquisitionCost {
  minor: number;
  source: 'query' | 'setting' | 'none';
}

export function shapeMetrics({ rows, period, periodName = null, store, currency, acquisitionCost }: {
  rows: readonly MetricRow[];
  period: Period;
  periodName?: PeriodName | null;
  store: string | null;
  currency: string;
  acquisitionCost: AcquisitionCost;
}): LoyaltyMetrics {
  const money = (minor: number) => toMajor(Math.round(minor), currency);
  const now = rows.filter((r) => r.bought_now);
  const all = sum(now);
  const repeat = sum(now.filter((r) => r.repeat));
  const other = sum(now.filter((r) => !r.repeat));
  const previousCustomers = sum(rows.filter((r) => r.bought_before)).customers;
  const churned = sum(rows.filter((r) => r.bought_before && !r.bought_now)).customers;

  const revenueGroup = (g: ReturnType<typeof sum>): RevenueGroup => ({
    customers: g.customers, purchases: g.purchases, revenue: money(g.net_minor), share_of_revenue: ratio(g.net_minor, all.net_minor),
    average_check: g.purchases > 0 ? money(g.net_minor / g.purchases) : null,
  });
  const promotionGroup = (g: ReturnType<typeof sum>): PromotionGroup => ({
    customers: g.customers, purchases: g.purchases, promo_purchases: g.promo_purchases, share: ratio(g.promo_purchases, g.purchases), promo_customers: g.promo_customers,
  });

  const tiers = [...new Set(now.map((r) => r.tier))].map((tier) => ({ tier, ...revenueGroup(sum(now.filter((r) => r.tier === tier))) }));
  const tierNet = (t: { tier: string }) => sum(now.filter((r) => r.tier === t.tier)).net_minor;
  tiers.sort((a, b) => tierNet(b) - tierNet(a) || a.tier.localeCompare(b.tier));

  return {
    period: { name: periodName, from: period.from, to: period.to, days: period.days, previous: period.previous },
    store,
    currency,
    ...headlineMetrics({ customers: all.customers, repeatCustomers: repeat.customers, purchases: all.purchases, netMinor: all.net_minor, currency }),
    purchase_frequency: { value: ratio(all.purchases, all.customers), purchases: all.purchases, customers: all.customers },
    churn_rate: { value: ratio(churned, previousCustomers), churned_customers: churned, previous_customers: previousCustomers },
    clv: clv({ all, previousCustomers, churned, period, acquisitionCost, money }),
    revenue_by_customer_type: { repeat: revenueGroup(repeat), other: revenueGroup(other) },
    revenue_by_tier: tiers,
    promotions: { repeat: promotionGroup(repeat), other: promotionGroup(other), all: promotionGroup(all) },
  };
}

/** Why the simple CLV has no value: the API's English note, and its code for callers that say it in another language. */
export const CLV_NOTES = {
  no_customers: 'no customers bought in the period',
  no_previous_customers: 'no customers bought in the previous period, so the churn rate (and the lifetime) is unknown',
  no_churn: 'every customer of the previous period came back: with no churn observed the lifetime cannot be estimated',
} as const;
export type ClvNoteCode = keyof typeof CLV_NOTES;

function clv({ all, previousCustomers, churned, period, acquisitionCost, money }: {
  all: ReturnType<typeof sum>;
  previousCustomers: number;
  churned: number;
  period: Period;
  acquisitionCost: AcquisitionCost;
  money: (minor: number) => string;
}): LoyaltyMetrics['clv'] {
  const base = { acquisition_cost: money(acquisitionCost.minor), acquisition_cost_source: acquisitionCost.source, customers: all.customers, previous_customers: previousCustomers, churned_customers: churned };
  const annual = all.customers > 0 ? all.net_minor / all.customers / period.years : null;
  const without = (code: ClvNoteCode) => ({ ...base, value: null, annual_revenue_per_customer: annual === null ? null : money(annual), average_lifetime_years: null, note: CLV_NOTES[code], note_code: code });
  if (annual === null) return without('no_customers');
  if (previousCustomers === 0) return without('no_previous_customers');
  if (churned === 0) return without('no_churn');
  // years = 1 / annual churn = period years ÷ (churned ÷ previous customers)
  const years = (period.years * previousCustomers) / churned;
  return {
    ...base,
    value: money(Math.round(annual * years) - acquisitionCost.minor),
    annual_revenue_per_customer: money(annual),
    average_lifetime_years: Math.round(years * 10_000) / 10_000,
    note: null,
    note_code: null,
  };
}

export interface CohortCell {
  /** months after the cohort's first month (0 = the first month itself) */
  offset: number;
  month: string;
  customers: number;
  /** customers ÷ the cohort's size */
  share: number | null;
}

export interface CohortRow {
  /** YYYY-MM of the customers' first purchase */
  month: string;
  /** cohort size: customers whose first purchase (in the store, when filtered) falls in this month */
  customers: number;
  retention: CohortCell[];
}

export interface CohortMatrix {
  from: string;
  to: string;
  store: string | null;
  cohorts: CohortRow[];
}

const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Fills the sparse (cohort, offset, customers) counts into a full triangle: every month of the range, every offset up to `to`. */
export function shapeCohorts({ counts, from, to, store }: {
  counts: readonly { cohort: string; offset: number; customers: number }[];
  from: string;
  to: string;
  store: string | null;
}): CohortMatrix {
  const byCell = new Map(counts.map((c) => [`${c.cohort}|${c.offset}`, c.customers]));
  const last = monthIndex(to);
  const cohorts: CohortRow[] = [];
  for (let m = monthIndex(from); m <= last; m++) {
    const month = monthOf(m);
    const size = byCell.get(`${month}|0`) ?? 0;
    const retention = Array.from({ length: last - m + 1 }, (_, offset) => {
      const customers = byCell.get(`${month}|${offset}`) ?? 0;
      return { offset, month: monthOf(m + offset), customers, share: ratio(customers, size) };
    });
    cohorts.push({ month, customers: size, retention });
  }
  return { from, to, store, cohorts };
}
