// The dashboard's analytics read models: overview KPIs of two periods, RFM grid, CLV
// histogram, probability-alive matrix, calibration/holdout check.
export { analyticsOverview, rfmGrid, clvDistribution, aliveHeatmap, holdoutValidation, type AnalyticsOverview, type RfmGrid, type ClvDistribution, type AliveHeatmap, type HoldoutValidation, type ViewsDeps } from './views.service.ts';
export { AliveHeatmapQuery, ClvDistributionQuery, HoldoutQuery, OverviewQuery, RfmGridQuery } from './views.schema.ts';
export type { Bin, Kpi, KpiName } from './views.ts';
