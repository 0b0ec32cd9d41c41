import type { Command } from 'commander';
import {
  recommendationsForCustomer,
  type BoughtTogether, type CustomerRecommendations, type HitRate, type HitRateReport, type RecommendationService,
} from '../../modules/analytics/index.ts';
import { invalidField } from '../../shared/errors.ts';
import { say, type Language, type Said } from '../../shared/messages/index.ts';
import type { Services } from '../../services.ts';
import { print, throughServerOr } from '../context.ts';
import { dayText } from '../dates.ts';
import { cliLanguage, countIn, decimal, percent } from '../language.ts';
import { callServer, queryOf, type RunningServer } from '../remote.ts';

// `regulars analyze recommend`: products bought together, a customer's next-best
// products, and the model's hit rate against the most popular products on a time split.
// With none of --sku, --customer, --evaluate: the strongest pairs of the business.
interface Options {
  sku?: string;
  customer?: string;
  evaluate?: boolean;
  cutoff?: string;
  limit: string;
  json?: boolean;
}

type Pairs = Awaited<ReturnType<RecommendationService['strongestPairs']>>;
interface Result {
  bought_together?: BoughtTogether;
  customer?: CustomerRecommendations;
  evaluation?: HitRateReport;
  strongest_pairs?: Pairs;
}

/** Where the answers come from: the services here, or the server holding the data folder (a route each). */
interface Source {
  boughtTogether(sku: string, limit: number): Promise<BoughtTogether>;
  customer(ref: string, limit: number): Promise<CustomerRecommendations>;
  evaluation(cutoff: string, k: number): Promise<HitRateReport>;
  strongestPairs(limit: number): Promise<Pairs>;
}

const local = (s: Services): Source => ({
  boughtTogether: (sku, limit) => s.recommendations.boughtTogether({ sku, limit }),
  customer: (customer, limit) => recommendationsForCustomer(s, { customer, limit }),
  evaluation: (cutoff, k) => s.recommendations.evaluate({ cutoff, k }),
  strongestPairs: (limit) => s.recommendations.strongestPairs({ limit }),
});

const remote = (server: RunningServer): Source => ({
  boughtTogether: (sku, limit) => callServer(server, 'GET', `/products/${encodeURIComponent(sku)}/bought-together${queryOf({ limit })}`),
  customer: (ref, limit) => callServer(server, 'GET', `/customers/${encodeURIComponent(ref)}/recommendations${queryOf({ limit })}`),
  evaluation: (cutoff, k) => callServer(server, 'GET', `/recommendations/evaluation${queryOf({ cutoff, k })}`),
  strongestPairs: async (limit) => (await callServer<{ items: Pairs }>(server, 'GET', `/recommendations/pairs${queryOf({ limit })}`)).items,
});

export function recommendCommand(analyze: Command) {
  analyze
    .command('recommend')
    .description('products bought together, next-best products for a customer, hit rate against the most popular')
    .option('--sku <sku>', 'the products bought in the same basket as this one, by lift')
    .option('--customer <id>', "the next-best products for a customer (id or external id) they have not bought")
    .option('--evaluate', 'hit rate at --limit on a time split at --cutoff, against the most popular products')
    .option('--cutoff <date>', 'YYYY-MM-DD: with --evaluate, train on purchases before it and test on those from it on')
    .option('--limit <n>', 'how many products (and k of the hit rate)', '10')
    .option('--json', 'machine-readable output')
    .action(async (o: Options) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidField('limit', say('cli.recommend.limit'));
      const evaluate = Boolean(o.evaluate || o.cutoff);
      if (evaluate && !o.cutoff) throw invalidField('cutoff', say('cli.recommend.cutoff_required'));
      const ask = async (source: Source) => {
        const out: Result = {};
        if (o.sku) out.bought_together = await source.boughtTogether(o.sku, limit);
        if (o.customer) out.customer = await source.customer(o.customer, limit);
        if (evaluate) out.evaluation = await source.evaluation(o.cutoff!, limit);
        if (!o.sku && !o.customer && !evaluate) out.strongest_pairs = await source.strongestPairs(limit);
        return out;
      };
      const result = await throughServerOr('analyze', (server) => ask(remote(server)), (s) => ask(local(s)));
      print(result, Boolean(o.json), () => describe(result, cliLanguage()));
    });
}

const named = (p: { sku: string; name: string | null }) => (p.name ? `${p.name} (${p.sku})` : p.sku);

function describe(r: Result, language: Language): string {
  const t = (said: Said) => said.in(language);
  const baskets = (n: number) => countIn('baskets', n, language);
  const rate = (x: HitRate) => t(say('cli.recommend.rate', {
    rate: percent(x.rate, language, true).padStart(7), low: decimal(100 * x.low, 1, language), high: decimal(100 * x.high, 1, language), hits: x.hits, customers: x.customers,
  }));
  const out: string[] = [];
  if (r.bought_together) {
    const b = r.bought_together;
    out.push(t(say('cli.recommend.bought_with', { product: named(b), baskets: countIn('basketsIn', b.baskets, language) })));
    if (b.items.length === 0) out.push(`  ${t(say('cli.recommend.nothing'))}`);
    for (const i of b.items) {
      const figures = say('cli.recommend.item', { lift: decimal(i.lift, 2, language).padStart(6), confidence: percent(i.confidence, language, true).padStart(7), baskets: baskets(i.count) });
      out.push(`  ${named(i).padEnd(40)} ${t(figures)}`);
    }
  }
  if (r.customer) {
    const c = r.customer;
    out.push(t(say('cli.recommend.customer', { customer: c.customer_id, products: countIn('productsBought', c.products_bought, language) })));
    c.items.forEach((i, n) => out.push(`  ${String(n + 1).padStart(2)}. ${named(i).padEnd(40)} ${decimal(i.score, 3, language).padStart(7)}  ${i.source}`));
  }
  if (r.evaluation) {
    const e = r.evaluation;
    const labels = [t(say('cli.recommend.model')), t(say('cli.recommend.most_popular'))];
    const width = Math.max(12, ...labels.map((label) => label.length));
    out.push(
      t(say('cli.recommend.trained', { k: e.k, baskets: countIn('basketsIn', e.train_baskets, language), customers: countIn('customersGenitive', e.train_customers, language), cutoff: dayText(e.cutoff) })),
      t(say('cli.recommend.tested', { customers: e.customers })),
      `  ${labels[0].padEnd(width)}  ${rate(e.model)}`,
      `  ${labels[1].padEnd(width)}  ${rate(e.most_popular)}`,
      `  ${t(say('cli.recommend.only', { model: e.model_only, popular: e.popular_only, p: e.p_value < 0.001 ? e.p_value.toExponential(1) : decimal(e.p_value, 3, language) }))}`,
    );
  }
  if (r.strongest_pairs) {
    out.push(t(say('cli.recommend.pairs')));
    if (r.strongest_pairs.length === 0) out.push(`  ${t(say('cli.recommend.no_pairs'))}`);
    for (const p of r.strongest_pairs) {
      out.push(`  ${named(p.from).padEnd(34)} + ${named(p.to).padEnd(34)} ${t(say('cli.recommend.pair', { lift: decimal(p.lift, 2, language).padStart(6), baskets: baskets(p.count) }))}`);
    }
  }
  return out.join('\n');
}
