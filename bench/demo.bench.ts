import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { runDemo } from '../src/workflows/run-demo.ts';
import { createPgDatabase, machine } from './lib.ts';

// `regulars demo` speed. Usage: npx tsx bench/demo.bench.ts [--customers 5000] [--db postgres|pglite|both]
export async function run({ customers, db }: { customers: number; db: 'postgres' | 'pglite' }) {
  const pg = db === 'postgres' ? await createPgDatabase() : undefined;
  const database = await openDatabase(pg ? { databaseUrl: pg.url, poolSize: 4 } : {});
  try {
    await migrateToLatest(database.db);
    const services = createServices({ config: loadConfig({}), database, logger: silentLogger });
    const started = Date.now();
    const summary = await runDemo(services, { customers, seed: 1 });
    const seconds = (Date.now() - started) / 1000;
    return { db, customers, purchases: summary.purchases, seconds: +seconds.toFixed(1), customersPerSecond: Math.round(customers / seconds), purchasesPerSecond: Math.round(summary.purchases / seconds) };
  } finally {
    await database.close();
    await pg?.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const customers = Number(arg('customers', '5000'));
  const which = arg('db', 'both');
  console.log(`Machine: ${machine()}`);
  for (const db of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite']) {
    const r = await run({ customers, db });
    console.log(`- ${db}: demo with ${customers.toLocaleString('en')} customers: ${r.purchases.toLocaleString('en')} purchases in ${r.seconds} s (**${r.customersPerSecond} customers/s, ${r.purchasesPerSecond} purchases/s**)`);
  }
}
