import { z } from 'zod';
import { Amount, Count, Currency, Id, Instant, LocalDate, Share, shared } from './common.ts';

// What the analytics module answers (metrics/, rfm/, clv/, views/, scores/). Figures are
// numbers, money decimal strings in `currency`; a figure without a sample is null.

const Ratio = Share.nullable().describe('null when its denominator is 0');
const Month = z.string().regex(/^\d{4}-\d{2}$/).describe('YYYY-MM');

// ── Metrics and cohorts ──────────────────────────────────────────────────────

const RevenueGroup = z.strictObject({ customers: Count, purchases: Count, revenue: Amount, share_of_revenue: Ratio, average_check: Amount.nullable().describe('revenue ÷ purchases; null without purchases') });
const PromotionGroup = z.strictObject({ customers: Count, purchases: Count, promo_purchases: Count, share: Ratio, promo_customers: Count });

const PeriodName = z.enum(['month', 'quarter', 'year']);

export const LoyaltyMetrics = z.strictObject({
  period: z.strictObject({
    name: PeriodName.nullable().describe('The named period asked for; null when a year or dates were'),
    from: LocalDate, to: LocalDate, days: Count, previous: z.strictObject({ from: LocalDate, to: LocalDate }),
  }),
  store: z.string().nullable(),
  currency: Currency,
  customers: Count,
  purchases: Count,
  revenue: Amount,
  repeat_purchase_ratio: z.strictObject({ value: Ratio, repeat_customers: Count, customers: Count }),
  average_check: z.strictObject({ value: Amount.nullable(), purchases: Count }),
  purchase_frequency: z.strictObject({ value: z.number().nullable(), purchases: Count, customers: Count }),
  churn_rate: z.strictObject({ value: Ratio, churned_customers: Count, previous_customers: Count }),
  clv: z.strictObject({
    value: Amount.nullable(),
    annual_revenue_per_customer: Amount.nullable(),
    average_lifetime_years: z.number().nullable(),
    acquisition_cost: Amount,
    acquisition_cost_source: z.enum(['query', 'setting', 'none']).describe('Where acquisition_cost came from: the query, the business\'s stored one (/analytics/settings), or neither (0)'),
    customers: Count,
    previous_customers: Count,
    churned_customers: Count,
    note: z.string().nullable().describe('Why value is null, when it is'),
    note_code: z.enum(['no_customers', 'no_previous_customers', 'no_churn']).nullable().describe('note as a code: nobody bought in the period; nobody in the previous one (churn unknown); nobody of the previous period left (no churn observed)'),
  }),
  revenue_by_customer_type: z.strictObject({ repeat: RevenueGroup, other: RevenueGroup }),
  revenue_by_tier: z.array(RevenueGroup.extend({ tier: z.string().describe('The current loyalty tier; "none" without one') })),
  promotions: z.strictObject({ repeat: PromotionGroup, other: PromotionGroup, all: PromotionGroup }),
});

export const AnalyticsSettings = z.strictObject({
  currency: Currency,
  acquisition_cost: Amount.nullable().describe('The stored cost of winning one customer, the CLV\'s default; null when none'),
  updated_by: z.string().nullable().describe('Who changed the settings last; null before anyone did'),
  updated_at: Instant.nullable(),
});

export const CohortRetention = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  store: z.string().nullable(),
  cohorts: z.array(z.strictObject({
    month: Month.describe("The month of the customers' first purchase"),
    customers: Count,
    retention: z.array(z.strictObject({ offset: Count.describe('Months after the first (0: the first itself)'), month: Month, customers: Count, share: Ratio })),
  })),
});

// ── RFM and the customer-base models ─────────────────────────────────────────

const RfmScores = z.strictObject({
  recency_days: Count.describe('Days since the last purchase'),
  frequency: Count.describe('Purchase days'),
  monetary: Amount.describe('Net spend'),
  r: Count,
  f: Count,
  m: Count,
  segment: z.string(),
});
const SegmentSize = z.strictObject({ segment: z.string(), customers: Count });

export const RfmReport = z.strictObject({
  currency: Currency,
  segments: z.array(SegmentSize),
  customers: z.array(RfmScores.extend({ customer_id: Id })),
});

const BgNbdParams = shared('BgNbdParams', z.strictObject({ r: z.number(), alpha: z.number(), a: z.number(), b: z.number() }));
const ParetoNbdParams = z.strictObject({ r: z.number(), alpha: z.number(), s: z.number(), beta: z.number() });
const GammaGammaParams = z.strictObject({ p: z.number(), q: z.number(), gamma: z.number() });

const modelFit = <P extends z.ZodObject>(params: P) => z.strictObject({
  params,
  log_likelihood: z.number(),
  std_errors: z.record(z.string(), z.number().nullable()),
  on_boundary: z.record(z.string(), z.boolean()).describe('Parameters that ran to the edge of the search box (the model\'s limiting case)'),
  customers: Count,
  groups: Count.describe('Distinct summaries the likelihood was evaluated on'),
  converged: z.boolean(),
  iterations: Count,
  fit_ms: Count,
});

/** Predicted against actual holdout purchase days, by calibration repeat purchases. */
const HoldoutGroup = z.strictObject({
  repeat_purchases: z.string().describe('"0" … "6", then "7+"'),
  customers: Count,
  predicted_total: z.number(),
  actual_total: z.number(),
  predicted_mean: z.number(),
  actual_mean: z.number(),
});

const ValidationReport = z.strictObject({
  customers: Count,
  predicted_total: z.number(),
  actual_total: z.number(),
  relative_error: z.number().nullable().describe('(predicted − actual) ÷ actual; null when actual is 0'),
  mean_absolute_error: z.number(),
  by_calibration_purchases: z.array(HoldoutGroup),
});

export const ClvFit = z.strictObject({
  customers: Count,
  unit: z.enum(['day', 'week', 'month']),
  models: z.strictObject({ bgnbd: modelFit(BgNbdParams).optional(), paretonbd: modelFit(ParetoNbdParams).optional(), gammagamma: modelFit(GammaGammaParams).optional() }),
  validation: z.strictObject({ bgnbd: ValidationReport.optional(), paretonbd: ValidationReport.optional() }).nullable().describe('null without holdout_end'),
});

// ── The dashboard's views ────────────────────────────────────────────────────

const ScoreRun = z.strictObject({ id: Id, as_of: LocalDate, computed_at: Instant.nullable(), customers: Count }).describe('The score run the figures come from');
const Span = z.strictObject({ from: LocalDate, to: LocalDate, days: Count });
const Kpi = shared('Kpi', z.strictObject({
  value: z.union([z.number(), Amount]).nullable().describe('Counts and shares as numbers, money as a decimal string'),
  previous: z.union([z.number(), Amount]).nullable(),
  change: z.number().nullable().describe('relative: (value − previous) ÷ previous; difference: value − previous (shares)'),
  change_kind: z.enum(['relative', 'difference']),
  sample: Count,
  previous_sample: Count,
  sample_of: z.enum(['customers', 'purchases']),
}));

export const AnalyticsOverview = z.strictObject({
  period: PeriodName,
  currency: Currency,
  current: Span,
  previous: Span,
  kpis: z.strictObject({ customers: Kpi, purchases: Kpi, revenue: Kpi, repeat_purchase_ratio: Kpi, average_check: Kpi, active_customers_share: Kpi }),
});

export const RfmGrid = z.strictObject({
  run: ScoreRun.nullable(),
  currency: Currency,
  alive_model: z.literal('paretonbd').nullable()
    .describe('The model behind the mean P(alive); null for a run from before P(alive) was Pareto/NBD\'s (BG/NBD, which holds every one-time buyer alive): its means are null until the next run'),
  customers: Count,
  cells: z.array(z.strictObject({ r: Count, f: Count, customers: Count, share: Ratio, revenue: Amount })).describe('All 25, R 1–5 × F 1–5'),
  segments: z.array(z.strictObject({
    segment: z.string(),
    customers: Count,
    share: Ratio,
    revenue: Amount,
    clv_12m_mean: Amount.nullable(),
    probability_alive_mean: z.number().nullable().describe('Mean Pareto/NBD P(alive) of the segment\'s customers'),
    high_churn_risk: Count,
    recency_days_mean: z.number(),
    purchase_days_mean: z.number(),
  })),
});

export const ClvDistribution = z.strictObject({
  run: ScoreRun.nullable(),
  currency: Currency,
  customers: Count.describe('Scored customers with a 12-month CLV'),
  without_clv: Count,
  total: Amount.nullable(),
  mean: Amount.nullable(),
  median: Amount.nullable(),
  buckets: z.array(z.strictObject({ from: Amount, to: Amount, customers: Count, total: Amount })).describe('[from, to), edges in 1-2-5 steps'),
});

const Bin = z.strictObject({ from: Count, to: Count.describe('Inclusive') });
export const AliveHeatmap = z.strictObject({
  source: z.enum(['score_run', 'fitted']).nullable(),
  run: ScoreRun.nullable(),
  unit: z.literal('week'),
  model: z.literal('paretonbd').describe('Pareto/NBD: a customer\'s lifetime runs from the first purchase, so a one-time buyer\'s P(alive) falls with time (BG/NBD would hold them alive for sure)'),
  params: ParetoNbdParams.nullable(),
  T: z.number().describe('The customer age (weeks) the matrix is drawn for'),
  customers: Count,
  frequency_bins: z.array(Bin),
  frequency_open: z.boolean().describe('The last column holds everyone above it too'),
  recency_bins: z.array(Bin),
  probability_alive: z.array(z.array(z.number().nullable())).describe('[row][column]; null where no customer can be (x = 0 has t_x = 0)'),
  cell_customers: z.array(z.array(Count)),
  observed_probability_alive: z.array(z.array(z.number().nullable())),
  note: z.string().nullable(),
});

export const HoldoutValidation = z.strictObject({
  calibration_end: LocalDate,
  holdout_end: LocalDate,
  unit: z.literal('week'),
  holdout_weeks: z.number(),
  model: z.literal('bgnbd'),
  params: BgNbdParams.nullable(),
  customers: Count,
  repeat_customers: Count,
  predicted_total: z.number().nullable(),
  actual_total: z.number(),
  relative_error: z.number().nullable(),
  mean_absolute_error: z.number().nullable(),
  by_calibration_purchases: z.array(HoldoutGroup),
  note: z.string().nullable(),
});

// ── Scores ───────────────────────────────────────────────────────────────────

const ChurnScore = z.enum(['logistic', 'bgnbd_probability_alive', 'bgnbd_no_purchase']);
const ChurnAuc = z.strictObject({ logistic: z.number(), bgnbd_probability_alive: z.number().nullable(), bgnbd_no_purchase: z.number().nullable() })
  .describe("Each churn score's AUC on the held-out window");

export const CustomerScores = z.strictObject({
  customer_id: Id,
  as_of: LocalDate,
  computed_at: Instant,
  run_id: Id,
  model_version: z.string(),
  rfm: RfmScores.extend({ segment_since: LocalDate }),
  probability_alive: z.number().nullable(),
  expected_purchases: z.strictObject({ next_90_days: z.number().nullable(), next_365_days: z.number().nullable() }),
  clv_12_months: Amount.nullable(),
  currency: Currency,
  churn: z.strictObject({
    probability: z.number().nullable(),
    risk: z.enum(['low', 'medium', 'high']).nullable(),
    risk_from: ChurnScore.nullable(),
    horizon_days: Count.nullable(),
    reasons: z.array(z.strictObject({ feature: z.string(), value: z.number(), contribution: z.number().describe('Log-odds added against a customer at the training mean') })),
  }),
  basis: z.strictObject({
    customers: Count,
    alive_model: z.enum(['bgnbd', 'paretonbd']).nullable().describe('The model behind probability_alive: Pareto/NBD (bgnbd only in runs from before it, where every one-time buyer is alive)'),
    transaction_model: z.enum(['bgnbd', 'paretonbd']).nullable().describe('The model behind expected_purchases and clv_12_months'),
    churn_auc: ChurnAuc.nullable(),
  }),
});

export const ScoreRunSummary = z.strictObject({
  run_id: Id,
  as_of: LocalDate,
  trigger: z.string(),
  customers: Count,
  segment_changes: Count,
  left: Count.describe('Customers whose scores were removed (merged, erased)'),
  duration_ms: Count,
  segments: z.array(SegmentSize),
  transaction_model: z.enum(['bgnbd', 'paretonbd']).nullable().describe('The model behind expected purchases and CLV'),
  alive_model: z.literal('paretonbd').nullable().describe('The model behind P(alive): Pareto/NBD, null when it could not be fitted'),
  churn: z.discriminatedUnion('status', [
    z.strictObject({
      risk_from: ChurnScore.nullable(),
      status: z.literal('trained'),
      auc: ChurnAuc,
      test_customers: Count,
      test_churn_rate: Share,
    }),
    z.strictObject({ risk_from: ChurnScore.nullable(), status: z.literal('skipped'), reason: z.string() }),
  ]),
  timings_ms: z.record(z.string(), Count),
});

export const SegmentHistory = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  runs: z.array(z.strictObject({
    run_id: Id,
    as_of: LocalDate,
    computed_at: Instant.nullable(),
    customers: Count,
    segments: z.array(SegmentSize),
    moves: z.array(z.strictObject({ from: z.string().nullable().describe('null: scored for the first time'), to: z.string().nullable().describe('null: left (merged, erased)'), customers: Count })),
  })),
});
