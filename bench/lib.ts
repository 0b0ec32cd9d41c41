import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

// Shared pieces of the benchmarks: a throw-away PostgreSQL database, a server in a child
// process (so the load generator does not share its event loop), latency percentiles.

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const ROOT = path.resolve(import.meta.dirname, '..');

export async function createPgDatabase(prefix = 'regulars_bench'): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  // The server talks to PostgreSQL over its Unix socket when there is one, as a
  // single-machine deployment should: loopback TCP costs far more per query here.
  const socket = '/var/run/postgresql';
  if (!process.env.BENCH_PG_URL && fs.existsSync(`${socket}/.s.PGSQL.5432`)) url.searchParams.set('host', socket);
  return {
    url: url.toString(),
    drop: async () => {
      // BENCH_KEEP_DB: left for a look afterwards (EXPLAIN, pg_stat_user_tables); its name is printed.
      if (process.env.BENCH_KEEP_DB) return void console.error(`kept database ${name}`);
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Empties pg_stat_statements so that it holds what follows alone (BENCH_RESET_STATEMENTS). */
export async function resetStatementStatistics(databaseUrl: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await c.query('SELECT pg_stat_statements_reset()');
  } catch (error) {
    throw new Error(`BENCH_RESET_STATEMENTS needs a PostgreSQL server started with shared_preload_libraries = 'pg_stat_statements' (point BENCH_PG_URL at one): ${(error as Error).message}`);
  } finally {
    await c.end();
  }
}

/**
 * Brings a benchmark's freshly loaded history to the state a running system's autovacuum
 * keeps it in: analysed, so the plans are those of a business's database rather than of
 * tables grown from empty (prepared statements keep theirs until the next ANALYZE), and
 * vacuumed, so a business's older rows sit on all-visible pages and the sums over a
 * member's lots and purchases read their indexes alone (autovacuum visits tables after
 * inserts too; the ledger and the purchases after 1 % of new rows, migration 0010).
 * `vacuum: false` analyses only: a history autovacuum has not reached yet, each lot and
 * purchase a table page (docs/benchmarks.md, session 29).
 */
export async function settleHistory(databaseUrl: string, { vacuum = true }: { vacuum?: boolean } = {}): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    await c.query(vacuum ? 'VACUUM ANALYZE' : 'ANALYZE');
  } finally {
    await c.end();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

export function cli(args: string[], env: Record<string, string>): string {
  return execFileSync(path.join(ROOT, 'bin/regulars.js'), args, { env: { ...process.env, ...env }, encoding: 'utf8' });
}

export async function startServerProcess(env: Record<string, string>): Promise<{ url: string; child: ChildProcess; peakRssMb(): number; stop(): Promise<void> }> {
  const port = await freePort();
  // BENCH_PROFILE: the server runs in bench/profile-server.ts, which profiles each phase it is told of.
  // BENCH_SERVER_CMD (say `node --max-semi-space-size=64 bin/regulars.js serve`) runs through a
  // shell that `exec`s it, so the process stopped at the end is the server, not the shell
  // (a shell left in between kept the server and its output pipe alive: the bench waited forever).
  const custom = process.env.BENCH_SERVER_CMD?.trim();
  const [command, args] = process.env.BENCH_PROFILE
    ? [process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench/profile-server.ts')]]
    : custom
      ? ['sh', ['-c', custom.startsWith('exec ') ? custom : `exec ${custom}`]]
      : [path.join(ROOT, 'bin/regulars.js'), ['serve']];
  const child = spawn(command, args, { env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    peakRssMb: () => {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)![1]) / 1024);
    },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
export function cpuSecondsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by each PostgreSQL backend connected to one database (their
 * title names it), by process id. Compare two readings with postgresCpuBetween: a plain
 * sum would drop the seconds of a backend that closed in between (the pool closes idle
 * connections) and could even come out negative.
 */
export function postgresBackendsCpu(database: string): Map<number, number> {
  const backends = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.startsWith('postgres') && cmdline.includes(` ${database} `)) backends.set(Number(entry), cpuSecondsOf(Number(entry)));
    } catch {
      /* gone meanwhile */
    }
  }
  return backends;
}

/**
 * Milliseconds a process's main thread has run on a core and has waited, runnable, for
 * one (Linux /proc/<pid>/schedstat; zeros elsewhere); a Node server's main thread is its
 * event loop. On two shared cores a thread that is never idle can still be slow: it waits
 * for the core the database or the load generator holds.
 */
export function schedulingOf(pid: number): { runMs: number; waitMs: number } {
  try {
    const [run, wait] = fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
    return { runMs: run / 1e6, waitMs: wait / 1e6 };
  } catch {
    return { runMs: 0, waitMs: 0 };
  }
}

/** CPU seconds the backends used between two readings (a backend closed meanwhile had been idle since its last reading). */
export function postgresCpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** What PostgreSQL has done so far, read before and after a phase. */
export interface DatabaseCounters {
  /** Bytes written to the WAL (all databases): per purchase, a measure of the database's work that the machine's speed does not move. */
  walBytes: number;
  /**
   * Pages of this database that a backend found in PostgreSQL's shared buffers (hit) or had
   * to ask the kernel for (read: from the page cache or the disk, a system call each, and
   * often a dirty buffer written out to make room). Backends report these at the end of a
   * transaction, at most once a second, so a phase's figures are off by about a second's
   * worth at each end.
   */
  blocksHit: number;
  blocksRead: number;
  /** The database's size, and the shared buffers it competes for. */
  sizeBytes: number;
  sharedBuffersBytes: number;
}

export async function databaseCounters(databaseUrl: string): Promise<DatabaseCounters> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (await client.query<Record<keyof DatabaseCounters, string>>(`
      SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::text AS "walBytes",
             blks_hit::text AS "blocksHit", blks_read::text AS "blocksRead",
             pg_database_size(current_database())::text AS "sizeBytes",
             (SELECT setting::bigint * pg_size_bytes(unit) FROM pg_settings WHERE name = 'shared_buffers')::text AS "sharedBuffersBytes"
      FROM pg_stat_database WHERE datname = current_database()`)).rows[0];
    return { walBytes: Number(row.walBytes), blocksHit: Number(row.blocksHit), blocksRead: Number(row.blocksRead), sizeBytes: Number(row.sizeBytes), sharedBuffersBytes: Number(row.sharedBuffersBytes) };
  } finally {
    await client.end();
  }
}

/** The machine's CPU time so far, busy and idle, in seconds (Linux /proc/stat; iowait counts as idle). */
export function machineCpu(): { busy: number; idle: number } {
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq + steal) / 100, idle: (idle + iowait) / 100 };
}

/** The machine's whole disks (partitions are counted in their disk), as /proc/diskstats names them. */
const wholeDisks = () => new Set(fs.readdirSync('/sys/block').filter((d) => !/^(loop|ram|zram)/.test(d)));

/** These disks' write counters so far (Linux /proc/diskstats): writes completed, sectors written, milliseconds the writes took. */
function diskWrites(disks: Set<string>): { writes: number; bytes: number; ms: number } {
  let writes = 0, sectors = 0, ms = 0;
  for (const line of fs.readFileSync('/proc/diskstats', 'utf8').split('\n')) {
    const f = line.trim().split(/\s+/);
    if (!disks.has(f[2])) continue;
    writes += Number(f[7]);
    sectors += Number(f[9]);
    ms += Number(f[10]);
  }
  return { writes, bytes: sectors * 512, ms };
}

export interface DiskWatch {
  writtenBytes: number;
  writes: number;
  /** Milliseconds a write took on average, the whole phase. */
  meanWriteMs: number;
  windows: number;
  /** Quarter-seconds whose writes took over 20 ms on average: the disk stalled, and every commit of that moment waited. */
  stalledWindows: number;
  worstWindowMs: number;
}

/**
 * Watches the disks' writes every quarter-second until stopped. On the VMs these
 * benchmarks run on, a write (a commit's WAL flush among them) usually takes a few
 * milliseconds, but now and then the virtual disk takes 50–100 ms for every write of a
 * moment: then every transaction in flight waits at its commit, whatever the code, and
 * such moments make a run's p99 (docs/benchmarks.md, session 20).
 */
export function watchDisks(intervalMs = 250): { stop(): DiskWatch } {
  const disks = wholeDisks();
  const first = diskWrites(disks);
  let last = first;
  let windows = 0, stalledWindows = 0, worstWindowMs = 0;
  const timer = setInterval(() => {
    const now = diskWrites(disks);
    const writes = now.writes - last.writes;
    const meanMs = writes > 0 ? (now.ms - last.ms) / writes : 0;
    windows++;
    if (meanMs > 20) stalledWindows++;
    worstWindowMs = Math.max(worstWindowMs, meanMs);
    last = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const end = diskWrites(disks);
      const writes = end.writes - first.writes;
      return { writtenBytes: end.bytes - first.bytes, writes, meanWriteMs: writes > 0 ? (end.ms - first.ms) / writes : 0, windows, stalledWindows, worstWindowMs };
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface PgbenchResult {
  tps: number;
  /** Per-transaction latency (pgbench's log): the machine's own tail, beside which a p99 target is read. */
  p50Ms: number;
  p99Ms: number;
}

/**
 * pgbench TPC-B (scale 10): with 8 clients, the ceiling this machine's PostgreSQL reaches;
 * with the benchmark's own client count, what PostgreSQL alone does to latency there.
 */
export async function pgbench({ seconds = 15, clients = 8 } = {}): Promise<PgbenchResult> {
  const db = await createPgDatabase('regulars_pgbench');
  const logs = tmpDir('regulars-pgbench-');
  try {
    execFileSync('pgbench', ['-i', '-q', '-s', '10', db.url], { stdio: 'ignore' });
    const out = execFileSync('pgbench', ['-c', String(clients), '-j', '2', '-T', String(seconds), '-l', `--log-prefix=${path.join(logs, 'log')}`, db.url], { encoding: 'utf8' });
    // Each log line: client, transaction, latency in µs, script, epoch seconds, µs.
    const latencies: number[] = [];
    for (const file of fs.readdirSync(logs)) {
      for (const line of fs.readFileSync(path.join(logs, file), 'utf8').split('\n')) {
        const us = Number(line.split(' ')[2]);
        if (line && Number.isFinite(us)) latencies.push(us / 1000);
      }
    }
    latencies.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return { tps: Number(/tps = ([\d.]+)/.exec(out)![1]), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
  } finally {
    fs.rmSync(logs, { recursive: true, force: true });
    await db.drop();
  }
}

// With the time since boot: in its first minutes a fresh machine of this kind ran every
// process on half as much CPU again (session 62, docs/benchmarks.md), so a figure measured
// then says more of the machine settling than of the code.
export const machine = () => `${os.cpus().length} cores, ${Math.round(os.totalmem() / 1024 ** 3)} GiB, Node ${process.version}, up ${Math.round(os.uptime() / 60)} min`;

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
