import { sql } from 'kysely';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { analyticsOverview, catchUpPurchaseRollup, loyaltyMetrics, type AnalyticsOverview } from '../src/modules/analytics/index.ts';
import { createServices } from '../src/services.ts';
import { localDate, startOfLocalDay, systemClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { recordPurchases } from '../src/workflows/record-purchases.ts';
import { cli, createPgDatabase, machine, percentile, startServerProcess } from './lib.ts';
import { countRows, generate } from './scores.bench.ts';

// The analytics overview (GET /analytics/overview, issue #4) on the world of
// bench/scores.bench.ts, made to end today so that the real server's windows are full:
//   1. the purchase-day rollup is built (the world was written past the outbox);
//   2. per period, the computation before the rollup (two loyaltyMetrics over both windows
//      and their previous ones, and two counts of customer_stats) once, timed, and its
//      figures compared with the overview's;
//   3. per period, the overview's service call, warm, `--calls` times: p50, p95, max;
//   4. the same through HTTP against the real server (`regulars serve`, a child process);
//   5. 1,000 purchases through the purchase workflow (so with events), then the first
//      overview after them (the catch-up), compared with the live figures again.
// The API has no store filter on the overview (the metrics endpoint has one), so there is
// none to time.
//
//   npx tsx bench/overview.bench.ts [--customers 200000] [--purchases-per-customer 10] [--calls 20]
//   (BENCH_KEEP=1 keeps the database and prints its URL; BENCH_REUSE_URL=<url> times again
//   on such a database, without generating)
//
// The target: under 300 ms for every period at 1,000,000 customers and 10,000,000
// purchases on PostgreSQL.

const PERIODS = ['month', 'quarter', 'year'] as const;
type Period = (typeof PERIODS)[number];
const TIME_ZONE = 'Europe/Ljubljana';
const LATE_PURCHASES = 1_000;
const LATE_CUSTOMERS = 300;

interface Latency {
  p50: number;
  p95: number;
  max: number;
}

export interface OverviewBenchResult {
  customers: number;
  purchases: number;
  generateSeconds: number | null;
  buildSeconds: number;
  periods: { period: Period; beforeMs: number; same: boolean; service: Latency; http: Latency }[];
  afterLatePurchases: { catchUpMs: number; same: boolean };
}

const round1 = (ms: number) => Math.round(ms * 10) / 10;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function latencies(calls: number, work: () => Promise<unknown>): Promise<Latency> {
  await work(); // warm: connections, plans, caches
  await work();
  const ms: number[] = [];
  for (let i = 0; i < calls; i++) ms.push((await timed(work)).ms);
  ms.sort((a, b) => a - b);
  return { p50: round1(percentile(ms, 50)), p95: round1(percentile(ms, 95)), max: round1(ms[ms.length - 1]) };
}

export async function run({ customers, perCustomer = 10, calls = 20, reuseUrl }: { customers: number; perCustomer?: number; calls?: number; reuseUrl?: string }): Promise<OverviewBenchResult> {
  const pgDb = reuseUrl ? { url: reuseUrl, drop: async () => undefined } : await createPgDatabase('regulars_overview_bench');
  const env = { DATABASE_URL: pgDb.url, TIMEZONE: TIME_ZONE, CURRENCY: 'EUR' };
  const database = await openDatabase({ databaseUrl: pgDb.url, poolSize: 4 });
  try {
    const s = createServices({ config: loadConfig(env), database, clock: systemClock, logger: silentLogger });
    await migrateToLatest(s.db);
    const today = localDate(systemClock.now(), TIME_ZONE);
    let generateSeconds: number | null = null;
    if (!reuseUrl) {
      const generated = await timed(() => generate(s.db, { customers, perCustomer, asOf: today }));
      generateSeconds = generated.ms / 1000;
    }
    const counts = await countRows(s.db);
    const customerCount = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM customers`.execute(s.db)).rows[0].n);
    const build = await timed(() => catchUpPurchaseRollup(s.db));

    const periods: OverviewBenchResult['periods'] = [];
    for (const period of PERIODS) {
      const overview = await analyticsOverview(s, { period });
      const before = await timed(() => overviewFiguresBefore(s, overview));
      const service = await latencies(calls, () => analyticsOverview(s, { period }));
      periods.push({ period, beforeMs: round1(before.ms), same: sameFigures(overview, before.value), service, http: { p50: 0, p95: 0, max: 0 } });
    }

    const key = JSON.parse(cli(['keys', 'create', '--name', 'bench', '--scopes', 'read', '--json'], env)).key as string;
    const server = await startServerProcess(env);
    try {
      for (const p of periods) {
        p.http = await latencies(calls, async () => {
          const res = await fetch(`${server.url}/api/v1/analytics/overview?period=${p.period}`, { headers: { authorization: `Bearer ${key}` } });
          if (!res.ok) throw new Error(`overview: ${res.status} ${await res.text()}`);
          await res.json();
        });
      }
    } finally {
      await server.stop();
    }

    // Purchases through the real path (the world's customers have no identities, so these
    // are LATE_CUSTOMERS new ones, each buying several times), a tenth dated 40 days back.
    const run = Date.now();
    const late = Array.from({ length: LATE_PURCHASES }, (_, i) => ({
      external_id: `late-${run}-${i}`,
      customer: { external_id: `late-${run}-${i % LATE_CUSTOMERS}` },
      occurred_at: new Date(systemClock.now().getTime() - (i % 10 === 0 ? 40 : 0) * 86_400_000 - 60_000).toISOString(),
      total: '12.50',
    }));
    for (const o of await recordPurchases(s, late, { source: 'bench' })) if (o.status !== 'created') throw new Error(`late purchase: ${JSON.stringify(o)}`);
    const afterLate = await timed(() => analyticsOverview(s, { period: 'month' }));
    const liveAfterLate = await overviewFiguresBefore(s, afterLate.value);

    return {
      customers: customerCount,
      purchases: counts.purchases,
      generateSeconds,
      buildSeconds: build.ms / 1000,
      periods,
      afterLatePurchases: { catchUpMs: round1(afterLate.ms), same: sameFigures(afterLate.value, liveAfterLate) },
    };
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP) console.error(`kept ${pgDb.url}`);
    else await pgDb.drop();
  }
}

/** The overview's figures as the code before the rollup computed them: loyaltyMetrics of both windows, customer_stats for the known customers. */
async function overviewFiguresBefore(s: Parameters<typeof loyaltyMetrics>[0], overview: AnalyticsOverview) {
  const figures = async (w: { from: string; to: string }) => {
    const metrics = await loyaltyMetrics(s, w);
    const before = startOfLocalDay(new Date(Date.parse(`${w.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10), TIME_ZONE);
    const known = await sql<{ n: number }>`
      SELECT count(*)::bigint AS n FROM customer_stats WHERE purchases_count > 0 AND first_purchase_at < ${before}`.execute(s.db);
    return { metrics, known: Number(known.rows[0].n) };
  };
  return { current: await figures(overview.current), previous: await figures(overview.previous) };
}

function sameFigures(overview: AnalyticsOverview, live: Awaited<ReturnType<typeof overviewFiguresBefore>>): boolean {
  const k = overview.kpis;
  const expected = (f: typeof live.current) => [f.metrics.customers, f.metrics.purchases, f.metrics.revenue, f.metrics.repeat_purchase_ratio.value, f.metrics.average_check.value, f.known];
  const actual = (side: 'value' | 'previous', sample: 'sample' | 'previous_sample') =>
    [k.customers[side], k.purchases[side], k.revenue[side], k.repeat_purchase_ratio[side], k.average_check[side], k.active_customers_share[sample]];
  return JSON.stringify(actual('value', 'sample')) === JSON.stringify(expected(live.current))
    && JSON.stringify(actual('previous', 'previous_sample')) === JSON.stringify(expected(live.previous));
}

export function markdown(r: OverviewBenchResult): string {
  const ms = (v: number) => `${v.toLocaleString('en')} ms`;
  return [
    `${r.customers.toLocaleString('en')} customers, ${r.purchases.toLocaleString('en')} purchases` +
      (r.generateSeconds === null ? ' (reused database)' : ` (generated in ${r.generateSeconds.toFixed(0)} s)`) +
      `; purchase-day rollup built in ${r.buildSeconds.toFixed(1)} s`,
    '',
    '| period | before: live, once | same figures | service p50 / p95 / max | HTTP p50 / p95 / max |',
    '|---|---|---|---|---|',
    ...r.periods.map((p) => `| ${p.period} | ${ms(p.beforeMs)} | ${p.same ? 'yes' : '**NO**'} | ${ms(p.service.p50)} / ${ms(p.service.p95)} / ${ms(p.service.max)} | ${ms(p.http.p50)} / ${ms(p.http.p95)} / ${ms(p.http.max)} |`),
    '',
    `After ${LATE_PURCHASES.toLocaleString('en')} purchases of ${LATE_CUSTOMERS} new customers through the purchase workflow (a tenth dated 40 days back): the next overview (month), catching up, ` +
      `${ms(r.afterLatePurchases.catchUpMs)}; figures the same as live: ${r.afterLatePurchases.same ? 'yes' : '**NO**'}.`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await run({ customers: arg('customers', 200_000), perCustomer: arg('purchases-per-customer', 10), calls: arg('calls', 20), reuseUrl: process.env.BENCH_REUSE_URL });
  console.log(`Machine: ${machine()}`);
  console.log('');
  console.log(markdown(result));
}
