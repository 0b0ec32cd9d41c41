import type { Command } from 'commander';
import type { ScoreRunSummary } from '../../modules/analytics/index.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { print, throughServerOr } from '../context.ts';
import { dayText } from '../dates.ts';
import { cliLanguage, count, countIn, decimal, percent } from '../language.ts';
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
      print(summary, Boolean(o.json), () => describeRun(summary, cliLanguage()));
    });
}

const auc = (v: number | null | undefined, language: Language) => (v === null || v === undefined ? '—' : decimal(v, 3, language));

export function describeRun(r: ScoreRunSummary, language: Language): string {
  const lines = [
    say('cli.scores.run', {
      customers: countIn('scoredCustomers', r.customers, language), as_of: dayText(r.as_of), seconds: decimal(r.duration_ms / 1000, 1, language), run: r.run_id,
      changed: r.segment_changes, left: r.left ? say('cli.scores.left', { left: r.left }) : '',
    }).in(language),
    '',
    ...r.segments.map((x) => `  ${x.segment.padEnd(20)} ${count(x.customers, language).padStart(9)}  ${percent(x.customers / Math.max(1, r.customers), language).padStart(6)}`),
    '',
    (r.transaction_model ? say('cli.scores.model', { model: r.transaction_model }) : say('cli.scores.no_model')).in(language),
  ];
  const riskFrom = r.churn.risk_from;
  if (r.churn.status === 'trained') {
    lines.push(say('cli.scores.churn', {
      customers: countIn('customers', r.churn.test_customers!, language), churned: percent(r.churn.test_churn_rate!, language),
      logistic: auc(r.churn.auc?.logistic, language), alive: auc(r.churn.auc?.bgnbd_probability_alive, language), no_purchase: auc(r.churn.auc?.bgnbd_no_purchase, language), from: String(riskFrom),
    }).in(language));
  } else lines.push(say('cli.scores.not_trained', { reason: String(r.churn.reason), risk: riskFrom ? say('cli.scores.risk_from', { from: riskFrom }) : '' }).in(language));
  return lines.join('\n');
}
