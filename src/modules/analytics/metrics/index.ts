export { CohortQuery, MetricsQuery, PeriodName } from './metrics.schema.ts';
export { loyaltyMetrics, cohortRetention, headlineFigures, type HeadlineFigures, type MetricsDeps } from './metrics.service.ts';
export { catchUpPurchaseRollup, rollupEventsRead, type CatchUpResult } from './rollup.service.ts';
export { resolvePeriod, type HeadlineMetrics, type CohortMatrix, type CohortRow, type LoyaltyMetrics, type Period, type PromotionGroup, type RevenueGroup } from './metrics.ts';
