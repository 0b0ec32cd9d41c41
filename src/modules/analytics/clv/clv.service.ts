import type { Db } from '../../../db/index.ts';
import { invalid, invalidField } from '../../../shared/errors.ts';
import { parseInput } from '../../../shared/validation.ts';
import {
  fitAllOffThread, MODEL_NAMES, summarize, validationReport,
  type CustomerSummary, type FittedModels, type HoldoutCustomer, type HoldoutSummary, type ModelName, type Purchase, type TimeUnit, type ValidationReport,
} from '../btyd/index.ts';
import { purchaseValues } from './clv.repository.ts';
import { ClvQuery } from './clv.schema.ts';

// The customer-base fit of `regulars analyze clv` and GET /api/v1/analytics/clv: BG/NBD,
// Pareto/NBD and Gamma-Gamma fitted to per-customer summaries, with an optional check of
// the purchase models against a holdout period. The summaries come from the purchases in
// the database, or (CLI only) from a file of purchases or of summaries.

export interface ClvFit {
  customers: number;
  unit: TimeUnit;
  models: FittedModels;
  /** null without a holdout */
  validation: { bgnbd?: ValidationReport; paretonbd?: ValidationReport } | null;
}

/** Fits the models of `query.model`; with `holdout` (the same summaries, with their holdout purchases), checks the purchase models' predictions too. */
export async function fitSummaries({ summaries, query, holdout }: { summaries: readonly CustomerSummary[]; query: ClvQuery; holdout?: readonly HoldoutCustomer[] }): Promise<ClvFit> {
  const models = query.model === 'all' ? MODEL_NAMES : [query.model];
  const fitted = await fitModels(summaries, models);
  const validation = holdout && {
    ...(fitted.bgnbd ? { bgnbd: validationReport({ transactionModel: { model: 'bgnbd', params: fitted.bgnbd.params }, customers: holdout }) } : {}),
    ...(fitted.paretonbd ? { paretonbd: validationReport({ transactionModel: { model: 'paretonbd', params: fitted.paretonbd.params }, customers: holdout }) } : {}),
  };
  return { customers: summaries.length, unit: query.unit, models: fitted, validation: validation ?? null };
}

// The fits refuse data they cannot fit (nobody bought by the calibration's end, nobody
// bought again for Gamma-Gamma) with a RangeError: that is the answer to this input, a
// 422 through the server, not a fault of the server.
async function fitModels(summaries: readonly CustomerSummary[], models: readonly ModelName[]): Promise<FittedModels> {
  try {
    return (await fitAllOffThread({ summaries, models })).models;
  } catch (error) {
    if (error instanceof RangeError) throw invalid(error.message);
    throw error;
  }
}

/** Summarizes the purchases up to calibration_end (default: the last purchase day), and the holdout with holdout_end, then fits. */
export function fitPurchases({ purchases, query }: { purchases: readonly Purchase[]; query: ClvQuery }): Promise<ClvFit> {
  if (purchases.length === 0) throw invalid('No purchases to fit');
  const calibrationEnd = query.calibration_end ?? purchases.reduce((m, p) => (String(p.at) > m ? String(p.at) : m), '').slice(0, 10);
  if (query.holdout_end && query.holdout_end < calibrationEnd) throw invalidField('holdout_end', `must not be before calibration_end (${calibrationEnd}, the last purchase day when not given)`);
  const summaries = summarize({ purchases, unit: query.unit, calibrationEnd, holdoutEnd: query.holdout_end });
  if (summaries.length === 0) throw invalidField('calibration_end', `nobody had bought by ${calibrationEnd}`);
  // With a holdout end, summarize counts each customer's holdout purchases too.
  return fitSummaries({ summaries, query, holdout: query.holdout_end ? (summaries as HoldoutSummary[]) : undefined });
}

/** The fit on the purchases in the database. */
export async function clvFit(deps: { db: Db; config: { currency: string } }, input: unknown): Promise<ClvFit> {
  const query = parseInput(ClvQuery, input ?? {}, 'query');
  return fitPurchases({ purchases: await purchaseValues(deps.db, deps.config.currency), query });
}
