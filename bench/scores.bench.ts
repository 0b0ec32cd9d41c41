import { sql } from 'kysely';
import { pathToFileURL } from 'node:url';
import { migrateToLatest, openDatabase, type Db } from '../src/db/index.ts';
import { createScoresService, type ScoreRunSummary } from '../src/modules/analytics/index.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { createPgDatabase, machine } from './lib.ts';

// The nightly customer scores on a large synthetic store: customers, purchases (with
// promo codes and refunds) and a loyalty ledger made by generate_series in a fresh
// PostgreSQL database (dropped afterwards), then `computeScores` timed twice — the first
// run (every customer is new: an event each) and the next night's (few changes).
//
//   npx tsx bench/scores.bench.ts [--customers 200000] [--purchases-per-customer 10]
//   (BENCH_KEEP=1 keeps the database and prints its URL, to study the queries;
//   BENCH_REUSE_URL=<url> times the runs again on such a database, without generating)
//
// The target: under 2 minutes for 1,000,000 customers and 10,000,000 purchases.

const AS_OF = '2026-06-01';
const YEARS = 2;

export interface ScoresBenchResult {
  customers: number;
  purchases: number;
  refunds: number;
  loyaltyEntries: number;
  generateSeconds: number;
  first: ScoreRunSummary;
  second: ScoreRunSummary;
  peakRssMb: number;
}

// A BG/NBD world, as the models assume it: each customer first buys on a day in the two
// years before `asOf`, then buys at their own rate (lognormal, median one purchase in
// `medianGapDays`) and after each purchase drops out with their own probability (mean
// about 0.1). 8 % of purchases use a promo code, 2 % are half refunded, 40 % of customers
// are loyalty members with an entry per purchase; customer_stats as the purchase path
// keeps them. --purchases-per-customer sets the gap. Also the world of
// bench/overview.bench.ts. Written by SQL, past the outbox: no events.
export async function generate(db: Db, { customers, perCustomer, asOf = AS_OF }: { customers: number; perCustomer: number; asOf?: string }) {
  const days = Math.round(365.25 * YEARS);
  const medianGapDays = 250 / perCustomer; // about perCustomer purchases each on average
  await sql`SELECT setseed(0.42)`.execute(db);
  await sql`
    CREATE UNLOGGED TABLE bench_people AS
    SELECT i, gen_random_uuid() AS id, first_day,
           exp(ln(1.0 / ${medianGapDays}::float8) + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())) AS rate,
           least(300, floor(ln(1 - random()) / ln(1 - dropout)))::int AS repeats,
           random() < 0.4 AS member
    FROM (SELECT i, floor(random() * ${days})::int AS first_day, 0.02 + 0.25 * random() ^ 2 AS dropout
          FROM generate_series(1, ${customers}) AS i) AS g`.execute(db);
  await sql`
    INSERT INTO customers (id, external_id, status, created_at, updated_at)
    SELECT id, 'bench-' || i, 'active', now(), now() FROM bench_people`.execute(db);
  await sql`
    INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, channel, currency, total_minor, discount_minor,
                           refunded_minor, promo_code, source, created_at)
    SELECT id, gen_random_uuid(), 'bench-' || i || '-' || k, at, at::date, 'in_store', 'EUR', total,
           CASE WHEN promo THEN total / 10 ELSE 0 END, CASE WHEN refund THEN total / 2 ELSE 0 END,
           CASE WHEN promo THEN 'SPRING10' END, 'bench', now()
    FROM (
      SELECT i, id, k, (${asOf}::date - ${days}::int)::timestamp + (first_day + offset_days + 0.375 + 0.4 * random()) * interval '1 day' AS at,
             (300 + floor(random() * 6000))::bigint AS total, random() < 0.08 AS promo, random() < 0.02 AS refund
      FROM (
        SELECT p.i, p.id, p.first_day, k,
               floor(sum(CASE WHEN k = 0 THEN 0 ELSE -ln(1 - random()) / p.rate END) OVER (PARTITION BY p.i ORDER BY k))::int AS offset_days
        FROM bench_people p, generate_series(0, p.repeats) AS k
      ) AS times
      WHERE first_day + offset_days < ${days}
    ) AS t`.execute(db);
  await sql`
    INSERT INTO refunds (customer_id, id, purchase_id, external_id, amount_minor, occurred_at, created_at)
    SELECT customer_id, gen_random_uuid(), id, 'refund-' || external_id, refunded_minor, occurred_at + interval '3 days', now()
    FROM purchases WHERE refunded_minor > 0`.execute(db);
  await sql`
    INSERT INTO loyalty_members (customer_id, joined_at, points, updated_at)
    SELECT p.id, min(pu.occurred_at), 0, now() FROM bench_people p JOIN purchases pu ON pu.customer_id = p.id WHERE p.member GROUP BY p.id`.execute(db);
  await sql`
    INSERT INTO loyalty_entries (customer_id, kind, points, remaining, occurred_at, created_at, source_type, source_id)
    SELECT pu.customer_id, 'earn', greatest(1, pu.total_minor / 100), greatest(1, pu.total_minor / 100), pu.occurred_at, pu.occurred_at, 'purchase', pu.id::text
    FROM purchases pu JOIN loyalty_members m ON m.customer_id = pu.customer_id`.execute(db);
  await sql`
    INSERT INTO customer_stats (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days,
                                gross_spend_minor, refunded_minor, net_spend_minor, updated_at)
    SELECT customer_id, min(occurred_at), max(occurred_at), count(*), count(DISTINCT local_date),
           sum(total_minor), sum(refunded_minor), sum(total_minor - refunded_minor), now()
    FROM purchases GROUP BY customer_id`.execute(db);
  await sql`DROP TABLE bench_people`.execute(db);
  await sql`ANALYZE`.execute(db);
  return countRows(db);
}

export async function countRows(db: Db) {
  const count = async (table: string) => Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db)).rows[0].n);
  return { purchases: await count('purchases'), refunds: await count('refunds'), loyaltyEntries: await count('loyalty_entries') };
}

export async function run({ customers, perCustomer = 10, reuseUrl }: { customers: number; perCustomer?: number; reuseUrl?: string }): Promise<ScoresBenchResult> {
  const pgDb = reuseUrl ? { url: reuseUrl, drop: async () => undefined } : await createPgDatabase('regulars_scores_bench');
  const database = await openDatabase({ databaseUrl: pgDb.url, poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    let started = performance.now();
    const counts = reuseUrl ? await countRows(database.db) : await generate(database.db, { customers, perCustomer });
    const generateSeconds = (performance.now() - started) / 1000;
    const clock = fixedClock(`${AS_OF}T01:00:00Z`); // 03:00 in Ljubljana: the nightly run
    const scores = createScoresService({ db: database.db, clock, timeZone: 'Europe/Ljubljana', currency: 'EUR', logger: silentLogger });
    started = performance.now();
    const first = await scores.computeScores({ trigger: 'bench' });
    clock.set('2026-06-02T01:00:00Z');
    const second = await scores.computeScores({ trigger: 'bench' });
    if (process.env.BENCH_DEBUG) console.log(JSON.stringify((await database.db.selectFrom('score_runs').select('params').where('id', '=', first.run_id).executeTakeFirstOrThrow()).params, null, 1));
    return { customers, ...counts, generateSeconds, first, second, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP) console.error(`kept ${pgDb.url}`);
    else await pgDb.drop();
  }
}

export function markdown(r: ScoresBenchResult): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const row = (name: string, x: ScoreRunSummary) =>
    `| ${name} | ${s(x.duration_ms)} | ${s(x.timings_ms.features)} | ${s(x.timings_ms.purchase_models)} | ${s(x.timings_ms.churn_model)} | ${s(x.timings_ms.scoring)} | ${s(x.timings_ms.finish)} | ${x.segment_changes.toLocaleString('en')} |`;
  const auc = r.first.churn.auc;
  return [
    `${r.customers.toLocaleString('en')} customers, ${r.purchases.toLocaleString('en')} purchases, ${r.refunds.toLocaleString('en')} refunds, ` +
      `${r.loyaltyEntries.toLocaleString('en')} loyalty entries (generated in ${r.generateSeconds.toFixed(0)} s); transaction model ${r.first.transaction_model}`,
    '',
    '| run | total | features | BTYD fits | churn model (beside features and fits) | scoring + writing | snapshot | segment events |',
    '|---|---|---|---|---|---|---|---|',
    row('first (all new)', r.first),
    row('next night', r.second),
    '',
    auc ? `Churn AUC on the held-out window (${r.first.churn.test_customers?.toLocaleString('en')} sampled customers): logistic ${auc.logistic.toFixed(3)}, ` +
      `BG/NBD P(alive) ${auc.bgnbd_probability_alive?.toFixed(3)}, BG/NBD P(no purchase) ${auc.bgnbd_no_purchase?.toFixed(3)}. Peak RSS ${r.peakRssMb} MB.` : `Churn model: ${r.first.churn.reason}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await run({ customers: arg('customers', 200_000), perCustomer: arg('purchases-per-customer', 10), reuseUrl: process.env.BENCH_REUSE_URL });
  console.log(`Machine: ${machine()}`);
  console.log('');
  console.log(markdown(result));
}
