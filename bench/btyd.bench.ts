import { pathToFileURL } from 'node:url';
import {
  fitAll, fitAllOffThread, fitBgNbd, fitGammaGamma, fitParetoNbd, groupSummaries, simulateBgNbd, summarize, type CustomerSummary,
} from '../src/modules/analytics/index.ts';
import { cdnowMasterPurchases, cdnowSampleSummary } from '../src/modules/analytics/btyd/test-data.ts';
import { machine } from './lib.ts';

// Fit times of the customer-base models: `npx tsx bench/btyd.bench.ts`. Each time is a
// whole fit from the summaries (grouping, all starting points, standard errors): the
// first fit in the process (which includes JIT warm-up) and the median of the next few.
// lifetimes' figures for the CDNOW master file are 0.17 s (BG/NBD), 2.6 s (Pareto/NBD)
// and 0.04 s (Gamma-Gamma).

export interface BenchRow {
  data: string;
  customers: number;
  /** distinct (x, t_x, T): the terms the purchase-model likelihoods sum */
  groups: number;
  bgnbd: Timing;
  paretonbd: Timing;
  gammagamma: Timing;
}

interface Timing {
  first_ms: number;
  median_ms: number;
}

function time(fit: () => { fit_ms: number }, repeats: number): Timing {
  const first = fit().fit_ms;
  const rest = Array.from({ length: repeats }, () => fit().fit_ms).sort((a, b) => a - b);
  return { first_ms: first, median_ms: rest.length ? rest[rest.length >> 1] : first };
}

/** A synthetic BG/NBD population with Gamma-distributed spend, in weeks of whole days. */
function synthetic(customers: number): CustomerSummary[] {
  const summaries = simulateBgNbd({ params: { r: 0.25, alpha: 4, a: 0.8, b: 2.5 }, customers, seed: 7, maxAge: 52, resolution: 1 / 7 });
  let seed = 1;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (const s of summaries) s.monetary = s.x > 0 ? Math.round(100 * (5 + 45 * random())) / 100 : 0;
  return summaries;
}

export function run({ repeats = 5 }: { repeats?: number } = {}): BenchRow[] {
  const datasets: [string, CustomerSummary[], number][] = [
    ['CDNOW sample (weeks)', cdnowSampleSummary(), repeats],
    ['CDNOW master (weeks, calibration to 1997-09-30)', summarize({ purchases: cdnowMasterPurchases(), unit: 'week', calibrationEnd: '1997-09-30' }), repeats],
    ['1,000,000 synthetic BG/NBD customers (weeks)', synthetic(1_000_000), Math.min(repeats, 2)],
  ];
  return datasets.map(([data, summaries, n]) => ({
    data,
    customers: summaries.length,
    groups: groupSummaries(summaries).size,
    bgnbd: time(() => fitBgNbd(summaries), n),
    paretonbd: time(() => fitParetoNbd(summaries), n),
    gammagamma: time(() => fitGammaGamma(summaries), n),
  }));
}

export function markdown(rows: readonly BenchRow[]): string {
  const cell = (t: Timing) => `${t.median_ms.toLocaleString('en')} ms (first ${t.first_ms.toLocaleString('en')})`;
  return [
    '| data | customers | distinct (x, t_x, T) | BG/NBD | Pareto/NBD | Gamma-Gamma |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.data} | ${r.customers.toLocaleString('en')} | ${r.groups.toLocaleString('en')} | ${cell(r.bgnbd)} | ${cell(r.paretonbd)} | ${cell(r.gammagamma)} |`),
    '',
    'lifetimes on the CDNOW master file: 170 ms (BG/NBD), 2,600 ms (Pareto/NBD), 40 ms (Gamma-Gamma).',
  ].join('\n');
}

/**
 * The longest stall of this thread (what a server's requests would wait) while all three
 * models are fitted to the million: by fitAll on this thread, and by fitAllOffThread in a
 * worker (modules/analytics/btyd/fit-off-thread.ts), with the wall time of each.
 */
export async function threadStalls(): Promise<string> {
  const summaries = synthetic(1_000_000);
  const measure = async (fit: () => Promise<unknown>) => {
    // A 5 ms timer's longest gap between ticks is the longest time this thread was held.
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await fit();
    const wall = performance.now() - started;
    await new Promise((r) => setTimeout(r, 50)); // the tick after a stall measures it
    clearInterval(timer);
    return `${Math.round(wall).toLocaleString('en')} ms, longest stall of this thread ${Math.round(longest).toLocaleString('en')} ms`;
  };
  const here = await measure(async () => fitAll({ summaries }));
  const worker = await measure(() => fitAllOffThread({ summaries }));
  return `All three models on the 1,000,000 synthetic customers: on this thread ${here}; in a worker thread ${worker}.`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(`Machine: ${machine()}`);
  console.log('');
  console.log(markdown(run()));
  console.log('');
  console.log(await threadStalls());
}
