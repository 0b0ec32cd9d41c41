import type { ChurnRisk } from '../../../db/index.ts';
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
export const MODEL_VERSION = 'scores/1 (rfm quintiles, btyd weeks, gamma-gamma, logistic churn)';

/** The churn probability at or above which a customer is in a band. */
export const RISK_THRESHOLDS = { high: 0.7, medium: 0.4 } as const;

export function riskBand(probability: number): ChurnRisk {
  return probability >= RISK_THRESHOLDS.high ? 'high' : probability >= RISK_THRESHOLDS.medium ? 'medium' : 'low';
}

export interface ScoringModels {
  transactionModel?: TransactionModel;
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

export interface ScoredCustomer {
  customer_id: string;
  recency_days: number;
  frequency: number;
  monetary_minor: number;
  r: number;
  f: number;
  m: number;
  segment: string;
  probability_alive: number | null;
  expected_purchases_90d: number | null;
  expected_purchases_365d: number | null;
  clv_12m_minor: number | null;
  churn_probability: number | null;
  churn_risk: ChurnRisk | null;
  churn_reasons: Reason[];
}

const WEEK = DAYS_PER_UNIT.week;
const CLV_MONTHS = 12;
/** lifetimes' default monthly discount rate, as clv.ts */
const DISCOUNT_PER_MONTH = 0.01;

interface PurchaseOutlook {
  alive: number;
  /** BG/NBD's churn score, when it sets the risk band */
  bgnbdRisk: number | null;
  next90: number;
  next365: number;
  /** expected purchases of the next 12 months, each month discounted */
  discounted: number;
}

/**
 * A scorer for many customers. The purchase-model predictions depend on (x, t_x, T) only
 * and customers share few distinct histories, so they are computed once per history and
 * kept across chunks (clv.ts keeps them for one call).
 */
export function createScorer(models: ScoringModels) {
  const outlooks = new Map<number, PurchaseOutlook>();
  const perMonth = DAYS_PER_UNIT.month / WEEK;
  const { transactionModel, spendModel, observedMeanValue, churnModel, riskFrom, bgnbd, horizonDays, minorPerMajor } = models;
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
    const model = transactionModel!;
    let discounted = 0;
    let before = 0;
    // As clv.ts (lifetimes' method): each month's expected purchases, discounted at (1 + d)^month.
    for (let month = 1; month <= CLV_MONTHS; month++) {
      const cumulative = conditionalExpectedPurchases({ transactionModel: model, customer, t: month * perMonth });
      discounted += (cumulative - before) / Math.pow(1 + DISCOUNT_PER_MONTH, month);
      before = cumulative;
    }
    known = {
      alive: probabilityAlive({ transactionModel: model, customer }),
      bgnbdRisk: fromBgnbd ? bgnbdRisk(customer) : null,
      next90: conditionalExpectedPurchases({ transactionModel: model, customer, t: 90 / WEEK }),
      next365: conditionalExpectedPurchases({ transactionModel: model, customer, t: 365 / WEEK }),
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
    const o = transactionModel ? outlook(summary, c) : undefined;
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
      clv_12m_minor: o ? Math.round(valuePerPurchase(summary.x, summary.monetary) * o.discounted * minorPerMajor) : null,
      churn_probability: churnProbability,
      churn_risk: riskScore === null ? null : riskBand(riskScore),
      churn_reasons: churnModel ? churnReasons(churnModel, c, { minorPerMajor }) : [],
    };
  };
}
