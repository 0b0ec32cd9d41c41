import { addDaysToDate, localDate } from '../../../shared/clock.ts';
import { invalidField } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { toMajor } from '../../../shared/money.ts';
import { parseInput } from '../../../shared/validation.ts';
import { DAYS_PER_UNIT, fitAllOffThread, validationReport, type BgNbdParams, type HoldoutCustomer, type HoldoutGroup, type ParetoNbdParams } from '../btyd/index.ts';
import { aliveModelOfRun } from '../scores/index.ts';
import { headlineFigures, resolvePeriod, type MetricsDeps } from '../metrics/index.ts';
import * as repo from './views.repository.ts';
import { AliveHeatmapQuery, ClvDistributionQuery, HoldoutQuery, OverviewQuery, RfmGridQuery } from './views.schema.ts';
import { aliveMatrix, bins, clvEdges, shapeKpis, type Bin, type Kpi, type KpiName } from './views.ts';

// The dashboard's analytics pages, as read models over the per-customer tables: the
// overview of two periods, the RFM grid, the CLV histogram, the probability-alive matrix
// and the calibration/holdout check of the purchase model. Every figure carries the
// number of customers (or purchases) it stands on.

export type ViewsDeps = MetricsDeps;

const WEEK = DAYS_PER_UNIT.week;
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const finiteOrNull = (v: number) => (Number.isFinite(v) ? round4(v) : null);

interface RunInfo {
  id: string;
  as_of: string;
  computed_at: Date | null;
  customers: number;
}
const runInfo = (run: repo.RunRow | undefined): RunInfo | null => (run ? { id: run.id, as_of: run.as_of, computed_at: run.finished_at, customers: run.customers } : null);

export interface AnalyticsOverview {
  period: OverviewQuery['period'];
  currency: string;
  current: { from: string; to: string; days: number };
  previous: { from: string; to: string; days: number };
  kpis: Record<KpiName, Kpi>;
}

/**
 * The KPIs of the window of the last month, quarter or year ending today, against the
 * window of the same length just before. The figures are /analytics/metrics' own, read
 * from the purchase-day rollup (metrics/rollup.ts), which is brought up to date first; the
 * active share is the customers who bought in the window ÷ the customers whose first
 * purchase was by its last day.
 */
export async function analyticsOverview(deps: ViewsDeps, input: unknown): Promise<AnalyticsOverview> {
  const query = parseInput(OverviewQuery, input ?? {}, 'query');
  const { currency, timeZone } = deps.config;
  const today = localDate(deps.clock.now(), timeZone);
  const current = resolvePeriod({ period: query.period, today });
  const previous = resolvePeriod({ ...current.previous, today });
  const [now, before] = await headlineFigures(deps, [current, previous]);
  const kpis = shapeKpis({ current: now, previous: before, currency });
  const span = (p: { from: string; to: string; days: number }) => ({ from: p.from, to: p.to, days: p.days });
  return { period: query.period, currency, current: span(current), previous: span(previous), kpis };
}

export interface RfmGrid {
  run: RunInfo | null;
  currency: string;
  /**
   * the model behind the mean P(alive): Pareto/NBD. A run from before it (BG/NBD, which
   * holds every one-time buyer alive) has no means until the scores are run again.
   */
  alive_model: 'paretonbd' | null;
  /** customers with scores; the cells and the segments each add up to it */
  customers: number;
  /** all 25 cells, R 1–5 × F 1–5 (5 = most recent, most frequent) */
  cells: { r: number; f: number; customers: number; share: number | null; revenue: string }[];
  segments: {
    segment: string; customers: number; share: number | null; revenue: string;
    clv_12m_mean: string | null; probability_alive_mean: number | null; high_churn_risk: number;
    recency_days_mean: number; purchase_days_mean: number;
  }[];
}

/** Customers and their net spend to the day scored, by R × F score and by segment (customer_scores). */
export async function rfmGrid(deps: ViewsDeps, input: unknown = {}): Promise<RfmGrid> {
  parseInput(RfmGridQuery, input ?? {}, 'query');
  const { currency } = deps.config;
  const money = (minor: number) => toMajor(Math.round(minor), currency);
  const cellRows = await repo.rfmCells(deps.db);
  const segmentRows = await repo.segmentRows(deps.db);
  const run = cellRows.length > 0 ? await repo.currentRun(deps.db) : undefined;
  const customers = cellRows.reduce((n, c) => n + Number(c.customers), 0);
  const share = (n: number) => (customers > 0 ? round4(n / customers) : null);
  const aliveModel = run && aliveModelOfRun(run.params) === 'paretonbd' ? 'paretonbd' : null;
  const cells: RfmGrid['cells'] = [];
  for (let r = 1; r <= 5; r++) {
    for (let f = 1; f <= 5; f++) {
      const row = cellRows.find((c) => Number(c.r) === r && Number(c.f) === f);
      const n = Number(row?.customers ?? 0);
      cells.push({ r, f, customers: n, share: share(n), revenue: money(Number(row?.net_minor ?? 0)) });
    }
  }
  return {
    run: customers > 0 ? runInfo(run) : null,
    currency,
    alive_model: aliveModel,
    customers,
    cells,
    segments: segmentRows.map((s) => ({
      segment: s.segment,
      customers: Number(s.customers),
      share: share(Number(s.customers)),
      revenue: money(Number(s.net_minor)),
      clv_12m_mean: Number(s.clv_customers) > 0 ? money(Number(s.clv_minor) / Number(s.clv_customers)) : null,
      probability_alive_mean: s.probability_alive === null || !aliveModel ? null : round4(s.probability_alive),
      high_churn_risk: Number(s.high_risk),
      recency_days_mean: round4(s.recency_days),
      purchase_days_mean: round4(s.frequency),
    })),
  };
}

export interface ClvDistribution {
  run: RunInfo | null;
  currency: string;
  /** customers with a 12-month CLV, and scored customers without one (no purchase model) */
  customers: number;
  without_clv: number;
  total: string | null;
  mean: string | null;
  median: string | null;
  /** edges in 1-2-5 steps (a log scale); each bucket is [from, to) */
  buckets: { from: string; to: string; customers: number; total: string }[];
}

/** The histogram of the stored 12-month CLV (Gamma-Gamma spend × BG/NBD purchases, discounted). */
export async function clvDistribution(deps: ViewsDeps, input: unknown = {}): Promise<ClvDistribution> {
  const query = parseInput(ClvDistributionQuery, input ?? {}, 'query');
  const { currency } = deps.config;
  const money = (minor: number) => toMajor(Math.round(minor), currency);
  const stats = await repo.clvStats(deps.db);
  const customers = Number(stats.customers);
  const run = Number(stats.scored) > 0 ? runInfo(await repo.currentRun(deps.db)) : null;
  const base = { run, currency, customers, without_clv: Number(stats.scored) - customers };
  if (customers === 0) return { ...base, total: null, mean: null, median: null, buckets: [] };
  const total = Number(stats.total_minor);
  const edges = clvEdges({ low: Number(stats.low_minor ?? 0), max: Number(stats.max_minor), maxBuckets: query.buckets });
  const counts = await repo.clvBuckets(deps.db, edges);
  const buckets = edges.slice(0, -1).map((from, i) => ({ from: money(from), to: money(edges[i + 1]), customers: 0, total_minor: 0 }));
  for (const c of counts) {
    // width_bucket: 1 … n inside the edges; 0 below and n + 1 above cannot occur (CLV ≥ 0, the last edge > max)
    const b = buckets[Math.min(buckets.length - 1, Math.max(0, Number(c.bucket) - 1))];
    b.customers += Number(c.customers);
    b.total_minor += Number(c.total_minor);
  }
  return {
    ...base,
    total: money(total),
    mean: money(total / customers),
    median: money(Number(stats.median_minor)),
    buckets: buckets.map(({ total_minor, ...b }) => ({ ...b, total: money(total_minor) })),
  };
}

export interface AliveHeatmap {
  /** where the Pareto/NBD parameters come from: the latest score run, or fitted now on every customer's history */
  source: 'score_run' | 'fitted' | null;
  run: RunInfo | null;
  unit: 'week';
  /**
   * the model of the matrix and of the stored P(alive): Pareto/NBD, whose lifetime runs from
   * the first purchase (BG/NBD would hold every one-time buyer alive for sure)
   */
  model: 'paretonbd';
  params: ParetoNbdParams | null;
  /** the customer age the matrix is drawn for (weeks): the longest, as lifetimes does */
  T: number;
  customers: number;
  /** repeat purchases (x) per column, x = 0 alone first; the last column also holds everyone above it when frequency_open */
  frequency_bins: Bin[];
  frequency_open: boolean;
  /** weeks between first and last purchase (t_x) per row, shortest first */
  recency_bins: Bin[];
  /**
   * [row][column]: the model's P(alive) (null where no customer can be: x = 0 beyond
   * t_x = 0), the customers in the cell, and the mean of their stored P(alive)
   */
  probability_alive: (number | null)[][];
  cell_customers: number[][];
  observed_probability_alive: (number | null)[][];
  note: string | null;
}

const MAX_COLUMNS = 25;
const MAX_ROWS = 26;

/** P(alive) over a frequency × recency grid, with how many customers sit in each cell. */
export async function aliveHeatmap(deps: ViewsDeps, input: unknown = {}): Promise<AliveHeatmap> {
  const query = parseInput(AliveHeatmapQuery, input ?? {}, 'query');
  const { db, config } = deps;
  const today = localDate(deps.clock.now(), config.timeZone);
  const place = { today, timeZone: config.timeZone };
  const extent = await repo.historyExtent(db, place);
  const customers = Number(extent.customers);
  const run = await repo.currentRun(db);
  // A run from before P(alive) was Pareto/NBD's stored BG/NBD's: the model is fitted now,
  // and those stored values are not shown beside it.
  const runParams = run && aliveModelOfRun(run.params) === 'paretonbd'
    ? (run.params as { models?: { paretonbd?: { params?: ParetoNbdParams } } }).models?.paretonbd?.params ?? null
    : null;
  let params = runParams;
  let source: AliveHeatmap['source'] = params ? 'score_run' : null;
  if (!params && customers > 0) {
    const histories = (await repo.historyGroups(db, place)).map((g) => ({ x: Number(g.x), tx: Number(g.span) / WEEK, T: Number(g.tenure) / WEEK, weight: Number(g.customers) }));
    if (histories.some((h) => h.x > 0)) {
      params = (await fitAllOffThread({ summaries: histories, models: ['paretonbd'] })).models.paretonbd!.params;
      source = 'fitted';
    }
  }
  const empty = { source, run: source === 'score_run' ? runInfo(run) : null, unit: 'week' as const, model: 'paretonbd' as const, params, customers, frequency_open: false };
  if (!params || customers === 0) {
    const note = customers === 0 ? 'No customer has bought yet.' : 'No customer has bought on a second day yet: there is no purchase model.';
    return { ...empty, T: 0, frequency_bins: [], recency_bins: [], probability_alive: [], cell_customers: [], observed_probability_alive: [], note };
  }
  const maxFrequency = query.max_frequency ?? Math.max(1, Number(extent.x_p99));
  const T = query.max_recency ?? Math.max(1, Math.floor(Number(extent.tenure_max) / WEEK));
  const frequency = bins({ max: maxFrequency, count: MAX_COLUMNS, zeroAlone: true });
  const recency = bins({ max: T, count: MAX_ROWS });
  const grid = aliveMatrix({ model: { model: 'paretonbd', params }, T, frequency: frequency.bins, recency: recency.bins });
  const cell = await repo.aliveCells(db, { ...place, frequencyWidth: frequency.width, columns: frequency.bins.length, recencyWidth: recency.width, rows: recency.bins.length });
  const cellCustomers = recency.bins.map(() => frequency.bins.map(() => 0));
  const observed = recency.bins.map(() => frequency.bins.map((): number | null => null));
  const weighted = recency.bins.map(() => frequency.bins.map(() => ({ sum: 0, n: 0 })));
  for (const c of cell) {
    const [row, col] = [Number(c.row), Number(c.col)];
    cellCustomers[row][col] += Number(c.customers);
    if (c.probability_alive !== null && source === 'score_run') {
      weighted[row][col].sum += c.probability_alive * Number(c.scored);
      weighted[row][col].n += Number(c.scored);
    }
  }
  weighted.forEach((r, i) => r.forEach((w, j) => (observed[i][j] = w.n > 0 ? round4(w.sum / w.n) : null)));
  return {
    ...empty,
    T,
    frequency_bins: frequency.bins,
    frequency_open: Number(extent.x_max) > frequency.bins[frequency.bins.length - 1].to,
    recency_bins: recency.bins,
    probability_alive: grid,
    cell_customers: cellCustomers,
    observed_probability_alive: observed,
    note: null,
  };
}

export interface HoldoutValidation {
  calibration_end: string;
  holdout_end: string;
  unit: 'week';
  holdout_weeks: number;
  model: 'bgnbd';
  params: BgNbdParams | null;
  /** customers whose first purchase was by calibration_end, and how many bought again within it */
  customers: number;
  repeat_customers: number;
  predicted_total: number | null;
  actual_total: number;
  relative_error: number | null;
  mean_absolute_error: number | null;
  by_calibration_purchases: HoldoutGroup[];
  note: string | null;
}

const DEFAULT_HOLDOUT_DAYS = 26 * 7;

/**
 * BG/NBD fitted on the purchases up to calibration_end predicts each customer's purchase
 * days in the holdout; predicted against actual, in total and by the number of repeat
 * purchases in calibration (btyd/validation.ts).
 */
export async function holdoutValidation(deps: ViewsDeps, input: unknown): Promise<HoldoutValidation> {
  const query = parseInput(HoldoutQuery, input ?? {}, 'query');
  const today = localDate(deps.clock.now(), deps.config.timeZone);
  const holdoutEnd = query.holdout_end ?? today;
  if (holdoutEnd > today) throw invalidField('holdout_end', say('analytics.holdout_after_today', { today, time_zone: deps.config.timeZone }));
  const calibrationEnd = query.calibration_end ?? addDaysToDate(holdoutEnd, -DEFAULT_HOLDOUT_DAYS);
  const holdoutWeeks = (Date.parse(holdoutEnd) - Date.parse(calibrationEnd)) / 86_400_000 / WEEK;
  const customers: HoldoutCustomer[] = (await repo.holdoutGroups(deps.db, { calibrationEnd, holdoutEnd })).map((g) => ({
    x: Number(g.x), tx: Number(g.span) / WEEK, T: Number(g.tenure) / WEEK, weight: Number(g.customers), holdoutPurchases: Number(g.holdout), holdoutLength: holdoutWeeks,
  }));
  const count = customers.reduce((n, c) => n + c.weight!, 0);
  const base = {
    calibration_end: calibrationEnd, holdout_end: holdoutEnd, unit: 'week' as const, holdout_weeks: round4(holdoutWeeks), model: 'bgnbd' as const,
    customers: count, repeat_customers: customers.reduce((n, c) => n + (c.x > 0 ? c.weight! : 0), 0),
    actual_total: customers.reduce((n, c) => n + c.weight! * c.holdoutPurchases, 0),
  };
  if (!customers.some((c) => c.x > 0)) {
    return {
      ...base, params: null, predicted_total: null, relative_error: null, mean_absolute_error: null, by_calibration_purchases: [],
      note: count === 0 ? 'No customer had bought by calibration_end.' : 'No customer bought on a second day by calibration_end: there is nothing to fit.',
    };
  }
  const params = (await fitAllOffThread({ summaries: customers, models: ['bgnbd'] })).models.bgnbd!.params;
  const report = validationReport({ transactionModel: { model: 'bgnbd', params }, customers });
  return {
    ...base,
    params,
    predicted_total: round4(report.predicted_total),
    relative_error: finiteOrNull(report.relative_error),
    mean_absolute_error: round4(report.mean_absolute_error),
    by_calibration_purchases: report.by_calibration_purchases.map((g) => ({
      ...g, predicted_total: round4(g.predicted_total), predicted_mean: round4(g.predicted_mean), actual_mean: round4(g.actual_mean),
    })),
    note: null,
  };
}
