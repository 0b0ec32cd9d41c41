import type { Command } from 'commander';
import {
  recommendationsForCustomer,
  type BoughtTogether, type CustomerRecommendations, type HitRate, type HitRateReport, type RecommendationService,
} from '../../modules/analytics/index.ts';
import { invalidField } from '../../shared/errors.ts';
import type { Services } from '../../services.ts';
import { print, throughServerOr } from '../context.ts';
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
      if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw invalidField('limit', 'must be a whole number from 1 to 100');
      const evaluate = Boolean(o.evaluate || o.cutoff);
      if (evaluate && !o.cutoff) throw invalidField('cutoff', 'is required with --evaluate (YYYY-MM-DD)');
      const ask = async (source: Source) => {
        const out: Result = {};
        if (o.sku) out.bought_together = await source.boughtTogether(o.sku, limit);
        if (o.customer) out.customer = await source.customer(o.customer, limit);
        if (evaluate) out.evaluation = await source.evaluation(o.cutoff!, limit);
        if (!o.sku && !o.customer && !evaluate) out.strongest_pairs = await source.strongestPairs(limit);
        return out;
      };
      const result = await throughServerOr('analyze', (server) => ask(remote(server)), (s) => ask(local(s)));
      print(result, Boolean(o.json), () => describe(result));
    });
}

const named = (p: { sku: string; name: string | null }) => (p.name ? `${p.name} (${p.sku})` : p.sku);
const percent = (x: number) => `${(100 * x).toFixed(1)} %`;
const rate = (r: HitRate) => `${percent(r.rate).padStart(7)}  (95 % interval ${(100 * r.low).toFixed(1)}–${(100 * r.high).toFixed(1)})  ${r.hits} of ${r.customers}`;

function describe(r: Result): string {
  const out: string[] = [];
  if (r.bought_together) {
    const b = r.bought_together;
    out.push(`${named(b)}, in ${b.baskets.toLocaleString('en')} baskets. Bought with it:`);
    if (b.items.length === 0) out.push('  nothing often enough to tell');
    for (const i of b.items) out.push(`  ${named(i).padEnd(40)} lift ${i.lift.toFixed(2).padStart(6)}  confidence ${percent(i.confidence).padStart(7)}  ${i.count} baskets`);
  }
  if (r.customer) {
    const c = r.customer;
    out.push(`Customer ${c.customer_id}, ${c.products_bought} products bought. Next best:`);
    c.items.forEach((i, n) => out.push(`  ${String(n + 1).padStart(2)}. ${named(i).padEnd(40)} ${i.score.toFixed(3).padStart(7)}  ${i.source}`));
  }
  if (r.evaluation) {
    const e = r.evaluation;
    out.push(
      `Hit rate at ${e.k}: trained on ${e.train_baskets.toLocaleString('en')} baskets of ${e.train_customers.toLocaleString('en')} customers before ${e.cutoff};`,
      `tested on the ${e.customers.toLocaleString('en')} of them who bought a product new to them from then on.`,
      `  model         ${rate(e.model)}`,
      `  most popular  ${rate(e.most_popular)}`,
      `  only the model hit ${e.model_only}, only the most popular ${e.popular_only} (McNemar p = ${e.p_value < 0.001 ? e.p_value.toExponential(1) : e.p_value.toFixed(3)})`,
    );
  }
  if (r.strongest_pairs) {
    out.push('Bought together most (by lift; --sku, --customer or --evaluate for more):');
    if (r.strongest_pairs.length === 0) out.push('  no pair is bought together often enough to tell');
    for (const p of r.strongest_pairs) out.push(`  ${named(p.from).padEnd(34)} + ${named(p.to).padEnd(34)} lift ${p.lift.toFixed(2).padStart(6)}  ${p.count} baskets`);
  }
  return out.join('\n');
}
