import type { AppError } from '../../shared/errors.ts';
import type { CommerceService } from '../commerce/index.ts';
import type { StoreService } from '../stores/index.ts';
import { DEMO_STORES } from './catalogue.ts';
import { demoCustomer } from './generate.ts';

// Fills the database with the demo business through the same purchase path as real
// sales, in batches. Deterministic external ids make a second run add nothing.

export type RecordBatch = (inputs: unknown[]) => Promise<({ status: 'created' | 'duplicate' } | { status: 'error'; error: AppError })[]>;

export interface DemoOptions {
  stores: StoreService;
  commerce: CommerceService;
  record: RecordBatch;
  customers?: number;
  seed?: number;
  years?: number;
  end: Date;
  onProgress?: (p: { customers: number; purchases: number }) => void;
}

export async function generateDemo(options: DemoOptions) {
  const { customers = 5000, seed = 1, years = 2, end } = options;
  for (const { languages: _l, ...store } of DEMO_STORES) await options.stores.upsert(store);
  const start = new Date(end.getTime() - years * 365.25 * 86_400_000);
  let batch: unknown[] = [];
  let refunds: { purchase: string; external_id: string; amount?: string; reason: string }[] = [];
  const summary = { customers, purchases: 0, created: 0, refunds: 0 };

  const flush = async () => {
    if (batch.length === 0) return;
    const outcomes = await options.record(batch);
    for (const o of outcomes) {
      if (o.status === 'error') throw o.error; // generated data is valid by construction
      if (o.status === 'created') summary.created++;
    }
    for (const r of refunds) {
      await options.commerce.refund(r.purchase, { external_id: r.external_id, amount: r.amount, reason: r.reason }, { actor: 'demo' });
    }
    batch = [];
    refunds = [];
  };

  for (let n = 0; n < customers; n++) {
    const customer = demoCustomer({ seed, n, start, end });
    for (const p of customer.purchases) {
      batch.push(p.input);
      if (p.refund) refunds.push({ purchase: p.input.external_id, ...p.refund });
    }
    summary.purchases += customer.purchases.length;
    summary.refunds += customer.purchases.filter((p) => p.refund).length;
    if (batch.length >= 2000) {
      await flush();
      options.onProgress?.({ customers: n + 1, purchases: summary.purchases });
    }
  }
  await flush();
  options.onProgress?.({ customers, purchases: summary.purchases });
  const totals = await options.commerce.totals();
  return { stores: DEMO_STORES.length, ...summary, revenue: totals.revenue, currency: totals.currency };
}
