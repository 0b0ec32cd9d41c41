// From purchases to the per-customer summary (x, t_x, T, monetary) the models take,
// following `lifetimes`' summary_data_from_transaction_data: the first purchase starts
// the clock and is not a repeat purchase; several purchases on one day are one purchase.

export type TimeUnit = 'day' | 'week' | 'month';

/** A month is 365.25 / 12 = 30.4375 days (lifetimes' "M" frequency uses calendar months). */
export const DAYS_PER_UNIT: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

export interface Purchase {
  customerId: string;
  /**
   * ISO 8601 date (YYYY-MM-DD) or timestamp string: the calendar date as written is the
   * purchase day, so pass local timestamps to group by local day. A Date is read as its
   * UTC day, shifted by `utcOffsetMinutes`.
   */
  at: Date | string;
  value: number;
}

/** What the models read; anything with x, tx and T will do. */
export interface CustomerSummary {
  customerId?: string;
  /** repeat purchase days after the first purchase */
  x: number;
  /** time from the first to the last purchase */
  tx: number;
  /** time from the first purchase to the end of calibration */
  T: number;
  /** mean value of the repeat purchase days (0 when x = 0) */
  monetary?: number;
  /** number of identical customers this row stands for (default 1) */
  weight?: number;
}

export interface CalibrationSummary extends CustomerSummary {
  customerId: string;
  monetary: number;
}

export interface HoldoutSummary extends CalibrationSummary {
  /** purchase days in (calibration end, holdout end] */
  holdoutPurchases: number;
  /** total value of those purchase days */
  holdoutValue: number;
  /** length of the holdout period in the unit */
  holdoutLength: number;
}

export interface SummarizeOptions {
  purchases: readonly Purchase[];
  unit: TimeUnit;
  /** last day of calibration, inclusive */
  calibrationEnd: Date | string;
  /** purchases before this day are ignored (the first purchase seen starts the clock) */
  observationStart?: Date | string;
  /** with a holdout end, each summary also counts the holdout purchases */
  holdoutEnd?: Date | string;
  utcOffsetMinutes?: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Days since 1970-01-01 of a purchase time or date. */
export function dayNumber(at: Date | string, utcOffsetMinutes = 0): number {
  if (typeof at === 'string') {
    const m = ISO_DATE.exec(at);
    const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
    const days = Date.UTC(year, month - 1, day) / MS_PER_DAY;
    // Date.UTC rolls 2024-02-30 over into March; a typo should not move a purchase.
    if (!m || new Date(days * MS_PER_DAY).getUTCDate() !== day) throw new RangeError(`Not an ISO 8601 date or timestamp: ${JSON.stringify(at)}`);
    return days;
  }
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
  return Math.floor((ms + utcOffsetMinutes * 60_000) / MS_PER_DAY);
}

/**
 * Purchases as columns, what summarizing works on: each purchase's customer numbered 0, 1,
 * …, its day since 1970-01-01 and its value. Typed arrays, so a database read can fill
 * them directly and a worker thread can take them without a copy.
 */
export interface PurchaseColumns {
  customer: Int32Array;
  day: Int32Array;
  value: Float64Array;
}

/** Purchases as columns, customers numbered in order of first appearance (`customerIds[n]` is customer n's id). */
export function columnsOfPurchases(purchases: readonly Purchase[], utcOffsetMinutes = 0): { columns: PurchaseColumns; customerIds: string[] } {
  const n = purchases.length;
  const columns = { customer: new Int32Array(n), day: new Int32Array(n), value: new Float64Array(n) };
  const customerIndex = new Map<string, number>();
  const customerIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = purchases[i];
    if (!Number.isFinite(p.value)) throw new RangeError(`Purchase ${i}: value is not a number`);
    columns.day[i] = dayNumber(p.at, utcOffsetMinutes);
    columns.value[i] = p.value;
    let c = customerIndex.get(p.customerId);
    if (c === undefined) {
      c = customerIds.length;
      customerIndex.set(p.customerId, c);
      customerIds.push(p.customerId);
    }
    columns.customer[i] = c;
  }
  return { columns, customerIds };
}

/** Per customer summaries in the calibration period (and the holdout, if given). */
export function summarize(options: SummarizeOptions & { holdoutEnd: Date | string }): HoldoutSummary[];
export function summarize(options: SummarizeOptions): CalibrationSummary[];
export function summarize({ purchases, ...options }: SummarizeOptions): CalibrationSummary[] | HoldoutSummary[] {
  const { columns, customerIds } = columnsOfPurchases(purchases, options.utcOffsetMinutes);
  return summarizeColumns(columns, { ...options, customerIds });
}

export type SummarizeColumnsOptions = Omit<SummarizeOptions, 'purchases'> & {
  /** Customer n's id (default: its number, as text). */
  customerIds?: readonly string[];
};

/** summarize for purchases already in columns. */
export function summarizeColumns(columns: PurchaseColumns, options: SummarizeColumnsOptions & { holdoutEnd: Date | string }): HoldoutSummary[];
export function summarizeColumns(columns: PurchaseColumns, options: SummarizeColumnsOptions): CalibrationSummary[];
export function summarizeColumns(
  { customer: owner, day, value }: PurchaseColumns,
  { unit, calibrationEnd, observationStart, holdoutEnd, utcOffsetMinutes = 0, customerIds }: SummarizeColumnsOptions,
): CalibrationSummary[] | HoldoutSummary[] {
  const perUnit = DAYS_PER_UNIT[unit];
  if (!perUnit) throw new RangeError(`Unknown time unit: ${String(unit)}`);
  const end = dayNumber(calibrationEnd, utcOffsetMinutes);
  const start = observationStart === undefined ? -Infinity : dayNumber(observationStart, utcOffsetMinutes);
  const holdout = holdoutEnd === undefined ? undefined : dayNumber(holdoutEnd, utcOffsetMinutes);
  if (holdout !== undefined && holdout < end) throw new RangeError('holdoutEnd is before calibrationEnd');

  // Counting sort by customer, then each customer's few purchases sorted by day: linear
  // in the number of purchases apart from those small sorts.
  const n = day.length;
  let customers = 0;
  for (let i = 0; i < n; i++) customers = Math.max(customers, owner[i] + 1);
  const offsets = new Int32Array(customers + 1);
  for (let i = 0; i < n; i++) offsets[owner[i] + 1]++;
  for (let c = 0; c < customers; c++) offsets[c + 1] += offsets[c];
  const order = new Int32Array(n);
  const fill = offsets.slice(0, customers);
  for (let i = 0; i < n; i++) order[fill[owner[i]]++] = i;

  const out: HoldoutSummary[] = [];
  const days: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < customers; c++) {
    const mine = Array.from(order.subarray(offsets[c], offsets[c + 1])).sort((i, j) => day[i] - day[j]);
    days.length = 0;
    values.length = 0;
    for (const i of mine) {
      if (day[i] < start) continue;
      if (days.length && days[days.length - 1] === day[i]) values[values.length - 1] += value[i];
      else {
        days.push(day[i]);
        values.push(value[i]);
      }
    }
    if (days.length === 0 || days[0] > end) continue;
    let last = 0;
    let repeatValue = 0;
    let holdoutPurchases = 0;
    let holdoutValue = 0;
    for (let k = 1; k < days.length; k++) {
      if (days[k] <= end) {
        last = k;
        repeatValue += values[k];
      } else if (holdout !== undefined && days[k] <= holdout) {
        holdoutPurchases++;
        holdoutValue += values[k];
      }
    }
    const summary: CalibrationSummary = {
      customerId: customerIds?.[c] ?? String(c),
      x: last,
      tx: (days[last] - days[0]) / perUnit,
      T: (end - days[0]) / perUnit,
      monetary: last > 0 ? repeatValue / last : 0,
    };
    out.push(holdout === undefined ? (summary as HoldoutSummary) : { ...summary, holdoutPurchases, holdoutValue, holdoutLength: (holdout - end) / perUnit });
  }
  return out;
}

/** Calibration summaries with the purchases each customer made in the holdout period. */
export function calibrationAndHoldout(options: SummarizeOptions & { holdoutEnd: Date | string }): HoldoutSummary[] {
  return summarize(options);
}
