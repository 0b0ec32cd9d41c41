import type { Transferable } from 'node:worker_threads';
import type { Db } from '../../../db/index.ts';
import { invalid, invalidField } from '../../../shared/errors.ts';
import { parseInput } from '../../../shared/validation.ts';
import { say } from '../../../shared/messages/index.ts';
import { runInWorker } from '../../../shared/workers.ts';
import {
  columnsOfPurchases, fitAll, fitAllOffThread, MODEL_NAMES, OFF_THREAD_FROM, summarizeColumns, validationReport,
  type CustomerSummary, type FittedModels, type HoldoutSummary, type Purchase, type PurchaseColumns, type TimeUnit, type ValidationReport,
} from '../btyd/index.ts';
import { purchaseColumns } from './clv.repository.ts';
import { ClvQuery } from './clv.schema.ts';

// The customer-base fit of `regulars analyze clv` and GET /api/v1/analytics/clv: BG/NBD,
// Pareto/NBD and Gamma-Gamma fitted to per-customer summaries, with an optional check of
// the purchase models against a holdout period. The summaries come from the purchases in
// the database, or (CLI only) from a file of purchases or of summaries. Summarizing a
// million purchases takes two seconds and fitting them two more, so a large history is
// summarized and fitted in a worker thread (shared/workers.ts): the server answers its
// other requests meanwhile.

export interface ClvFit {
  customers: number;
  unit: TimeUnit;
  models: FittedModels;
  /** null without a holdout */
  validation: { bgnbd?: ValidationReport; paretonbd?: ValidationReport } | null;
}

const modelsOf = (query: ClvQuery) => (query.model === 'all' ? MODEL_NAMES : [query.model]);

// The fits refuse data they cannot fit (nobody bought by the calibration's end, nobody
// bought again for Gamma-Gamma) with a RangeError: that is the answer to this input, a
// 422 through the server, not a fault of the server.
const refusalAsInvalid = (error: unknown) => (error instanceof RangeError ? invalid(error.message) : error);

/** Fits the models of `query.model` to per-customer summaries (a summary file has no holdout). */
export async function fitSummaries({ summaries, query }: { summaries: readonly CustomerSummary[]; query: ClvQuery }): Promise<ClvFit> {
  const { models } = await fitAllOffThread({ summaries, models: modelsOf(query) }).catch((error: unknown) => {
    throw refusalAsInvalid(error);
  });
  return { customers: summaries.length, unit: query.unit, models, validation: null };
}

/**
 * Summarizes the purchases up to calibration_end (default: the last purchase day), and
 * the holdout with holdout_end, then fits and, with a holdout, checks the purchase
 * models' predictions; in a worker thread from OFF_THREAD_FROM purchases up.
 */
export async function fitPurchases({ purchases, query }: { purchases: PurchaseColumns; query: ClvQuery }): Promise<ClvFit> {
  if (purchases.day.length === 0) throw invalid(say('clv.no_purchases'));
  if (purchases.day.length < OFF_THREAD_FROM) return fitPurchasesHere(purchases, query);
  return runInWorker(new URL('./clv.worker.ts', import.meta.url), { purchases, query }, Object.values(purchases).map((c) => c.buffer as Transferable));
}

/** fitPurchases on this thread (the worker's side, and small histories). */
export function fitPurchasesHere(columns: PurchaseColumns, query: ClvQuery): ClvFit {
  let lastDay = -Infinity;
  for (const day of columns.day) lastDay = Math.max(lastDay, day);
  const calibrationEnd = query.calibration_end ?? isoDay(lastDay);
  if (query.holdout_end && query.holdout_end < calibrationEnd) throw invalidField('holdout_end', say('clv.holdout_before_last_purchase', { date: calibrationEnd }));
  const summaries = summarizeColumns(columns, { unit: query.unit, calibrationEnd, holdoutEnd: query.holdout_end });
  if (summaries.length === 0) throw invalidField('calibration_end', say('clv.nobody_bought_by', { date: calibrationEnd }));
  let fitted: FittedModels;
  try {
    fitted = fitAll({ summaries, models: modelsOf(query) }).models;
  } catch (error) {
    throw refusalAsInvalid(error);
  }
  // With a holdout end, summarize counts each customer's holdout purchases too.
  const holdout = query.holdout_end ? (summaries as HoldoutSummary[]) : undefined;
  const validation = holdout && {
    ...(fitted.bgnbd ? { bgnbd: validationReport({ transactionModel: { model: 'bgnbd', params: fitted.bgnbd.params }, customers: holdout }) } : {}),
    ...(fitted.paretonbd ? { paretonbd: validationReport({ transactionModel: { model: 'paretonbd', params: fitted.paretonbd.params }, customers: holdout }) } : {}),
  };
  return { customers: summaries.length, unit: query.unit, models: fitted, validation: validation ?? null };
}

/** Purchases read from a file (the CLI) as columns. */
export const purchaseColumnsOf = (purchases: readonly Purchase[]): PurchaseColumns => columnsOfPurchases(purchases).columns;

const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The fit on the purchases in the database. */
export async function clvFit(deps: { db: Db; config: { currency: string } }, input: unknown): Promise<ClvFit> {
  const query = parseInput(ClvQuery, input ?? {}, 'query');
  return fitPurchases({ purchases: await purchaseColumns(deps.db, deps.config.currency), query });
}
