export { CohortQuery, MetricsQuery } from './metrics.schema.ts';
export { loyaltyMetrics, cohortRetention, type MetricsDeps } from './metrics.service.ts';
export { resolvePeriod, type CohortMatrix, type CohortRow, type LoyaltyMetrics, type Period, type PromotionGroup, type RevenueGroup } from './metrics.ts';
