import type { Command } from 'commander';
import type { ScoreRunSummary } from '../../modules/analytics/index.ts';
import { print, throughServerOr } from '../context.ts';
import { callServer } from '../remote.ts';

// `regulars analyze scores`: compute every customer's scores now — what the nightly job
// does at 03:00 — and print the run (the same summary as POST /api/v1/analytics/scores/run).
export function scoresCommand(analyze: Command) {
  analyze
    .command('scores')
    .description('score every customer now: RFM segment, probability alive, expected purchases, CLV, churn risk (the nightly job, on demand)')
    .option('--as-of <date>', 'last local day of purchases the scores see, YYYY-MM-DD (default: today)')
    .option('--horizon <days>', 'churn horizon: no purchase within this many days', '90')
    .option('--model <model>', 'purchase model: bgnbd or paretonbd', 'bgnbd')
    .option('--json', 'machine-readable output')
    .action(async (o: { asOf?: string; horizon: string; model: string; json?: boolean }) => {
      const summary = await throughServerOr(
        'analyze',
        // The horizon as typed: the server reads it as the local run does (a number, or the same error).
        (server) => callServer(server, 'POST', '/analytics/scores/run', { as_of: o.asOf, horizon_days: o.horizon, transaction_model: o.model }),
        (s) => s.scores.computeScores({ asOf: o.asOf, horizonDays: Number(o.horizon), transactionModel: o.model as 'bgnbd' | 'paretonbd', trigger: 'cli' }),
      );
      print(summary, Boolean(o.json), () => describeRun(summary));
    });
}

const count = (n: number) => n.toLocaleString('en');
const auc = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(3));

export function describeRun(r: ScoreRunSummary): string {
  const lines = [
    `Scored ${count(r.customers)} customers as of ${r.as_of} in ${(r.duration_ms / 1000).toFixed(1)} s (run ${r.run_id}); ` +
      `${count(r.segment_changes)} changed segment${r.left ? `, ${count(r.left)} left (merged or erased)` : ''}.`,
    '',
    ...r.segments.map((x) => `  ${x.segment.padEnd(20)} ${count(x.customers).padStart(9)}  ${((100 * x.customers) / Math.max(1, r.customers)).toFixed(1).padStart(5)}%`),
    '',
    `Purchase model: ${r.transaction_model ?? 'none (nobody has bought twice yet)'}.`,
  ];
  if (r.churn.status === 'trained') {
    lines.push(
      `Churn (no purchase within the horizon), AUC on the held-out window of ${count(r.churn.test_customers!)} customers ` +
        `(${(100 * r.churn.test_churn_rate!).toFixed(1)}% churned): logistic ${auc(r.churn.auc?.logistic)}, ` +
        `BG/NBD P(alive) ${auc(r.churn.auc?.bgnbd_probability_alive)}, BG/NBD P(no purchase) ${auc(r.churn.auc?.bgnbd_no_purchase)}; the risk band follows ${r.churn.risk_from}.`,
    );
  } else lines.push(`Churn model not trained: ${r.churn.reason}${r.churn.risk_from ? `; the risk band follows ${r.churn.risk_from}` : ''}.`);
  return lines.join('\n');
}
