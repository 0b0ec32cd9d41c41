import type { Db } from '../../../db/index.ts';
import { addDaysToDate, addMonthsToDate, localDate, startOfLocalDay, type Clock } from '../../../shared/clock.ts';
import { invalidField } from '../../../shared/errors.ts';
import { costInMinor, readSettings, storedCostMinor } from '../settings/index.ts';
import { counted, say } from '../../../shared/messages/index.ts';
import type { CountedName } from '../../../shared/plural.ts';
import { parseInput } from '../../../shared/validation.ts';
import type { StoreService } from '../../stores/index.ts';
import { headlineMetrics, monthStart, monthIndex, resolvePeriod, shapeCohorts, shapeMetrics, type CohortMatrix, type HeadlineMetrics, type LoyaltyMetrics } from './metrics.ts';
import { cohortCounts, metricRows } from './metrics.repository.ts';
import { CohortQuery, MetricsQuery } from './metrics.schema.ts';
import { rollupWindowCounts } from './rollup.service.ts';

/** What the metrics need; the composition root's Services has all of it. */
export interface MetricsDeps {
  db: Db;
  stores: StoreService;
  clock: Clock;
  config: { currency: string; timeZone: string };
}

const MAX_COHORT_MONTHS = 120;
// Months after a number, in the case analytics.range_too_long puts them in (plural.ts).
const MONTHS: CountedName = {
  en: { one: 'month', other: 'months' },
  sl: { one: 'mesec', two: 'meseca', few: 'mesece', other: 'mesecev' },
  tr: 'ay',
  da: { one: 'måned', other: 'måneder' },
  ru: { one: 'месяц', few: 'месяца', many: 'месяцев', other: 'месяца' },
};

/**
 * The loyalty metrics of a period (see metrics.ts for the definitions). The CLV subtracts
 * the query's acquisition_cost, else the business's stored one (analytics/settings), else 0;
 * `clv.acquisition_cost_source` says which.
 */
export async function loyaltyMetrics(deps: MetricsDeps, input: unknown): Promise<LoyaltyMetrics> {
  const query = parseInput(MetricsQuery, input, 'query');
  const { currency, timeZone } = deps.config;
  const period = resolvePeriod({ ...query, today: localDate(deps.clock.now(), timeZone) });
  const store = query.store === undefined ? undefined : await deps.stores.require(query.store, 'store');
  const stored = query.acquisition_cost === undefined ? storedCostMinor(await readSettings(deps.db), currency) : null;
  const acquisitionCost = query.acquisition_cost !== undefined
    ? { minor: costInMinor(query.acquisition_cost, currency), source: 'query' as const }
    : stored !== null ? { minor: stored, source: 'setting' as const } : { minor: 0, source: 'none' as const };
  const rows = await metricRows(deps.db, { from: period.from, to: period.to, previousFrom: period.previous.from, storeId: store?.id ?? null });
  return shapeMetrics({ rows, period, periodName: query.period ?? null, store: store?.code ?? null, currency, acquisitionCost });
}

export interface HeadlineFigures {
  metrics: HeadlineMetrics;
  /** customers whose first purchase was on or before the window's last day (in the business's time zone) */
  knownCustomers: number;
}

/**
 * The headline figures of whole-store windows of at most a year, each as loyaltyMetrics
 * would give them, from the purchase-day rollup (rollup.ts): milliseconds instead of a
 * scan of every purchase in the windows.
 */
export async function headlineFigures(deps: MetricsDeps, windows: readonly { from: string; to: string }[]): Promise<HeadlineFigures[]> {
  const { currency, timeZone } = deps.config;
  const counts = await rollupWindowCounts(deps.db, windows.map((w) => ({ ...w, knownBefore: startOfLocalDay(addDaysToDate(w.to, 1), timeZone) })));
  return counts.map((c) => ({ metrics: headlineMetrics({ ...c, currency }), knownCustomers: c.knownCustomers }));
}

/**
 * Cohort retention by first-purchase month. `from` is moved to the first day of its month
 * (a cohort is a whole month); the month of `to` is incomplete when `to` is not its last day.
 */
export async function cohortRetention(deps: MetricsDeps, input: unknown): Promise<CohortMatrix> {
  const query = parseInput(CohortQuery, input, 'query');
  const to = query.to ?? localDate(deps.clock.now(), deps.config.timeZone);
  const from = monthStart(query.from ?? addMonthsToDate(to, -11));
  if (from > to) throw invalidField('from', say('analytics.from_after_to', { to }));
  if (monthIndex(to) - monthIndex(from) >= MAX_COHORT_MONTHS) throw invalidField('from', say('analytics.range_too_long', { months: MAX_COHORT_MONTHS, unit: counted(MONTHS, MAX_COHORT_MONTHS) }));
  const store = query.store === undefined ? undefined : await deps.stores.require(query.store, 'store');
  const counts = await cohortCounts(deps.db, { from, to, storeId: store?.id ?? null });
  return shapeCohorts({ counts, from, to, store: store?.code ?? null });
}
