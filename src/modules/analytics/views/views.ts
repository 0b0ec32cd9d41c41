import { toMinor } from '../../../shared/money.ts';
import { probabilityAlive, type TransactionModel } from '../btyd/index.ts';
import type { HeadlineFigures } from '../metrics/index.ts';

// The dashboard's read models, the pure part: comparing two periods, choosing histogram
// edges, the probability-alive matrix. The SQL is in views.repository.ts.

// ── Overview ─────────────────────────────────────────────────────────────────

export type KpiName = 'customers' | 'purchases' | 'revenue' | 'repeat_purchase_ratio' | 'average_check' | 'active_customers_share';

export interface Kpi {
  /** counts and shares as numbers, money as a decimal string in `currency` */
  value: number | string | null;
  previous: number | string | null;
  /** "relative": (value − previous) ÷ previous; "difference": value − previous (for shares) */
  change: number | null;
  change_kind: 'relative' | 'difference';
  /** what the figure is computed from in each period: customers or purchases (see `sample_of`) */
  sample: number;
  previous_sample: number;
  sample_of: 'customers' | 'purchases';
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;
const relative = (now: number | null, before: number | null) => (now === null || before === null || before === 0 ? null : round4((now - before) / before));
const difference = (now: number | null, before: number | null) => (now === null || before === null ? null : round4(now - before));
const share = (part: number, whole: number) => (whole > 0 ? round4(part / whole) : null);

export function shapeKpis({ current, previous, currency }: { current: HeadlineFigures; previous: HeadlineFigures; currency: string }): Record<KpiName, Kpi> {
  const minor = (amount: string | null) => (amount === null ? null : toMinor(amount, currency));
  const c = current.metrics;
  const p = previous.metrics;
  const count = (now: number, before: number, of: Kpi['sample_of']): Kpi => ({
    value: now, previous: before, change: relative(now, before), change_kind: 'relative', sample: now, previous_sample: before, sample_of: of,
  });
  return {
    customers: count(c.customers, p.customers, 'customers'),
    purchases: count(c.purchases, p.purchases, 'purchases'),
    revenue: {
      value: c.revenue, previous: p.revenue, change: relative(minor(c.revenue), minor(p.revenue)), change_kind: 'relative',
      sample: c.purchases, previous_sample: p.purchases, sample_of: 'purchases',
    },
    repeat_purchase_ratio: {
      value: c.repeat_purchase_ratio.value, previous: p.repeat_purchase_ratio.value,
      change: difference(c.repeat_purchase_ratio.value, p.repeat_purchase_ratio.value), change_kind: 'difference',
      sample: c.customers, previous_sample: p.customers, sample_of: 'customers',
    },
    average_check: {
      value: c.average_check.value, previous: p.average_check.value,
      change: relative(minor(c.average_check.value), minor(p.average_check.value)), change_kind: 'relative',
      sample: c.purchases, previous_sample: p.purchases, sample_of: 'purchases',
    },
    active_customers_share: {
      value: share(c.customers, current.knownCustomers), previous: share(p.customers, previous.knownCustomers),
      change: difference(share(c.customers, current.knownCustomers), share(p.customers, previous.knownCustomers)), change_kind: 'difference',
      sample: current.knownCustomers, previous_sample: previous.knownCustomers, sample_of: 'customers',
    },
  };
}

// ── CLV histogram ────────────────────────────────────────────────────────────

/** 1, 2, 5, 10, 20, 50, … minor units: edges a person reads at a glance on a log scale. */
export function oneTwoFive(minor: number): number[] {
  const out: number[] = [];
  for (let decade = 1; out.length === 0 || out[out.length - 1] <= minor; decade *= 10) out.push(decade, 2 * decade, 5 * decade);
  return out;
}

/**
 * Bucket edges in minor units: 0, then 1-2-5 steps from about the 5th percentile of the
 * positive values to the first step above the largest, at most `maxBuckets` buckets (the
 * lowest steps are merged into the first bucket when there are more). The last edge is
 * above every value, so each bucket is [from, to).
 */
export function clvEdges({ low, max, maxBuckets }: { low: number; max: number; maxBuckets: number }): number[] {
  if (!(max > 0)) return [0, 1];
  const steps = oneTwoFive(max);
  const top = steps.findIndex((s) => s > max);
  let first = Math.max(0, steps.findLastIndex((s) => s <= Math.max(1, low)));
  first = Math.max(first, top - (maxBuckets - 1));
  return [0, ...steps.slice(first, top + 1)];
}

// ── Probability alive matrix ─────────────────────────────────────────────────

export interface Bin {
  from: number;
  /** inclusive */
  to: number;
}

/**
 * Consecutive bins of whole numbers 0…max of one width, at most `count` of them. With
 * `zeroAlone`, 0 has a bin of its own (x = 0 is a different kind of customer: the first
 * and last purchase are the same day, t_x = 0) and the width applies from 1.
 */
export function bins({ max, count, zeroAlone = false }: { max: number; count: number; zeroAlone?: boolean }): { width: number; zeroAlone: boolean; bins: Bin[] } {
  const start = zeroAlone ? 1 : 0;
  const width = Math.max(1, Math.ceil((max + 1 - start) / (count - start)));
  const out: Bin[] = zeroAlone ? [{ from: 0, to: 0 }] : [];
  for (let from = start; from <= max; from += width) out.push({ from, to: Math.min(max, from + width - 1) });
  return { width, zeroAlone, bins: out };
}

/** Most whole numbers of a bin the matrix evaluates the model at (Pareto/NBD's P(alive) takes tens of microseconds). */
export const MAX_SAMPLES_PER_BIN = 4;

// The whole numbers from…to, or MAX_SAMPLES_PER_BIN of them evenly spread, ends included.
function samples(from: number, to: number): number[] {
  const n = to - from + 1;
  if (n <= MAX_SAMPLES_PER_BIN) return Array.from({ length: Math.max(0, n) }, (_, i) => from + i);
  return Array.from({ length: MAX_SAMPLES_PER_BIN }, (_, i) => from + Math.round((i * (n - 1)) / (MAX_SAMPLES_PER_BIN - 1)));
}

/**
 * The model's P(alive) over a frequency × recency grid for a customer of age T, as
 * lifetimes' plot_probability_alive_matrix draws it: each cell is the mean over the whole
 * numbers of repeat purchases x in its frequency bin and of recencies t_x (weeks, never
 * above T) in its recency bin (at most MAX_SAMPLES_PER_BIN of each, evenly spread). A
 * customer without a repeat purchase has t_x = 0, so x = 0 has a value only in the row
 * that holds t_x = 0; elsewhere in that column the cell is null (no such customer).
 */
export function aliveMatrix({ model, T, frequency, recency }: { model: TransactionModel; T: number; frequency: readonly Bin[]; recency: readonly Bin[] }): (number | null)[][] {
  return recency.map((rb) =>
    frequency.map((fb) => {
      let sum = 0;
      let n = 0;
      for (const x of samples(fb.from, fb.to)) {
        for (const tx of x === 0 ? (rb.from === 0 ? [0] : []) : samples(rb.from, Math.min(rb.to, T))) {
          sum += probabilityAlive({ transactionModel: model, customer: { x, tx, T } });
          n++;
        }
      }
      return n ? round4(sum / n) : null;
    }),
  );
}
