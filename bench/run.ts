import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { machine, pgbench, ROOT } from './lib.ts';

// `npm run bench`: every benchmark, one after the other (they would compete for the two
// cores otherwise), printing a markdown report. Sizes are chosen to finish in minutes;
// each bench file runs alone with larger sizes (see its header).
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const wants = (name: string) => only.length === 0 || only.includes(name);
const lines: string[] = [`Machine: ${machine()}; ${new Date().toISOString().slice(0, 10)}; commit ${gitCommit()}`, ''];
const log = (line = '') => {
  lines.push(line);
  console.log(line);
};

if (wants('api')) {
  const { run } = await import('./api.bench.ts');
  // pgbench just before and just after the PostgreSQL run, as bench/api.bench.ts does: the machine's speed drifts.
  for (const db of ['postgres', 'pglite'] as const) {
    const before = db === 'postgres' ? (await pgbench({ seconds: 15 })).tps : 0;
    const r = await run({ db, seconds: 15, clients: 32, base: 50_000 });
    const after = db === 'postgres' ? (await pgbench({ seconds: 15 })).tps : 0;
    if (db === 'postgres') log(`pgbench TPC-B (scale 10, 8 clients, 15 s): ${Math.round(before)} tps before the run, ${Math.round(after)} after`);
    const ratio = db === 'postgres' ? ` (${(r.single.perSecond / ((before + after) / 2)).toFixed(2)} × pgbench)` : '';
    log(`- ${db}: POST /purchases, 32 clients: **${r.single.perSecond} purchases/s**${ratio}, p50 ${r.single.p50} ms, p99 ${r.single.p99} ms; ` +
      `batch of 1,000 (4 clients): **${r.batch.perSecond} purchases/s**, p99 ${r.batch.p99} ms; server peak RSS ${r.serverPeakRssMb} MB`);
  }
}

for (const name of ['import', 'floor', 'regulars', 'group-cost', 'pipeline', 'demo', 'btyd', 'loyalty', 'cli-start']) {
  const file = path.join(ROOT, 'bench', `${name}.bench.ts`);
  if (!wants(name) || !fs.existsSync(file)) continue;
  log('');
  log(`## ${name}`);
  const out = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const line of out.trim().split('\n')) log(line);
}

fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/results/latest.md'), lines.join('\n') + '\n');

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
