import type { Db } from '../../../db/index.ts';
import { addDaysToDate, startOfLocalDay } from '../../../shared/clock.ts';
import { bgnbdProbabilityAlive, fitBgNbd, type BgNbdParams } from '../btyd/index.ts';
import { auc } from './auc.ts';
import { bgnbdProbabilityNoPurchase } from './baseline.ts';
import { activeCustomerCount, labelledFeatures, type LabelledFeatures } from './churn.repository.ts';
import { btydSummary, CHURN_FEATURE_NAMES, modelFeatures } from './features.ts';
import { fitLogistic, predictLogistic, type LogisticModel } from './model.ts';

// The churn model, validated on a time split. With horizon H and scoring day D:
//   train: features at D − 2H, label "no purchase day in (D − 2H, D − H]"
//   test:  features at D − H,  label "no purchase day in (D − H, D]"
// The test AUC of the logistic model is reported next to the baselines from BG/NBD
// (fitted at D − H on the same customers): 1 − P(alive), and the model's probability of
// no purchase in the horizon (baseline.ts). The best of the three sets the churn-risk
// band. The model that scores customers at D is then refitted on the test window, the
// most recent one with known outcomes, by the same recipe.

export type ChurnScore = 'logistic' | 'bgnbd_probability_alive' | 'bgnbd_no_purchase';

export interface ChurnValidation {
  horizon_days: number;
  train_cutoff: string;
  test_cutoff: string;
  train_customers: number;
  test_customers: number;
  /** share of test customers with no purchase in the horizon */
  test_churn_rate: number;
  sample_rate: number;
  auc: { logistic: number; bgnbd_probability_alive: number | null; bgnbd_no_purchase: number | null };
  /** the score with the highest test AUC (the logistic model on a tie) */
  winner: ChurnScore;
}

export type ChurnTraining =
  | { status: 'trained'; model: LogisticModel; validation: ChurnValidation }
  | { status: 'skipped'; reason: string };

export interface TrainChurnInput {
  db: Db;
  /** the scoring day D, YYYY-MM-DD */
  asOf: string;
  timeZone: string;
  horizonDays?: number;
  /** customers per cut-off at most (a deterministic sample beyond; default 50,000) */
  maxCustomers?: number;
  lambda?: number;
  minorPerMajor?: number;
  /** fewest churned and fewest retained customers in each window (default 20) */
  minPerClass?: number;
}

export async function trainChurnModel(input: TrainChurnInput): Promise<ChurnTraining> {
  const { db, asOf, timeZone, horizonDays = 90, maxCustomers = 50_000, lambda = 1, minorPerMajor = 100, minPerClass = 20 } = input;
  const testCutoff = addDaysToDate(asOf, -horizonDays);
  const trainCutoff = addDaysToDate(asOf, -2 * horizonDays);
  const base = await activeCustomerCount(db);
  const sampleRate = base > maxCustomers ? maxCustomers / base : 1;
  const read = (cutoff: string, labelEnd: string) =>
    labelledFeatures(db, { cutoff, labelEnd, cutoffEnd: startOfLocalDay(addDaysToDate(cutoff, 1), timeZone), sampleRate });
  const train = await read(trainCutoff, testCutoff);
  const test = await read(testCutoff, asOf);
  for (const [name, rows] of [['training', train], ['test', test]] as const) {
    const churned = rows.filter((r) => r.future_days === 0).length;
    if (churned < minPerClass || rows.length - churned < minPerClass) {
      return { status: 'skipped', reason: `the ${name} window (cut-off ${name === 'training' ? trainCutoff : testCutoff}) has ${churned} churned and ${rows.length - churned} retained customers; at least ${minPerClass} of each are needed` };
    }
  }

  const validated = fit(train, { lambda, minorPerMajor });
  const labels = test.map(label);
  const logisticAuc = auc({ scores: test.map((c) => predictLogistic(validated, modelFeatures(c, minorPerMajor))), labels });
  const baselines = bgnbdBaselines(test, labels, { minorPerMajor, horizonWeeks: horizonDays / 7 });
  const scores = { logistic: logisticAuc, ...baselines };
  const winner = (Object.keys(scores) as ChurnScore[]).reduce((best, k) => ((scores[k] ?? -1) > scores[best]! ? k : best), 'logistic' as ChurnScore);
  return {
    status: 'trained',
    model: fit(test, { lambda, minorPerMajor }),
    validation: {
      horizon_days: horizonDays,
      train_cutoff: trainCutoff,
      test_cutoff: testCutoff,
      train_customers: train.length,
      test_customers: test.length,
      test_churn_rate: labels.reduce((s, y) => s + y, 0) / labels.length,
      sample_rate: sampleRate,
      auc: scores,
      winner,
    },
  };
}

const label = (c: LabelledFeatures): number => (c.future_days === 0 ? 1 : 0);

function fit(rows: readonly LabelledFeatures[], { lambda, minorPerMajor }: { lambda: number; minorPerMajor: number }): LogisticModel {
  const p = CHURN_FEATURE_NAMES.length;
  const X = new Float64Array(rows.length * p);
  rows.forEach((c, i) => X.set(modelFeatures(c, minorPerMajor), i * p));
  return fitLogistic({ features: CHURN_FEATURE_NAMES, X, y: rows.map(label), lambda });
}

// BG/NBD fitted at the test cut-off. Null when it cannot be fitted (nobody came back).
function bgnbdBaselines(test: readonly LabelledFeatures[], labels: number[], { minorPerMajor, horizonWeeks }: { minorPerMajor: number; horizonWeeks: number }) {
  const summaries = test.map((c) => btydSummary(c, minorPerMajor));
  if (!summaries.some((s) => s.x > 0)) return { bgnbd_probability_alive: null, bgnbd_no_purchase: null };
  let params: BgNbdParams;
  try {
    params = fitBgNbd(summaries).params;
  } catch {
    return { bgnbd_probability_alive: null, bgnbd_no_purchase: null };
  }
  return {
    bgnbd_probability_alive: auc({ scores: summaries.map((s) => 1 - bgnbdProbabilityAlive({ params, customer: s })), labels }),
    bgnbd_no_purchase: auc({ scores: summaries.map((s) => bgnbdProbabilityNoPurchase({ params, customer: s, t: horizonWeeks })), labels }),
  };
}
