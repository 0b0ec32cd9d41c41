import type { Command } from 'commander';
import { loyaltyMetrics, type LoyaltyMetrics } from '../../modules/analytics/index.ts';
import { print, throughServerOr } from '../context.ts';
import { callServer, queryOf } from '../remote.ts';

// `regulars analyze metrics`: the loyalty metrics of a period, the same figures as
// GET /api/v1/analytics/metrics, as a table (or that JSON with --json).
export function metricsCommand(analyze: Command) {
  analyze
    .command('metrics')
    .description('repeat purchase ratio, CLV, churn, average check, revenue by tier and of repeat customers, promotions — with sample sizes')
    .option('--year <year>', 'a calendar year (default: the 12 months ending today)')
    .option('--from <date>', 'first local date YYYY-MM-DD (instead of --year)')
    .option('--to <date>', 'last local date YYYY-MM-DD, inclusive (default: today)')
    .option('--store <code>', 'only purchases made in this store')
    .option('--acquisition-cost <amount>', 'cost of winning one customer, subtracted in the CLV, e.g. 10.00', '0')
    .option('--json', 'machine-readable output')
    .action(async (o: { year?: string; from?: string; to?: string; store?: string; acquisitionCost: string; json?: boolean }) => {
      const query = { year: o.year, from: o.from, to: o.to, store: o.store, acquisition_cost: o.acquisitionCost };
      const metrics = await throughServerOr('analyze', (server) => callServer(server, 'GET', `/analytics/metrics${queryOf(query)}`), (s) => loyaltyMetrics(s, query));
      print(metrics, Boolean(o.json), () => describeMetrics(metrics));
    });
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);
const count = (n: number) => n.toLocaleString('en');

/** Rows of cells as aligned columns; `align` has an l or r per column (default: the first left, numbers right). */
function table(rows: string[][], align = 'l' + 'r'.repeat(rows[0].length - 1)): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (align[i] === 'l' ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd()).join('\n');
}

export function describeMetrics(m: LoyaltyMetrics): string {
  const c = m.currency;
  const head = `Loyalty metrics ${m.period.from} – ${m.period.to} (${m.store ? `store ${m.store}` : 'all stores'}; previous period ${m.period.previous.from} – ${m.period.previous.to}), ${c}`;
  const figures = table([
    ['metric', 'value', 'sample'],
    ['Customers who bought', count(m.customers), ''],
    ['Purchases', count(m.purchases), ''],
    ['Net revenue', m.revenue, ''],
    ['Repeat purchase ratio', percent(m.repeat_purchase_ratio.value), `${count(m.repeat_purchase_ratio.repeat_customers)} of ${count(m.customers)} customers bought on 2+ days`],
    ['Average check', m.average_check.value ?? '—', `${count(m.purchases)} purchases`],
    ['Purchase frequency', m.purchase_frequency.value?.toFixed(2) ?? '—', `${count(m.purchases)} purchases / ${count(m.customers)} customers`],
    ['Churn rate', percent(m.churn_rate.value), `${count(m.churn_rate.churned_customers)} of ${count(m.churn_rate.previous_customers)} previous-period customers did not return`],
    ['Annual revenue / customer', m.clv.annual_revenue_per_customer ?? '—', `${count(m.customers)} customers`],
    ['Average lifetime (years)', m.clv.average_lifetime_years?.toFixed(2) ?? '—', '1 / annual churn rate'],
    ['CLV', m.clv.value ?? '—', `acquisition cost ${m.clv.acquisition_cost}${m.clv.note ? ` — ${m.clv.note}` : ''}`],
   ], 'lrl');
  const revenue = table([
    ['revenue', 'customers', 'purchases', 'revenue', 'share'],
    ...([['repeat customers', m.revenue_by_customer_type.repeat], ['other customers', m.revenue_by_customer_type.other]] as const).map(([name, g]) =>
      [name, count(g.customers), count(g.purchases), g.revenue, percent(g.share_of_revenue)]),
    ...m.revenue_by_tier.map((t) => [`tier ${t.tier}`, count(t.customers), count(t.purchases), t.revenue, percent(t.share_of_revenue)]),
  ]);
  const promotions = table([
    ['promotions', 'customers', 'purchases', 'with promotion', 'share', 'customers using'],
    ...([['repeat customers', m.promotions.repeat], ['other customers', m.promotions.other], ['all', m.promotions.all]] as const).map(([name, g]) =>
      [name, count(g.customers), count(g.purchases), count(g.promo_purchases), percent(g.share), count(g.promo_customers)]),
  ]);
  return [head, '', figures, '', revenue, '', promotions].join('\n');
}
