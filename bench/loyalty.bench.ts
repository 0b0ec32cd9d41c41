import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { fixedClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { createPgDatabase, machine, ROOT } from './lib.ts';

// `regulars loyalty simulate` over a large history: purchases with lines made by
// generate_series in a fresh PostgreSQL database (dropped afterwards), the example
// program in force, and a proposed program (more points per euro, a lower silver
// threshold) replayed against every purchase — both programs, as the CLI does. Measured
// twice: in this process (the sources through tsx, as the earlier sessions' figures were),
// and as a user runs it, `regulars loyalty simulate` started as a command (the CLI's
// bundle; its clock is the real one, so its report may differ a little from the first).
//
//   npx tsx bench/loyalty.bench.ts [--purchases 1000000]
//
// The target: simulate over 1,000,000 purchases in under 30 s.

const NOW = '2026-11-01T12:00:00Z';

export async function run({ purchases }: { purchases: number }) {
  const pg = await createPgDatabase('regulars_loyalty_bench');
  const database = await openDatabase({ databaseUrl: pg.url, poolSize: 4 });
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: pg.url, CURRENCY: 'EUR', TIMEZONE: 'Europe/Ljubljana' });
    const s = createServices({ config, database, clock: fixedClock(NOW), logger: silentLogger });
    const db = s.db;
    const customers = Math.max(1, Math.round(purchases / 5));
    const t0 = Date.now();
    await sql`SELECT setseed(0.7)`.execute(db);
    await s.stores.upsert({ code: 'ljubljana', name: 'Ljubljana', time_zone: 'Europe/Ljubljana' }, { actor: 'bench' });
    await sql`
      INSERT INTO customers (id, external_id, status, created_at, updated_at)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'c-' || i, 'active', now(), now() FROM generate_series(1, ${customers}) AS i`.execute(db);
    await sql`
      INSERT INTO purchases (customer_id, id, external_id, occurred_at, local_date, store_id, channel, currency, total_minor, discount_minor,
                             refunded_minor, source, created_at)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(1 + (i % ${customers})), 12, '0'))::uuid, gen_random_uuid(), 'p-' || i, at, at::date,
             (SELECT id FROM stores LIMIT 1), CASE WHEN i % 7 = 0 THEN 'online' ELSE 'in_store' END, 'EUR', total, 0,
             CASE WHEN i % 50 = 0 THEN total / 2 ELSE 0 END, 'bench', now()
      FROM (SELECT i, ${NOW}::timestamptz - (random() * 700) * interval '1 day' AS at, (200 + floor(random() * 3000))::bigint AS total
            FROM generate_series(1, ${purchases}) AS i) g`.execute(db);
    await sql`
      INSERT INTO purchase_lines (customer_id, purchase_id, line_no, sku, category, quantity, unit_price_minor)
      SELECT customer_id, id, 1, CASE WHEN total_minor % 3 = 0 THEN 'COF-ESP' ELSE 'BAK-CRO' END,
             CASE WHEN total_minor % 3 = 0 THEN 'coffee' ELSE 'bakery' END, 1, total_minor FROM purchases`.execute(db);
    await sql`
      INSERT INTO customer_stats (customer_id, first_purchase_at, last_purchase_at, purchases_count, purchase_days, gross_spend_minor, refunded_minor, net_spend_minor, updated_at)
      SELECT customer_id, min(occurred_at), max(occurred_at), count(*), count(DISTINCT local_date), sum(total_minor), sum(refunded_minor), sum(total_minor - refunded_minor), now()
      FROM purchases GROUP BY customer_id`.execute(db);
    await sql`ANALYZE`.execute(db);
    const generateSeconds = (Date.now() - t0) / 1000;

    const example = JSON.parse(fs.readFileSync(`${ROOT}/examples/program.json`, 'utf8'));
    await s.loyalty.applyProgram({ program: example }, { actor: 'bench' });
    const proposed = structuredClone(example);
    proposed.earning.points_per_currency_unit = 12;
    proposed.tiers.levels[1].threshold = '150.00';
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    const report = await s.loyalty.simulate(proposed, { since: '2025-01-01' });
    const seconds = (Date.now() - started) / 1000;
    const rssMb = Math.round(Math.max(rssBefore, process.memoryUsage().rss) / 2 ** 20);
    const command = simulateCommand(pg.url, proposed);
    return { purchases: report.purchases, customers: report.customers, generateSeconds, seconds, rssMb, report, command };
  } finally {
    await database.close();
    await pg.drop();
  }
}

/** `regulars loyalty simulate proposed.json --since 2025-01-01 --json` as a command: its whole time, start to exit, and the report's own duration. */
function simulateCommand(databaseUrl: string, proposed: unknown): { seconds: number; simulateSeconds: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'regulars-simulate-'));
  try {
    const file = path.join(dir, 'proposed.json');
    fs.writeFileSync(file, JSON.stringify(proposed));
    const started = Date.now();
    const out = execFileSync(process.execPath, [path.join(ROOT, 'bin/regulars.js'), 'loyalty', 'simulate', file, '--since', '2025-01-01', '--json'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, CURRENCY: 'EUR', TIMEZONE: 'Europe/Ljubljana' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
    });
    const seconds = (Date.now() - started) / 1000;
    return { seconds, simulateSeconds: JSON.parse(out).duration_ms / 1000 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--purchases');
  const purchases = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
  const r = await run({ purchases });
  console.log(`Machine: ${machine()}`);
  console.log('');
  console.log('| purchases in the history | replayed (since 2025-01-01) | customers | simulate (both programs), in process | `regulars loyalty simulate`, start to exit (its report\'s duration) | process RSS | target |');
  console.log('|---|---|---|---|---|---|---|');
  console.log(`| ${purchases.toLocaleString('en')} | ${r.purchases.toLocaleString('en')} | ${r.customers.toLocaleString('en')} | ${r.seconds.toFixed(1)} s | **${r.command.seconds.toFixed(1)} s** (${r.command.simulateSeconds.toFixed(1)} s) | ${r.rssMb} MB | < 30 s for 1,000,000 |`);
  console.log('');
  console.log(`(generating the history took ${r.generateSeconds.toFixed(0)} s; proposed ${r.report.proposed.points.toLocaleString('en')} points vs ${r.report.current?.points.toLocaleString('en')} in force; moves up ${r.report.moves.up}, down ${r.report.moves.down})`);
}
