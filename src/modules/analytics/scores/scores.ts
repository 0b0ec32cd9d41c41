import type { Selectable } from 'kysely';
import type { ChurnRisk, CustomerScoresTable } from '../../../db/index.ts';
import {
  bgnbdProbabilityAlive, conditionalExpectedPurchases, DAYS_PER_UNIT, gammaGammaConditionalExpectedValue, probabilityAlive,
  type BgNbdParams, type GammaGammaParams, type TransactionModel,
} from '../btyd/index.ts';
import {
  bgnbdProbabilityNoPurchase, btydSummary, churnReasons, modelFeatures, predictLogistic,
  type ChurnScore, type CustomerFeatures, type LogisticModel, type Reason,
} from '../churn/index.ts';
import { segmentOf, type SegmentRule, DEFAULT_SEGMENT_RULES } from '../rfm/index.ts';

// One customer's scores from the fitted models. Pure: the service reads the features and
// the fitted models, this turns them into the row that is stored.

/** Names the scoring recipe; the run row (score_runs.params) holds the fitted parameters. */
export const MODEL_VERSION = 'scores/2 (rfm quintiles, btyd weeks, pareto/nbd p(alive), gamma-gamma, logistic churn)';

/**
 * The model behind a run's stored P(alive). Runs since scores/2 say it (`alive_model`);
 * before, P(alive) came from the run's purchase model.
 */
export function aliveModelOfRun(params: unknown): TransactionModel['model'] | null {
  const run = (params ?? {}) as { alive_model?: TransactionModel['model'] | null; transaction_model?: TransactionModel['model'] | null };
  return run.alive_model !== undefined ? run.alive_model : (run.transaction_model ?? null);
}

/** The churn probability at or above which a customer is in a band. */
export const RISK_THRESHOLDS = { high: 0.7, medium: 0.4 } as const;

export function riskBand(probability: number): ChurnRisk {
  return probability >= RISK_THRESHOLDS.high ? 'high' : probability >= RISK_THRESHOLDS.medium ? 'medium' : 'low';
}

export interface ScoringModels {
  /** the purchase model behind expected purchases and CLV */
  transactionModel?: TransactionModel;
  /**
   * the model behind P(alive): Pareto/NBD in the score runs, whatever the purchase model.
   * BG/NBD lets a customer drop out only right after a repeat purchase, so it holds every
   * one-time buyer alive for sure however long ago they bought; Pareto/NBD's lifetime runs
   * from the first purchase.
   */
  aliveModel?: TransactionModel;
  spendModel?: GammaGammaParams;
  /** mean repeat-day value of the repeat customers, major units (for when Gamma-Gamma has no finite mean) */
  observedMeanValue: number;
  churnModel?: LogisticModel;
  /** the score that sets the band: the logistic model's, or one of BG/NBD's (see churn/baseline.ts) */
  riskFrom: ChurnScore | null;
  /** BG/NBD's parameters, for the band when it is the better churn score (the purchase model may be Pareto/NBD) */
  bgnbd?: BgNbdParams;
  /** the churn horizon (days): "no purchase within" */
  horizonDays: number;
  minorPerMajor: number;
  segmentRules?: readonly SegmentRule[];
}

/** A customer's row of customer_scores as the scorer makes it: writeScores adds the run's columns and segment_since. */
export interface ScoredCustomer extends Omit<Selectable<CustomerScoresTable>, 'run_id' | 'model_version' | 'as_of' | 'computed_at' | 'segment_since'> {
  churn_reasons: Reason[];
}

const WEEK = DAYS_PER_UNIT.week;
const CLV_MONTHS = 12;
/** lifetimes' default monthly discount rate, as clv.ts */
const DISCOUNT_PER_MONTH = 0.01;

interface PurchaseOutlook {
  alive: number | null;
  /** BG/NBD's churn score, when it sets the risk band */
  bgnbdRisk: number | null;
  next90: number | null;
  next365: number | null;
  /** expected purchases of the next 12 months, each month discounted */
  discounted: number | null;
}

/**
 * A scorer for many customers. The purchase-model predictions depend on (x, t_x, T) only
 * and customers share few distinct histories, so they are computed once per history and
 * kept across chunks (clv.ts keeps them for one call).
 */
export function createScorer(models: ScoringModels) {
  const outlooks = new Map<number, PurchaseOutlook>();
  const perMonth = DAYS_PER_UNIT.month / WEEK;
  const { transactionModel, aliveModel, spendModel, observedMeanValue, churnModel, riskFrom, bgnbd, horizonDays, minorPerMajor } = models;
  const fromBgnbd = riskFrom === 'bgnbd_probability_alive' || riskFrom === 'bgnbd_no_purchase';
  if (fromBgnbd && !bgnbd) throw new RangeError(`riskFrom ${riskFrom} needs the BG/NBD parameters`);
  if (riskFrom === 'logistic' && !churnModel) throw new RangeError('riskFrom logistic needs the churn model');
  const bgnbdRisk = (customer: { x: number; tx: number; T: number }) =>
    riskFrom === 'bgnbd_probability_alive'
      ? 1 - bgnbdProbabilityAlive({ params: bgnbd!, customer })
      : bgnbdProbabilityNoPurchase({ params: bgnbd!, customer, t: horizonDays / WEEK });
  const rules = models.segmentRules ?? DEFAULT_SEGMENT_RULES;

  // Keyed by the history in whole days, packed into one number (x < 2^20, days < 2^16).
  function outlook(customer: { x: number; tx: number; T: number }, c: CustomerFeatures): PurchaseOutlook {
    const key = (customer.x * 65_536 + c.span_days) * 65_536 + c.tenure_days;
    let known = outlooks.get(key);
    if (known) return known;
    let discounted: number | null = null;
    if (transactionModel) {
      discounted = 0;
      let before = 0;
      // As clv.ts (lifetimes' method): each month's expected purchases, discounted at (1 + d)^month.
      for (let month = 1; month <= CLV_MONTHS; month++) {
        const cumulative = conditionalExpectedPurchases({ transactionModel, customer, t: month * perMonth });
        discounted += (cumulative - before) / Math.pow(1 + DISCOUNT_PER_MONTH, month);
        before = cumulative;
      }
    }
    known = {
      alive: aliveModel ? probabilityAlive({ transactionModel: aliveModel, customer }) : null,
      bgnbdRisk: fromBgnbd ? bgnbdRisk(customer) : null,
      next90: transactionModel ? conditionalExpectedPurchases({ transactionModel, customer, t: 90 / WEEK }) : null,
      next365: transactionModel ? conditionalExpectedPurchases({ transactionModel, customer, t: 365 / WEEK }) : null,
      discounted,
    };
    outlooks.set(key, known);
    return known;
  }

  function valuePerPurchase(x: number, monetary: number): number {
    if (spendModel) {
      const value = gammaGammaConditionalExpectedValue({ params: spendModel, x, monetary });
      if (Number.isFinite(value) && value >= 0) return value;
    }
    return x > 0 ? monetary : observedMeanValue;
  }

  return (c: CustomerFeatures & { r: number; f: number; m: number }): ScoredCustomer => {
    const summary = btydSummary(c, minorPerMajor);
    const o = transactionModel || aliveModel || fromBgnbd ? outlook(summary, c) : undefined;
    const churnProbability = churnModel ? predictLogistic(churnModel, modelFeatures(c, minorPerMajor)) : null;
    const riskScore = riskFrom === 'logistic' ? churnProbability : fromBgnbd && o ? o.bgnbdRisk : null;
    return {
      customer_id: c.customer_id,
      recency_days: c.recency_days,
      frequency: c.purchase_days,
      monetary_minor: c.net_minor,
      r: c.r,
      f: c.f,
      m: c.m,
      segment: segmentOf({ r: c.r, f: c.f, m: c.m }, rules),
      probability_alive: o ? o.alive : null,
      expected_purchases_90d: o ? o.next90 : null,
      expected_purchases_365d: o ? o.next365 : null,
      clv_12m_minor: o && o.discounted !== null ? Math.round(valuePerPurchase(summary.x, summary.monetary) * o.discounted * minorPerMajor) : null,
      churn_probability: churnProbability,
      churn_risk: riskScore === null ? null : riskBand(riskScore),
      churn_reasons: churnModel ? churnReasons(churnModel, c, { minorPerMajor }) : [],
    };
  };
}
