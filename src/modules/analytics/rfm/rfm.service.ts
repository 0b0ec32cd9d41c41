import type { Db } from '../../../db/index.ts';
import type { Clock } from '../../../shared/clock.ts';
import { parseInput } from '../../../shared/validation.ts';
import { buyerStats } from './rfm.repository.ts';
import { RfmQuery } from './rfm.schema.ts';
import { DEFAULT_SEGMENT_RULES, scoreRfm, type RfmScore } from './rfm.ts';

// RFM scored now from the per-customer stats, for `regulars analyze rfm` and
// GET /api/v1/analytics/rfm alike. (The stored scores of a score run are scores/.)

export interface RfmReport {
  /** every named segment and "Other", in the rules' order, with its customers (0 included) */
  segments: { segment: string; customers: number }[];
  customers: RfmScore[];
}

export async function rfmReport(deps: { db: Db; clock: Clock }, input: unknown = {}): Promise<RfmReport> {
  parseInput(RfmQuery, input ?? {}, 'query');
  const now = deps.clock.now().getTime();
  const rows = await buyerStats(deps.db);
  const customers = scoreRfm(rows.map((r) => ({
    customerId: r.customer_id,
    recencyDays: Math.floor((now - r.last_purchase_at!.getTime()) / 86_400_000),
    frequency: Number(r.purchase_days),
    monetary: Number(r.net_spend_minor),
  })));
  const segments = [...DEFAULT_SEGMENT_RULES.map((r) => r.name), 'Other'].map((segment) => ({ segment, customers: customers.filter((c) => c.segment === segment).length }));
  return { segments, customers };
}
