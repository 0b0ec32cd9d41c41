import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { importFile } from '../src/workflows/import-file.ts';
import { cpuSecondsOf, createPgDatabase, machine, postgresBackendsCpu, postgresCpuBetween, tmpDir } from './lib.ts';

// CSV import of purchases: a synthetic canonical file (N rows, N/3 customers), imported
// once; rows/s for the validation pass and the import pass, and the whole. With
// --program, a loyalty program is in force and every row earns points (the ledger is
// verified after). The store's totals are checked against the file. With --refunds N, a
// file of N refunds is imported after it, and its rows/s reported: a day's returns as a
// till lists them, customer after customer (a customer's refunds one after another, as in
// a tester's file whose refunds then waited for each other's lock), 1.00 of each of their
// purchases and, of every third purchase, then the rest (an empty amount); the revenue is
// checked to have fallen by what the file refunds.
// Usage: npx tsx bench/import.bench.ts [--rows 200000] [--db postgres|pglite|both] [--program examples/program.json] [--refunds 20000]

function writeCsv(rows: number): string {
  const file = path.join(tmpDir('regulars-import-bench-'), 'purchases.csv');
  const out = fs.createWriteStream(file);
  out.write('external_id,customer_external_id,customer_email,occurred_at,channel,total,discount,promo_code\n');
  const customers = Math.max(1, Math.floor(rows / 3));
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    const c = (i * 7919) % customers;
    const day = new Date(Date.UTC(2024, 0, 1) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
    buffer += `o-${i},card-${c},c${c}@example.com,${day},in_store,${(i % 80) + 2}.${String(i % 100).padStart(2, '0')},0.00,${i % 13 === 0 ? 'WELCOME10' : ''}\n`;
    if (buffer.length > 1 << 20) {
      out.write(buffer);
      buffer = '';
    }
  }
  out.end(buffer);
  return file;
}

/** The refunds file (see above): its text and the revenue it takes back, in cents. */
function refundsCsv(rows: number, count: number): { text: string; refundedMinor: number } {
  const customers = Math.max(1, Math.floor(rows / 3));
  const purchasesOf = Array.from({ length: customers }, () => [] as number[]);
  for (let i = 0; i < rows; i++) purchasesOf[(i * 7919) % customers].push(i);
  const totalMinor = (i: number) => ((i % 80) + 2) * 100 + (i % 100);
  const lines = ['purchase,external_id,amount'];
  let refundedMinor = 0;
  for (const i of purchasesOf.flat()) {
    if (lines.length > count) break;
    lines.push(`o-${i},r-${i},1.00`);
    refundedMinor += 100;
    if (i % 3 === 0 && lines.length <= count) {
      lines.push(`o-${i},r-${i}-rest,`);
      refundedMinor += totalMinor(i) - 100;
    }
  }
  return { text: lines.join('\n'), refundedMinor };
}

/** Refunds a file of refunds costs, after the purchases are in: rows/s over the whole import, and CPU per refund (`cpu`: this process's CPU seconds and the database backends', as run reads them). */
async function importRefunds(services: ReturnType<typeof createServices>, dir: string, { rows, count, cpu, postgres }: {
  rows: number; count: number; cpu: () => { node: number; postgres: Map<number, number> }; postgres: boolean;
}) {
  const file = path.join(dir, 'refunds.csv');
  const { text, refundedMinor } = refundsCsv(rows, count);
  fs.writeFileSync(file, text);
  const before = Number((await services.commerce.totals()).revenue);
  const cpuBefore = cpu();
  const started = Date.now();
  const result = await importFile(services, { kind: 'refunds', file });
  const seconds = (Date.now() - started) / 1000;
  const cpuAfter = cpu();
  const after = Number((await services.commerce.totals()).revenue);
  if (result.created !== count || Math.round((before - after) * 100) !== refundedMinor) throw new Error(`refunds: ${result.created} created of ${count}, revenue ${before} → ${after}`);
  const perRefund = (s: number) => Math.round((s * 1e6) / count);
  return {
    count, perSecond: Math.round(count / seconds), seconds: +seconds.toFixed(1),
    cpu: { node: perRefund(cpuAfter.node - cpuBefore.node), postgres: postgres ? perRefund(postgresCpuBetween(cpuBefore.postgres, cpuAfter.postgres)) : null },
  };
}

export async function run({ rows, db, program, refunds = 0 }: { rows: number; db: 'postgres' | 'pglite'; program?: string; refunds?: number }) {
  const file = writeCsv(rows);
  await new Promise((r) => setTimeout(r, 200));
  const pg = db === 'postgres' ? await createPgDatabase() : undefined;
  const database = await openDatabase(pg ? { databaseUrl: pg.url, poolSize: 4 } : {});
  try {
    await migrateToLatest(database.db);
    const services = createServices({ config: loadConfig({}), database, logger: silentLogger });
    if (program) await services.loyalty.applyProgram({ program: JSON.parse(fs.readFileSync(program, 'utf8')) }, { actor: 'bench' });
    const phases: Record<string, number> = {};
    // CPU per row of this process and of the database's backends, per phase (Linux /proc).
    const dbName = pg ? new URL(pg.url).pathname.slice(1) : '';
    const cpu: Record<string, { node: number; postgres: number | null }> = {};
    const cpuNow = () => ({ node: cpuSecondsOf(process.pid), postgres: pg ? postgresBackendsCpu(dbName) : new Map<number, number>() });
    let cpuSince = cpuNow();
    const endPhase = (name: string) => {
      const now = cpuNow();
      const perRow = (seconds: number) => Math.round((seconds * 1e6) / rows);
      cpu[name] = { node: perRow(now.node - cpuSince.node), postgres: pg ? perRow(postgresCpuBetween(cpuSince.postgres, now.postgres)) : null };
      cpuSince = now;
    };
    let phase = '';
    let since = Date.now();
    const started = Date.now();
    const result = await importFile(services, {
      kind: 'purchases',
      file,
      onProgress: (p) => {
        if (p.phase !== phase) {
          if (phase) {
            phases[phase] = Date.now() - since;
            endPhase(phase);
          }
          phase = p.phase;
          since = Date.now();
        }
      },
    });
    phases[phase] = Date.now() - since;
    endPhase(phase);
    const total = Date.now() - started;
    const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
    const totals = await services.commerce.totals();
    if (totals.purchases !== rows || result.created !== rows) throw new Error(`imported ${result.created}, stored ${totals.purchases}, file ${rows}`);
    const refunded = refunds > 0 ? await importRefunds(services, path.dirname(file), { rows, count: Math.min(refunds, rows), cpu: cpuNow, postgres: Boolean(pg) }) : undefined;
    const ledger = program ? await services.loyalty.verify() : undefined;
    if (ledger && !ledger.ok) throw new Error(`loyalty verify failed: ${JSON.stringify(ledger.problems.slice(0, 3))}`);
    return { refunded, db, rows, created: result.created, validatePerSecond: Math.round(rows / (phases.validate / 1000)), importPerSecond: Math.round(rows / (phases.import / 1000)), overallPerSecond: Math.round(rows / (total / 1000)), seconds: +(total / 1000).toFixed(1), rssMb: rss, cpu };
  } finally {
    await database.close();
    await pg?.drop();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name: string, fallback: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const rows = Number(arg('rows', '200000'));
  const which = arg('db', 'both');
  const program = process.argv.includes('--program') ? path.resolve(arg('program', '')) : undefined;
  const refunds = Number(arg('refunds', '0'));
  console.log(`Machine: ${machine()}${program ? `; program ${path.basename(program)}` : ''}`);
  for (const db of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite']) {
    const r = await run({ rows, db, program, refunds });
    console.log(`- ${db}: CSV import of ${rows.toLocaleString('en')} purchases${program ? ' (with accrual)' : ''}: **${r.overallPerSecond} rows/s** overall (${r.seconds} s; validation pass ${r.validatePerSecond} rows/s, import pass ${r.importPerSecond} rows/s), process RSS ${r.rssMb} MB`);
    const us = (c: { node: number; postgres: number | null }) => `Node ${c.node} µs${c.postgres === null ? ' (database included)' : `, PostgreSQL ${c.postgres} µs`}`;
    console.log(`  CPU per row: validation pass ${us(r.cpu.validate)}; import pass ${us(r.cpu.import)}`);
    if (r.refunded) console.log(`  then ${r.refunded.count.toLocaleString('en')} refunds from a CSV file: **${r.refunded.perSecond} rows/s** (${r.refunded.seconds} s)${program ? ', points taken back' : ''}; CPU per refund ${us(r.refunded.cpu)}`);
  }
}
