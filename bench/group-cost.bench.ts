import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { systemClock } from '../src/shared/clock.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { recordPurchases } from '../src/workflows/record-purchases.ts';
import { createPgDatabase, machine, ROOT, settleHistory } from './lib.ts';
import { Shoppers } from './shoppers.ts';

// What a group of purchases costs, by its size. The API writes concurrent purchases in
// groups (group commit), and a group costs a fixed part (its transaction, a dozen
// statements, two round trips) plus a part per purchase; which of the two to cut, and
// whether smaller groups (more of them in flight) could pay, is read here rather than in
// the API benchmark, whose figures move by ±20 % from run to run on this VM. The purchase
// path as POST /purchases runs it (validation, recordPurchases with the answers' views),
// without HTTP, on one connection, one group at a time; the sizes take turns, round after
// round, so a drift of the machine's speed touches them all alike. Reported per size: CPU a
// purchase and a group of this process's main thread, of its other threads (V8's
// collector and compiler), and of its PostgreSQL backend (from /proc, so Linux only), the
// wall time a group, and the fixed and per-purchase parts (a least-squares line over the
// sizes). The customers and purchases are the API benchmark's (shoppers.ts): a base of
// 10,000, a third of the measured purchases by new customers.
//
//   npx tsx bench/group-cost.bench.ts [--sizes 1,4,16,64] [--purchases 3000]

const BASE = 10_000;

interface SizeCost {
  size: number;
  groups: number;
  /** µs a purchase */
  mainThread: number;
  otherThreads: number;
  postgres: number;
  /** ms a group */
  wall: number;
}

export async function run({ sizes, purchases }: { sizes: number[]; purchases: number }) {
  const pg = await createPgDatabase('regulars_group_bench');
  const database = await openDatabase({ databaseUrl: pg.url, poolSize: 1 });
  try {
    await migrateToLatest(database.db);
    const config = loadConfig({ DATABASE_URL: pg.url, CURRENCY: 'EUR', TIMEZONE: 'Europe/Ljubljana' });
    const s = createServices({ config, database, clock: systemClock, logger: silentLogger });
    await s.loyalty.applyProgram({ program: JSON.parse(fs.readFileSync(`${ROOT}/examples/program.json`, 'utf8')), effective_from: '2020-01-01T00:00:00Z' }, { actor: 'bench' });

    const shoppers = new Shoppers('group', 1 / 3);
    for (let i = 0; i < BASE; i += 1000) {
      const outcomes = await recordPurchases(s, Array.from({ length: 1000 }, () => shoppers.firstPurchase()), { source: 'bench', withViews: false });
      const failed = outcomes.find((o) => o.status === 'error');
      if (failed?.status === 'error') throw failed.error;
    }
    await settleHistory(pg.url);
    const { rows: [{ pid }] } = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(s.db);

    const group = async (size: number) => {
      const inputs = Array.from({ length: size }, () => shoppers.next());
      const prepared = await s.commerce.prepare(inputs, 'api');
      const outcomes = await recordPurchases(s, inputs, { source: 'api', prepared });
      const failed = outcomes.find((o) => o.status !== 'created');
      if (failed) throw new Error(`a purchase was not created: ${JSON.stringify(failed)}`);
    };
    // Warm: the code paths compiled, the statements prepared, at every size.
    for (let i = 0; i < 20; i++) for (const size of sizes) await group(size);

    const totals = new Map(sizes.map((size) => [size, { groups: 0, main: 0, other: 0, postgres: 0, wall: 0 }]));
    // A turn is some 64 purchases at each size (one group of a larger size).
    const rounds = Math.max(1, Math.ceil(purchases / Math.max(64, ...sizes)));
    for (let r = 0; r < rounds; r++) {
      for (const size of sizes) {
        // A small size runs several groups a turn, so that each turn spans enough of the
        // kernel's CPU accounting (10 ms ticks) to be read.
        const groups = Math.max(1, Math.round(64 / size));
        const before = { threads: threadCpu(), postgres: processCpu(pid), at: performance.now() };
        for (let g = 0; g < groups; g++) await group(size);
        const threads = threadCpu();
        const t = totals.get(size)!;
        t.groups += groups;
        t.wall += performance.now() - before.at;
        t.postgres += processCpu(pid) - before.postgres;
        t.main += threads.main - before.threads.main;
        t.other += threads.other - before.threads.other;
      }
    }
    const costs: SizeCost[] = sizes.map((size) => {
      const t = totals.get(size)!;
      const n = t.groups * size;
      return { size, groups: t.groups, mainThread: t.main / n, otherThreads: t.other / n, postgres: t.postgres / n, wall: t.wall / t.groups };
    });
    const fit = sizes.length > 1 ? { server: fitLine(costs, (c) => c.mainThread + c.otherThreads), postgres: fitLine(costs, (c) => c.postgres) } : null;
    return { costs, fit };
  } finally {
    await database.close();
    await pg.drop();
  }
}

/** The fixed part a group (µs) and the part a purchase (µs), from the CPU a group at each size (two sizes at least). */
function fitLine(costs: SizeCost[], perPurchase: (c: SizeCost) => number): { fixed: number; each: number } {
  const points = costs.map((c) => ({ x: c.size, y: perPurchase(c) * c.size }));
  const mx = points.reduce((a, p) => a + p.x, 0) / points.length;
  const my = points.reduce((a, p) => a + p.y, 0) / points.length;
  const sxx = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  const each = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0) / sxx;
  return { fixed: my - each * mx, each };
}

const TICK_US = 1e6 / 100; // /proc counts CPU in clock ticks of 10 ms (USER_HZ 100 on Linux)

/** User and system CPU of a process or thread, in µs, from its stat file. */
function statCpu(statPath: string): number {
  const raw = fs.readFileSync(statPath, 'utf8');
  const fields = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_US;
}

const processCpu = (pid: number) => statCpu(`/proc/${pid}/stat`);

/** This process's CPU: its main thread (the event loop) and all the others. */
function threadCpu(): { main: number; other: number } {
  let main = 0;
  let other = 0;
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const cpu = statCpu(`/proc/self/task/${tid}/stat`);
    if (Number(tid) === process.pid) main = cpu;
    else other += cpu;
  }
  return { main, other };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = [...new Set((arg('sizes') ?? '1,4,16,64').split(',').map(Number))];
  const purchases = Number(arg('purchases') ?? 3000);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes: whole numbers of purchases a group, at least 1, separated by commas');
  if (!Number.isInteger(purchases) || purchases < 1) throw new Error('--purchases: a whole number of purchases to measure at each size, at least 1');
  console.log(`Machine: ${machine()}; PostgreSQL; the purchase path without HTTP, one connection, ${purchases} purchases at each group size`);
  const { costs, fit } = await run({ sizes, purchases });
  console.log('| purchases a group | server main thread µs a purchase | server other threads | PostgreSQL | wall ms a group |');
  console.log('|---|---|---|---|---|');
  for (const c of costs) console.log(`| ${c.size} | ${c.mainThread.toFixed(0)} | ${c.otherThreads.toFixed(0)} | ${c.postgres.toFixed(0)} | ${c.wall.toFixed(2)} |`);
  if (fit) console.log(`A group's fixed part: server ${(fit.server.fixed / 1000).toFixed(2)} ms, PostgreSQL ${(fit.postgres.fixed / 1000).toFixed(2)} ms; then a purchase: server ${fit.server.each.toFixed(0)} µs, PostgreSQL ${fit.postgres.each.toFixed(0)} µs`);
}
