import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { recordPurchases } from '../src/workflows/record-purchases.ts';
import { createPgDatabase, machine, resetStatementStatistics, ROOT, settleHistory } from './lib.ts';

// What a purchase costs the database as the buyer's history grows: the customers a
// loyalty program is for buy daily for years. Under the example program (daily cap,
// lots expiring after 12 months, tiers by spend), customers with 0, 30, 300 and 1,000
// earlier purchases (one a day, going back from yesterday, recorded through the same
// path as the API, with the nightly expiry run afterwards) each buy again, one purchase
// at a time. Reported per purchase: the database pages it touched (shared buffers hit or
// read, from pg_stat_database: the machine's speed does not move it) and the time.
//
//   npx tsx bench/regulars.bench.ts [--customers 40] [--purchases 5] [--no-vacuum]
//
// The history is settled as a running system's autovacuum keeps it (settleHistory);
// --no-vacuum analyses it only, as autovacuum has not yet reached it.

const NOW = new Date('2026-11-01T12:00:00Z');
const HISTORIES = [0, 30, 300, 1000];
const DAY = 86_400_000;

export async function run({ customers, purchases, vacuum = true }: { customers: number; purchases: number; vacuum?: boolean }) {
  const pg = await createPgDatabase('regulars_history_bench');
  const database = await openDatabase({ databaseUrl: pg.url, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: pg.url, CURRENCY: 'EUR', TIMEZONE: 'Europe/Ljubljana' });
    const clock = fixedClock(NOW.toISOString());
    const s = createServices({ config, database, clock, logger: silentLogger });
    await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'bench' });
    await s.loyalty.applyProgram({ program: JSON.parse(fs.readFileSync(`${ROOT}/examples/program.json`, 'utf8')), effective_from: '2020-01-01T00:00:00Z' }, { actor: 'bench' });

    const purchase = (card: string, key: string, at: Date) => ({
      external_id: key, customer: { external_id: card }, occurred_at: at.toISOString(), store: 'ljubljana', total: '4.20',
      lines: [{ sku: 'COF-ESP', category: 'coffee', quantity: 2, unit_price: '2.10' }],
    });
    // The history, oldest first, in batches as an import would send it.
    const history = HISTORIES.flatMap((h) => Array.from({ length: customers }, (_, c) => Array.from({ length: h }, (_, d) => ({ card: `h${h}-${c}`, daysAgo: h - d }))).flat());
    history.sort((a, b) => b.daysAgo - a.daysAgo);
    for (let i = 0; i < history.length; i += 1000) {
      const outcomes = await recordPurchases(s, history.slice(i, i + 1000).map((p) => purchase(p.card, `${p.card}-${p.daysAgo}`, new Date(NOW.getTime() - p.daysAgo * DAY - 3 * 3600_000))), { source: 'bench', withViews: false });
      const failed = outcomes.find((o) => o.status === 'error');
      if (failed && failed.status === 'error') throw failed.error;
    }
    await s.loyalty.maintenance.expirePoints(NOW);
    await settleHistory(pg.url, { vacuum });
    // The page counts are the database's for the whole database: autovacuum's reads
    // would land in them at random. Off for the few seconds measured.
    await sql`DO $$ DECLARE t regclass; BEGIN
      FOR t IN SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' AND n.nspname = 'public' LOOP
        EXECUTE format('ALTER TABLE %s SET (autovacuum_enabled = false)', t);
      END LOOP; END $$`.execute(s.db);

    // The one connection's counters reach pg_stat_database when it goes idle, at most once
    // a second (up to ten seconds later): forced out first, from PostgreSQL 15 on.
    const { rows: [{ version }] } = await sql<{ version: string }>`SELECT current_setting('server_version_num') AS version`.execute(s.db);
    const pages = async () => {
      if (Number(version) >= 150000) await sql`SELECT pg_stat_force_next_flush()`.execute(s.db);
      else await new Promise((r) => setTimeout(r, 11_000));
      const { rows } = await sql<{ pages: string }>`SELECT blks_hit + blks_read AS pages FROM pg_stat_database WHERE datname = current_database()`.execute(s.db);
      return Number(rows[0].pages);
    };
    const results = [];
    // BENCH_RESET_STATEMENTS: pg_stat_statements holds the measured purchases alone.
    if (process.env.BENCH_RESET_STATEMENTS) await resetStatementStatistics(pg.url);
    const bought = new Map(HISTORIES.map((h) => [h, new Set<string>()]));
    for (const h of HISTORIES) {
      const pagesBefore = await pages();
      const started = process.hrtime.bigint();
      for (let n = 0; n < purchases; n++) {
        for (let c = 0; c < customers; c++) {
          const [o] = await recordPurchases(s, [purchase(`h${h}-${c}`, `h${h}-${c}-today-${n}`, new Date(NOW.getTime() - 3600_000 + n * 60_000))], { source: 'bench' });
          if (o.status !== 'created') throw new Error(`purchase not created: ${JSON.stringify(o)}`);
          bought.get(h)!.add(o.customerId);
        }
      }
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const count = purchases * customers;
      const pagesAfter = await pages();
      // What the challenges subscriber then does for each purchase (the example program has
      // two: 5 visits in 30 days, 3 categories in 90), one customer at a time.
      const buyers = [...bought.get(h)!];
      const checkStarted = process.hrtime.bigint();
      for (const customerId of buyers) await s.loyalty.evaluateChallengesMany([{ customerId, at: NOW }]);
      const checkMs = Number(process.hrtime.bigint() - checkStarted) / 1e6;
      results.push({
        history: h, pagesPerPurchase: Math.round((pagesAfter - pagesBefore) / count), msPerPurchase: ms / count,
        pagesPerChallengeCheck: Math.round((await pages() - pagesAfter) / buyers.length), msPerChallengeCheck: checkMs / buyers.length,
      });
    }
    return results;
  } finally {
    await database.close();
    await pg.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: number) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const customers = arg('customers', 40);
  const purchases = arg('purchases', 5);
  const vacuum = !process.argv.includes('--no-vacuum');
  console.log(`Machine: ${machine()}; PostgreSQL; ${customers} customers per history length, ${purchases} purchases each, one at a time; the history ${vacuum ? 'vacuumed' : 'analysed only, not vacuumed'}`);
  for (const r of await run({ customers, purchases, vacuum })) {
    console.log(`- ${r.history} earlier purchases: ${r.pagesPerPurchase} pages per purchase, ${r.msPerPurchase.toFixed(2)} ms per purchase; ` +
      `challenge check ${r.pagesPerChallengeCheck} pages, ${r.msPerChallengeCheck.toFixed(2)} ms`);
  }
}
