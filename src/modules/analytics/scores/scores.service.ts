import type { Db } from '../../../db/index.ts';
import { publish, type OutgoingEvent } from '../../../jobs/outbox.ts';
import { addDaysToDate, localDate, startOfLocalDay, type Clock } from '../../../shared/clock.ts';
import { invalidField, notFound } from '../../../shared/errors.ts';
import { say } from '../../../shared/messages/index.ts';
import { newId } from '../../../shared/ids.ts';
import type { Logger } from '../../../shared/logger.ts';
import { currencyExponent, toMajor } from '../../../shared/money.ts';
import { parseInput } from '../../../shared/validation.ts';
import { fitAllOffThread, type BgNbdParams, type CustomerSummary, type FittedModels, type ModelFit, type GammaGammaParams, type TransactionModel } from '../btyd/index.ts';
import { customerNotFound, customerToRead } from '../../customers/index.ts';
import { trainChurnModel, type ChurnTraining, type ChurnValidation } from '../churn/index.ts';
import * as repo from './scores.repository.ts';
import { ScoreRunInput, SegmentHistoryQuery } from './scores.schema.ts';
import { aliveModelOfRun, createScorer, MODEL_VERSION, RISK_THRESHOLDS, type ScoredCustomer, type ScoringModels } from './scores.ts';

// Scores per customer: RFM segment, BTYD predictions, CLV and churn risk, computed for
// every customer by the nightly job (src/jobs/schedules.ts) or on demand. A run:
//   1. stages every customer's features at the day scored (one pass over the purchases);
//   2. fits BG/NBD, Pareto/NBD and Gamma-Gamma on the grouped histories, and the churn
//      model on a time split (churn/);
//   3. scores the customers chunk by chunk; each chunk's scores, its segment moves and a
//      `customer.segment_changed` event per changed customer commit in one transaction;
//   4. drops the scores of customers who are gone and records the segment sizes.

export const SEGMENT_CHANGED = 'customer.segment_changed';

export interface ScoresDeps {
  db: Db;
  clock: Clock;
  /** the business's time zone: "today" and the end of the day scored */
  timeZone: string;
  currency: string;
  logger: Logger;
  /** customers per transaction (default 20,000) */
  chunkSize?: number;
}

export interface ComputeScoresOptions {
  /** last local day of purchases the scores see; default today */
  asOf?: string;
  horizonDays?: number;
  /** the purchase model behind expected purchases and CLV (default BG/NBD); P(alive) is Pareto/NBD's either way */
  transactionModel?: TransactionModel['model'];
  /** who asked: 'schedule', 'api', 'cli' */
  trigger?: string;
}

export interface ScoreRunSummary {
  run_id: string;
  as_of: string;
  trigger: string;
  customers: number;
  segment_changes: number;
  /** customers whose scores were removed (merged, erased) */
  left: number;
  duration_ms: number;
  segments: { segment: string; customers: number }[];
  transaction_model: TransactionModel['model'] | null;
  /** the model behind P(alive): Pareto/NBD, or none when it could not be fitted */
  alive_model: TransactionModel['model'] | null;
  churn: { risk_from: ScoringModels['riskFrom']; status: ChurnTraining['status']; reason?: string; auc?: ChurnValidation['auc']; test_customers?: number; test_churn_rate?: number };
  timings_ms: Record<string, number>;
}

export function createScoresService(deps: ScoresDeps) {
  const { db, clock, timeZone, currency, logger } = deps;
  const chunkSize = deps.chunkSize ?? 20_000;
  const minorPerMajor = 10 ** currencyExponent(currency);

  async function computeScores(options: ComputeScoresOptions = {}): Promise<ScoreRunSummary> {
    const input = parseInput(ScoreRunInput, { as_of: options.asOf, horizon_days: options.horizonDays, transaction_model: options.transactionModel }, 'score run');
    const trigger = options.trigger ?? 'api';
    const now = clock.now();
    const today = localDate(now, timeZone);
    const asOf = input.as_of ?? today;
    if (asOf > today) throw invalidField('as_of', say('analytics.after_today', { today, time_zone: timeZone }));
    const horizonDays = input.horizon_days ?? 90;
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string, since: number) => (timings[name] = Math.round(performance.now() - since));

    await repo.abandonStaleRuns(db, now);
    const runId = newId();
    await repo.startRun(db, { id: runId, asOf, trigger, now });
    try {
      // The churn model reads its own sample of the purchases: on PostgreSQL it trains
      // on another connection while the features are staged and the BTYD models fitted.
      const trainingStarted = performance.now();
      const training = trainChurnModel({ db, asOf, timeZone, horizonDays, minorPerMajor }).finally(() => lap('churn_model', trainingStarted));
      let t = trainingStarted;
      training.catch(() => undefined); // awaited below

      const staged = await repo.stageFeatures(db, { runId, cutoff: asOf, cutoffEnd: startOfLocalDay(addDaysToDate(asOf, 1), timeZone) });
      lap('features', t);

      t = performance.now();
      const purchaseModels = await fitPurchaseModels(asOf, input.transaction_model ?? 'bgnbd');
      lap('purchase_models', t);

      const churn = await training;

      // The band follows the best churn score on the held-out window; without a churn
      // model (too little history), BG/NBD's probability of no purchase in the horizon.
      const bgnbd = purchaseModels.fits.bgnbd?.params as BgNbdParams | undefined;
      const riskFrom: ScoringModels['riskFrom'] =
        churn.status === 'trained' ? (bgnbd ? churn.validation.winner : 'logistic') : bgnbd ? 'bgnbd_no_purchase' : null;
      const churnModel = churn.status === 'trained' ? churn.model : undefined;
      const score = createScorer({ ...purchaseModels, bgnbd, churnModel, riskFrom, horizonDays, minorPerMajor });

      t = performance.now();
      let changes = 0;
      let scored = 0;
      // The next chunk is read and scored while the last one is written (on PostgreSQL
      // that is two connections at work; on PGlite the read waits its turn).
      let writing: Promise<void> | undefined;
      let chunk = await repo.stagedChunk(db, { cutoff: asOf, after: null, limit: chunkSize });
      while (chunk.length > 0) {
        const rows = chunk.map(score);
        const events = segmentEvents({ chunk, rows, runId, asOf });
        const moves = countMoves(chunk, rows);
        await writing;
        writing = db.transaction().execute(async (trx) => {
          await repo.writeScores(trx, { runId, asOf, now: clock.now(), rows, moves });
          await publish(trx, events);
        });
        writing.catch(() => undefined); // awaited below; this only keeps it from being "unhandled" meanwhile
        changes += events.length;
        scored += rows.length;
        chunk = await repo.stagedChunk(db, { cutoff: asOf, after: chunk[chunk.length - 1].customer_id, limit: chunkSize });
      }
      await writing;
      lap('scoring', t);

      t = performance.now();
      const params = {
        model_version: MODEL_VERSION,
        unit: 'week',
        horizon_days: horizonDays,
        transaction_model: purchaseModels.transactionModel?.model ?? null,
        alive_model: purchaseModels.aliveModel?.model ?? null,
        models: purchaseModels.fits,
        spend_observed_mean: purchaseModels.observedMeanValue,
        notes: purchaseModels.notes,
        churn: churn.status === 'trained'
          ? { status: churn.status, validation: churn.validation, model: churn.model }
          : { status: churn.status, reason: churn.reason },
        risk_from: riskFrom,
        risk_thresholds: RISK_THRESHOLDS,
        timings_ms: timings,
      };
      const { left } = await db.transaction().execute((trx) =>
        repo.finishRun(trx, { runId, asOf, now: clock.now(), durationMs: Math.round(performance.now() - started), customers: scored, params }),
      );
      lap('finish', t);
      await repo.clearFeatures(db);
      if (scored !== staged) logger.warn('score run: staged and scored customers differ', { staged, scored });
      const sizes = await repo.segmentSizes(db, runId);
      const summary: ScoreRunSummary = {
        run_id: runId,
        as_of: asOf,
        trigger,
        customers: scored,
        segment_changes: changes,
        left,
        duration_ms: Math.round(performance.now() - started),
        segments: sizes,
        transaction_model: params.transaction_model,
        alive_model: params.alive_model,
        churn: churn.status === 'trained'
          ? { risk_from: riskFrom, status: churn.status, auc: churn.validation.auc, test_customers: churn.validation.test_customers, test_churn_rate: churn.validation.test_churn_rate }
          : { risk_from: riskFrom, status: churn.status, reason: churn.reason },
        timings_ms: timings,
      };
      logger.info('customer scores computed', { run_id: runId, as_of: asOf, customers: scored, segment_changes: changes, duration_ms: summary.duration_ms });
      return summary;
    } catch (error) {
      await repo.failRun(db, { id: runId, now: clock.now(), error: (error as Error).message }).catch(() => undefined);
      await repo.clearFeatures(db).catch(() => undefined);
      throw error;
    }
  }

  // The purchase models on the distinct histories (weeks): BG/NBD always (the default
  // purchase model, and the churn baselines read it), Pareto/NBD always (P(alive): BG/NBD
  // lets a customer drop out only right after a repeat purchase, so it would show every
  // one-time buyer alive for sure, however long ago they bought); Gamma-Gamma on the repeat
  // customers. BG/NBD stays the default for expected purchases and CLV: its predictions are
  // closed-form, while Pareto/NBD's need its integrals for every month of the CLV
  // (bench/scores.bench.ts).
  async function fitPurchaseModels(asOf: string, model: TransactionModel['model']) {
    const notes: string[] = [];
    const fits: FittedModels = {};
    let transactionModel: TransactionModel | undefined;
    let aliveModel: TransactionModel | undefined;
    let spendModel: GammaGammaParams | undefined;
    const histories: CustomerSummary[] = (await repo.historyGroups(db, asOf)).map((g) => ({ x: g.x, tx: g.span / 7, T: g.tenure / 7, weight: Number(g.customers) }));
    const spend: CustomerSummary[] = (await repo.spendGroups(db)).map((g) => ({ x: g.x, tx: 0, T: 0, monetary: Number(g.repeat_net_minor) / g.x / minorPerMajor, weight: Number(g.customers) }));
    const repeaters = spend.reduce((n, s) => n + s.weight!, 0);
    const observedMeanValue = repeaters > 0 ? spend.reduce((sum, s) => sum + s.weight! * s.monetary!, 0) / repeaters : 0;
    if (!histories.some((h) => h.x > 0)) notes.push('No customer has bought on a second day yet: no purchase model, CLV or probability alive.');
    else {
      // A fit that fails leaves its scores empty (and says why); the RFM segments and the
      // other scores are still written.
      try {
        Object.assign(fits, (await fitAllOffThread({ summaries: histories, models: ['bgnbd', 'paretonbd'] })).models);
      } catch {
        // One of the two failed: each alone, so that the other's scores are still written.
        for (const name of ['bgnbd', 'paretonbd'] as const) {
          try {
            Object.assign(fits, (await fitAllOffThread({ summaries: histories, models: [name] })).models);
          } catch (error) {
            const lost = name === 'paretonbd' ? ['probability alive', ...(model === name ? ['expected purchases', 'CLV'] : [])] : model === name ? ['expected purchases', 'CLV'] : ['BG/NBD churn baselines'];
            notes.push(`${name === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD'} could not be fitted (${(error as Error).message}): no ${lost.join(', ')}.`);
          }
        }
      }
      if (fits.paretonbd) aliveModel = { model: 'paretonbd', params: fits.paretonbd.params };
      if (model === 'paretonbd') transactionModel = aliveModel;
      else if (fits.bgnbd) transactionModel = { model, params: fits.bgnbd.params };
      if (!spend.some((s) => s.monetary! > 0)) notes.push('No repeat purchase with a positive value: CLV uses the observed mean.');
      else {
        try {
          fits.gammagamma = (await fitAllOffThread({ summaries: spend, models: ['gammagamma'] })).models.gammagamma!;
          spendModel = fits.gammagamma.params;
        } catch (error) {
          notes.push(`The spend model could not be fitted (${(error as Error).message}): CLV uses each repeat customer's own mean (the observed mean for one-time buyers).`);
        }
      }
    }
    return { fits: fits as Record<string, ModelFit<unknown>>, transactionModel, aliveModel, spendModel, observedMeanValue, notes };
  }

  return {
    computeScores,

    /**
     * The latest scores of the customer the id stands for: a merged id's are the
     * survivor's, under its customer_id (the merged customer's own stay until the next run
     * drops them, and are not shown).
     */
    async customerScores(requested: string) {
      const customer = await customerToRead(db, requested);
      if (customer.status !== 'active') throw customerNotFound(requested, customer);
      const row = await repo.scoresOf(db, customer.id);
      if (!row) throw notFound(say('scores.none_yet'));
      const run = row.run_params as { horizon_days?: number; risk_from?: string; churn?: { validation?: { auc?: unknown } }; transaction_model?: TransactionModel['model'] };
      return {
        customer_id: row.customer_id,
        as_of: row.as_of,
        computed_at: row.computed_at,
        run_id: row.run_id,
        model_version: row.model_version,
        rfm: {
          recency_days: row.recency_days, frequency: row.frequency, monetary: toMajor(row.monetary_minor, currency),
          r: row.r, f: row.f, m: row.m, segment: row.segment, segment_since: row.segment_since,
        },
        probability_alive: row.probability_alive,
        expected_purchases: { next_90_days: row.expected_purchases_90d, next_365_days: row.expected_purchases_365d },
        clv_12_months: row.clv_12m_minor === null ? null : toMajor(row.clv_12m_minor, currency),
        currency,
        churn: {
          probability: row.churn_probability,
          risk: row.churn_risk,
          risk_from: run.risk_from ?? null,
          horizon_days: run.horizon_days ?? null,
          reasons: row.churn_reasons,
        },
        // The numbers behind the numbers: how many customers the models were fitted on,
        // which model gives P(alive) and which the expected purchases and CLV, and how well
        // the churn score ranked customers on the held-out window.
        basis: {
          customers: Number(row.run_customers), alive_model: aliveModelOfRun(run), transaction_model: run.transaction_model ?? null,
          churn_auc: run.churn?.validation?.auc ?? null,
        },
      };
    },

    async segmentHistory(query: { from?: string; to?: string } = {}) {
      const q = parseInput(SegmentHistoryQuery, query, 'query');
      const to = q.to ?? localDate(clock.now(), timeZone);
      const from = q.from ?? addDaysToDate(to, -90);
      return { from, to, runs: await repo.segmentHistory(db, { from, to }) };
    },
  };
}

export type ScoresService = ReturnType<typeof createScoresService>;

function segmentEvents({ chunk, rows, runId, asOf }: { chunk: repo.StagedCustomer[]; rows: ScoredCustomer[]; runId: string; asOf: string }): OutgoingEvent[] {
  const events: OutgoingEvent[] = [];
  rows.forEach((row, i) => {
    const from = chunk[i].previous_segment;
    if (from === row.segment) return;
    events.push({
      type: SEGMENT_CHANGED,
      customerId: row.customer_id,
      payload: { from, to: row.segment, as_of: asOf, run_id: runId, rfm: { r: row.r, f: row.f, m: row.m }, churn_risk: row.churn_risk },
    });
  });
  return events;
}

function countMoves(chunk: repo.StagedCustomer[], rows: ScoredCustomer[]): repo.SegmentMove[] {
  const counts = new Map<string, repo.SegmentMove>();
  rows.forEach((row, i) => {
    const from = chunk[i].previous_segment;
    const key = `${from ?? ''}\u0000${row.segment}`;
    const move = counts.get(key) ?? { from, to: row.segment, customers: 0 };
    move.customers++;
    counts.set(key, move);
  });
  return [...counts.values()];
}
