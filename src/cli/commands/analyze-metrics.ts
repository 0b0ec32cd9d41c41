import type { Command } from 'commander';
import { loyaltyMetrics, type LoyaltyMetrics } from '../../modules/analytics/index.ts';
import { Said, say, type Language, type MessageCode } from '../../shared/messages/index.ts';
import { moneyIn } from '../../shared/money.ts';
import { print, throughServerOr } from '../context.ts';
import { dayText } from '../dates.ts';
import { cliLanguage, count, countIn, decimal, percent } from '../language.ts';
import { namingOptions } from '../option-names.ts';
import { callServer, queryOf } from '../remote.ts';

// `regulars analyze metrics`: the loyalty metrics of a period, the same figures as
// GET /api/v1/analytics/metrics, as a table (or that JSON with --json).

/** The query's fields as the command's options, which its refusals name. */
const OPTIONS = { period: '--period', year: '--year', from: '--from', to: '--to', store: '--store', acquisition_cost: '--acquisition-cost' };

export function metricsCommand(analyze: Command) {
  analyze
    .command('metrics')
    .description('repeat purchase ratio, CLV, churn, average check, revenue by tier and of repeat customers, promotions — with sample sizes')
    .option('--period <name>', 'month, quarter or year: the last one ending today, as the dashboard shows it (instead of --year/--from/--to)')
    .option('--year <year>', 'a calendar year (default: the 12 months ending today)')
    .option('--from <date>', 'first local date YYYY-MM-DD (instead of --year)')
    .option('--to <date>', 'last local date YYYY-MM-DD, inclusive (default: today)')
    .option('--store <code>', 'only purchases made in this store')
    .option('--acquisition-cost <amount>', 'cost of winning one customer, subtracted in the CLV, e.g. 10.00 (default: the one stored in the dashboard, else 0)')
    .option('--json', 'machine-readable output')
    .action(namingOptions(OPTIONS, async (o: { period?: string; year?: string; from?: string; to?: string; store?: string; acquisitionCost?: string; json?: boolean }) => {
      const query = { period: o.period, year: o.year, from: o.from, to: o.to, store: o.store, acquisition_cost: o.acquisitionCost };
      const metrics = await throughServerOr('analyze', (server) => callServer(server, 'GET', `/analytics/metrics${queryOf(query)}`), (s) => loyaltyMetrics(s, query));
      print(metrics, Boolean(o.json), () => describeMetrics(metrics, cliLanguage()));
    }));
}

/** Rows of cells as aligned columns; `align` has an l or r per column (default: the first left, numbers right). */
function table(rows: string[][], align = 'l' + 'r'.repeat(rows[0].length - 1)): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === 'l' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

export function describeMetrics(m: LoyaltyMetrics, language: Language): string {
  const t = (code: MessageCode) => new Said(code).in(language);
  const num = (n: number) => count(n, language);
  const share = (value: number | null) => (value === null ? '—' : percent(value, language));
  const customers = (n: number) => countIn('customers', n, language);
  const purchases = (n: number) => countIn('purchases', n, language);
  const money = (amount: string | null) => (amount === null ? '—' : moneyIn(language, amount, m.currency));
  const head = say('cli.metrics.head', {
    from: dayText(m.period.from), to: dayText(m.period.to), scope: m.store ? say('cli.metrics.store', { store: m.store }) : say('cli.metrics.all_stores'),
    previous_from: dayText(m.period.previous.from), previous_to: dayText(m.period.previous.to),
  }).in(language);
  const figures = table([
    [t('cli.metrics.metric'), t('cli.metrics.value'), t('cli.metrics.sample')],
    [t('cli.metrics.customers_who_bought'), num(m.customers), ''],
    [t('cli.metrics.purchases_row'), num(m.purchases), ''],
    [t('cli.metrics.net_revenue'), money(m.revenue), ''],
    [t('cli.metrics.repeat_ratio'), share(m.repeat_purchase_ratio.value), say('cli.metrics.repeat_sample', { repeat: m.repeat_purchase_ratio.repeat_customers, customers: m.customers }).in(language)],
    [t('cli.metrics.average_check'), money(m.average_check.value), purchases(m.purchases)],
    [t('cli.metrics.frequency'), m.purchase_frequency.value === null ? '—' : decimal(m.purchase_frequency.value, 2, language), `${purchases(m.purchases)} / ${customers(m.customers)}`],
    [t('cli.metrics.churn_rate'), share(m.churn_rate.value), say('cli.metrics.churn_sample', { churned: m.churn_rate.churned_customers, previous: m.churn_rate.previous_customers }).in(language)],
    [t('cli.metrics.annual_revenue'), money(m.clv.annual_revenue_per_customer), customers(m.customers)],
    [t('cli.metrics.lifetime'), m.clv.average_lifetime_years === null ? '—' : decimal(m.clv.average_lifetime_years, 2, language), t('cli.metrics.lifetime_sample')],
    ['CLV', money(m.clv.value), say(m.clv.acquisition_cost_source === 'setting' ? 'cli.metrics.acquisition_cost_stored' : 'cli.metrics.acquisition_cost', { cost: money(m.clv.acquisition_cost), note: m.clv.note_code ? ` — ${t(`cli.metrics.clv_note.${m.clv.note_code}`)}` : '' }).in(language)],
  ], 'lrl');
  const repeat = t('cli.metrics.repeat_customers');
  const other = t('cli.metrics.other_customers');
  const revenue = table([
    [t('cli.metrics.revenue'), t('cli.metrics.customers'), t('cli.metrics.purchases'), t('cli.metrics.revenue'), t('cli.metrics.share')],
    ...([[repeat, m.revenue_by_customer_type.repeat], [other, m.revenue_by_customer_type.other]] as const).map(([name, g]) =>
      [name, num(g.customers), num(g.purchases), money(g.revenue), share(g.share_of_revenue)]),
    ...m.revenue_by_tier.map((x) => [say('cli.metrics.tier', { tier: String(x.tier) }).in(language), num(x.customers), num(x.purchases), money(x.revenue), share(x.share_of_revenue)]),
  ]);
  const promotions = table([
    [t('cli.metrics.promotions'), t('cli.metrics.customers'), t('cli.metrics.purchases'), t('cli.metrics.with_promotion'), t('cli.metrics.share'), t('cli.metrics.customers_using')],
    ...([[repeat, m.promotions.repeat], [other, m.promotions.other], [t('cli.metrics.all'), m.promotions.all]] as const).map(([name, g]) =>
      [name, num(g.customers), num(g.purchases), num(g.promo_purchases), share(g.share), num(g.promo_customers)]),
  ]);
  return [head, '', figures, '', revenue, '', promotions].join('\n');
}
