import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { demoCustomers, demoPeriod } from '../src/modules/demo/index.ts';
import { createServices } from '../src/services.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { runDemo } from '../src/workflows/run-demo.ts';
import { createPgDatabase, machine, tmpDir } from './lib.ts';

// `regulars demo` speed: the demo business recorded through the real purchase workflow
// into a throw-away database (PGlite in memory, or a fresh PostgreSQL database that is
// dropped afterwards), so nothing is left behind.
//
//   npx tsx bench/demo.bench.ts [--customers 5000] [--db pglite|postgres|both] [--seed 1] [--pglite-on-disk]
//
// PGlite runs in memory by default, so its whole database counts in this process's RSS
// (about 3 GB at 100,000 customers); --pglite-on-disk puts it in a temporary folder,
// removed afterwards, as `regulars demo` does with DATA_DIR, for the larger runs.
//
// PostgreSQL: the fresh database is made on the server of BENCH_PG_URL, else of
// DATABASE_URL (its own data is not touched), else 127.0.0.1:5432 as user postgres.

export type BenchDb = 'pglite' | 'postgres';

export interface DemoBenchResult {
  db: BenchDb;
  customers: number;
  purchases: number;
  refunds: number;
  /** Rewards the members redeemed on the demo's last day (part of the time). */
  redemptions: number;
  seconds: number;
  customersPerSecond: number;
  purchasesPerSecond: number;
  /** The pure generator alone (no database), to show where the time goes. */
  generatorPurchasesPerSecond: number;
  /** Peak resident memory of this process since it started (PGlite lives in it too). */
  peakRssMb: number;
}

export async function run({ customers, db, seed = 1, pgliteOnDisk = false, onProgress }: {
  customers: number;
  db: BenchDb;
  seed?: number;
  pgliteOnDisk?: boolean;
  onProgress?: (p: { customers: number; purchases: number }) => void;
}): Promise<DemoBenchResult> {
  const generatorPurchasesPerSecond = generatorSpeed({ customers: Math.min(customers, 20_000), seed });
  const pgDb = db === 'postgres' ? await freshPostgres() : undefined;
  const dataDir = db === 'pglite' && pgliteOnDisk ? tmpDir('regulars-demo-bench-') : undefined;
  const database = await openDatabase(pgDb ? { databaseUrl: pgDb.url, poolSize: 4 } : { dataDir, holder: { command: 'demo bench' } });
  try {
    await migrateToLatest(database.db);
    const services = createServices({ config: loadConfig({}), database, logger: silentLogger });
    const started = performance.now();
    const summary = await runDemo(services, { customers, seed, onProgress });
    const seconds = (performance.now() - started) / 1000;
    return {
      db,
      customers: summary.customers,
      purchases: summary.purchases,
      refunds: summary.refunds,
      redemptions: summary.redemptions,
      seconds: +seconds.toFixed(1),
      customersPerSecond: Math.round(summary.customers / seconds),
      purchasesPerSecond: Math.round(summary.purchases / seconds),
      generatorPurchasesPerSecond,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await database.close();
    await pgDb?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function generatorSpeed({ customers, seed }: { customers: number; seed: number }): number {
  const period = demoPeriod({ end: new Date(), years: 2 });
  const started = performance.now();
  let purchases = 0;
  for (const c of demoCustomers({ seed, count: customers, period })) purchases += c.purchases.length;
  return Math.round(purchases / ((performance.now() - started) / 1000));
}

async function freshPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const server = process.env.BENCH_PG_URL ? undefined : process.env.DATABASE_URL;
  if (!server) return createPgDatabase('regulars_demo_bench');
  const name = `regulars_demo_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const customers = Number(arg('customers', '5000'));
  const seed = Number(arg('seed', '1'));
  const which = arg('db', 'both');
  if (!Number.isSafeInteger(customers) || customers < 1) throw new Error(`--customers must be a whole number ≥ 1, not ${arg('customers', '')}`);
  if (!['pglite', 'postgres', 'both'].includes(which)) throw new Error(`--db must be pglite, postgres or both, not ${which}`);
  const tty = process.stderr.isTTY;
  console.log(`Machine: ${machine()}`);
  for (const db of which === 'both' ? (['postgres', 'pglite'] as const) : [which as BenchDb]) {
    const r = await run({
      customers, db, seed, pgliteOnDisk: process.argv.includes('--pglite-on-disk'),
      onProgress: tty ? (p) => process.stderr.write(`\r${db}: ${p.customers.toLocaleString('en')} customers, ${p.purchases.toLocaleString('en')} purchases`) : undefined,
    });
    if (tty) process.stderr.write('\n');
    console.log(
      `- ${db}${db === 'pglite' && process.argv.includes('--pglite-on-disk') ? ' (on disk)' : ''}: demo with ${r.customers.toLocaleString('en')} customers: ${r.purchases.toLocaleString('en')} purchases, ${r.refunds.toLocaleString('en')} refunds, ${r.redemptions.toLocaleString('en')} rewards redeemed in ${r.seconds} s ` +
        `(**${r.customersPerSecond.toLocaleString('en')} customers/s, ${r.purchasesPerSecond.toLocaleString('en')} purchases/s**); ` +
        `generator alone ${r.generatorPurchasesPerSecond.toLocaleString('en')} purchases/s; peak RSS ${r.peakRssMb} MB`,
    );
  }
}
