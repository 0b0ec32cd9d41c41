import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fitBgNbd, fitGammaGamma, fitParetoNbd, summarize, type CustomerSummary } from '../src/modules/analytics/index.ts';
import { machine, ROOT } from './lib.ts';

// Fit times of the customer-base models. Usage: npx tsx bench/btyd.bench.ts [--million]
const DATA = path.resolve(ROOT, '../shared/data/cdnow');

function cdnowSample(): CustomerSummary[] {
  return fs.readFileSync(path.join(DATA, 'cdnow_customers_summary_with_transactions.csv'), 'utf8').trim().split('\n').slice(1).map((l) => {
    const [, x, tx, T, zbar] = l.split(',').map(Number);
    return { x, tx, T, monetary: zbar };
  });
}

function cdnowMaster(): CustomerSummary[] {
  const purchases = fs.readFileSync(path.join(DATA, 'CDNOW_master.txt'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const [id, d, , v] = line.trim().split(/\s+/);
    return { customerId: id, at: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`, value: Number(v) };
  });
  return summarize({ purchases, unit: 'week', calibrationEnd: '1997-09-30' });
}

/** A million customers in whole weeks (a weekly summary), from a seeded generator. */
function synthetic(n: number): CustomerSummary[] {
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const out: CustomerSummary[] = [];
  for (let i = 0; i < n; i++) {
    const T = 1 + Math.floor(random() * 78);
    const rate = -Math.log(1 - random()) * 0.15;
    let t = 0, x = 0, tx = 0;
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      if (t > T) break;
      x++;
      tx = Math.round(t);
      if (random() < 0.2) break;
    }
    out.push({ x, tx, T, monetary: x ? Math.round(1000 + random() * 4000) / 100 : 0 });
  }
  return out;
}

// On the million only BG/NBD: Pareto/NBD (two 2F1 series per distinct summary) and
// Gamma-Gamma (one log per customer with distinct spend) are still too slow there —
// see docs/benchmarks.md.
export function* run() {
  for (const [data, customers, withPareto] of [['CDNOW sample', cdnowSample(), true], ['CDNOW master', cdnowMaster(), true], ...(process.argv.includes('--million') ? [['1,000,000 synthetic', synthetic(1_000_000), false] as const] : [])] as const) {
    const bg = fitBgNbd(customers);
    const pareto = withPareto ? fitParetoNbd(customers) : undefined;
    const gg = withPareto ? fitGammaGamma(customers) : undefined;
    yield { data, customers: customers.length, bgnbd: bg.fit_ms, paretonbd: pareto?.fit_ms, gammagamma: gg?.fit_ms };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Machine: ${machine()}`);
  console.log('| data | customers | BG/NBD | Pareto/NBD | Gamma-Gamma |');
  console.log('|---|---|---|---|---|');
  for (const r of run()) console.log(`| ${r.data} | ${r.customers.toLocaleString('en')} | ${r.bgnbd} ms | ${r.paretonbd === undefined ? '—' : `${r.paretonbd} ms`} | ${r.gammagamma === undefined ? '—' : `${r.gammagamma} ms`} |`);
}
