import type { FastifyInstance } from 'fastify';
import {
  AliveHeatmapQuery, ClvDistributionQuery, HoldoutQuery, OverviewQuery, RfmGridQuery,
  aliveHeatmap, analyticsOverview, clvDistribution, holdoutValidation, rfmGrid,
} from '../../modules/analytics/index.ts';
import type { Services } from '../../services.ts';
import { route } from '../route.ts';
import { AliveHeatmap, AnalyticsOverview, ClvDistribution, HoldoutValidation, RfmGrid } from '../responses/analytics.ts';

// The read models behind the dashboard's analytics pages. Each answers with aggregates
// (never a list of customers) and the sample size of every figure.
export function analyticsViewRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'GET', path: '/analytics/overview', tag: 'analytics', scope: 'read',
    summary:
      'KPIs of the last month, quarter or year (ending today, local dates) against the window of the same length just before: customers who bought, purchases, net revenue, ' +
      'repeat purchase ratio, average check and the active share (customers who bought ÷ customers whose first purchase was by the window\'s end). ' +
      'Each KPI has its previous value, the change (relative for counts and money, a difference for shares) and its sample size in both windows; the definitions are /analytics/metrics\'.',
    query: OverviewQuery,
    responses: { 200: { description: 'The KPIs of both windows', schema: AnalyticsOverview }, 422: 'Invalid query' },
    handler: async (req) => analyticsOverview(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/rfm-grid', tag: 'analytics', scope: 'read',
    summary: 'Scored customers and their net spend by recency score × frequency score (1–5 each, 5 best; all 25 cells) and by RFM segment, from the latest scores; run is null before the first score run',
    query: RfmGridQuery,
    responses: { 200: { description: 'The grid and the segments', schema: RfmGrid }, 422: 'Unknown query parameter' },
    handler: async (req) => rfmGrid(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/clv-distribution', tag: 'analytics', scope: 'read',
    summary: 'Histogram of the scored customers\' 12-month CLV: buckets [from, to) with edges in 1-2-5 steps (a log scale), each with its customers and CLV sum; the total, mean and median',
    query: ClvDistributionQuery,
    responses: { 200: { description: 'The histogram', schema: ClvDistribution }, 422: 'Invalid query' },
    handler: async (req) => clvDistribution(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/alive-heatmap', tag: 'analytics', scope: 'read',
    summary:
      'Pareto/NBD probability alive over a grid of repeat purchases x (columns) × weeks between first and last purchase t_x (rows) for a customer of age T (the longest), ' +
      'as lifetimes\' plot_probability_alive_matrix; each cell the mean over its whole x and t_x (at most four of each), with the customers in it and the mean of their stored P(alive). ' +
      'Pareto/NBD rather than BG/NBD because BG/NBD holds every customer without a repeat purchase alive for sure; here their P(alive) falls with time since the first purchase ' +
      '(x = 0 has a cell only at t_x = 0). Parameters from the latest score run, else fitted now on every customer\'s history.',
    query: AliveHeatmapQuery,
    responses: { 200: { description: 'The matrix, the customers in each cell and their stored P(alive)', schema: AliveHeatmap }, 422: 'Invalid query' },
    handler: async (req) => aliveHeatmap(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/holdout', tag: 'analytics', scope: 'read',
    summary:
      'Calibration / holdout check of BG/NBD: fitted on the purchase days up to calibration_end, it predicts each customer\'s purchase days in (calibration_end, holdout_end]; ' +
      'predicted against actual in total and by the number of repeat purchases in calibration (0 … 6, 7+), with the customers in each group',
    query: HoldoutQuery,
    responses: { 200: { description: 'Predicted against actual, in total and by calibration purchases', schema: HoldoutValidation }, 422: 'Invalid dates' },
    handler: async (req) => holdoutValidation(s, req.query),
  });
}
