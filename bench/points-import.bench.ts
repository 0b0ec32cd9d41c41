import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { migrateToLatest, openDatabase } from '../src/db/index.ts';
import { createServices } from '../src/services.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { importFile } from '../src/workflows/import-file.ts';
import { createPgDatabase, machine, tmpDir } from './lib.ts';

// CSV import of opening points balances (kind points, points-pass.ts): a synthetic file of N
// rows for N/2 members the import creates — each member's credit of 100 in the first half,
// and a debit of 30 in the second (so every debit is checked against the credit before it).
// Times the validation pass and the import pass apart; checks the totals and the ledger's proof.
// Usage: npx tsx bench/points-import.bench.ts [--rows 2000] [--db postgres|pglite|both]

function writeCsv(rows: number): string {
  const file = path.join(tmpDir('regulars-points-bench-'), 'points.csv');
  const members = Math.max(1, Math.floor(rows / 2));
  const lines = ['email,points,reason'];
  for (let i = 0; i < rows; i++) lines.push(`m${i % members}@example.com,${i < members ? 100 : -30},${i < members ? 'Smile.io balance' : ''}`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

export async function run({ rows, db }: { rows: number; db: 'postgres' | 'pglite' }) {
  const file = writeCsv(rows);
  const pg = db === 'postgres' ? await createPgDatabase() : undefined;
  const database = await openDatabase(pg ? { databaseUrl: pg.url, poolSize: 4 } : {});
  try {
    await migrateToLatest(database.db);
    const services = createServices({ config: loadConfig({}), database, logger: silentLogger });
    await services.loyalty.applyProgram({ program: { name: 'Bench', enrolment: 'automatic', earning: { points_per_currency_unit: 1 }, bonuses: { sign_up: 50 } } }, { actor: 'bench' });
    const phases: Record<string, number> = {};
    let phase = '';
    let since = Date.now();
    const started = Date.now();
    const result = await importFile(services, {
      kind: 'points',
      file,
      onProgress: (p) => {
        if (p.phase === phase) return;
        if (phase) phases[phase] = Date.now() - since;
        phase = p.phase;
        since = Date.now();
      },
    });
    phases[phase] = Date.now() - since;
    const total = Date.now() - started;
    const members = Math.floor(rows / 2);
    const expected = { members, credited: members * 100, debited: (rows - members) * 30 };
    const { members: m, credited, debited } = result.points ?? {};
    if (result.created !== rows || JSON.stringify({ members: m, credited, debited }) !== JSON.stringify(expected)) throw new Error(`imported ${JSON.stringify(result)}`);
    const ledger = await services.loyalty.verify();
    if (!ledger.ok) throw new Error(`loyalty verify failed: ${JSON.stringify(ledger.problems.slice(0, 3))}`);
    return { rows, seconds: +(total / 1000).toFixed(1), validateSeconds: +(phases.validate / 1000).toFixed(1), importSeconds: +(phases.import / 1000).toFixed(1), importPerSecond: Math.round(rows / (phases.import / 1000)) };
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
  const rows = Number(arg('rows', '2000'));
  const which = arg('db', 'both');
  console.log(`Machine: ${machine()}`);
  for (const db of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'postgres' | 'pglite']) {
    const r = await run({ rows, db });
    console.log(`- ${db}: points import of ${rows.toLocaleString('en')} rows: ${r.seconds} s (validation pass ${r.validateSeconds} s, import pass ${r.importSeconds} s: **${r.importPerSecond} rows/s**)`);
  }
}
