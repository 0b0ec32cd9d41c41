import type { Transferable } from 'node:worker_threads';
import { runInWorker } from '../../../shared/workers.ts';
import { fitAll, type FitAllInput, type FittedModels, type ModelName } from './fit-all.ts';
import type { CustomerSummary } from './summary.ts';

// fitAll for the server: at a million customers the fits take seconds of arithmetic
// (bench/btyd.bench.ts: BG/NBD 0.7 s, Pareto/NBD 1.5 s), which on the server's thread
// would hold up every request meanwhile — a till's purchase among them. Large inputs are
// fitted in a worker thread (shared/workers.ts); small ones here, where the fit takes
// less than starting a worker would. Same function, same numbers either way.

/** Summaries from this many up go to a worker thread. */
export const OFF_THREAD_FROM = 50_000;

/** The summaries as columns, so they move to the worker without being copied. */
export interface FitJob {
  models?: readonly ModelName[];
  columns: { x: Float64Array; tx: Float64Array; T: Float64Array; monetary: Float64Array; weight: Float64Array };
}

export async function fitAllOffThread(input: FitAllInput, { offThreadFrom = OFF_THREAD_FROM } = {}): Promise<{ models: FittedModels }> {
  if (input.summaries.length < offThreadFrom) return fitAll(input);
  const columns = columnsOf(input.summaries);
  const job: FitJob = { models: input.models, columns };
  return runInWorker(new URL('./fit.worker.ts', import.meta.url), job, Object.values(columns).map((c) => c.buffer as Transferable));
}

function columnsOf(summaries: readonly CustomerSummary[]): FitJob['columns'] {
  const n = summaries.length;
  const columns = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n), monetary: new Float64Array(n), weight: new Float64Array(n) };
  summaries.forEach((s, i) => {
    columns.x[i] = s.x;
    columns.tx[i] = s.tx;
    columns.T[i] = s.T;
    columns.monetary[i] = s.monetary ?? Number.NaN; // NaN: no value, as undefined is
    columns.weight[i] = s.weight ?? 1;
  });
  return columns;
}

/** The worker's side: the summaries back from their columns. */
export function summariesOf(columns: FitJob['columns']): CustomerSummary[] {
  const out: CustomerSummary[] = new Array(columns.x.length);
  for (let i = 0; i < out.length; i++) {
    const monetary = columns.monetary[i];
    out[i] = { x: columns.x[i], tx: columns.tx[i], T: columns.T[i], weight: columns.weight[i], ...(Number.isNaN(monetary) ? {} : { monetary }) };
  }
  return out;
}
