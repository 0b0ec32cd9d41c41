import type { FastifyInstance } from 'fastify';
import {
  AnalyticsSettingsInput, ClvQuery, CohortQuery, MetricsQuery, RfmQuery, analyticsSettings, clvFit, cohortRetention, loyaltyMetrics, rfmReport, updateAnalyticsSettings,
} from '../../modules/analytics/index.ts';
import { actorOf } from '../../modules/auth/index.ts';
import type { Services } from '../../services.ts';
import { route } from '../route.ts';
import { AnalyticsSettings, ClvFit, CohortRetention, LoyaltyMetrics, RfmReport } from '../responses/analytics.ts';

// Read models of the customer base. The summaries carry the definitions, so the API
// reference states exactly what each figure counts.
export function analyticsRoutes(app: FastifyInstance, s: Services, prefix: string) {
  route(app, prefix, {
    method: 'GET', path: '/analytics/metrics', tag: 'analytics', scope: 'read',
    summary:
      'Loyalty metrics of a period (a named period — the last month, quarter or year ending today, resolved as /analytics/overview resolves it —, a calendar year, ' +
      'or from/to local dates; default the 12 months ending today), optionally of one store; period excludes year/from/to. The answer\'s `period` has the resolved dates. ' +
      'Every figure with its sample size, money as decimal strings in `currency`. ' +
      'Repeat customer: purchases on at least two different local dates in the period; repeat purchase ratio = repeat customers ÷ customers who bought. ' +
      'Revenue is net (total − refunded); average check = revenue ÷ purchases; purchase frequency = purchases ÷ customers. ' +
      'Churn rate = customers of the previous period (same length, just before) who did not buy in this one ÷ customers of the previous period. ' +
      'CLV = annual revenue per customer × average years a customer stays − acquisition_cost, where the years = 1 ÷ annual churn rate (churn rate ÷ period length in years); ' +
      'without acquisition_cost the business\'s stored one (/analytics/settings) is subtracted, else 0, and clv.acquisition_cost_source says which. ' +
      'Promotion purchase: a promo code or a discount. Revenue by tier uses the current loyalty tier ("none" without one).',
    query: MetricsQuery,
    responses: { 200: { description: 'The metrics of the period', schema: LoyaltyMetrics }, 422: 'Invalid query (period with year/from/to among it) or unknown store' },
    handler: async (req) => loyaltyMetrics(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/settings', tag: 'analytics', scope: 'read',
    summary: 'The business\'s analytics settings: the acquisition cost (a decimal string in `currency`, null when none is stored) that /analytics/metrics subtracts in the CLV when the query gives none',
    responses: { 200: { description: 'The settings', schema: AnalyticsSettings } },
    handler: async () => analyticsSettings(s),
  });

  route(app, prefix, {
    method: 'PATCH', path: '/analytics/settings', tag: 'analytics', scope: 'admin',
    summary: 'Store the acquisition cost (a decimal string in `currency`; null forgets it), the default of the CLV in /analytics/metrics; recorded in the activity log',
    body: AnalyticsSettingsInput,
    responses: { 200: { description: 'The settings as stored', schema: AnalyticsSettings }, 422: 'Invalid amount (negative, or more decimals than the currency has) or unknown field' },
    handler: async (req, _reply, p) => updateAnalyticsSettings(s, req.body, { actor: actorOf(p) }),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/cohorts', tag: 'analytics', scope: 'read',
    summary:
      'Cohort retention: customers by the month of their first purchase ever (in the store, when filtered) within from/to (default the last 12 months), ' +
      'and for each month k after it the number and share of the cohort who bought in that month (k = 0 is the first month). from moves to its month start; at most 120 months.',
    query: CohortQuery,
    responses: { 200: { description: 'Every cohort of the range with its retention by month', schema: CohortRetention }, 422: 'Invalid query or unknown store' },
    handler: async (req) => cohortRetention(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/rfm', tag: 'analytics', scope: 'read',
    summary:
      'RFM now, from every active customer who bought: recency (days since the last purchase), frequency (purchase days) and monetary value (net spend, a decimal string in `currency`) ' +
      'each scored 1–5 by quintile (5 best), and the named segment of the scores; the segment sizes, then every customer (what `regulars analyze rfm --json` prints). ' +
      'The stored scores of the last score run are /customers/{id}/scores and /analytics/rfm-grid.',
    query: RfmQuery,
    responses: { 200: { description: 'The segment sizes and every scored customer', schema: RfmReport }, 422: 'Unknown query parameter' },
    handler: async (req) => rfmReport(s, req.query),
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/clv', tag: 'analytics', scope: 'read',
    summary:
      'BG/NBD, Pareto/NBD and Gamma-Gamma fitted to every customer\'s purchase days up to calibration_end (several purchases on one day are one; time in `unit`s; values net, in major units): ' +
      'per model its parameters, log-likelihood, standard errors and fit time; with holdout_end, the purchase models\' predicted purchase days in (calibration_end, holdout_end] against the actual ones. ' +
      'What `regulars analyze clv --json` prints for the database. It reads every purchase: seconds on a large business.',
    query: ClvQuery,
    responses: { 200: { description: 'The fitted models, and the holdout check given holdout_end', schema: ClvFit }, 422: 'Invalid query, or no purchases to fit' },
    handler: async (req) => clvFit(s, req.query),
  });
}
