import fs from 'node:fs';
import type { Command } from 'commander';
import {
  ClvQuery, clvFit, fitPurchases, fitSummaries, purchaseColumnsOf, rfmReport,
  type ClvFit, type CustomerSummary, type Purchase,
} from '../../modules/analytics/index.ts';
import { invalid } from '../../shared/errors.ts';
import { say, type Language } from '../../shared/messages/index.ts';
import { parseInput } from '../../shared/validation.ts';
import { print, throughServerOr } from '../context.ts';
import { cliLanguage, count, countIn, percent } from '../language.ts';
import { callServer, queryOf } from '../remote.ts';
import { recommendCommand } from './analyze-recommend.ts';
import { metricsCommand } from './analyze-metrics.ts';
import { scoresCommand } from './analyze-scores.ts';
import { settingsCommand } from './analyze-settings.ts';
import { namingOptions } from '../option-names.ts';

// `regulars analyze clv`: fit the customer-base models to a summary file, a purchases
// file, or the purchases in the database, and print the parameters (and a holdout check).
// The files are read here, with no database; the database's purchases are read by the
// server when one holds the data folder (GET /api/v1/analytics/clv), the same fit.
const CLV_OPTIONS = { unit: '--unit', calibration_end: '--calibration-end', holdout_end: '--holdout-end', model: '--model' };

export function analyzeCommands(program: Command) {
  const analyze = program.command('analyze').description('customer analytics');
  analyze
    .command('clv')
    .description('fit BG/NBD, Pareto/NBD and Gamma-Gamma (from --summary, --purchases, or the database)')
    .option('--summary <file>', 'CSV with frequency,recency,T[,monetary_value] (lifetimes) or x,t_x,T[,zbar]')
    .option('--purchases <file>', 'canonical purchases CSV (customer_external_id|customer_email|customer_phone, occurred_at, total)')
    .option('--unit <unit>', 'day, week or month', 'week')
    .option('--calibration-end <date>', 'YYYY-MM-DD; default: the last purchase date')
    .option('--holdout-end <date>', 'YYYY-MM-DD; adds a validation of predictions against (calibration end, holdout end]')
    .option('--model <model>', 'bgnbd, paretonbd, gammagamma or all', 'all')
    .option('--json', 'machine-readable output')
    .action(namingOptions(CLV_OPTIONS, async (o: { summary?: string; purchases?: string; unit: string; calibrationEnd?: string; holdoutEnd?: string; model: string; json?: boolean }) => {
      const query = parseInput(ClvQuery, { unit: o.unit, calibration_end: o.calibrationEnd, holdout_end: o.holdoutEnd, model: o.model }, 'options');
      // A summary file has no holdout purchases: --holdout-end does not apply to it.
      const result = o.summary ? await fitSummaries({ summaries: readSummary(o.summary), query })
        : o.purchases ? await fitPurchases({ purchases: purchaseColumnsOf(readPurchases(o.purchases)), query })
        : await throughServerOr('analyze', (server) => callServer(server, 'GET', `/analytics/clv${queryOf(query)}`), (s) => clvFit(s, query));
      print(result, Boolean(o.json), () => describe(result, cliLanguage()));
    }));
  rfmCommand(analyze);
  scoresCommand(analyze);
  recommendCommand(analyze);
  metricsCommand(analyze);
  settingsCommand(analyze);
}

export function rfmCommand(analyze: Command) {
  analyze
    .command('rfm')
    .description('RFM quintile scores and named segments of the customers who bought')
    .option('--json', 'machine-readable output (with every customer)')
    .action(async (o: { json?: boolean }) => {
      const report = await throughServerOr('analyze', (server) => callServer(server, 'GET', '/analytics/rfm'), (s) => rfmReport(s));
      const scored = report.customers.length;
      const language = cliLanguage();
      print(report, Boolean(o.json), () => [
        countIn('customersWithPurchases', scored, language),
        ...report.segments.filter((x) => x.customers).map((x) => `  ${x.segment.padEnd(20)} ${count(x.customers, language).padStart(7)}  ${percent(x.customers / Math.max(1, scored), language)}`),
      ].join('\n'));
    });
}

function describe(r: ClvFit, language: Language): string {
  const out = [say('cli.clv.customers', { customers: countIn('customers', r.customers, language), unit: say(`cli.clv.unit.${r.unit}`) }).in(language)];
  for (const [name, fit] of Object.entries(r.models)) {
    const params = Object.entries(fit.params).map(([k, v]) => `${k}=${(v as number).toFixed(4)}`).join(' ');
    out.push(`${name.padEnd(10)} ${params}  LL=${fit.log_likelihood.toFixed(1)}  (${fit.fit_ms} ms)`);
  }
  for (const [name, v] of Object.entries(r.validation ?? {})) {
    out.push(say('cli.clv.holdout', { model: name, predicted: Math.round(v.predicted_total), actual: v.actual_total }).in(language));
  }
  return out.join('\n');
}

function csvRows(file: string): { header: string[]; rows: string[][] } {
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  return { header: lines[0].split(',').map((h) => h.trim().toLowerCase()), rows: lines.slice(1).map((l) => l.split(',')) };
}

function readSummary(file: string): CustomerSummary[] {
  const { header, rows } = csvRows(file);
  const col = (...names: string[]) => names.map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const [x, tx, T, m] = [col('frequency', 'x'), col('recency', 't_x'), col('t'), col('monetary_value', 'zbar')];
  if (x < 0 || tx < 0 || T < 0) throw invalid(say('cli.clv.summary_columns', { file, found: header.join(',') }));
  return rows.map((r, i) => {
    const c = { x: Number(r[x]), tx: Number(r[tx]), T: Number(r[T]), monetary: m >= 0 ? Number(r[m]) : undefined };
    if (![c.x, c.tx, c.T].every(Number.isFinite)) throw invalid(say('cli.clv.not_numeric', { file, line: i + 2 }));
    return c;
  });
}

function readPurchases(file: string): Purchase[] {
  const { header, rows } = csvRows(file);
  const id = ['customer_external_id', 'customer_email', 'customer_phone'].map((n) => header.indexOf(n)).find((i) => i >= 0) ?? -1;
  const at = header.indexOf('occurred_at');
  const total = header.indexOf('total');
  if (id < 0 || at < 0 || total < 0) throw invalid(say('cli.clv.purchase_columns', { file }));
  return rows.map((r, i) => {
    const value = Number(r[total]);
    if (!r[total]?.trim() || !Number.isFinite(value)) throw invalid(say('cli.clv.total_not_number', { file, line: i + 2 }));
    return { customerId: r[id], at: r[at].slice(0, 10), value };
  });
}
