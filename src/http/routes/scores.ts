import type { FastifyInstance } from 'fastify';
import { actorOf, isLocalCli } from '../../modules/auth/index.ts';
import { ScoreRunInput, SegmentHistoryQuery } from '../../modules/analytics/index.ts';
import type { Services } from '../../services.ts';
import { parseInput } from '../../shared/validation.ts';
import { answerFollowingMerges, followsMerges, route, unknownCustomer } from '../route.ts';
import { CustomerScores, ScoreRunSummary, SegmentHistory } from '../responses/analytics.ts';

// Scores per customer and the segment history. The nightly job computes the scores
// (src/jobs/schedules.ts); an admin can run it now.
export function scoreRoutes(app: FastifyInstance, s: Services, prefix: string) {
  const { scores } = s;

  route(app, prefix, {
    method: 'GET', path: '/customers/:id/scores', tag: 'analytics', scope: 'read',
    summary:
      'The customer\'s latest scores: RFM quintiles (1–5) and segment, probability alive (Pareto/NBD), expected purchases in the next 90 and 365 days, ' +
      '12-month CLV (Gamma-Gamma spend × BG/NBD purchases, discounted 1 % a month), churn probability (no purchase within the horizon) with its band and top reasons ' +
      '(coefficient × standardised value, log-odds), and the basis: customers scored and the churn score\'s AUC on a held-out window',
    description: followsMerges("the surviving customer's latest scores"),
    responses: { 200: { description: 'The scores', schema: CustomerScores }, 404: `${unknownCustomer()}; or not scored yet (no purchases, or before the first run)` },
    handler: async (req, reply) => {
      const { id } = req.params as { id: string };
      return answerFollowingMerges(req, reply, id, await scores.customerScores(id));
    },
  });

  route(app, prefix, {
    method: 'POST', path: '/analytics/scores/run', tag: 'analytics', scope: 'admin',
    summary: 'Compute every customer\'s scores now (as the nightly job does) and return the run: customers, segment sizes, segment changes, churn AUCs, timings',
    body: ScoreRunInput,
    bodyOptional: true,
    responses: { 200: { description: 'The run summary', schema: ScoreRunSummary }, 409: 'A run is in progress', 422: 'Invalid input' },
    handler: async (req, _reply, p) => {
      const input = parseInput(ScoreRunInput, req.body ?? {}, 'score run');
      // `regulars analyze scores` records its run as `cli` whether or not a server runs.
      const trigger = isLocalCli(p) ? 'cli' : `api (${actorOf(p)})`;
      return scores.computeScores({ asOf: input.as_of, horizonDays: input.horizon_days, transactionModel: input.transaction_model, trigger });
    },
  });

  route(app, prefix, {
    method: 'GET', path: '/analytics/segments', tag: 'analytics', scope: 'read',
    summary: 'Segment sizes over time and the movements between segments: one entry per score run with its day in from/to (default the last 90 days); a move from null is a customer scored for the first time, to null one who left (merged, erased)',
    query: SegmentHistoryQuery,
    responses: { 200: { description: 'The runs of the range, oldest first', schema: SegmentHistory }, 422: 'Invalid query' },
    handler: async (req) => scores.segmentHistory(req.query as { from?: string; to?: string }),
  });
}
