import type { Db } from '../../../db/index.ts';
import type { Clock } from '../../../shared/clock.ts';
import { toMajor } from '../../../shared/money.ts';
import { parseInput } from '../../../shared/validation.ts';
import { buyerStats } from './rfm.repository.ts';
import { RfmQuery } from './rfm.schema.ts';
import { DEFAULT_SEGMENT_RULES, scoreRfm } from './rfm.ts';

// RFM scored now from the per-customer stats, for `regulars analyze rfm` and
// GET /api/v1/analytics/rfm alike. (The stored scores of a score run are scores/.)

/** A customer's RFM as the API answers it: snake_case, money a decimal string in the business currency. */
export interface RfmCustomer {
  customer_id: string;
  /** days since the last purchase */
  recency_days: number;
  /** purchase days */
  frequency: number;
  /** net spend */
  monetary: string;
  r: number;
  f: number;
  m: number;
  segment: string;
}

export interface RfmReport {
  currency: string;
  /** every named segment and "Other", in the rules' order, with its customers (0 included) */
  segments: { segment: string; customers: number }[];
  customers: RfmCustomer[];
}

export async function rfmReport(deps: { db: Db; clock: Clock; config: { currency: string } }, input: unknown = {}): Promise<RfmReport> {
  parseInput(RfmQuery, input ?? {}, 'query');
  const { currency } = deps.config;
  const now = deps.clock.now().getTime();
  const rows = await buyerStats(deps.db);
  const scored = scoreRfm(rows.map((r) => ({
    customerId: r.customer_id,
    recencyDays: Math.floor((now - r.last_purchase_at!.getTime()) / 86_400_000),
    frequency: Number(r.purchase_days),
    monetary: Number(r.net_spend_minor),
  })));
  const segments = [...DEFAULT_SEGMENT_RULES.map((r) => r.name), 'Other'].map((segment) => ({ segment, customers: scored.filter((c) => c.segment === segment).length }));
  const customers = scored.map((c) => ({
    customer_id: c.customerId, recency_days: c.recencyDays, frequency: c.frequency, monetary: toMajor(c.monetary, currency), r: c.r, f: c.f, m: c.m, segment: c.segment,
  }));
  return { currency, segments, customers };
}
