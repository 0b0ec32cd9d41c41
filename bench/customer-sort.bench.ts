import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/index.ts';
import { SORTS } from '../src/modules/customers/index.ts';
import { createServices } from '../src/services.ts';
import { silentLogger } from '../src/shared/logger.ts';

// The customers list's page time in every sort (GET /customers?sort=…), on an existing
// database (a demo business: `regulars demo --customers 100000`), read through the
// customer service as the route reads it: the first page, and the page after 20 pages
// (followed by cursor), 50 customers each, median of `--runs`.
//
//   DATABASE_URL=postgres://… npx tsx bench/customer-sort.bench.ts [--runs 5] [--filters tag=vip]

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const runs = Number(arg('runs', '5'));
const filters = Object.fromEntries(new URLSearchParams(arg('filters', '')));

const config = loadConfig(process.env);
if (!process.env.DATABASE_URL) throw new Error('DATABASE_URL: the database to read (a demo business)');
const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
const s = createServices({ config, database, logger: silentLogger });
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const value = await f();
  return [performance.now() - t, value];
}

for (const sort of SORTS) {
  const first: number[] = [];
  const deep: number[] = [];
  for (let r = 0; r < runs; r += 1) {
    const [ms, page] = await timed(() => s.customers.search({ ...filters, sort, limit: 50 }));
    first.push(ms);
    let cursor = page.next_cursor;
    for (let i = 0; i < 19 && cursor; i += 1) cursor = (await s.customers.search({ ...filters, sort, limit: 50, cursor })).next_cursor;
    if (cursor) deep.push((await timed(() => s.customers.search({ ...filters, sort, limit: 50, cursor })))[0]);
  }
  console.log(`${sort.padEnd(18)} first page ${median(first).toFixed(1)} ms   page 21 ${deep.length ? median(deep).toFixed(1) : '—'} ms`);
}
await database.close();
