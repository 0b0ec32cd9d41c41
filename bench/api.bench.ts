import fs from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchConnection } from './http-client.ts';
import { Shoppers } from './shoppers.ts';
import { cli, cpuSecondsOf, createPgDatabase, machine, machineCpu, percentile, pgbench, postgresBackendsCpu, postgresCpuBetween, resetStatementStatistics, ROOT, schedulingOf, settleHistory, startServerProcess, tmpDir, databaseCounters, watchDisks, type DatabaseCounters, type DiskWatch, type PgbenchResult } from './lib.ts';

// Purchase ingestion through the HTTP API with the example loyalty program in force (so
// every purchase earns points, and new customers join with a sign-up bonus), a third of
// the purchases by new customers and the rest by known ones (Shoppers): 32
// concurrent clients on POST /purchases, then the batch endpoint, then 32 clients
// redeeming the cheapest reward for members who have the points (each phase of single
// requests measured after two seconds of the same requests unmeasured, the warm-up). On
// PostgreSQL next to pgbench's TPC-B as the ceiling, and on PGlite. After the load, the
// server is stopped and the CLI checks that every purchase was counted once and that the
// ledger verifies.
// Usage: npx tsx bench/api.bench.ts [--db postgres|pglite|both] [--seconds 15] [--program examples/program.json|none]
//        [--phases single,batch,redeem] (a subset to iterate on one; the warm-up always runs: it makes the members who redeem)
//        [--new-customers 0.333] (the share of measured purchases by new customers, see Shoppers; 1: every one)
//        [--base 50000] (default; purchases loaded through the batch endpoint before the warm-up, by customers of their own, then
//        VACUUM ANALYZE: the measured phases run on a database that already holds a business's data and its statistics, as in
//        production, rather than on tables growing from empty; 0 measures a brand-new database)
//        [--history 0] (purchases each base customer made before, spread over the year: with 8 most members of the example
//        program hold silver or gold, as a business of regulars' do, and each of their purchases renews their tier)
//        [--clients 32] (the single purchases' and redemptions' concurrent clients; #3's target is for 32)
//        [--pgbench-at-clients] (after the run, pgbench also with --clients clients: PostgreSQL's own latency at that concurrency)
// BENCH_ON_PHASE='perf record -a -g -o /tmp/perf.data -- sleep 10': a command started as each measured phase starts.
// BENCH_LATENCY_DIR=/tmp/lat: each measured phase's requests (start, latency, status, and the Server-Timing parts) in <dir>/<phase>.csv.

const PHASES = ['single', 'batch', 'redeem'] as const;
type Phase = (typeof PHASES)[number];

interface Options {
  db: 'postgres' | 'pglite';
  seconds: number;
  clients: number;
  /** A program document to apply first; null: no loyalty program. */
  program?: string | null;
  phases?: readonly Phase[];
  /** Purchases stored (and the tables analysed) before the warm-up. */
  base?: number;
  /** Purchases each base customer made after their first, before the warm-up. */
  history?: number;
  /** The share of the measured purchases made by new customers (Shoppers); default 1/3. */
  newCustomers?: number;
}

/** CPU microseconds per request of the server, the database's backends (PostgreSQL only) and this load generator. */
interface CpuPerRequest {
  serverUs: number;
  postgresUs: number | null;
  generatorUs: number;
  /** The rest of the machine's busy time (PostgreSQL's own processes such as the WAL writer and autovacuum, the kernel, anything else). */
  otherUs: number;
  /** The machine's busy share of all its cores during the phase: near 100 %, the cores are the limit; well below, waiting is. */
  machineBusyPercent: number;
  /** WAL bytes per request (PostgreSQL only): the database's work, unmoved by the machine's speed. */
  walBytes: number | null;
  /** PostgreSQL's shared buffers during the phase (PostgreSQL only). */
  buffers: BuffersDuring | null;
  /** The disks' writes during the phase (every process's: WAL, data pages, logs). */
  disk: DiskWatch;
  /** The server's event loop (its main thread) during the phase: shares of the phase's time it ran, and it waited, runnable, for a core. */
  eventLoop: { runningPercent: number; waitingPercent: number };
}

interface BuffersDuring {
  /** Pages asked of the kernel per request, and the share of page look-ups the buffers answered. */
  readsPerRequest: number;
  hitPercent: number;
  /** At the phase's end. */
  databaseMib: number;
  sharedBuffersMib: number;
}

/**
 * A database larger than PostgreSQL's shared buffers (128 MB by default) makes every page
 * missed a request to the kernel: the figures show when a run is in that regime, so runs on
 * databases of different sizes, or servers of different settings, are compared knowingly
 * (docs/benchmarks.md, session 26: on this machine it did not limit the purchases).
 */
function buffersDuring(before: DatabaseCounters, after: DatabaseCounters, requests: number): BuffersDuring {
  const read = after.blocksRead - before.blocksRead;
  const hit = after.blocksHit - before.blocksHit;
  return {
    readsPerRequest: Math.round((100 * read) / requests) / 100,
    hitPercent: read + hit > 0 ? Math.round((1000 * hit) / (read + hit)) / 10 : 100,
    databaseMib: Math.round(after.sizeBytes / 2 ** 20),
    sharedBuffersMib: Math.round(after.sharedBuffersBytes / 2 ** 20),
  };
}

/**
 * CPU per request as a multiple of the load generator's. On a machine whose speed drifts
 * (±25 % between runs minutes apart on the VMs of session 14), microseconds compare badly
 * across runs, but the generator runs the same code for every run of a phase, so its CPU
 * per request is a yardstick of the machine's speed at that moment. Fifteen runs of the same
 * code in session 15: the server's CPU per purchase 377–612 µs (standard deviation 17 %),
 * in these units 6.4–7.5 × (4 %); PostgreSQL's 19 % and 11 %. Read an A/B change in these
 * units, over a few alternating runs.
 */
function inGeneratorUnits(us: number, cpu: CpuPerRequest): string {
  return cpu.generatorUs > 0 ? `${(us / cpu.generatorUs).toFixed(1)} ×` : 'n/a';
}

interface LoadResult {
  perSecond: number;
  requests: number;
  /** Purchases or redemptions sent: a batch request carries many. */
  items: number;
  errors: number;
  p50: number;
  p99: number;
  /** From the replies' Server-Timing, when they carry it: [p50, p99] in ms of each part. */
  parts?: Record<'queue' | 'db' | 'server' | 'outside', [number, number]> & {
    /** The mean size of the group a request was written in (as the request saw it). */
    groupSize: number;
  };
}

// Set-up requests (adjustments, the base load) go through node:http; the measured load
// through BenchConnection (http-client.ts), which costs the shared cores far less.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, key: string, body: unknown): Promise<{ status: number; text: string }> {
  const payload = JSON.stringify(body);
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), authorization: `Bearer ${key}` } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function load({ url, key, seconds, clients, body, onResponse, name }: {
  url: string | (() => string); key: string; seconds: number; clients: number; body: () => unknown; onResponse?: (status: number, json: unknown) => void;
  /** Names the phase's file under BENCH_LATENCY_DIR. */
  name?: string;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const parts = { queue: [] as number[], db: [] as number[], server: [] as number[], outside: [] as number[] };
  // BENCH_LATENCY_DIR: every request's start (Unix time in ms, to set beside the
  // database's log) and latency, to see whether the slow ones come alone or together.
  const latencyDir = process.env.BENCH_LATENCY_DIR;
  const timelineFile = latencyDir && name ? path.join(latencyDir, `${name}.csv`) : undefined;
  const timeline: string[] = [];
  let errors = 0;
  let items = 0;
  /** Sum over the requests of the size of the group each was written in. */
  let groupSizes = 0;
  const end = Date.now() + seconds * 1000;
  const started = Date.now();
  const headers = { authorization: `Bearer ${key}` };
  await Promise.all(
    Array.from({ length: clients }, async () => {
      const target = () => new URL(typeof url === 'string' ? url : url());
      const connection = new BenchConnection(target().origin);
      try {
        while (Date.now() < end) {
          const payload = body();
          const t0 = performance.now();
          const res = await connection.post(target().pathname, headers, JSON.stringify(payload));
          const latency = performance.now() - t0;
          latencies.push(latency);
          const header = /^queue;dur=([\d.]+), db;dur=([\d.]+);desc="a group of (\d+)", total;dur=([\d.]+)/.exec(res.serverTiming ?? '');
          const timing = header ? { queue: Number(header[1]), db: Number(header[2]), groupSize: Number(header[3]), server: Number(header[4]) } : undefined;
          if (timelineFile) {
            const timed = timing ? [timing.queue, timing.db, timing.server, timing.groupSize].join(',') : ',,,';
            timeline.push(`${(performance.timeOrigin + t0).toFixed(1)},${latency.toFixed(2)},${res.status},${timed}`);
          }
          if (timing) {
            const { queue, db, server } = timing;
            groupSizes += timing.groupSize;
            parts.queue.push(queue);
            parts.db.push(db);
            parts.server.push(server);
            // Reading and answering on both sides, the network, and waiting for either process to get a core.
            parts.outside.push(latency - server);
          }
          if (res.status >= 300) errors++;
          onResponse?.(res.status, res.status < 300 ? JSON.parse(res.text) : undefined);
          items += Array.isArray((payload as { purchases?: unknown[] }).purchases) ? (payload as { purchases: unknown[] }).purchases.length : 1;
        }
      } finally {
        connection.close();
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  if (timelineFile) {
    fs.mkdirSync(path.dirname(timelineFile), { recursive: true });
    fs.writeFileSync(timelineFile, `start_unix_ms,latency_ms,status,queue_ms,db_ms,server_ms,group_size\n${timeline.join('\n')}\n`);
  }
  const p50p99 = (values: number[]): [number, number] => {
    values.sort((a, b) => a - b);
    return [+percentile(values, 50).toFixed(1), +percentile(values, 99).toFixed(1)];
  };
  const [p50, p99] = p50p99(latencies);
  const timed = parts.server.length > 0
    ? { queue: p50p99(parts.queue), db: p50p99(parts.db), server: p50p99(parts.server), outside: p50p99(parts.outside), groupSize: +(groupSizes / parts.server.length).toFixed(1) }
    : undefined;
  return { perSecond: Math.round(items / elapsed), requests: latencies.length, items, errors, p50, p99, ...(timed ? { parts: timed } : {}) };
}

type Measured = LoadResult & { cpu: CpuPerRequest };

/**
 * Stores `count` purchases (one per customer) through the batch endpoint, 4 clients of
 * 1,000, and `history` more by each of those customers, then settles them as a running
 * system's autovacuum would have by then (settleHistory). PGlite has no autovacuum and
 * plans from the tables' current size. Returns the purchases stored.
 */
async function loadBase(serverUrl: string, key: string, { count, history }: { count: number; history: number }, shoppers: Shoppers, databaseUrl: string | undefined): Promise<number> {
  let created = 0;
  // Round 0 makes the customers; each later round brings every one of them back once.
  for (let round = 0; round <= history; round++) {
    let queued = 0;
    await Promise.all(Array.from({ length: 4 }, async () => {
      while (queued < count) {
        const [from, size] = [queued, Math.min(1000, count - queued)];
        queued += size;
        const purchases = Array.from({ length: size }, (_, i) => (round === 0 ? shoppers.firstPurchase() : shoppers.repeat(from + i)));
        const res = await post(`${serverUrl}/api/v1/purchases/batch`, key, { purchases });
        if (res.status >= 300) throw new Error(`base load: ${res.status} ${res.text}`);
        created += (JSON.parse(res.text) as { created: number }).created;
      }
    }));
  }
  if (databaseUrl) await settleHistory(databaseUrl);
  return created;
}

interface RunResult {
  db: Options['db'];
  program: string | null;
  /** Each phase's result, when it ran (redeem only with a program). */
  single?: Measured;
  batch?: Measured;
  redeem?: Measured;
  serverPeakRssMb: number;
  check: { sent: number; stored: number; ledgerOk: boolean | null; members: number | null };
}

function partsLine(parts: NonNullable<LoadResult['parts']>): string {
  const [queue, db, server, outside] = (['queue', 'db', 'server', 'outside'] as const).map((k) => `${parts[k][0]} / ${parts[k][1]}`);
  return `waiting for a group ${queue}, the group's transaction ${db}, in the server ${server}, outside it ${outside}; a group of ${parts.groupSize} on average`;
}

// Without `phases` every phase runs, and the caller may count on each result.
export async function run(options: Omit<Options, 'phases'>): Promise<RunResult & { single: Measured; batch: Measured }>;
export async function run(options: Options): Promise<RunResult>;
export async function run(options: Options): Promise<RunResult> {
  const program = options.program === undefined ? path.join(ROOT, 'examples/program.json') : options.program;
  const phases = options.phases ?? PHASES;
  const pgDb = options.db === 'postgres' ? await createPgDatabase() : undefined;
  const env: Record<string, string> = pgDb ? { DATABASE_URL: pgDb.url, DATABASE_POOL_SIZE: '20' } : { DATA_DIR: tmpDir('regulars-bench-') };
  try {
    cli(['migrate'], env);
    if (program) cli(['loyalty', 'apply', program], env);
    const key = JSON.parse(cli(['keys', 'create', '--name', 'bench', '--scopes', 'read,write', '--json'], env)).key as string;
    const server = await startServerProcess(env);
    let sent = 0;
    let result;
    try {
      const run = Math.random().toString(36).slice(2, 8);
      const customers = new Set<string>();
      const collect = (_status: number, json: unknown) => {
        const id = (json as { customer_id?: string } | undefined)?.customer_id;
        if (id && customers.size < 2_000) customers.add(id);
      };
      const shoppers = new Shoppers(run, options.newCustomers ?? 1 / 3);
      if (options.base) sent += await loadBase(server.url, key, { count: options.base, history: options.history ?? 0 }, shoppers, pgDb?.url);
      // Warm-up: connections, JIT, the first customers.
      const warm = await load({ url: `${server.url}/api/v1/purchases`, key, seconds: 2, clients: options.clients, body: () => shoppers.next(), onResponse: collect });
      sent += warm.requests - warm.errors;
      // CPU per request of each process on the machine's two cores (Linux /proc).
      const dbName = pgDb ? new URL(pgDb.url).pathname.slice(1) : '';
      const withCpu = async (measure: () => Promise<LoadResult>): Promise<Measured> => {
        // Profiling (docs/benchmarks.md): pg_stat_statements then holds this phase alone.
        if (process.env.BENCH_RESET_STATEMENTS && pgDb) await resetStatementStatistics(pgDb.url);
        // bench/profile-server.ts profiles each phase on its own (a plain server would die of SIGUSR2).
        if (process.env.BENCH_PROFILE) server.child.kill('SIGUSR2');
        // BENCH_ON_PHASE: a command started (not awaited) as the phase starts, to watch it from outside (perf, vmstat).
        if (process.env.BENCH_ON_PHASE) spawn('sh', ['-c', process.env.BENCH_ON_PHASE], { stdio: 'inherit' });
        const before = { loop: schedulingOf(server.child.pid!), startedAt: performance.now(), server: cpuSecondsOf(server.child.pid!), postgres: postgresBackendsCpu(dbName), generator: process.cpuUsage(), machine: machineCpu(), database: pgDb ? await databaseCounters(pgDb.url) : undefined };
        const disks = watchDisks();
        const result = await measure();
        const disk = disks.stop();
        const loop = schedulingOf(server.child.pid!);
        const phaseMs = performance.now() - before.startedAt;
        const generator = process.cpuUsage(before.generator);
        const after = machineCpu();
        const database = pgDb ? await databaseCounters(pgDb.url) : undefined;
        const seconds = {
          server: cpuSecondsOf(server.child.pid!) - before.server,
          postgres: pgDb ? postgresCpuBetween(before.postgres, postgresBackendsCpu(dbName)) : 0,
          generator: (generator.user + generator.system) / 1e6,
          machineBusy: after.busy - before.machine.busy,
          machineIdle: after.idle - before.machine.idle,
        };
        // Per purchase (or redemption): a batch request carries 1,000.
        const perRequest = (s: number) => Math.round((s * 1e6) / result.items);
        return {
          ...result,
          cpu: {
            serverUs: perRequest(seconds.server),
            postgresUs: pgDb ? perRequest(seconds.postgres) : null,
            generatorUs: perRequest(seconds.generator),
            otherUs: perRequest(Math.max(0, seconds.machineBusy - seconds.server - seconds.postgres - seconds.generator)),
            machineBusyPercent: Math.round((100 * seconds.machineBusy) / (seconds.machineBusy + seconds.machineIdle)),
            walBytes: database && before.database ? Math.round((database.walBytes - before.database.walBytes) / result.items) : null,
            buffers: database && before.database ? buffersDuring(before.database, database, result.items) : null,
            disk,
            eventLoop: {
              runningPercent: Math.round((100 * (loop.runMs - before.loop.runMs)) / phaseMs),
              waitingPercent: Math.round((100 * (loop.waitMs - before.loop.waitMs)) / phaseMs),
            },
          },
        };
      };
      const single = phases.includes('single')
        ? await withCpu(() => load({ url: `${server.url}/api/v1/purchases`, key, seconds: options.seconds, clients: options.clients, body: () => shoppers.next(), onResponse: collect, name: 'single' }))
        : undefined;
      if (single) sent += single.requests - single.errors;
      let batch: Measured | undefined;
      if (phases.includes('batch')) {
        let batchCreated = 0;
        batch = await withCpu(() => load({
          url: `${server.url}/api/v1/purchases/batch`, key, seconds: options.seconds, clients: 4,
          body: () => ({ purchases: Array.from({ length: 1000 }, () => shoppers.next()) }),
          onResponse: (_status, json) => (batchCreated += (json as { created?: number } | undefined)?.created ?? 0), name: 'batch',
        }));
        sent += batchCreated;
      }

      // Redemptions: members given enough points for many coffees, 32 clients redeeming
      // the cheapest reward with a new key each time.
      let redeem: Measured | undefined;
      if (program && phases.includes('redeem')) {
        const members = [...customers];
        for (let i = 0; i < members.length; i += 32) {
          await Promise.all(members.slice(i, i + 32).map(async (id) => {
            const res = await post(`${server.url}/api/v1/customers/${id}/loyalty/adjustments`, key, { points: 1_000_000, reason: 'benchmark: points to redeem', idempotency_key: `bench-${id}` });
            if (res.status >= 300) throw new Error(`adjustment: ${res.status} ${res.text}`);
          }));
        }
        const catalogue = (await (await fetch(`${server.url}/api/v1/loyalty/rewards`, { headers: { authorization: `Bearer ${key}` } })).json()) as { rewards: { code: string; points: number; tiers: string[] | null; stock: number | null }[] };
        const cheapest = catalogue.rewards.filter((r) => !r.tiers && r.stock === null).sort((a, b) => a.points - b.points)[0].code;
        let r = 0;
        const redeemFor = (seconds: number, name?: string) => load({
          url: () => `${server.url}/api/v1/customers/${members[r++ % members.length]}/loyalty/redemptions`,
          key, seconds, clients: options.clients, body: () => ({ reward: cheapest, idempotency_key: `bench-${run}-${r}` }), name,
        });
        // Warm-up, as before the purchases: the redemption path's code compiled and the
        // members' pages read in after the batch phase. Without it the phase's first
        // seconds ran at half the rate of the rest, and the phase measured that start
        // (docs/benchmarks.md, session 39).
        await redeemFor(2);
        redeem = await withCpu(() => redeemFor(options.seconds, 'redeem'));
      }
      result = { db: options.db, program: program ? path.basename(program) : null, single, batch, redeem, serverPeakRssMb: server.peakRssMb() };
    } finally {
      await server.stop();
    }
    // Every accepted purchase once, and a ledger that proves itself.
    const status = JSON.parse(cli(['status', '--json'], env)) as { purchases: number };
    const verify = program ? (JSON.parse(cli(['loyalty', 'verify', '--json'], env)) as { ok: boolean; members: number; entries: number }) : undefined;
    return { ...result, check: { sent, stored: status.purchases, ledgerOk: verify?.ok ?? null, members: verify?.members ?? null } };
  } finally {
    await pgDb?.drop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const seconds = Number(arg('seconds', '15'));
  const which = arg('db', 'both');
  const programArg = arg('program', path.join(ROOT, 'examples/program.json'));
  const program = programArg === 'none' ? null : path.resolve(programArg);
  const phases = arg('phases', PHASES.join(',')).split(',') as Phase[];
  const base = Number(arg('base', '50000'));
  const newCustomers = Number(arg('new-customers', String(1 / 3)));
  const history = Number(arg('history', '0'));
  if (!(Number.isInteger(history) && history >= 0)) throw new Error(`--history: a whole number from 0, not ${arg('history', '')}`);
  const clients = Number(arg('clients', '32'));
  if (!(Number.isInteger(clients) && clients >= 1)) throw new Error(`--clients: a whole number from 1, not ${arg('clients', '')}`);
  const atClientsToo = process.argv.includes('--pgbench-at-clients');
  if (!(newCustomers >= 0 && newCustomers <= 1)) throw new Error(`--new-customers: a share from 0 to 1, not ${arg('new-customers', '')}`);
  const unknown = phases.filter((p) => !PHASES.includes(p));
  if (unknown.length > 0) throw new Error(`--phases: unknown ${unknown.join(', ')} (known: ${PHASES.join(', ')})`);
  const dbs = which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite'];
  const cpuLine = (cpu: CpuPerRequest) =>
    `server ${cpu.serverUs} µs${cpu.postgresUs === null ? ' (the database included)' : `, PostgreSQL ${cpu.postgresUs} µs`}, load generator ${cpu.generatorUs} µs, ` +
    `the rest ${cpu.otherUs} µs; the machine ${cpu.machineBusyPercent} % busy${cpu.walBytes === null ? '' : `; WAL ${cpu.walBytes} bytes`}\n` +
    `    in load generator units: server ${inGeneratorUnits(cpu.serverUs, cpu)}${cpu.postgresUs === null ? '' : `, PostgreSQL ${inGeneratorUnits(cpu.postgresUs, cpu)}`}\n` +
    `    disk: ${(cpu.disk.writtenBytes / 1e6).toFixed(0)} MB written in ${cpu.disk.writes} writes of ${cpu.disk.meanWriteMs.toFixed(1)} ms on average; ` +
    `stalled (writes over 20 ms on average) in ${cpu.disk.stalledWindows} of ${cpu.disk.windows} quarter-seconds, the worst ${cpu.disk.worstWindowMs.toFixed(0)} ms\n` +
    `    the server's event loop: running ${cpu.eventLoop.runningPercent} % of the phase, waiting for a core ${cpu.eventLoop.waitingPercent} %` +
    (cpu.buffers
      ? `\n    PostgreSQL's buffers: ${cpu.buffers.hitPercent} % of page look-ups hit, ${cpu.buffers.readsPerRequest} pages read a request; the database ${cpu.buffers.databaseMib} MiB, shared_buffers ${cpu.buffers.sharedBuffersMib} MiB`
      : '');
  console.log(`Machine: ${machine()}; program: ${program ? path.relative(ROOT, program) : 'none'}; phases: ${phases.join(', ')}; base: ${base} customers with ${history + 1} purchases each; new customers: ${(newCustomers * 100).toFixed(0)} % of the measured purchases`);
  for (const db of dbs) {
    // pgbench is the ceiling of the single-purchase phase, measured just before and just
    // after the run: the machine's speed drifts over minutes, and the mean of the two
    // brackets the run better than either. A run without that phase skips it.
    const ceiling = db === 'postgres' && phases.includes('single');
    const before = ceiling ? await pgbench({ seconds }) : undefined;
    const r = await run({ db, seconds, clients, program, phases, base, history, newCustomers });
    const after = ceiling ? await pgbench({ seconds }) : undefined;
    const atClients = ceiling && atClientsToo ? await pgbench({ seconds, clients }) : undefined;
    console.log(`\n${db}:`);
    const latency = (p: PgbenchResult) => `p50 ${p.p50Ms} ms, p99 ${p.p99Ms} ms`;
    if (before && after) console.log(`  pgbench TPC-B, 8 clients: ${Math.round(before.tps)} tps before the run (${latency(before)}), ${Math.round(after.tps)} after (${latency(after)})`);
    if (atClients) console.log(`  pgbench TPC-B, ${clients} clients, after the run: ${Math.round(atClients.tps)} tps, ${latency(atClients)}`);
    if (r.single) {
      const ratio = before && after ? ` = ${(r.single.perSecond / ((before.tps + after.tps) / 2)).toFixed(2)} × pgbench (the mean)` : '';
      console.log(`  POST /purchases, ${clients} clients: ${r.single.perSecond} purchases/s${ratio}, p50 ${r.single.p50} ms, p99 ${r.single.p99} ms, ${r.single.errors} errors`);
      console.log(`    CPU per purchase: ${cpuLine(r.single.cpu)}`);
      if (r.single.parts) console.log(`    where the time went (Server-Timing), p50 / p99 ms: ${partsLine(r.single.parts)}`);
    }
    if (r.batch) {
      console.log(`  POST /purchases/batch (1,000 per request, 4 clients): ${r.batch.perSecond} purchases/s, p50 ${r.batch.p50} ms, p99 ${r.batch.p99} ms, ${r.batch.errors} errors`);
      console.log(`    CPU per purchase: ${cpuLine(r.batch.cpu)}`);
    }
    if (r.redeem) {
      console.log(`  POST /customers/{id}/loyalty/redemptions, ${clients} clients: ${r.redeem.perSecond}/s, p50 ${r.redeem.p50} ms, p99 ${r.redeem.p99} ms, ${r.redeem.errors} errors`);
      console.log(`    CPU per redemption: ${cpuLine(r.redeem.cpu)}`);
      if (r.redeem.parts) console.log(`    where the time went (Server-Timing), p50 / p99 ms: ${partsLine(r.redeem.parts)}`);
    }
    console.log(`  server peak memory: ${r.serverPeakRssMb} MB`);
    console.log(`  check: ${r.check.sent} purchases accepted, ${r.check.stored} stored${r.check.ledgerOk === null ? '' : `; loyalty verify ${r.check.ledgerOk ? 'ok' : 'FAILED'} (${r.check.members} members)`}`);
  }
}
