import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { addDaysToDate, localDate } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';

// The loyalty report's time (GET /loyalty/report) without a period, and with one — whose
// opening reads the ledger up to the period's start again (report-period.ts outstandingAt) —
// on an existing database (a demo business: `regulars demo --customers 10000`), read through
// the loyalty service as the route reads it, median of `--runs`.
//
//   DATABASE_URL=postgres://… npx tsx bench/loyalty-report-period.bench.ts [--runs 5]

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '5'));

const config = loadConfig(process.env);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the database to read (a demo business)');
// The server's pool: a period's opening is read beside its movements, on a second connection.
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: config.databasePoolSize });
const s = createServices({ config, database, logger: silentLogger });
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const today = localDate(new Date(), config.timeZone);
const cases: [string, { from?: string; to?: string }][] = [
  ['no period', {}],
  ['the last 3 months', { from: addDaysToDate(today, -91), to: today }],
  ['a quarter a year ago', { from: addDaysToDate(today, -456), to: addDaysToDate(today, -365) }],
];
const entries = await database.db.selectFrom('loyalty_entries').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
console.log(`${entries.n} ledger entries`);
await s.loyalty.report(); // warm: the program's cache, the connections
for (const [name, query] of cases) {
  const times: number[] = [];
  let closing: number | undefined;
  for (let r = 0; r < runs; r += 1) {
    const t = performance.now();
    const report = await s.loyalty.report(query);
    times.push(performance.now() - t);
    closing = report.closing?.points;
  }
  console.log(`${name.padEnd(22)} ${median(times).toFixed(1)} ms${closing === undefined ? '' : `   (closing ${closing})`}`);
}
await database.close();
