// Turning purchases into the (x, t_x, T) summary the models take, and collapsing
// identical summaries into one weighted term, which is what makes a fit over a million
// customers take seconds: they share far fewer distinct (x, t_x, T) values.

export interface CustomerSummary {
  customerId?: string;
  /** repeat purchase days after the first */
  x: number;
  /** time of the last purchase, from the first */
  tx: number;
  /** time from the first purchase to the end of calibration */
  T: number;
  /** mean value of the repeat purchases (0 when x = 0) */
  monetary?: number;
}

export interface WeightedSummary {
  x: number;
  tx: number;
  T: number;
  weight: number;
}

export type TimeUnit = 'day' | 'week' | 'month';
const DAYS_PER_UNIT: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

export function aggregate(customers: readonly CustomerSummary[]): WeightedSummary[] {
  const groups = new Map<string, WeightedSummary>();
  for (const c of customers) {
    const key = `${c.x}|${c.tx}|${c.T}`;
    const group = groups.get(key);
    if (group) group.weight++;
    else groups.set(key, { x: c.x, tx: c.tx, T: c.T, weight: 1 });
  }
  return [...groups.values()];
}

export interface Purchase {
  customerId: string;
  /** calendar date YYYY-MM-DD (or a timestamp; its UTC date is used) */
  at: string | Date;
  value: number;
}

const dayNumber = (at: string | Date) => Math.floor(new Date(typeof at === 'string' && at.length === 10 ? `${at}T00:00:00Z` : at).getTime() / 86_400_000);

/**
 * Per customer: purchases on one day are one purchase (values summed); x counts the days
 * after the first; times in the unit. Customers whose first purchase is after the
 * calibration end are left out. With a holdout end, also the purchase days in
 * (calibration end, holdout end].
 */
export function summarize({ purchases, unit, calibrationEnd, holdoutEnd }: { purchases: readonly Purchase[]; unit: TimeUnit; calibrationEnd: string; holdoutEnd?: string }) {
  const end = dayNumber(calibrationEnd);
  const holdout = holdoutEnd ? dayNumber(holdoutEnd) : undefined;
  const perCustomer = new Map<string, Map<number, number>>();
  for (const p of purchases) {
    const day = dayNumber(p.at);
    let days = perCustomer.get(p.customerId);
    if (!days) perCustomer.set(p.customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + p.value);
  }
  const perUnit = DAYS_PER_UNIT[unit];
  const out: (CustomerSummary & { customerId: string; holdoutPurchases: number; holdoutLength: number })[] = [];
  for (const [customerId, days] of perCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const calibration = sorted.filter((d) => d <= end);
    if (calibration.length === 0) continue;
    const first = calibration[0];
    const last = calibration[calibration.length - 1];
    const repeats = calibration.slice(1);
    out.push({
      customerId,
      x: repeats.length,
      tx: (last - first) / perUnit,
      T: (end - first) / perUnit,
      monetary: repeats.length ? repeats.reduce((s, d) => s + days.get(d)!, 0) / repeats.length : 0,
      holdoutPurchases: holdout === undefined ? 0 : sorted.filter((d) => d > end && d <= holdout).length,
      holdoutLength: holdout === undefined ? 0 : (holdout - end) / perUnit,
    });
  }
  return out;
}
