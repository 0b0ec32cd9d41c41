import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPgDatabase, machine, ROOT, tmpDir } from './lib.ts';

// How long a `regulars` command takes from the shell's point of view: a new Node process,
// the CLI bundle loaded, the database opened (PGlite from its folder, or PostgreSQL), the
// command's work, the database closed. Each command runs `runs` times after one run that
// warms the page cache and builds the bundle; the median and the fastest run are reported,
// with the CPU seconds the process used (user + system: PGlite's WebAssembly compiles on
// other threads as well).
//
//   npx tsx bench/cli-start.bench.ts [--runs 7] [--db pglite|postgres|both] [--customers 60] [--no-bundle]
//
// The database is a small demo business (`regulars demo --customers N --years 1`): in a
// temporary PGlite folder, and in a fresh PostgreSQL database on BENCH_PG_URL's server
// (127.0.0.1:5432 as postgres by default) that is dropped afterwards. --no-bundle times
// the fallback that runs the sources through tsx (REGULARS_NO_BUNDLE=1).

export type CliDb = 'pglite' | 'postgres';

export interface CliTiming {
  db: CliDb;
  command: string;
  medianMs: number;
  minMs: number;
  /** CPU seconds (user + system) of the median run. */
  cpuMedianS: number;
}

const BIN = path.join(ROOT, 'bin/regulars.js');

/** CPU seconds of the children this process has waited for so far (Linux /proc/self/stat: cutime + cstime). */
function childrenCpuSeconds(): number {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return 0;
  }
}

function runCli(args: string[], env: Record<string, string>): { ms: number; cpu: number; stdout: string } {
  const cpuBefore = childrenCpuSeconds();
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`regulars ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: childrenCpuSeconds() - cpuBefore, stdout: r.stdout };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeCommands(db: CliDb, env: Record<string, string>, runs: number, customers: number): Promise<CliTiming[]> {
  runCli(['demo', '--customers', String(customers), '--years', '1', '--json'], env);
  const { items } = JSON.parse(runCli(['customers', 'list', '--json'], env).stdout) as { items: { id: string }[] };
  const commands = [['--help'], ['status'], ['customers', 'list'], ['loyalty', 'account', items[0].id]];
  const results: CliTiming[] = [];
  for (const args of commands) {
    runCli(args, env); // warm: the page cache, and the bundle when a source changed
    const times = Array.from({ length: runs }, () => runCli(args, env));
    const byTime = [...times].sort((a, b) => a.ms - b.ms);
    results.push({
      db,
      command: args[0] === 'loyalty' ? 'loyalty account <id>' : args.join(' '),
      medianMs: Math.round(median(times.map((t) => t.ms))),
      minMs: Math.round(byTime[0].ms),
      cpuMedianS: byTime[Math.floor(runs / 2)].cpu,
    });
  }
  return results;
}

export async function run({ runs = 7, dbs = ['pglite', 'postgres'] as CliDb[], customers = 60, bundle = true } = {}): Promise<CliTiming[]> {
  const base: Record<string, string> = { LOG_LEVEL: 'warn', ...(bundle ? {} : { REGULARS_NO_BUNDLE: '1' }) };
  const results: CliTiming[] = [];
  for (const db of dbs) {
    if (db === 'pglite') {
      const dataDir = tmpDir('regulars-cli-bench-');
      try {
        results.push(...(await timeCommands(db, { ...base, DATA_DIR: dataDir, DATABASE_URL: '' }, runs, customers)));
      } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    } else {
      const pg = await createPgDatabase('regulars_cli_bench');
      try {
        results.push(...(await timeCommands(db, { ...base, DATABASE_URL: pg.url }, runs, customers)));
      } finally {
        await pg.drop();
      }
    }
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const runs = Number(arg('runs') ?? 7);
  const db = arg('db') ?? 'both';
  const bundle = !process.argv.includes('--no-bundle');
  const dbs: CliDb[] = db === 'both' ? ['pglite', 'postgres'] : [db as CliDb];
  console.log(`Machine: ${machine()}; ${runs} runs a command after one warm-up; ${bundle ? 'the bundle' : 'no bundle (tsx)'}; \`node -e ''\` ${Math.round(median(Array.from({ length: 5 }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '']);
    return performance.now() - started;
  })))} ms`);
  for (const r of await run({ runs, dbs, customers: Number(arg('customers') ?? 60), bundle })) {
    console.log(`- ${r.db}: \`regulars ${r.command}\`: median ${r.medianMs} ms, fastest ${r.minMs} ms, ${r.cpuMedianS.toFixed(2)} CPU s`);
  }
}
